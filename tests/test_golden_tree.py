"""What a build of the feed tests' learner adds, compared as whole trees with tests/golden/trees/.

- learner-core: what the core, `site.build_site`, returns, called in this process: every page and data file it
  adds (the Markdown of the reports, the commitments and the review page; weeks.json, commitments.json, the
  calendar), the home page and the notes as it rewrites them, and the feeds.
- learner: the same learner built by MkDocs with Material, end to end: of an HTML page, its article (the part
  inpublic writes; the rest is the theme's); of the other files, the whole file.

After an intended change: pytest tests/test_golden_tree.py --regen-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core_inputs import inputs_of
from feedsites import SECRET, SITE_URL, make_learner
from golden import as_bytes, check_golden_tree
from inpublic.feeds.views import page_path
from inpublic.site import SiteFacts, build_site
from sites import Build, build_in_process

ADDED = ("reports/", "commitments/", "review/")  # the folders of pages inpublic adds
FILES = ("feed.xml", "atom.xml", "feed.json", "commitments.ics", "commitments.json")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("tree")
    result = build_in_process(make_learner(folder / "repo").root, folder / "site")
    assert result.returncode == 0, result.output
    return result


def article(html: str) -> str:
    """The <article> of a page, where the page's own content is."""
    return html[html.index("<article"):html.index("</article>") + len("</article>")] + "\n"


def added_files(site: Path) -> dict[str, bytes | str]:
    """Relative path -> content of each file inpublic adds to the built `site`."""
    tree: dict[str, bytes | str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name in FILES:
            tree[name] = path.read_bytes()
        elif name.startswith(ADDED):
            tree[name] = article(path.read_text(encoding="utf-8")) if name.endswith(".html") else path.read_bytes()
    return tree


def test_the_added_files_are_as_kept(site: Build, regen_golden: bool) -> None:
    tree = added_files(site.site)
    assert {"reports/2026-W45/index.html", "commitments/spring/index.html", "feed.xml"} <= tree.keys()
    check_golden_tree(tree, "learner", regen_golden)


def test_a_second_build_gives_the_same_tree(site: Build, tmp_path: Path) -> None:
    again = build_in_process(site.site.parent / "repo", tmp_path / "again")
    assert added_files(again.site) == added_files(site.site)


def core_tree(project: Path) -> dict[str, bytes | str]:
    """Path -> content of everything `build_site` gives for `project`, as an adapter would lay it out."""
    site = build_site(inputs_of(project, SiteFacts(SITE_URL, "Ada learns calculus", language="en")))
    notes = sorted(site.note_dates)  # the learner's notes, which the core gives their dates
    tree: dict[str, bytes | str] = {f.src_uri: f.content for f in site.files}
    tree[site.home.src_uri] = site.page_markdown(site.home.src_uri, site.home.content, "")
    for uri in notes:
        tree[uri] = site.page_markdown(uri, (project / "docs" / uri).read_text(encoding="utf-8"), page_path(uri))
    pages = {uri: page_path(uri) for uri in [site.home.src_uri, *notes, *(f.src_uri for f in site.files)]
             if uri.endswith(".md")}
    tree.update(site.feed_files((), pages))
    return tree


def test_what_build_site_gives_is_as_kept(site: Build, regen_golden: bool) -> None:
    tree = core_tree(site.site.parent / "repo")
    assert {"index.md", "limits.md", "reports/2026-W45.md", "reports/weeks.json", "commitments/spring.md",
            "commitments.ics", "review.md", "feed.xml"} <= tree.keys()
    assert not [path for path, content in tree.items() if SECRET in str(content)], "a private note reached the site"
    check_golden_tree(tree, "learner-core", regen_golden)


def test_the_core_gives_the_files_mkdocs_writes(site: Build) -> None:
    tree = core_tree(site.site.parent / "repo")
    for name in FILES:  # the feeds, the calendar and the commitments' data, byte for byte
        assert as_bytes(tree[name]) == (site.site / name).read_bytes(), name
