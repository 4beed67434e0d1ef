"""Dates that survive reorganising: a rename that leaves a note's content as it was is not study.

Real repositories with fixed dates (gitrepo.py): a pure rename keeps the note's dates and counts for nothing
(no commit, active day, streak or heatmap cell); a rename with edits is an update; a week of moves only says
"reorganised N notes", the same on its page, in the reports index, in weeks.json and in its feed item.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gitrepo import GitRepo
from inpublic.activity.days import counted_commit_times, daily_activity, streaks
from inpublic.activity.notes import note_dates, note_lives
from inpublic.feeds.html import FeedHtml
from inpublic.feeds.items import FeedSite, week_items
from inpublic.history.read import read_history
from inpublic.model import FileChange, History
from inpublic.plan.load import parse_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.render import environment
from inpublic.reports.pages import report_pages, summary_line
from inpublic.reports.render import render_report, render_reports_index, weeks_json
from inpublic.reports.weeks import Sources, WeekReport, weekly_reports

UTC = dt.UTC
PLAN = """\
learner:
  name: Sam Rivera
  bio: Learning the maths for machine learning
  timezone: UTC
  started: 2026-10-05
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {id: calc1, title: Calculus 1, kind: lectures, units: 10, unit: lectures}
"""
SOURCES = Sources(notes_dir="docs", plan_path="progress.yaml", titles={}, privacy=Privacy(not_notes=()))
SITE = FeedSite(site_url="https://sam.example.org/", tag="tag:example.org,2026:inpublic/", author="Sam Rivera",
                zone=ZoneInfo("UTC"))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "notes")


def weeks(repo: GitRepo, today: str = "2026-11-22") -> dict[str, WeekReport]:
    plan = public_plan(parse_plan(PLAN))
    found = weekly_reports(plan, read_history(repo.root), dt.date.fromisoformat(today), SOURCES)
    return {w.slug: w for w in found}


def changes(history: History, message: str) -> set[FileChange]:
    return {ch for c in history.commits if c.message == message for ch in c.changes}


# --- history: which renames are pure --------------------------------------------------------------------------


def test_only_a_rename_to_an_identical_blob_is_pure(repo: GitRepo) -> None:
    repo.write("docs/a.md", "alpha line one\nbeta line two\ngamma line three\n")
    repo.write("docs/b.md", "# B\nsome text about b that is long enough\n")
    repo.write("docs/c.md", "# C\r\nwindows line endings on this note\r\n")
    repo.write("docs/d.md", "# D\nthe same text, made executable\n")
    repo.commit("Four notes", "2026-10-05T10:00:00+00:00")
    repo.move("docs/a.md", "docs/x/a.md")
    repo.write("docs/x/a.md", "gamma line three\nbeta line two\nalpha line one\n")  # git scores this R100
    repo.move("docs/b.md", "docs/x/b.md")
    repo.write("docs/x/b.md", "# B\nsome text about b that is long enough\nand one line more\n")
    repo.move("docs/c.md", "docs/x/c.md")
    repo.write("docs/x/c.md", "# C\nwindows line endings on this note\n")
    repo.move("docs/d.md", "docs/x/d.md")
    (repo.root / "docs/x/d.md").chmod(0o755)
    repo.commit("Moves", "2026-10-06T10:00:00+00:00")
    repo.move("docs/x/b.md", "docs/y/b.md")
    repo.commit("Pure move", "2026-10-07T10:00:00+00:00")

    history = read_history(repo.root)

    assert changes(history, "Moves") == {
        FileChange("R", "docs/x/a.md", "docs/a.md"),  # same lines reordered: R100, and yet an edit
        FileChange("R", "docs/x/b.md", "docs/b.md"),
        FileChange("R", "docs/x/c.md", "docs/c.md"),  # line endings changed: the bytes changed
        FileChange("R", "docs/x/d.md", "docs/d.md", pure_rename=True),  # only the mode changed
    }
    assert changes(history, "Pure move") == {FileChange("R", "docs/y/b.md", "docs/x/b.md", pure_rename=True)}
    assert all(not ch.pure_rename for ch in changes(history, "Four notes"))


# --- note dates -----------------------------------------------------------------------------------------------


def test_a_pure_move_keeps_the_notes_dates_and_a_rename_with_edits_updates_them(repo: GitRepo) -> None:
    repo.write("docs/limits.md", "# Limits\nepsilon and delta\n")
    repo.write("docs/series.md", "# Series\nconvergence tests\n")
    repo.commit("Limits and series", "2026-10-05T10:00:00+00:00")
    repo.write("docs/limits.md", "# Limits\nepsilon and delta\nsqueeze theorem\n")
    repo.commit("More on limits", "2026-10-08T10:00:00+00:00")
    repo.move("docs/limits.md", "docs/calculus/limits.md")
    repo.move("docs/series.md", "docs/calculus/series.md")
    repo.write("docs/calculus/series.md", "# Series\nconvergence tests\nratio test\n")
    repo.commit("Calculus folder", "2026-10-20T10:00:00+00:00")

    dates = note_dates(read_history(repo.root), ["docs/calculus/limits.md", "docs/calculus/series.md"])

    limits, series = dates["docs/calculus/limits.md"], dates["docs/calculus/series.md"]
    assert (limits.created, limits.updated) == (dt.datetime(2026, 10, 5, 10, tzinfo=UTC),
                                                dt.datetime(2026, 10, 8, 10, tzinfo=UTC))
    assert (series.created, series.updated) == (dt.datetime(2026, 10, 5, 10, tzinfo=UTC),
                                                dt.datetime(2026, 10, 20, 10, tzinfo=UTC))


def test_a_note_moved_out_of_a_private_folder_unchanged_is_published_by_the_move(repo: GitRepo) -> None:
    repo.write("docs/limits.md", "# Limits\n")
    repo.write("docs/private/series.md", "# Series\ndraft\n")
    repo.commit("Limits, and a draft", "2026-10-05T10:00:00+00:00")
    repo.move("docs/private/series.md", "docs/series.md")
    repo.commit("Publish series", "2026-10-14T10:00:00+00:00")

    plan = public_plan(parse_plan(PLAN))
    sources = Sources(notes_dir="docs", plan_path="progress.yaml", titles={"series.md": "Series"},
                      privacy=Privacy(not_notes=(), paths=("private/**",)))
    week = {w.slug: w for w in weekly_reports(plan, read_history(repo.root), dt.date(2026, 11, 22), sources)}

    assert [n.title for n in week["2026-W42"].notes_created] == ["Series"]
    assert [c.message for c in week["2026-W42"].commits] == ["Publish series"]
    assert week["2026-W42"].reorganised == 0


# --- weeks, pages, weeks.json, feeds, heatmap ---------------------------------------------------------------


@pytest.fixture
def moved(repo: GitRepo) -> GitRepo:
    """50 notes written in W41, all moved unchanged into topic folders in W43 (a Wednesday), one edited in W44."""
    for n in range(50):
        repo.write(f"docs/note-{n:02d}.md", f"# Note {n}\nwhat I learned on topic {n}\n")
    repo.commit("Fifty notes", "2026-10-06T10:00:00+00:00")
    repo.write("mkdocs.yml", "site_name: Notes\n")
    repo.commit("Site config", "2026-10-20T09:00:00+00:00")
    for n in range(50):
        repo.move(f"docs/note-{n:02d}.md", f"docs/topic-{n % 5}/note-{n:02d}.md")
    repo.write("mkdocs.yml", "site_name: Sam's notes\n")  # a non-note change in the same commit
    repo.commit("Sort the notes into topic folders", "2026-10-21T10:00:00+00:00")
    repo.move("docs/topic-0/note-00.md", "docs/topic-1/note-00.md")
    repo.commit("One more move", "2026-10-28T09:00:00+00:00")
    repo.write("docs/topic-1/note-01.md", "# Note 1\nwhat I learned on topic 1\nand more\n")
    repo.commit("More on note 1", "2026-10-29T10:00:00+00:00")
    return repo


def test_a_week_of_pure_moves_says_reorganised_and_nothing_else(moved: GitRepo) -> None:
    week = weeks(moved)["2026-W43"]

    assert week.reorganised == 50
    assert week.commits == ()
    assert week.notes_created == week.notes_updated == ()
    assert week.active_days == ()
    assert week.streak == 0
    assert summary_line(week) == "reorganised 50 notes"


def test_a_week_with_study_and_a_move_shows_both(moved: GitRepo) -> None:
    week = weeks(moved)["2026-W44"]

    assert week.reorganised == 1
    assert [c.message for c in week.commits] == ["More on note 1"]
    assert [n.path for n in week.notes_updated] == ["docs/topic-1/note-01.md"]
    assert week.active_days == (dt.date(2026, 10, 29),)
    assert summary_line(week) == "1 note, 1 commit, reorganised 1 note"


def test_the_page_the_index_weeks_json_and_the_feed_item_agree(moved: GitRepo) -> None:
    reports = tuple(weeks(moved).values())
    pages = report_pages(reports, {})
    page = next(p for p in pages if p.report.slug == "2026-W43")

    markdown = render_report(page)
    assert "reorganised 50 notes" in markdown
    assert "| Notes reorganised (moved or renamed, unchanged) | 50 |" in markdown
    assert "| Commits | 0 |" in markdown and "Written this week" not in markdown
    row = next(line for line in render_reports_index(pages).splitlines() if "(2026-W43.md)" in line)
    assert row.endswith("25 October 2026</time> · reorganised 50 notes")
    record = next(r for r in json.loads(weeks_json(reports)) if r["week"] == "2026-W43")
    assert {k: record[k] for k in ("commits", "active_days", "notes_created", "notes_updated", "streak",
                                   "reorganised")} == {
        "commits": 0, "active_days": 0, "notes_created": 0, "notes_updated": 0, "streak": 0, "reorganised": 50}
    assert next(r for r in json.loads(weeks_json(reports)) if r["week"] == "2026-W41")["reorganised"] == 0

    history = read_history(moved.root)
    items = week_items(pages, SITE, history, note_lives(history), "docs", SOURCES.privacy, FeedHtml(environment()))
    item = next(i for i in items if i.guid.endswith("week/2026-W43"))
    assert item.title == "Week 43, 2026: reorganised 50 notes"
    assert "reorganised 50 notes" in item.summary
    assert "Notes reorganised: 50" in item.content_html
    assert "Notes updated" not in item.content_html and "Notes written" not in item.content_html


def test_the_heatmap_and_the_streaks_ignore_a_day_of_moves(moved: GitRepo) -> None:
    history = read_history(moved.root)
    days = daily_activity((), [t.date() for t in counted_commit_times(history, SOURCES, ZoneInfo("UTC"))],
                          dt.date(2026, 10, 29))

    assert sorted(days) == [dt.date(2026, 10, 6), dt.date(2026, 10, 29)]
    assert streaks(days, dt.date(2026, 10, 29)).longest_days == 1
    assert streaks(days, dt.date(2026, 10, 22)).current is None  # the day of the move made no streak


# --- a digital garden moved into docs/ in one commit (notes_shapes.py) --------------------------------------


def follow_updated(repo: GitRepo, path: str) -> dt.datetime:
    """The last commit that changed the note's content, by plain `git log --follow`: renames of the very same blob
    (":<mode> <mode> <blob> <blob> R100") left out."""
    out = repo.git("log", "--follow", "-M", "--raw", "--no-abbrev", "--format=%x00%aI", "--", path)
    for entry in out.split("\0")[1:]:
        when, raw = entry.strip("\n").split("\n", 1)
        fields = raw.split("\t")[0].split()
        if not (fields[4].startswith("R") and fields[2] == fields[3]):
            return dt.datetime.fromisoformat(when)
    raise AssertionError(f"git log --follow found no change of {path}")


def test_a_garden_moved_into_docs_keeps_every_notes_date_and_its_move_week_says_reorganised(tmp_path: Path) -> None:
    from notes_shapes import GARDEN_NOTES, make_garden_repo

    garden = make_garden_repo(tmp_path / "garden")
    history = read_history(garden.root)

    dates = note_dates(history, GARDEN_NOTES)
    assert {p: d.updated for p, d in dates.items()} == {p: follow_updated(garden, p) for p in GARDEN_NOTES}
    found = weeks(garden, "2024-10-20")
    move, rename = found["2024-W37"], found["2024-W38"]  # the bulk move on Sunday 15 September, then one rename
    assert (move.reorganised, move.commits, move.notes_created, move.notes_updated, move.active_days) == (
        len(GARDEN_NOTES), (), (), (), ())
    assert (rename.reorganised, rename.commits, rename.active_days) == (1, (), ())
    assert [n.path for n in found["2024-W40"].notes_updated] == ["docs/dev/git.merge.md"]  # renamed with an edit
    assert found["2024-W40"].reorganised == 0
    assert sum(len(w.commits) for w in found.values()) == 4  # seed, more notes, journal, the edit


def test_a_til_repository_moved_into_docs_by_hand_keeps_every_notes_date(tmp_path: Path) -> None:
    from notes_shapes import TIL_NOTES, make_til_repo, move_til_notes

    til = make_til_repo(tmp_path / "til")
    move_til_notes(til)  # Monday 4 November 2024, 20:00 in California: Tuesday 5 November in UTC
    paths = [f"docs/{p}" for p in TIL_NOTES]

    dates = note_dates(read_history(til.root), paths)
    assert {p: d.updated for p, d in dates.items()} == {p: follow_updated(til, p) for p in paths}
    move = weeks(til, "2024-11-20")["2024-W45"]
    assert (move.reorganised, move.commits, move.notes_updated, move.active_days) == (len(TIL_NOTES), (), (), ())
    assert summary_line(move) == f"reorganised {len(TIL_NOTES)} notes"


def test_a_commit_of_moves_is_not_named_as_one_that_would_count(moved: GitRepo) -> None:
    from inpublic.activity.public import may_count

    history = read_history(moved.root)
    judged = {c.message: may_count(c, "docs", "progress.yaml", SOURCES.privacy) for c in history.commits}

    assert judged == {"Fifty notes": True, "Site config": False, "Sort the notes into topic folders": False,
                      "One more move": False, "More on note 1": True}
