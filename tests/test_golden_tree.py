"""The files a build of the feed tests' learner adds, compared as one tree with tests/golden/trees/learner.

The reports, the commitments, the review page, the feeds and the calendar: of an HTML page, its article (the
part inpublic writes; the rest is the theme's); of the other files, the whole file. When the core's build_site
returns the site's files, this test can compare what it returns in the same way.
After an intended change: pytest tests/test_golden_tree.py --regen-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feedsites import make_learner
from golden import check_golden_tree
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
