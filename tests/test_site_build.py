"""Builds: the demo site, a site without a home page, and a site whose plan has mistakes.

The demo site (with MkDocs and with ProperDocs), a plan with mistakes and a missing plan are real `mkdocs build`
processes, end to end; the rest build in this process.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from gitrepo import GitRepo
from sites import DEMO_EPOCH, MINIMAL_CONFIG, MINIMAL_PLAN, ROOT, build, build_in_process, make_site


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    result = build(ROOT, tmp_path_factory.mktemp("demo") / "site")
    assert result.returncode == 0, result.output
    return result


def test_demo_wikilinks_resolve_and_show_as_backlinks_and_a_broken_one_fails_strict(demo, tmp_path: Path) -> None:
    related = demo.page("calculus/related-rates/index.html")
    assert ('<a href="../chain-rule/#implicit-differentiation">implicit differentiation in my chain rule note</a>'
            in related)  # [[The chain rule#Implicit differentiation|...]], by the note's title, to its heading
    [linked] = lxml.html.fromstring(demo.page("calculus/chain-rule/index.html")).xpath(
        '//*[contains(@class, "inpublic-backlinks")]')
    assert [(a.text_content(), a.get("href")) for a in linked.iter("a")] == [
        ("Derivatives", "../derivatives/"), ("Related rates", "../related-rates/")]
    # the same site, with a wikilink to a note Sam has not written yet
    copy = tmp_path / "copy"
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(copy)], check=True)
    limits = copy / "docs" / "calculus" / "limits.md"
    lines = limits.read_text(encoding="utf-8").splitlines()
    limits.write_text("\n".join([*lines, "", "Next: [[Integrals]]."]) + "\n", encoding="utf-8")
    result = build_in_process(copy, tmp_path / "site", epoch=DEMO_EPOCH)
    assert result.returncode == 1
    assert f"docs/calculus/limits.md:{len(lines) + 2}:7: wikilink [[Integrals]]: no note is called 'Integrals'" in (
        result.output)
    assert "Aborted with 1 warnings in strict mode" in result.output


def test_demo_card_parses_as_svg_and_shows_the_status(demo) -> None:
    card = lxml.etree.parse(str(demo.site / "card.svg")).getroot()
    assert card.tag == "{http://www.w3.org/2000/svg}svg"
    assert card.findtext("{http://www.w3.org/2000/svg}title") == "Sam Rivera: learning in public"
    [status] = card.iter("{http://www.w3.org/2000/svg}tspan")
    assert (status.text, status.get("class")) == ("at risk", "at-risk")  # June, as on the commitments page
    texts = ["".join(t.itertext()) for t in card.iter("{http://www.w3.org/2000/svg}text")]
    assert "8 days" in texts  # the streak through Sam's four days off with flu
    assert "4 of 4 days active, 3 h 45 min, 2 commits" in texts  # Monday 30 November to Thursday 3 December


def test_demo_home_shows_the_learner_the_commitments_and_the_subjects(demo) -> None:
    home = demo.page()
    text = text_of(home)
    assert "Backend engineer for eight years" in text
    assert "Learning in public since 5 October 2026" in text
    assert "Next deadline: 30 June 2027, in 209 days" in text
    assert 'Due <time datetime="2027-06-30">30 June 2027</time> (in 209 days)' in home
    assert 'Due <time datetime="2027-09-30">30 September 2027</time> (in 301 days)' in home
    assert re.search(r'<progress value="36" max="60" '
                     r'aria-label="Professor Leonard: Calculus 1: 36 of 60 lectures"', home)
    for subject in ("Calculus", "Probability", "Mathematics for machine learning", "Linear algebra",
                    "Classical machine learning"):
        assert f"<h3>{subject}</h3>" in home
    assert "assets/inpublic/inpublic.css" in home
    assert (demo.site / "assets" / "inpublic" / "inpublic.css").is_file()


def test_demo_builds_with_properdocs_too(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "site", command="properdocs")
    assert result.returncode == 0, result.output
    assert "Next deadline" in result.page()


def test_a_site_without_a_home_page_gets_one(tmp_path: Path) -> None:
    result = build_in_process(make_site(tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.output
    home = result.page()
    assert "Ada Example: learning in public" in home
    assert "3 / 10 weeks" in home


def test_the_learners_text_is_escaped(tmp_path: Path) -> None:
    result = build_in_process(make_site(tmp_path / "project"), tmp_path / "site")
    home = result.page()
    assert "Learning &lt;b&gt;maths&lt;/b&gt; &amp; &#34;ML&#34;" in home
    assert "<b>maths</b>" not in home


def test_a_home_page_without_the_marker_is_left_alone(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project", index="# My own home\n\nNothing generated here.\n")
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "Next deadline" not in result.page()
    assert "Nothing generated here." in result.page()


def test_a_plan_with_mistakes_stops_the_build_with_every_message(tmp_path: Path) -> None:
    plan = MINIMAL_PLAN.replace("due: 2027-03-31", "due: end of march").replace("kind: course", "kind: corse")
    result = build(make_site(tmp_path / "project", plan=plan), tmp_path / "site")
    assert result.returncode == 1
    assert "inpublic: progress.yaml has mistakes:\n" in result.output
    assert ("progress.yaml:12:15: subjects[0].resources[0].kind: expected one of course, book, lectures, practice, "
            "paper, other, got 'corse'; did you mean 'course'?\n") in result.output
    assert ("progress.yaml:19:10: commitments[0].due: expected a date like 2027-06-30, got 'end of march'\n"
            in result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_missing_plan_stops_the_build_and_says_how_to_start(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    (project / "progress.yaml").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "progress.yaml: no such file; create it, or run `inpublic init` to start from a commented example" in (
        result.output)
    assert "Traceback" not in result.output


def test_an_unknown_plugin_option_fails_a_strict_build_with_a_suggestion(tmp_path: Path) -> None:
    config = (ROOT / "tests" / "sites.py").read_text()  # keep the config in one place
    assert "plugins:\n  - inpublic\n" in config
    project = make_site(tmp_path / "project")
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("  - inpublic\n", "  - inpublic:\n      plann: x.yaml\n"))
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Unrecognised configuration name: plann; did you mean 'plan'?" in result.output


def test_the_dates_stay_outside_a_block_the_note_leaves_open(tmp_path: Path) -> None:
    # the dates are added to the converted page, so an HTML block the learner left open cannot take them in
    config = MINIMAL_CONFIG + "markdown_extensions:\n  - md_in_html\n"
    repo = GitRepo(make_site(tmp_path / "repo", config=config))
    repo.write("docs/draft.md", '# Draft\n\n<div class="aside" markdown>\n\nNot finished.\n')
    repo.commit("A draft", "2026-09-09T20:00:00-04:00")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = result.page("draft/index.html")
    aside = re.search(r'<div class="aside">\s*<p>Not finished.</p>\s*</div>', page)
    dates = re.search(r'<p class="inpublic-dates">First written <time datetime="2026-09-09T20:00:00-04:00">'
                      r'9 September 2026</time></p>', page)
    assert aside is not None and dates is not None and aside.end() < dates.start()
    assert '<p class="inpublic-dates">' in result.page("limits/index.html")
