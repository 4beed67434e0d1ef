"""What the site says happened is what `git log` says happened: real builds of a learner's repository with a
private marker in a commit's body.

Each case is compared with the build of the plain history (feedsites.make_learner), today being the run's fixed
day (Sunday 22 November 2026, tests/conftest.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from feedsites import build_at, make_learner
from gitrepo import GitRepo
from sites import Build

FEEDS = ("feed.xml", "atom.xml", "feed.json")


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return make_learner(tmp_path_factory.mktemp("learner") / "repo")


@pytest.fixture(scope="module")
def full(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_at(learner.root, tmp_path_factory.mktemp("full") / "site")
    assert result.returncode == 0, result.output
    return result


def dates_line(build: Build, page: str) -> str:
    """The "First written ... last updated ..." line under a note, or "" when it has none."""
    found = re.search(r'<p class="inpublic-dates">.*?</p>', build.page(page))
    return found.group(0) if found else ""


def feed_items(build: Build) -> dict[str, dict[str, tuple[str, str]]]:
    """Feed file -> item id -> (title, content), for the three feeds."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse(build.site / name)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        out[name] = {e.id: (e.title, e.content[0].value) for e in parsed.entries}
    data = json.loads(build.page("feed.json"))
    out["feed.json"] = {i["id"]: (i["title"], i["content_html"]) for i in data["items"]}
    return out


def every_text(build: Build) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in build.site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".json", ".xml", ".ics", ".txt"))


# --- 5: the private marker in a commit's body ---------------------------------------------------


def test_a_commit_marked_private_in_its_body_is_nowhere_on_the_site(learner: GitRepo, full: Build,
                                                                     tmp_path: Path) -> None:
    repo = GitRepo.clone(learner, tmp_path / "repo")
    repo.write("docs/limits.md", "# Limits\n\nThird go, after a bad day.\n\n![A sketch](img/limits.png)\n")
    sha = repo.commit("Update limits\n\n[private] the salary talk went badly, so I studied instead\n",
                      "2026-11-12T21:00:00-05:00")
    built = build_at(repo.root, tmp_path / "site")
    assert built.returncode == 0, built.output
    text = every_text(built)
    assert sha not in text and sha[:7] not in text and "Update limits" not in text
    assert built.page("reports/weeks.json") == full.page("reports/weeks.json")  # no count, no active day
    assert dates_line(built, "limits/index.html") == dates_line(full, "limits/index.html")  # no date
    for name in FEEDS:
        assert built.page(name) == full.page(name), name
