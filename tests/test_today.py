"""`inpublic.today`: the one day every adapter takes as today, fixed by INPUBLIC_TODAY or SOURCE_DATE_EPOCH."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mkdocs.exceptions import PluginError

import inpublic
from inpublic.cli.main import main
from inpublic.engines.mkdocs.inputs import build_date
from inpublic.plan.load import parse_plan
from inpublic.today import EPOCH, TODAY, TodayError, learner_now, learner_today

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


PACKAGE = Path(inpublic.__file__).parent
CLOCK_CALLS = {"now", "utcnow", "today", "get_build_datetime"}  # datetime's, date's and MkDocs' readings of the clock


def _clock_readings(path: Path) -> list[str]:
    """Where a module reads the clock, or the variables that name today, itself: `dt.datetime.now(...)`,
    `date.today()`, `time.time()`, `get_build_datetime()`, "INPUBLIC_TODAY", "SOURCE_DATE_EPOCH"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            is_time = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "time"
            if name in CLOCK_CALLS or (is_time and name in {"time", "localtime", "gmtime"}):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {ast.unparse(func)}()")
        elif isinstance(node, ast.Constant) and node.value in (TODAY, EPOCH):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    return found


def test_only_today_py_reads_the_clock() -> None:
    """An adapter that asked the clock itself would ignore INPUBLIC_TODAY and SOURCE_DATE_EPOCH, as
    `inpublic init` once did: every adapter asks inpublic/today.py instead."""
    modules = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "today.py")
    assert len(modules) > 50
    assert [line for path in modules for line in _clock_readings(path)] == []
    assert _clock_readings(PACKAGE / "today.py")  # the scan does see a reading where there is one


def test_init_starts_the_plan_on_the_day_inpublic_today_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INPUBLIC_TODAY", "2027-06-30")
    assert main(["init", str(tmp_path / "site"), "--timezone", "UTC", "--name", "Ada"]) == 0
    assert parse_plan((tmp_path / "site" / "progress.yaml").read_text(), "progress.yaml").learner.started == (
        dt.date(2027, 6, 30))
    capsys.readouterr()


def test_a_build_fails_on_a_day_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INPUBLIC_TODAY", "2027-06-30")
    assert build_date("Pacific/Kiritimati") == dt.date(2027, 6, 30)
    monkeypatch.setenv("INPUBLIC_TODAY", "tomorrow")
    with pytest.raises(PluginError, match=r"^inpublic: INPUBLIC_TODAY: expected a date like 2026-11-22"):
        build_date("UTC")


def test_the_moment_an_email_is_stamped_with_follows_the_same_variables() -> None:
    zone = "America/New_York"
    noon = dt.datetime(2026, 11, 22, 12, tzinfo=ZoneInfo(zone))
    assert learner_now(zone, {TODAY: "2026-11-22", EPOCH: "1"}) == noon  # the day named, at noon
    assert learner_now(zone, {EPOCH: "1795348800"}) == dt.datetime(2026, 11, 22, 7, tzinfo=ZoneInfo(zone))
    assert learner_now(zone, {EPOCH: "1795348800"}).utcoffset() == dt.timedelta(hours=-5)
    with pytest.raises(TodayError):
        learner_now(zone, {TODAY: "someday"})
