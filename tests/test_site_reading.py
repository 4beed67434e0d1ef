"""Real builds of a learner who keeps notes in many topic folders and no study log: where inpublic's pages stand in
the navigation (with and without an explicit `nav:`), the home's links to the weekly reports, and reports and feed
items without the time and units that only a log gives.

A hook of the test site (it runs after every plugin) writes the final navigation to nav.json in the built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from gitrepo import GitRepo
from sites import MINIMAL_CONFIG, MINIMAL_PLAN, Build, build_in_process

NO_LOG_PLAN = MINIMAL_PLAN[: MINIMAL_PLAN.index("log:")]
TOPICS = ("Algebra", "Cocktails", "Cookiecutter", "zsh")  # Commitments sorts between Cocktails and Cookiecutter
NAV_HOOK = '''\
import json, os

def entry(item):
    if item.is_section:
        return {"section": item.title, "children": [entry(c) for c in item.children]}
    if item.is_page:
        return item.file.src_uri
    return {"link": item.url}

def on_nav(nav, config, files):
    os.makedirs(config.site_dir, exist_ok=True)
    with open(os.path.join(config.site_dir, "nav.json"), "w") as out:
        json.dump([entry(i) for i in nav.items], out)
    return nav
'''
OURS = ["commitments/index.md", "reports/index.md", "review.md"]


def learner(root: Path, nav: str = "") -> GitRepo:
    repo = GitRepo(root)
    repo.write("mkdocs.yml", MINIMAL_CONFIG + "hooks: [navdump.py]\n" + nav)
    repo.write("navdump.py", NAV_HOOK)
    repo.write("progress.yaml", NO_LOG_PLAN)
    repo.write("docs/index.md", "# My notes\n\n<!-- inpublic:home -->\n")
    for topic in TOPICS:
        repo.write(f"docs/{topic}/first.md", f"# First note on {topic}\n\nSomething I learned.\n")
    repo.commit("Notes on four topics", "2026-11-10T20:00:00-05:00")
    repo.write("docs/Algebra/second.md", "# Second note on Algebra\n\nMore.\n")
    repo.commit("A second note on algebra", "2026-11-18T20:00:00-05:00")
    return repo


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("topics")
    result = build_in_process(learner(folder / "repo").root, folder / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def explicit(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """An explicit nav that places the reports last, and says nothing of the commitments or the review page."""
    folder = tmp_path_factory.mktemp("explicit")
    nav = "nav:\n  - index.md\n  - Algebra: [Algebra/first.md, Algebra/second.md]\n  - Weekly: reports/index.md\n"
    result = build_in_process(learner(folder / "repo", nav).root, folder / "site")
    assert result.returncode == 0, result.output
    return result


def nav(result: Build) -> list[Any]:
    return json.loads((result.site / "nav.json").read_text(encoding="utf-8"))


def test_inpublics_pages_come_first_after_the_home_not_among_the_topic_folders(site: Build) -> None:
    items = nav(site)
    assert items[0] == "index.md"
    assert items[1:4] == OURS  # each a page of its own, not a section holding one page
    assert [i["section"] for i in items[4:]] == [topic.capitalize() for topic in TOPICS]


def test_with_an_explicit_nav_the_missing_pages_are_added_and_the_placed_ones_stay(explicit: Build) -> None:
    items = nav(explicit)
    assert items[:3] == ["index.md", "commitments/index.md", "review.md"]
    assert items[3]["section"] == "Algebra"
    assert items[4:] == ["reports/index.md"]  # where the learner put it, once
    missing = explicit.output.partition('not included in the "nav" configuration:')[2]
    assert "Cocktails/first.md" in missing  # the learner's own pages are still said to be missing, not ours
    assert not any(uri in missing for uri in OURS)


def test_the_home_links_to_the_latest_report_and_to_every_report(site: Build) -> None:
    home = site.page()
    line = re.search(r"<p>Weekly reports: (.*?)</p>", home, re.S)
    assert line is not None, "the home has no line about the weekly reports"
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', line.group(1))
    assert links == [("reports/2026-W46/", "Week 46, 2026"), ("reports/2026-W47/", "Week 47, 2026"),
                     ("reports/", "all weekly reports")]
    text = re.sub(r"<[^>]+>", "", line.group(1))
    assert text == ("the latest, Week 46, 2026: 4 notes, 1 commit · this week so far, Week 47, 2026: 1 note, 1 commit"
                    " · all weekly reports")


def test_without_a_log_reports_feeds_and_the_home_leave_out_time_and_units(site: Build) -> None:
    report = site.page("reports/2026-W47/index.html")
    assert "Commits" in report and "Active days" in report
    assert "Time logged" not in report and "Units done" not in report
    feed = (site.site / "feed.xml").read_text(encoding="utf-8")
    assert "Week 46" in feed and "Active days" in feed  # the last complete week
    assert "Time logged" not in feed and "Units done" not in feed
    assert "hours logged" not in site.page() and "Learning in public since" in site.page()


def test_a_report_draws_a_short_navigation_and_a_note_the_whole_of_it(tmp_path: Path) -> None:
    """Without `navigation.prune`, a note's menu holds every section's pages; a weekly report's holds the first
    level only, each section a link to its first page, and costs a fraction to render."""
    repo = learner(tmp_path / "repo")
    repo.write("mkdocs.yml", MINIMAL_CONFIG.replace("features: [navigation.prune]", "features: []"))
    repo.commit("The whole navigation on every page", "2026-11-18T21:00:00-05:00")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    note = menu(result.page("Cocktails/first/index.html"))
    assert "Second note on Algebra" in note and "First note on zsh" in note
    for report in ("reports/2026-W47/index.html", "commitments/spring/index.html"):
        page = result.page(report)
        short = menu(page)
        assert "Second note on Algebra" not in short and "First note on" not in short, report
        found = re.findall(r'<a href="([^"]*)" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]+?)\s*<',
                           short)
        base = "https://example.org/learning/"
        links = [(urljoin(base + report.removesuffix("index.html"), href).removeprefix(base), title)
                 for href, title in found]
        assert links == [("", "My notes"), ("commitments/", "Commitments"), ("reports/", "Reports"),
                         ("review/", "Reviews"), *[(f"{topic}/first/", topic.capitalize()) for topic in TOPICS]]
        assert "<h1" in page and "md-content" in page  # the page itself is whole


def menu(page: str) -> str:
    """The primary navigation of a built Material page."""
    start = page.index('<nav class="md-nav md-nav--primary"')
    return page[start:page.index('data-md-type="toc"', start)]  # up to the table of contents' sidebar
