"""Comments through giscus: off by default, and when on, the placeholder on the pages chosen and on no other, its
settings escaped, the option's mistakes said clearly, the learner's own partial kept, and the same with Zensical.

The sites are built for real: the example site (its mkdocs.yml as Sam has it, with comments on the notes, and
without the option in the build only), and the learner of tests/feedsites.py. That nothing loads from giscus.app
before the reader reaches the comments is checked in a browser, in test_comments_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from cli_runner import run_inpublic
from feedsites import CONFIG, make_learner
from inpublic.engines.notices import ProjectError
from inpublic.engines.project import read_project
from inpublic.giscus import CommentsError, comment_settings
from sites import FIXED_EPOCH, ROOT, Build, build_in_process, zensical_or_skip

IDS = {"repo": "samrivera/learning-ml", "repo_id": "R_kgDOAbCdEf", "category": "Comments",
       "category_id": "DIC_kwDOAbCdEc4Cxyz"}
# the learner's settings, with what HTML and the theme's Jinja would read as their own
HOSTILE = {"repo": "ada/learning", "repo_id": 'R_kgDO"><script>alert(1)</script>', "category": "Q&A {{ 7*7 }}",
           "category_id": "DIC_{%endraw%}x", "lang": "fr"}


def with_comments(config: str, comments: dict[str, Any]) -> str:
    """A learner's mkdocs.yml (feedsites.CONFIG) with `comments` among the plugin's options."""
    return config.replace("  - inpublic\n", "  - inpublic:\n      comments: " + yaml.safe_dump(comments,
                          default_flow_style=True, width=1000))


def placeholders(page: Path) -> list[dict[str, str]]:
    """The giscus placeholders of a built page, each as its attributes (read by an HTML parser, so unescaped)."""
    tree = lxml.html.fromstring(page.read_bytes())
    return [dict(div.attrib) for div in tree.xpath('//div[contains(@class, "inpublic-giscus")]')]


def html_pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example site as Sam set it up: comments on the notes only."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    [options] = [p["inpublic"] for p in config["plugins"] if isinstance(p, dict) and "inpublic" in p]
    assert options["comments"] == {**IDS, "pages": ["notes"]}
    result = build_in_process(ROOT, tmp_path_factory.mktemp("demo") / "site")
    assert result.returncode == 0, result.output
    return result


def test_the_example_site_has_comments_on_its_notes_and_nowhere_else(demo: Build) -> None:
    pages = html_pages(demo.site)
    with_giscus = {name for name, page in pages.items() if placeholders(page)}
    assert "calculus/chain-rule/index.html" in with_giscus  # one of Sam's notes
    assert len(with_giscus) >= 8
    for name in with_giscus:
        assert not name.startswith(("reports/", "commitments/", "review/", "inpublic/", "blog/")), name
        assert name != "index.html"
    for name in ("index.html", "reports/2026-W47/index.html", "reports/2026-11/index.html",
                 "commitments/index.html", "commitments/august/index.html", "404.html"):
        assert name in pages and not placeholders(pages[name]), name
        assert "giscus" not in pages[name].read_text(encoding="utf-8"), name
    giscus = placeholders(pages["calculus/chain-rule/index.html"])
    assert len(giscus) == 1
    assert {k: giscus[0][k] for k in ("data-repo", "data-repo-id", "data-category", "data-category-id",
                                      "data-mapping", "data-lang", "data-reactions-enabled")} == {
        "data-repo": IDS["repo"], "data-repo-id": IDS["repo_id"], "data-category": IDS["category"],
        "data-category-id": IDS["category_id"], "data-mapping": "pathname", "data-lang": "en",
        "data-reactions-enabled": "1"}
    assert "data-theme" not in giscus[0]  # the script gives it, from the page's scheme
    assert (demo.site / "assets" / "inpublic" / "comments.js").is_file()


def test_the_example_site_has_no_giscus_markup_without_the_option(tmp_path: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [{"inpublic": {k: v for k, v in p["inpublic"].items() if k != "comments"}}
               if isinstance(p, dict) and "inpublic" in p else p for p in config["plugins"]]
    result = build_in_process(ROOT, tmp_path / "site", config={"plugins": plugins})
    assert result.returncode == 0, result.output
    assert len(html_pages(result.site)) > 20
    for name, page in html_pages(result.site).items():  # docs/inpublic/comments.md may name giscus, in its text
        text = page.read_text(encoding="utf-8")
        assert not placeholders(page) and '"inpublic-comments"' not in text, name
        assert not re.search(r'<script src="[^"]*comments\.js"', text), name
    assert not (result.site / "assets" / "inpublic" / "comments.js").exists()


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The learner of feedsites, with comments on the reports and the commitments, and settings that HTML and the
    theme's Jinja would read as their own."""
    config = with_comments(CONFIG, {**HOSTILE, "pages": ["reports", "commitments"], "reactions": False})
    return make_learner(tmp_path_factory.mktemp("learner") / "repo", config).root


def test_the_settings_are_escaped_and_shown_only_on_the_pages_chosen(learner: Path, tmp_path: Path) -> None:
    result = build_in_process(learner, tmp_path / "site")
    assert result.returncode == 0, result.output
    pages = html_pages(result.site)
    with_giscus = {name for name, page in pages.items() if placeholders(page)}
    assert with_giscus == {
        "reports/2026-W44/index.html", "reports/2026-W45/index.html", "reports/2026-W46/index.html",
        "reports/2026-W47/index.html", "reports/2026-10/index.html", "reports/2026-11/index.html",
        "commitments/spring/index.html", "commitments/sprint/index.html", "commitments/oops/index.html",
        "commitments/gone/index.html",
    }
    report = pages["reports/2026-W45/index.html"]
    giscus = placeholders(report)[0]
    assert giscus["data-repo-id"] == HOSTILE["repo_id"]
    assert giscus["data-category"] == "Q&A {{ 7*7 }}"  # the theme's Jinja did not read it: no 49
    assert giscus["data-category-id"] == "DIC_{%endraw%}x"
    assert giscus["data-lang"] == "fr"
    assert giscus["data-reactions-enabled"] == "0"
    text = report.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    tree = lxml.html.fromstring(report.read_bytes())
    assert [h.text_content() for h in tree.xpath('//section[@class="inpublic-comments"]/h2')] == ["Comments"]
    noscript = tree.xpath('//section[@class="inpublic-comments"]//noscript')[0]
    assert 'href="https://github.com/ada/learning/discussions"' in lxml.html.tostring(noscript, encoding="unicode")
    for name in ("index.html", "limits/index.html", "reports/index.html", "commitments/index.html"):
        assert not placeholders(pages[name]), name


def test_zensical_shows_the_same_comments_on_the_same_pages(learner: Path, tmp_path: Path) -> None:
    zensical_or_skip()
    env: dict[str, str | None] = {"SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1",
                                  "INPUBLIC_TODAY": None}
    sites = {}
    for engine in ("mkdocs", "zensical"):
        ran = run_inpublic("build", "--engine", engine, "--strict", "-f", str(learner / "mkdocs.yml"),
                           "-d", str(tmp_path / engine), cwd=learner, env=env)
        assert ran.returncode == 0, ran.stderr
        sites[engine] = {name: placeholders(page) for name, page in html_pages(tmp_path / engine).items()
                         if placeholders(page)}
    assert len(sites["mkdocs"]) == 10
    assert sites["zensical"] == sites["mkdocs"]
    assert (tmp_path / "zensical" / "assets" / "inpublic" / "comments.js").is_file()
    page = (tmp_path / "zensical" / "reports" / "2026-W45" / "index.html").read_text(encoding="utf-8")
    assert "assets/inpublic/comments.js" in page


def test_a_learners_own_comments_partial_wins(tmp_path: Path) -> None:
    config = with_comments(CONFIG, {**IDS, "pages": ["notes"]}).replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    repo = make_learner(tmp_path / "repo", config)
    repo.write("overrides/partials/comments.html", "<p id='mine'>My own comments</p>\n")
    repo.commit("My comments", "2026-11-12T07:00:00-05:00")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = (result.site / "limits" / "index.html").read_text(encoding="utf-8")
    assert "My own comments" in page
    assert "inpublic-giscus" not in page
    assert "partials/comments.html (in theme.custom_dir) is used" in result.output


def check(value: object) -> str:
    with pytest.raises(CommentsError) as caught:
        comment_settings(value)
    return str(caught.value)


@pytest.mark.parametrize(("value", "said"), [
    ({**IDS, "categroy": "x"}, "unknown key 'categroy'; did you mean 'category'?"),
    ({k: v for k, v in IDS.items() if k != "repo_id"}, "repo_id is missing: copy data-repo-id from the ids"),
    ({**IDS, "repo": "https://github.com/samrivera/learning-ml"},
     "repo: expected owner/name, like samrivera/learning-ml; got 'https://github.com/samrivera/learning-ml'; "
     "did you mean 'samrivera/learning-ml'?"),
    ({**IDS, "repo": "learning-ml"}, "repo: expected owner/name"),
    ({**IDS, "repo_id": ""}, "repo_id: expected text, copy data-repo-id"),
    ({**IDS, "category_id": None}, "category_id: expected text"),
    ({**IDS, "repo_id": IDS["category_id"], "category_id": IDS["repo_id"]}, "are the two swapped?"),
    ({**IDS, "mapping": "path"}, "mapping: expected one of pathname, url, title, og:title; got 'path'; "
                                 "did you mean 'pathname'?"),
    ({**IDS, "mapping": "specific"}, "mapping: specific needs a term or a discussion number on each page"),
    ({**IDS, "pages": ["note", "reports"]}, "pages: expected notes, reports, commitments; got 'note'; "
                                           "did you mean 'notes'?"),
    ({**IDS, "pages": []}, "pages: empty, so no page would have comments"),
    ({**IDS, "reactions": "yes"}, "reactions: expected true or false; got 'yes'"),
    ("samrivera/learning-ml", "expected a mapping with repo, repo_id, category, category_id"),
])
def test_a_mistake_in_the_option_is_said_clearly(value: object, said: str) -> None:
    assert said in check(value)


def test_every_mistake_is_said_at_once() -> None:
    lines = check({"repo": "x", "mapping": "urls", "pages": ["notes", "reprots"]}).splitlines()
    assert len(lines) == 6, lines  # two ids and the category missing, the repo, the mapping, a page


def test_the_defaults_and_a_page_kind_given_alone() -> None:
    settings = comment_settings({**IDS, "pages": "notes"})
    assert (settings.mapping, settings.pages, settings.lang, settings.reactions) == ("pathname", ("notes",), None,
                                                                                     True)
    assert comment_settings(IDS).pages == ("notes", "reports", "commitments")


def test_a_mistake_stops_the_build_with_the_option_named(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo", with_comments(CONFIG, {**IDS, "mapping": "pathnme"}))
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 1
    assert ("Plugin 'inpublic' option 'comments': mapping: expected one of pathname, url, title, og:title; "
            "got 'pathnme'; did you mean 'pathname'?") in result.output
    assert "Traceback" not in result.output
    with pytest.raises(ProjectError, match="did you mean 'pathname'"):
        read_project(repo.root / "mkdocs.yml")
