"""Feeds worth following: no item for a week without activity, a first build that publishes the last few weeks
and the commitments (not years of items), and a week's reflection first in its item.

In-process: real git repositories with fixed dates, read by history/read.py, then the core that builds the feeds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest

from gitrepo import GitRepo
from inpublic.feeds.site import FEED_WEEKS, FeedSettings
from inpublic.history.load import read_histories
from inpublic.markdown_files import MarkdownFile
from inpublic.plan.load import parse_plan
from inpublic.privacy import MARKER
from inpublic.reports.weeks import Sources
from inpublic.site import BuildInputs, BuildOptions, SiteFacts, build_site

SITE = "https://example.org/learning/"
PLAN = """\
learner:
  name: Ada Example
  bio: Learning
  timezone: UTC
  started: {started}
  repo: https://github.com/ada/learning
subjects:
  - id: ml
    title: Machine learning
    resources:
      - {{id: book, title: The book, kind: book, units: 40, unit: chapters}}
commitments:
  - {{id: book, title: The book by summer, made: {started}, due: 2027-06-30, covers: [book]}}
log: []
"""
TODAY = dt.date(2026, 11, 22)  # the run's fixed day (tests/conftest.py), a Sunday: W47 in progress


def key(entry: feedparser.FeedParserDict) -> str:
    """'week/2026-W46': an item's id after the site's tag."""
    return str(entry.id).split("/inpublic/", 1)[1]


def feeds(root: Path, today: dt.date = TODAY, reflections: dict[str, MarkdownFile] | None = None,
          limit: int = 20) -> tuple[feedparser.FeedParserDict, str]:
    """The RSS feed of the repository at `root` as built on `today`, parsed, and the reports index."""
    plan = parse_plan((root / "progress.yaml").read_text(encoding="utf-8"))
    read = read_histories(root, root / "progress.yaml", MARKER)
    options = BuildOptions(reviews=False, feeds=FeedSettings(limit=limit))
    site = build_site(BuildInputs(plan, read.history, today, Sources("docs", "progress.yaml", {}), read.plan_history,
                                  reflections or {}, options, SiteFacts(SITE, "Ada learns")))
    files = site.feed_files((), None)
    index = next(f.content for f in site.files if f.src_uri == "reports/index.md")
    return feedparser.parse(files["feed.xml"]), index


@pytest.fixture(scope="module")
def notes_only(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """30 weekly reports of notes and nothing else (no log): notes in 5 of the weeks, the rest quiet."""
    repo = GitRepo(tmp_path_factory.mktemp("notes-only"))
    repo.write("progress.yaml", PLAN.format(started="2026-04-27"))
    repo.write("docs/first.md", "# First\n")
    repo.commit("First note", "2026-04-28T20:00:00+00:00")  # W18: 30 weeks to W47
    for week, day in ((2, "2026-05-06"), (9, "2026-06-24"), (17, "2026-08-19"), (29, "2026-11-11")):
        repo.write(f"docs/note-{week}.md", f"# Note {week}\n")
        repo.commit(f"Note {week}", f"{day}T20:00:00+00:00")
    return repo


def test_a_notes_only_learner_gets_an_item_for_each_week_with_notes_and_none_for_the_quiet_ones(
    notes_only: GitRepo,
) -> None:
    parsed, _ = feeds(notes_only.root)
    weeks = [key(e) for e in parsed.entries if "/week/" in e.id]
    assert weeks == ["week/2026-W46", "week/2026-W34", "week/2026-W26", "week/2026-W19", "week/2026-W18"]
    assert not [e.title for e in parsed.entries if "no activity" in e.title + e.summary]
    assert len(parsed.entries) <= 20


def test_a_quiet_week_is_no_item_on_any_day(notes_only: GitRepo) -> None:
    for today in (dt.date(2026, 5, 31), dt.date(2026, 7, 12), dt.date(2026, 10, 4)):
        parsed, _ = feeds(notes_only.root, today)
        titles = [e.title for e in parsed.entries if "/week/" in e.id]
        assert titles and not [t for t in titles if "no activity" in t], today


def test_the_reports_index_shows_the_gaps_as_quiet_weeks(notes_only: GitRepo) -> None:
    _, index = feeds(notes_only.root)
    assert "no activity" not in index
    assert "11 quiet weeks" in index  # W35 to W45
    assert "Week 46, 2026" in index and "Week 47, 2026" in index  # the week in progress is listed as it is
    assert "[Week 40, 2026]" not in index  # inside a quiet stretch: counted, not listed


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """Three years of weekly notes, with a commitment made at the start and another made last year."""
    repo = GitRepo(tmp_path_factory.mktemp("years"))
    start = dt.date(2023, 11, 21)
    repo.write("progress.yaml", PLAN.format(started=start.isoformat()))
    for n in range(157):
        day = start + dt.timedelta(weeks=n)
        repo.write(f"docs/week-{n:03d}.md", f"# Week {n}\n")
        repo.commit(f"Note {n}", f"{day.isoformat()}T20:00:00+00:00")
    return repo


def test_a_first_build_of_years_of_history_publishes_the_last_few_weeks_and_the_commitments(years: GitRepo) -> None:
    parsed, _ = feeds(years.root)
    ids = [key(e) for e in parsed.entries]
    weeks = [i for i in ids if i.startswith("week/")]
    assert len(weeks) == FEED_WEEKS
    assert weeks[0] == "week/2026-W46" and weeks[-1] == f"week/2026-W{46 - FEED_WEEKS + 1}"
    assert "commitment/book/made" in ids  # made three years ago, and still what the learner works towards
    assert len(ids) <= 20


def test_a_week_later_only_the_new_week_is_new_and_nothing_is_delivered_again(years: GitRepo) -> None:
    before, _ = feeds(years.root)
    after, _ = feeds(years.root, TODAY + dt.timedelta(days=7))
    old = {e.id for e in before.entries}
    assert [key(e) for e in after.entries if e.id not in old] == ["week/2026-W47"]
    assert {key(e) for e in before.entries} - {key(e) for e in after.entries} == {"week/2026-W39"}


def test_a_small_limit_is_kept(years: GitRepo) -> None:
    parsed, _ = feeds(years.root, limit=3)
    assert len(parsed.entries) == 3


def test_a_reflection_leads_its_week_item_then_the_figures(notes_only: GitRepo) -> None:
    text = "Hard week: <script>alert(1)</script>I finally got *backpropagation*.\n"
    parsed, _ = feeds(notes_only.root, reflections={"2026-W46": MarkdownFile({"title": "Gradients"}, text)})
    (item,) = [e for e in parsed.entries if e.id.endswith("week/2026-W46")]
    html = item.content[0].value if "content" in item else item.summary
    assert "<script" not in html and "alert(1)" not in html
    lead = html.index("I finally got <em>backpropagation</em>")
    assert lead < html.index("9 November 2026") and lead < html.index("Commits:")
