"""Wikilinks and backlinks in real builds: a wikilink resolves to its note's page and shows as a backlink under
it, with either engine; a broken one shows as text marked broken, and stops a --strict build naming the note's
file and line; a private note is never a backlink; the learner's titles are escaped."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from cli_runner import run_inpublic
from gitrepo import GitRepo
from sites import FIXED_EPOCH, MINIMAL_CONFIG, MINIMAL_PLAN, Build, build_in_process, zensical_or_skip

CHAIN = "# The chain rule\n\nBuilt on [[Limits#One side|one-sided limits]] and [[series]].\n"
SERIES = "---\ntitle: Series <b>&</b> \"sums\"\n---\n\n# Series\n\nSee [limits](calculus/limits.md#one-side).\n"
ENV: dict[str, str | None] = {"SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "INPUBLIC_TODAY": None}


def make_notes(root: Path, series: str = SERIES) -> GitRepo:
    repo = GitRepo(root)
    repo.write("mkdocs.yml", MINIMAL_CONFIG)
    repo.write("progress.yaml", MINIMAL_PLAN)
    repo.write("docs/index.md", "# Home\n\nStart at [[Limits]].\n")  # not a note: no backlink
    repo.write("docs/calculus/limits.md", "# Limits\n\n## One side\n\nFrom the left, then from the right.\n")
    repo.write("docs/calculus/chain-rule.md", CHAIN)
    repo.write("docs/series.md", series)
    repo.write("docs/private/diary.md", "# My secret diary\n\nStuck on [[Limits]] again.\n")
    repo.commit("Notes on limits, the chain rule and series", "2026-09-08T20:00:00-04:00")
    return repo


def article(build: Build, page: str) -> lxml.html.HtmlElement:
    found: lxml.html.HtmlElement = lxml.html.fromstring(build.page(page)).xpath("//article")[0]
    return found


def linked_from(build: Build, page: str) -> list[tuple[str, str]]:
    """The "Linked from" list under a page: (title, address) of each note."""
    return [(a.text_content(), a.get("href"))
            for a in article(build, page).xpath('.//section[@class="inpublic-backlinks"]//a')]


def test_a_wikilink_resolves_and_shows_as_a_backlink_on_its_target(tmp_path: Path) -> None:
    repo = make_notes(tmp_path / "repo")
    built = build_in_process(repo.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    chain = {a.text_content(): a.get("href") for a in article(built, "calculus/chain-rule/index.html").iter("a")}
    assert chain["one-sided limits"] == "../limits/#one-side"  # the heading's anchor, as the page has it
    assert article(built, "calculus/limits/index.html").xpath('.//*[@id="one-side"]')
    assert chain["series"] == "../../series/"
    assert {a.get("href") for a in article(built, "index.html").iter("a")} >= {"calculus/limits/"}
    # by a wikilink and by a Markdown link; the home and the private diary are not notes that link to it
    assert linked_from(built, "calculus/limits/index.html") == [
        ('Series <b>&</b> "sums"', "../../series/"), ("The chain rule", "../chain-rule/")]
    assert linked_from(built, "series/index.html") == [("The chain rule", "../calculus/chain-rule/")]
    assert linked_from(built, "calculus/chain-rule/index.html") == []  # nothing links to it: no section
    assert "Linked from" not in build_text(built, "calculus/chain-rule/index.html")
    section = built.page("calculus/limits/index.html").split('<section class="inpublic-backlinks">')[1]
    assert "<b>" not in section and "Series &lt;b&gt;&amp;&lt;/b&gt; &#34;sums&#34;" in section  # escaped
    assert "secret diary" not in "".join(p.read_text(encoding="utf-8") for p in built.site.rglob("*.html")).lower()


def build_text(build: Build, page: str) -> str:
    return str(article(build, page).text_content())


def test_a_broken_wikilink_stops_a_strict_build_naming_the_note_and_line(tmp_path: Path) -> None:
    repo = make_notes(tmp_path / "repo", SERIES + "\nAnd [[Limts|the limits note]], again.\n")
    strict = build_in_process(repo.root, tmp_path / "strict")
    assert strict.returncode == 1
    said = "WARNING -  inpublic: docs/series.md:9:5: wikilink [[Limts]]: no note is called 'Limts'"
    assert f"{said}; did you mean 'Limits'?" in strict.output, strict.output
    built = build_in_process(repo.root, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.output
    broken = article(built, "series/index.html").xpath('.//span[@class="inpublic-broken-link"]')
    assert [span.text_content() for span in broken] == ["the limits note"]
    assert "the limits note" not in [a.text_content() for a in article(built, "series/index.html").iter("a")]


def test_an_ambiguous_wikilink_says_which_two_notes(tmp_path: Path) -> None:
    repo = make_notes(tmp_path / "repo")
    repo.write("docs/analysis/limits.md", "# Limits of sequences\n")
    repo.write("docs/index.md", "# Home\n\nStart at [[limits]].\n")
    repo.commit("Limits of sequences", "2026-09-09T20:00:00-04:00")
    strict = build_in_process(repo.root, tmp_path / "site")
    assert strict.returncode == 1
    assert ("docs/index.md:3:10: wikilink [[limits]]: 'limits' is both analysis/limits.md and calculus/limits.md; "
            "write the folder too, like [[analysis/limits]]") in strict.output, strict.output


def test_backlinks_can_be_turned_off(tmp_path: Path) -> None:
    repo = make_notes(tmp_path / "repo")
    repo.write("mkdocs.yml", MINIMAL_CONFIG.replace("  - inpublic\n", "  - inpublic:\n      backlinks: false\n"))
    repo.commit("No backlinks", "2026-09-09T20:00:00-04:00")
    built = build_in_process(repo.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert linked_from(built, "calculus/limits/index.html") == []
    assert "../limits/#one-side" in built.page("calculus/chain-rule/index.html")  # wikilinks still resolve


def test_with_zensical_a_wikilink_resolves_and_a_broken_one_stops_a_strict_build(tmp_path: Path) -> None:
    zensical_or_skip()
    repo = make_notes(tmp_path / "repo")
    args = ("build", "--strict", "-f", str(repo.root / "mkdocs.yml"))
    ran = run_inpublic(*args, "--engine", "zensical", "-d", str(tmp_path / "zensical"), cwd=repo.root, env=ENV)
    assert ran.returncode == 0, ran.stderr
    ran = run_inpublic(*args, "--engine", "mkdocs", "-d", str(tmp_path / "mkdocs"), cwd=repo.root, env=ENV)
    assert ran.returncode == 0, ran.stderr
    zensical, mkdocs = Build(0, "", tmp_path / "zensical"), Build(0, "", tmp_path / "mkdocs")
    for page in ("calculus/limits/index.html", "series/index.html", "calculus/chain-rule/index.html"):
        assert linked_from(zensical, page) == linked_from(mkdocs, page), page
    assert len(linked_from(zensical, "calculus/limits/index.html")) == 2
    links = [a.get("href") for a in article(zensical, "calculus/chain-rule/index.html").iter("a")]
    assert "../limits/#one-side" in links
    repo.write("docs/series.md", SERIES + "\n[[Nowhere]]\n")
    ran = run_inpublic(*args, "--engine", "zensical", "-d", str(tmp_path / "broken"), cwd=repo.root, env=ENV)
    assert ran.returncode == 1
    assert "docs/series.md:9:1: wikilink [[Nowhere]]: no note is called 'Nowhere'" in ran.stderr
