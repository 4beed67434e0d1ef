"""Rest days and breaks in the plan: how they read, what the model says of a day, and what stays private."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from inpublic.model import Break, Rest
from inpublic.moving_in.starter import Settings, starter_files
from inpublic.plan.load import load_plan, parse_plan
from inpublic.privacy import public_plan
from inpublic.problems import PlanError
from test_schema import errors, load

PLANS = Path(__file__).parent / "plans"
WEEKENDS = Rest(frozenset({5, 6}))
MONDAY = dt.date(2026, 11, 2)


@pytest.mark.parametrize("written", ["[sat, sun]", "[Saturday, SUNDAY]", "[SAT, sunday]", "[sun, sat]"])
def test_rest_days_read_in_short_or_full_names_whatever_their_case(written: str) -> None:
    text = (PLANS / "good" / "minimal.yaml").read_text(encoding="utf-8") + f"\nrest_days: {written}\n"
    assert parse_plan(text).rest == WEEKENDS


def test_a_plan_without_rest_days_or_breaks_has_no_rest() -> None:
    plan = load_plan(PLANS / "good" / "minimal.yaml")
    assert plan.rest == Rest()
    assert not any(plan.rest.resting(MONDAY + dt.timedelta(days=n)) for n in range(14))


def test_breaks_are_read_in_date_order_with_their_notes() -> None:
    rest = load_plan(PLANS / "good" / "rest-days-and-breaks.yaml").rest
    assert rest.weekdays == frozenset({5, 6})
    assert rest.breaks == (
        Break(dt.date(2026, 11, 2), dt.date(2026, 11, 2), "A day at the hospital", private=True),
        Break(dt.date(2026, 12, 24), dt.date(2027, 1, 1), "Christmas with family"),
    )


def test_a_private_break_keeps_its_days_and_loses_its_note_in_the_public_plan() -> None:
    plan = public_plan(load_plan(PLANS / "good" / "rest-days-and-breaks.yaml"))
    assert [(b.start, b.note) for b in plan.rest.breaks] == [
        (dt.date(2026, 11, 2), None), (dt.date(2026, 12, 24), "Christmas with family")]
    assert plan.rest.resting(dt.date(2026, 11, 2))
    assert "hospital" not in repr(plan)


def test_resting_is_a_rest_weekday_or_a_day_inside_a_break_both_ends_included() -> None:
    rest = Rest(frozenset({5, 6}), (Break(dt.date(2026, 12, 24), dt.date(2026, 12, 29)),))
    assert [rest.resting(MONDAY + dt.timedelta(days=n)) for n in range(7)] == [False] * 5 + [True] * 2
    assert rest.resting(dt.date(2026, 12, 24)) and rest.resting(dt.date(2026, 12, 29))
    assert not rest.resting(dt.date(2026, 12, 23)) and not rest.resting(dt.date(2026, 12, 30))


def brute_study_days(rest: Rest, start: dt.date, end: dt.date) -> int:
    return sum(1 for n in range((end - start).days + 1) if not rest.resting(start + dt.timedelta(days=n)))


@pytest.mark.parametrize("rest", [
    Rest(),
    WEEKENDS,
    Rest(frozenset({2})),
    Rest(frozenset({0, 6}), (Break(dt.date(2026, 11, 5), dt.date(2026, 11, 20)),
                             Break(dt.date(2026, 11, 18), dt.date(2026, 12, 2)))),  # overlapping breaks count once
    Rest(breaks=(Break(dt.date(2026, 10, 1), dt.date(2027, 3, 1)),)),
])
def test_study_days_counts_the_days_not_resting_from_start_to_end(rest: Rest) -> None:
    for length in (0, 1, 6, 7, 8, 30, 200):
        for shift in range(7):
            start = MONDAY + dt.timedelta(days=shift)
            end = start + dt.timedelta(days=length)
            assert rest.study_days(start, end) == brute_study_days(rest, start, end), (start, end)
    assert rest.study_days(MONDAY, MONDAY - dt.timedelta(days=1)) == 0


def test_study_days_of_a_weekdays_only_learner() -> None:
    assert WEEKENDS.study_days(MONDAY, MONDAY + dt.timedelta(days=6)) == 5
    assert WEEKENDS.study_days(MONDAY, MONDAY + dt.timedelta(days=27)) == 20


def test_the_starter_plan_shows_rest_days_and_breaks_that_read_once_uncommented(tmp_path: Path) -> None:
    files = {f.path: f.content for f in starter_files(Settings(today=dt.date(2026, 10, 5), version="0.1.0"))}
    text = files["progress.yaml"]
    assert "# rest_days: [sat, sun]" in text and "# breaks:" in text
    keys = r"rest_days|breaks|  - from|    to|    note: Christmas|    private"
    uncommented = re.sub(rf"^# ({keys})", r"\1", text, flags=re.M)
    (tmp_path / "progress.yaml").write_text(uncommented, encoding="utf-8")
    rest = load_plan(tmp_path / "progress.yaml").rest
    assert rest == Rest(frozenset({5, 6}), (Break(dt.date(2026, 12, 24), dt.date(2027, 1, 1),
                                                  "Christmas with family"),))
    assert errors(load(tmp_path / "progress.yaml")) == []


def test_every_mistake_in_rest_days_is_reported_at_its_place() -> None:
    text = (PLANS / "good" / "minimal.yaml").read_text(encoding="utf-8") + "\nrest_days: [saturdy, sun, Sunday]\n"
    with pytest.raises(PlanError) as caught:
        parse_plan(text)
    assert [str(p) for p in caught.value.problems] == [
        "progress.yaml:18:13: rest_days[0]: expected a day of the week like sat or Saturday (mon, tue, wed, thu, fri, "
        "sat, sun), got 'saturdy'; did you mean 'sat'?",
        "progress.yaml:18:27: rest_days[2]: 'Sunday' is listed twice (first on line 18 as 'sun'); keep one",
    ]
