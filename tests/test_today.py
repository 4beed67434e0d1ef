"""`inpublic.today`: the one day every adapter takes as today, fixed by INPUBLIC_TODAY or SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt

import pytest

from inpublic.today import TodayError, learner_today

NOON_22_NOV_UTC = "1795348800"


def test_inpublic_today_names_the_day_whatever_the_epoch() -> None:
    env = {"INPUBLIC_TODAY": "2027-06-30", "SOURCE_DATE_EPOCH": NOON_22_NOV_UTC}
    assert learner_today("Pacific/Kiritimati", env) == dt.date(2027, 6, 30)


@pytest.mark.parametrize(("zone", "day"), [
    ("Europe/London", dt.date(2026, 11, 22)),
    ("Pacific/Kiritimati", dt.date(2026, 11, 23)),  # UTC+14: already the next day
    ("Pacific/Pago_Pago", dt.date(2026, 11, 22)),  # UTC-11: 01:00 the same day
    ("America/Los_Angeles", dt.date(2026, 11, 22)),
])
def test_source_date_epoch_is_a_moment_whose_day_is_the_learners(zone: str, day: dt.date) -> None:
    assert learner_today(zone, {"SOURCE_DATE_EPOCH": NOON_22_NOV_UTC}) == day


def test_an_empty_variable_is_as_good_as_none() -> None:
    env = {"INPUBLIC_TODAY": " ", "SOURCE_DATE_EPOCH": NOON_22_NOV_UTC}
    assert learner_today("UTC", env) == dt.date(2026, 11, 22)


@pytest.mark.parametrize(("env", "message"), [
    ({"INPUBLIC_TODAY": "22 November"},
     "INPUBLIC_TODAY: expected a date like 2026-11-22, got '22 November'; unset it to use today"),
    ({"SOURCE_DATE_EPOCH": "yesterday"},
     "SOURCE_DATE_EPOCH: expected whole seconds since 1970 like 1795348800, got 'yesterday'; unset it to use today"),
    ({"SOURCE_DATE_EPOCH": "9" * 30},
     f"SOURCE_DATE_EPOCH: expected whole seconds since 1970 like 1795348800, got '{'9' * 30}'; "
     "unset it to use today"),
])
def test_a_variable_that_cannot_be_read_is_said_not_guessed(env: dict[str, str], message: str) -> None:
    with pytest.raises(TodayError) as bad:
        learner_today("UTC", env)
    assert str(bad.value) == message
