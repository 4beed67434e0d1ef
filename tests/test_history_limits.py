"""Where the history stops being trustworthy, as pure functions: commits dated after today, the edge of a shallow
clone, commits marked private in their body, and the words that say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gitrepo import GitRepo
from inpublic.activity.notes import note_dates
from inpublic.history import load as history_load
from inpublic.history.limits import (
    NOTHING_COMMITTED,
    SHALLOW,
    SHALLOW_FIX,
    SHALLOW_NOTICE,
    future_warning,
    history_as_of,
    plan_history_as_of,
)
from inpublic.history.plan_versions import read_plan_history
from inpublic.model import Commit, FileChange, History
from inpublic.privacy import Privacy
from sites import MINIMAL_PLAN

TODAY = dt.date(2026, 12, 2)
LONDON = "Europe/London"


def commit(sha: str, authored: str, committed: str | None = None, *, parents: tuple[str, ...] = ("p",),
           changes: tuple[FileChange, ...] = (), message: str = "Notes", private: bool = False) -> Commit:
    when = dt.datetime.fromisoformat(authored)
    return Commit(sha * 40, "Ada", when, dt.datetime.fromisoformat(committed or authored), message, parents,
                  changes, private=private)


def test_commits_dated_after_today_in_the_learners_zone_are_left_out() -> None:
    kept = commit("a", "2026-12-02T23:30:00+00:00")
    late_evening = commit("b", "2026-12-03T00:30:00+01:00")  # 23:30 on 2 December in London
    tomorrow = commit("c", "2026-12-02T19:30:00-05:00")  # 00:30 on 3 December in London
    rebased = commit("d", "2026-11-20T10:00:00+00:00", "2027-01-05T09:00:00+00:00")
    march = commit("e", "2027-03-01T20:00:00+00:00")
    history = History((kept, late_evening, tomorrow, rebased, march), head="e" * 40, shallow=True)

    now, later = history_as_of(history, TODAY, LONDON)

    assert now == History((kept, late_evening), head="e" * 40, shallow=True)
    assert later == (tomorrow, rebased, march)
    assert history_as_of(History((kept,), "a" * 40), TODAY, LONDON) == (History((kept,), "a" * 40), ())


def test_one_warning_names_the_count_and_the_first_commits_with_their_dates() -> None:
    later = tuple(commit(c, f"2027-03-0{i + 1}T12:00:00+00:00") for i, c in enumerate("abcde"))
    assert future_warning(later[:1], TODAY, LONDON) == (
        "1 commit is dated after today (2026-12-02) and is left out until then: aaaaaaa (2027-03-01); "
        "check the computer's clock or the commit dates")
    assert future_warning(later, TODAY, LONDON) == (
        "5 commits are dated after today (2026-12-02) and are left out until then: aaaaaaa (2027-03-01), "
        "bbbbbbb (2027-03-02), ccccccc (2027-03-03) and 2 more; check the computer's clock or the commit dates")
    rebased = commit("d", "2026-11-20T10:00:00+00:00", "2027-01-05T23:30:00-05:00")
    assert "ddddddd (2027-01-06)" in future_warning((rebased,), TODAY, LONDON)  # the later date, in London


def test_the_plans_versions_dated_after_today_are_left_out(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "notes")
    repo.write("progress.yaml", MINIMAL_PLAN)
    first = repo.commit("Plan", "2026-09-08T20:00:00-04:00")
    repo.write("progress.yaml", MINIMAL_PLAN.replace("due: 2027-03-31", "due: 2027-05-31"))
    repo.commit("Move spring", "2027-03-01T20:00:00-05:00")
    repo.write("progress.yaml", MINIMAL_PLAN.replace("due: 2027-03-31", "due: 2027-06-30"))
    repo.commit("Move spring again", "2026-11-20T20:00:00-05:00", committed="2027-03-02T08:00:00-05:00")
    history = read_plan_history(repo.root, "progress.yaml")
    assert len(history.versions) == 3

    now = plan_history_as_of(history, dt.date(2026, 11, 22), "America/New_York")

    assert [v.sha for v in now.versions] == [first]
    assert now.shallow == history.shallow and now.warnings == history.warnings
    assert plan_history_as_of(history, dt.date(2027, 3, 2), "America/New_York") == history


def test_in_a_shallow_history_the_edge_of_the_clone_dates_nothing() -> None:
    edge = commit("a", "2026-11-08T18:00:00-05:00", parents=(), changes=(
        FileChange("A", "docs/limits.md"), FileChange("A", "docs/series.md")))
    later = commit("b", "2026-11-11T07:00:00-05:00", changes=(
        FileChange("M", "docs/series.md"), FileChange("A", "docs/chain.md")))
    paths = ["docs/limits.md", "docs/series.md", "docs/chain.md"]

    dates = note_dates(History((edge, later), "b" * 40, shallow=True), paths)

    assert "docs/limits.md" not in dates  # only the edge touched it: git cannot say when
    assert dates["docs/series.md"].created is None  # written before the clone's edge
    assert dates["docs/series.md"].updated == later.authored
    assert dates["docs/chain.md"].created == dates["docs/chain.md"].updated == later.authored
    whole = note_dates(History((edge, later), "b" * 40, shallow=False), paths)  # a real first commit
    assert whole["docs/limits.md"].created == edge.authored


def test_note_dates_leave_out_commits_marked_private() -> None:
    first = commit("a", "2026-11-01T18:00:00+00:00", parents=(), changes=(FileChange("A", "docs/a.md"),))
    hidden = commit("b", "2026-11-02T18:00:00+00:00", changes=(FileChange("M", "docs/a.md"),), private=True)
    subject = commit("c", "2026-11-03T18:00:00+00:00", changes=(FileChange("M", "docs/a.md"),),
                     message="[private] the salary talk")
    history = History((first, hidden, subject), "c" * 40)

    dates = note_dates(history, ["docs/a.md"], hidden={c.sha for c in history.commits if Privacy().hides(c)})

    assert dates["docs/a.md"].created == dates["docs/a.md"].updated == first.authored


def test_a_commit_is_hidden_by_the_marker_in_its_subject_or_its_body() -> None:
    privacy = Privacy()
    assert privacy.hides(commit("a", "2026-11-01T18:00:00+00:00", private=True))
    assert privacy.hides(commit("a", "2026-11-01T18:00:00+00:00", message="Fix [PRIVATE]"))
    assert not privacy.hides(commit("a", "2026-11-01T18:00:00+00:00"))


def test_the_shallow_notice_is_one_sentence_with_the_warnings_fix() -> None:
    assert history_load.SHALLOW is SHALLOW  # written once
    assert SHALLOW.endswith(SHALLOW_FIX) and SHALLOW_NOTICE.endswith(f"({SHALLOW_FIX}).")
    assert SHALLOW_NOTICE.count(". ") == 0 and SHALLOW_NOTICE[0].isupper()
    assert "`git add -A && git commit" in NOTHING_COMMITTED


def test_a_note_written_before_the_clones_edge_shows_only_its_last_update() -> None:
    from zoneinfo import ZoneInfo

    from inpublic.activity.notes import NoteDates
    from inpublic.render import render_note_dates

    updated = dt.datetime.fromisoformat("2026-11-11T07:00:00-05:00")
    line = render_note_dates(NoteDates("docs/a.md", None, updated, ("b" * 40,)), ZoneInfo("America/New_York"))
    assert line == ('<p class="inpublic-dates">Last updated <time datetime="2026-11-11T07:00:00-05:00">'
                    "11 November 2026</time></p>\n")
