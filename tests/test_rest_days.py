"""Rest days and breaks in the figures: streaks, the days a week could have been active, reviews and pace.

A weekdays-only learner (rest_days: [sat, sun]) studies Monday to Friday: a rest day does not break a streak.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from gitrepo import GitRepo
from inpublic.activity.days import Run, daily_activity, streaks
from inpublic.activity.public import streak
from inpublic.cli.status_view import status_view
from inpublic.cli.terminal import format_status
from inpublic.commitments.status import commitment_statuses, study_day_after
from inpublic.history.read import read_history
from inpublic.model import NO_REST, Break, LogEntry, PlanHistory, Rest
from inpublic.plan.load import parse_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.reports.weeks import Sources, weekly_reports
from inpublic.rhythm.reviews import review_schedule
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


# --- reviews and the pace needed ----------------------------------------------------------------------------------


def test_a_review_falling_due_on_a_resting_day_is_due_on_the_next_study_day() -> None:
    log = ("date: 2026-10-09, minutes: 60, resource: calc1, units: 1\n"  # a Friday
           "date: 2026-10-12, minutes: 60, resource: stat110, units: 1\n"  # a Monday, the day before a break
           "date: 2026-10-13, minutes: 20, resource: calc-intro, kind: review")  # on the break, before Monday's due
    rest = "rest_days: [sat, sun]\nbreaks:\n  - {from: 2026-10-13, to: 2026-10-14}\n"
    plan = public_plan(parse_plan(make_plan(log) + rest))
    schedule = review_schedule(plan, dt.date(2026, 10, 20))
    due = {(r.kind, r.resource.id): (r.due, r.moved_to, r.status) for r in schedule}
    assert due[("review", "calc1")] == (dt.date(2026, 10, 12), dt.date(2026, 10, 12), "done")  # not Saturday
    assert due[("practice", "calc1")] == (dt.date(2026, 10, 16), None, "missed")  # a Friday: as it was
    assert due[("review", "stat110")] == (dt.date(2026, 10, 15), dt.date(2026, 10, 15), "missed")  # after the break
    plain = {(r.kind, r.resource.id): r.due for r in review_schedule(parse_plan(make_plan(log)), dt.date(2026, 10, 20))}
    assert plain[("review", "calc1")] == dt.date(2026, 10, 10) and plain[("review", "stat110")] == dt.date(2026, 10, 13)


def needed(rest: str, today: dt.date) -> Fraction:
    log = "date: 2026-10-05, minutes: 60, resource: calc1, units: 4"
    plan = public_plan(parse_plan(make_plan(log) + rest))
    status = next(s for s in commitment_statuses(plan, PlanHistory(), today) if s.id == "autumn")
    assert status.needed is not None
    return status.needed


def test_the_pace_needed_counts_only_the_days_that_are_not_resting() -> None:
    today = dt.date(2026, 12, 17)  # a Thursday, two weeks before the due date (Thursday 31 December)
    plain = needed("", today)
    assert plain == (1 - Fraction(4, 10) / 2) / 14
    assert needed("rest_days: [sat, sun]\n", today) == plain  # whole weeks: 10 study days, at 5 a week
    # a break of two weekdays leaves 8 study days: the pace needed rises by 10/8
    christmas = "rest_days: [sat, sun]\nbreaks:\n  - {from: 2026-12-24, to: 2026-12-27, note: Christmas}\n"
    assert needed(christmas, today) == plain * Fraction(10, 8)
    assert needed("breaks:\n  - {from: 2026-12-18, to: 2026-12-24}\n", today) == plain * 2  # 7 of 14 days left


def test_status_shows_the_pace_needed_a_study_day() -> None:
    plan = parse_plan(make_plan("date: 2026-12-14, minutes: 60, resource: calc1, units: 4")
                      + "rest_days: [sat, sun]\nbreaks:\n  - {from: 2026-12-24, to: 2026-12-25}\n")
    text = format_status(status_view(plan, dt.date(2026, 12, 17), ()))
    assert "    needs 1 unit a study day (5 a week) for the 8 left\n" in text


def test_the_forecast_counts_study_days() -> None:
    rest = Rest(frozenset({5, 6}), (Break(dt.date(2026, 12, 24), dt.date(2027, 1, 1)),))
    thursday = dt.date(2026, 12, 17)
    assert study_day_after(thursday, 0, rest) == thursday
    assert study_day_after(thursday, 1, rest) == dt.date(2026, 12, 18)
    assert study_day_after(thursday, 4, rest) == dt.date(2026, 12, 23)
    assert study_day_after(thursday, 5, rest) == dt.date(2027, 1, 4)  # after the break and its weekend
    for days in range(60):
        day = study_day_after(thursday, days, rest)
        assert day is not None and rest.study_days(thursday + DAY, day) == days
        assert days == 0 or not rest.resting(day)
