"""`inpublic.wording`: the one place numbers, plurals, day counts, percentages, dates and commit links are written."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from inpublic.wording import (
    commit_url,
    days,
    days_left,
    format_date,
    format_duration,
    format_number,
    number,
    percent,
    plural,
    reason_text,
    relative_days,
    singular,
    units,
)


@pytest.mark.parametrize(("count", "text"), [(0, "0 notes"), (1, "1 note"), (2, "2 notes"), (-1, "-1 notes")])
def test_plural_is_singular_for_one_only(count: int, text: str) -> None:
    assert plural(count, "note") == text


def test_plural_takes_an_irregular_plural() -> None:
    assert (plural(1, "class", "classes"), plural(2, "class", "classes")) == ("1 class", "2 classes")


@pytest.mark.parametrize(("count", "text"), [(0, "0 days"), (1, "1 day"), (2, "2 days")])
def test_days(count: int, text: str) -> None:
    assert days(count) == text


@pytest.mark.parametrize(("unit", "one"), [
    ("lectures", "lecture"), ("classes", "class"), ("watches", "watch"), ("boxes", "box"), ("class", "class"),
    ("hours", "hour"),
])
def test_singular_of_a_unit(unit: str, one: str) -> None:
    assert singular(unit) == one


@pytest.mark.parametrize(("count", "unit", "text"), [
    (1, "sheets", "1 sheet"), (0, "sheets", "0 sheets"), (3, "classes", "3 classes"), (1, "classes", "1 class"),
])
def test_a_count_of_a_unit(count: int, unit: str, text: str) -> None:
    assert units(count, unit) == text


@pytest.mark.parametrize(("fraction", "value"), [
    (Fraction(0), 0),
    (Fraction(1, 200), 0),  # 0.5 rounds to the even 0
    (Fraction(3, 200), 2),  # 1.5 rounds to the even 2
    (Fraction(199, 200), 99),  # 99.5 would round to 100: not before everything is done
    (Fraction(999, 1000), 99),
    (Fraction(1), 100),
    (0.994, 99),
    (0.9999, 99),
    (1.0, 100),
    (0.5, 50),
])
def test_percent_never_shows_100_before_it_is_all_done(fraction: Fraction | float, value: int) -> None:
    assert percent(fraction) == value


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (0.00008, "less than 0.01"), (0.41, "0.41"), (3.14, "3.1"), (3.0, "3"), (12.4, "12"), (1234.5, "1,234"),
])
def test_number_for_paces(value: float, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize(("value", "text"), [(1234, "1,234"), (12.5, "12.5"), (12.0, "12"), (0, "0")])
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(("minutes", "text"), [(45, "45 min"), (60, "1 h"), (95, "1 h 35 min"), (0, "0 min")])
def test_format_duration(minutes: int, text: str) -> None:
    assert format_duration(minutes) == text


def test_dates_are_written_out() -> None:
    assert format_date(dt.date(2027, 6, 3)) == "3 June 2027"
    assert reason_text(("Due ", dt.date(2027, 6, 30), "; not finished.")) == "Due 30 June 2027; not finished."


@pytest.mark.parametrize(("count", "text"), [
    (-3, "3 days ago"), (-1, "yesterday"), (0, "today"), (1, "tomorrow"), (220, "in 220 days"),
])
def test_relative_days(count: int, text: str) -> None:
    assert relative_days(count) == text


@pytest.mark.parametrize(("count", "passed", "text"), [
    (-12, "late", "12 days late"), (-1, "late", "1 day late"), (-1, "ago", "1 day ago"), (0, "late", "due today"),
    (1, "late", "1 day left"), (220, "ago", "220 days left"),
])
def test_days_left(count: int, passed: str, text: str) -> None:
    assert days_left(count, passed) == text


SHA = "0123abc"


@pytest.mark.parametrize(("repo", "url"), [
    ("https://github.com/ada/learning", f"https://github.com/ada/learning/commit/{SHA}"),
    ("https://github.com/ada/learning.git", f"https://github.com/ada/learning/commit/{SHA}"),
    ("https://github.com/ada/learning/", f"https://github.com/ada/learning/commit/{SHA}"),
    ("http://git.example.org/ada/learning.git/", f"http://git.example.org/ada/learning/commit/{SHA}"),
    ("git@github.com:ada/learning.git", None),  # ssh: no page to link to
    ("ssh://git@github.com/ada/learning", None),
    ("https://", None),
    ("", None),
    (None, None),
])
def test_commit_url_only_for_a_web_address(repo: str | None, url: str | None) -> None:
    assert commit_url(repo, SHA) == url
