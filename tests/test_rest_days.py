"""Rest days and breaks in the figures: streaks, the days a week could have been active, reviews and pace.

A weekdays-only learner (rest_days: [sat, sun]) studies Monday to Friday: a rest day does not break a streak.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gitrepo import GitRepo
from inpublic.activity.days import Run, daily_activity, streaks
from inpublic.activity.public import streak
from inpublic.cli.status_view import status_view
from inpublic.cli.terminal import format_status
from inpublic.history.read import read_history
from inpublic.model import NO_REST, Break, LogEntry, Rest
from inpublic.plan.load import parse_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.reports.weeks import Sources, weekly_reports
from test_weeks import make_plan

WEEKENDS = Rest(frozenset({5, 6}))
DAY = dt.timedelta(days=1)
MONDAY = dt.date(2026, 11, 2)


def weekdays(first: dt.date, weeks: int) -> list[dt.date]:
    """Monday to Friday of `weeks` weeks from the Monday `first`."""
    return [first + dt.timedelta(weeks=w, days=d) for w in range(weeks) for d in range(5)]


def activity(days: list[dt.date], today: dt.date) -> dict[dt.date, object]:
    return daily_activity([LogEntry(d, 30, "calc1") for d in days], (), today)  # type: ignore[return-value]


def test_a_rest_day_does_not_break_a_streak() -> None:
    """Three weeks of weekdays; on the fourth Monday, not yet active, the streak is the fifteen weekdays."""
    today = MONDAY + dt.timedelta(weeks=3)
    days = activity(weekdays(MONDAY, 3), today)
    s = streaks(days, today, WEEKENDS)  # type: ignore[arg-type]
    assert s.current == Run(MONDAY, MONDAY + dt.timedelta(weeks=2, days=4), 15)
    assert (s.current_days, s.longest_days, s.counts_today, s.resting_since) == (15, 15, False, True)
    without_rest = streaks(days, today)  # type: ignore[arg-type]
    assert (without_rest.current, without_rest.longest_days) == (None, 5)


def test_a_rest_day_studied_on_counts_as_an_active_day() -> None:
    saturday = MONDAY + dt.timedelta(days=5)
    today = MONDAY + dt.timedelta(weeks=1, days=2)  # a Wednesday
    days = activity([*weekdays(MONDAY, 1), saturday, *weekdays(MONDAY + dt.timedelta(weeks=1), 1)[:3]], today)
    s = streaks(days, today, WEEKENDS)  # type: ignore[arg-type]
    assert s.current == Run(MONDAY, today, 9) and s.counts_today


def test_a_study_day_without_activity_still_ends_the_streak() -> None:
    active = set(weekdays(MONDAY, 2)) - {MONDAY + dt.timedelta(days=9)}  # the second Wednesday missed
    today = MONDAY + dt.timedelta(weeks=2)
    s = streaks(activity(sorted(active), today), today, WEEKENDS)  # type: ignore[arg-type]
    assert s.current == Run(MONDAY + dt.timedelta(days=10), MONDAY + dt.timedelta(days=11), 2)
    assert s.longest == Run(MONDAY, MONDAY + dt.timedelta(days=8), 7)
    assert streak(active, MONDAY + dt.timedelta(days=9), WEEKENDS) == 0


def test_today_not_yet_active_keeps_the_streak_as_before() -> None:
    today = MONDAY + dt.timedelta(days=3)  # Thursday, nothing yet
    s = streaks(activity(weekdays(MONDAY, 1)[:3], today), today, WEEKENDS)  # type: ignore[arg-type]
    assert s.current == Run(MONDAY, MONDAY + 2 * DAY, 3) and not s.counts_today and not s.resting_since


def test_a_break_does_not_break_a_streak_either() -> None:
    christmas = Break(dt.date(2026, 12, 24), dt.date(2027, 1, 3), "Christmas with family")
    before = [dt.date(2026, 12, 21) + n * DAY for n in range(3)]  # Monday to Wednesday
    after = [dt.date(2027, 1, 4), dt.date(2027, 1, 5)]
    today = dt.date(2027, 1, 5)
    days = activity(before + after, today)
    assert streaks(days, today, Rest(breaks=(christmas,))).current_days == 5  # type: ignore[arg-type]
    assert streaks(days, today, NO_REST).current_days == 2  # type: ignore[arg-type]


def test_a_streak_of_a_rest_day_alone_is_nothing() -> None:
    assert streak(set(), MONDAY + 5 * DAY, WEEKENDS) == 0
    assert streaks({}, MONDAY + 6 * DAY, WEEKENDS).current is None


# --- the weekly reports and `inpublic status`: active days of the days that could have been ----------------------


def rest_reports(repo: GitRepo, today: str, log: str, rest: str) -> dict[str, object]:
    repo.write("mkdocs.yml", "site_name: x\n")
    repo.commit("Only mkdocs.yml", "2026-10-05T10:00:00+00:00")
    plan = public_plan(parse_plan(make_plan(log) + rest))
    sources = Sources(notes_dir="docs", plan_path="progress.yaml", titles={}, privacy=Privacy(not_notes=()))
    return {w.slug: w for w in weekly_reports(plan, read_history(repo.root), dt.date.fromisoformat(today), sources)}


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "notes")


def test_a_week_counts_its_active_days_of_the_days_not_resting(repo: GitRepo) -> None:
    log = "\n".join(f"date: 2026-10-{d:02d}, minutes: 30, resource: calc1" for d in (5, 6, 7, 8, 12, 13, 17))
    rest = "rest_days: [sat, sun]\nbreaks:\n  - {from: 2026-10-14, to: 2026-10-15, note: A trip, private: true}\n"
    weeks = rest_reports(repo, "2026-10-21", log, rest)
    w41, w42, w43 = weeks["2026-W41"], weeks["2026-W42"], weeks["2026-W43"]
    assert (len(w41.active_days), w41.possible_days, len(w41.resting)) == (4, 5, 2)  # type: ignore[attr-defined]
    # a Saturday studied on counts as a day that could be active: 5 of 6, never 5 of 4
    assert (len(w42.active_days), w42.possible_days, w42.resting) == (  # type: ignore[attr-defined]
        3, 4, (dt.date(2026, 10, 14), dt.date(2026, 10, 15), dt.date(2026, 10, 18)))
    assert w42.streak == 1  # type: ignore[attr-defined]  # the Saturday studied on; Friday 16 was missed
    assert w41.streak == 0  # type: ignore[attr-defined]  # Friday 9 was missed: the weekend does not mend it
    assert w43.possible_days == 5 and not w43.complete  # type: ignore[attr-defined]


def test_status_says_the_active_days_of_the_days_so_far_not_resting() -> None:
    plan = parse_plan(make_plan("date: 2026-10-09, minutes: 30, resource: calc1\n"
                                "date: 2026-10-10, minutes: 30, resource: calc1") + "rest_days: [sat, sun, wed]\n")
    view = status_view(plan, dt.date(2026, 10, 11), ())  # a Sunday
    assert (len(view.week.active_days), view.week.possible_days) == (2, 5)
    assert "active days   2 of 5 (2 rest days): Fri Sat" in format_status(view)
    assert view.streaks.current_days == 2 and view.streaks.resting_since is False
