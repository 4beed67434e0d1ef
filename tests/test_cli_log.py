"""`inpublic log`: it adds the entry's lines and nothing else, atomically, and reads its arguments forgivingly.

Golden files: each plan in tests/plans/log is a file before; its .expected is the diff that adding ENTRY makes.
After an intended change: pytest tests/test_cli_log.py --regen-golden
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run_inpublic
from golden import check_golden
from inpublic.cli.main import main
from inpublic.model import LogEntry
from inpublic.plan import save as files
from inpublic.plan.load import parse_plan
from inpublic.plan.log_entry import (
    DURATION_EXAMPLES,
    EntryRefused,
    LogArgumentError,
    add_entry,
    parse_day,
    parse_duration,
    reads_plain,
    resolve_resource,
)
from inpublic.plan.save import write_atomically
from sites import MINIMAL_PLAN, ROOT, make_site

PLANS = Path(__file__).parent / "plans" / "log"
ENTRY = LogEntry(dt.date(2026, 11, 22), 90, "calc1", units=2, note="limits: epsilon-delta")
# the `log:` line itself changes only where it held an empty value
CHANGES_THE_LOG_LINE = {"empty-brackets-log": "log: []   # nothing yet", "null-log": "log: ~"}
PAST = dt.date(2026, 11, 20)  # two days before the fixed today of conftest.py
RESOURCES = """\
learner:
  name: Sam Rivera
  bio: Learning maths
  timezone: Europe/London
  started: 2026-10-05
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {id: leonard-calc1, title: Calculus 1, kind: lectures, units: 60, unit: lectures}
      - {id: leonard-calc2, title: Calculus 2, kind: lectures, units: 54, unit: lectures}
      - {id: openstax-calc, title: OpenStax Calculus, kind: practice, units: 20, unit: chapters}
  - id: probability
    title: Probability
    resources:
      - {id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}
"""


def inpublic(*args: str, cwd: Path, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    return run_inpublic(*args, cwd=cwd, env=env)


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # as on disk: line breaks untranslated


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and the lines added, by difflib."""
    old, new = before.splitlines(), after.splitlines()
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


# --- the entry's lines and nothing else --------------------------------------------------------


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_only_the_entry_is_added(path: Path, regen_golden: bool) -> None:
    before = read(path)
    addition = add_entry(before, parse_plan(before), ENTRY)
    diff = "\n".join(difflib.unified_diff(before.splitlines(), addition.text.splitlines(), "before", "after",
                                          n=1, lineterm=""))
    check_golden(path.with_suffix(".expected"), diff + "\n", regen_golden)
    removed, added = changes(before, addition.text)
    assert removed == ([CHANGES_THE_LOG_LINE[path.stem]] if path.stem in CHANGES_THE_LOG_LINE else [])
    assert added[-len(addition.lines):] == list(addition.lines)
    assert set(added[: -len(addition.lines)]) <= {"", "log:", "log: # nothing yet"}
    assert addition.text.endswith("\n")


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_windows_line_endings_are_kept(path: Path) -> None:
    before = read(path)
    crlf = before.replace("\n", "\r\n")
    assert add_entry(crlf, parse_plan(crlf), ENTRY).text == add_entry(before, parse_plan(before), ENTRY).text.replace(
        "\n", "\r\n")


def test_a_byte_order_mark_is_kept() -> None:
    before = "\ufeff" + read(PLANS / "indentless.yaml")
    after = add_entry(before, parse_plan(before), ENTRY).text
    assert after.startswith("\ufefflearner:\n") and changes(before, after)[0] == []


def test_a_log_in_brackets_is_refused() -> None:
    text = MINIMAL_PLAN.split("log:")[0] + "log: [{date: 2026-09-08, minutes: 60, resource: calc1}]\n"
    with pytest.raises(EntryRefused) as refused:
        add_entry(text, parse_plan(text), LogEntry(dt.date(2026, 9, 9), 30, "calc1"))
    assert str(refused.value) == (
        "progress.yaml: nothing was added: the log is written in brackets (log: [...]); write it as one "
        "`- date: ...` entry per line, and run this again"
    )


# --- notes: quoted when a reader would misread them --------------------------------------------


@pytest.mark.parametrize("note", [
    "limits: epsilon-delta", "a # b", "yes", "no", "on", "1.10", "2026", "null", "~", "true", "2026-11-22",
    "- a dash", "-dash", "'single'", '"double"', "tab\there", "ends with a colon:", "#tag",
    "[brackets]", "{braces}", "@at", "`tick`", "%percent", "!bang", "&anchor", "*alias", "> folded", "| literal",
    "? question", ": colon", "two\nlines", "non\u00a0breaking", "0x1F", "1e3", ".inf", "=", "<<",
])
def test_a_note_that_needs_quotes_reads_back_exactly(note: str) -> None:
    plan = parse_plan(MINIMAL_PLAN)
    entry = LogEntry(dt.date(2026, 9, 9), 30, "calc1", note=note)
    addition = add_entry(MINIMAL_PLAN, plan, entry)
    assert parse_plan(addition.text).log[-1].note == note
    assert addition.lines[-1].startswith('    note: "')


@pytest.mark.parametrize("note", [
    "limits and continuity", "l'Hôpital's rule", "café, ünïcode ∑ 🎉", "a, b [c] {d}", "chapter 2: done",
    "50% of chapter 3", "C# and F#", "back\\slash \\n",
])
def test_a_plain_note_is_written_plain(note: str) -> None:
    plan = parse_plan(MINIMAL_PLAN)
    addition = add_entry(MINIMAL_PLAN, plan, LogEntry(dt.date(2026, 9, 9), 30, "calc1", note=note))
    assert reads_plain(note) is (": " not in note)
    assert parse_plan(addition.text).log[-1].note == note


def test_kind_and_private_are_written_only_when_not_the_default() -> None:
    plan = parse_plan(MINIMAL_PLAN)
    plain = add_entry(MINIMAL_PLAN, plan, LogEntry(dt.date(2026, 9, 9), 30, "calc1"))
    full = add_entry(MINIMAL_PLAN, plan, LogEntry(dt.date(2026, 9, 9), 30, "calc1", 1, "x", "review", True))
    assert plain.lines == ("  - date: 2026-09-09", "    minutes: 30", "    resource: calc1")
    assert full.lines[3:] == ("    units: 1", "    note: x", "    kind: review", "    private: true")


# --- arguments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "minutes"), [
    ("90m", 90), ("90", 90), ("1h30", 90), ("1h 30m", 90), ("1.5h", 90), ("1,5h", 90), ("2h", 120),
    ("45min", 45), ("45 minutes", 45), ("1 hour", 60), ("0.25h", 15), ("24h", 1440), (" 90M ", 90), ("1440", 1440),
    ("2 hours", 120), ("45 min", 45), ("90 mins", 90), ("1 hr", 60), ("2hrs", 120), ("1h30m", 90), ("1 h 30 m", 90),
    ("1 hour 30 minutes", 90), ("1 hour and 30 minutes", 90), ("1.5 hours", 90), ("1:30", 90), ("0:45", 45),
    ("2:05", 125), ("1H 30M", 90),
])
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(("text", "message"), [
    ("0", "the duration '0' is less than a minute; write how long you studied, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("0h", "the duration '0h' is less than a minute; write how long you studied, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("-30m", "the duration '-30m' is negative; write how long you studied, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("25h", "the duration '25h' is 1500 minutes, more than a whole day (1440); log each day's sessions on that "
            "day, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("1441", "the duration '1441' is 1441 minutes, more than a whole day (1440); log each day's sessions on that "
             "day, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("abc", "cannot read the duration 'abc'; write minutes or hours, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("", "cannot read the duration ''; write minutes or hours, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("1.5h30", "cannot read the duration '1.5h30'; write minutes or hours, like 90m, 1h 30m, 1.5h or 2 hours"),
    ("90s", "cannot read the duration '90s'; write minutes or hours, like 90m, 1h 30m, 1.5h or 2 hours"),
])
def test_bad_durations(text: str, message: str) -> None:
    with pytest.raises(LogArgumentError) as bad:
        parse_duration(text)
    assert str(bad.value) == message


@pytest.mark.parametrize(("words", "minutes"), [
    (["1h", "30m"], 90), (["2", "hours"], 120), (["45", "min"], 45), (["1h 30m"], 90), (["1.5h"], 90), (["90"], 90),
    (["1:30"], 90), (["1", "hour", "30", "minutes"], 90),
])
def test_a_duration_in_one_word_or_several_before_the_resource(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str], minutes: int,
) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    status = main(["log", *words, "calc1", "--date", str(PAST), "--plan", str(plan)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out == f"{plan}: added {minutes} min of calc1 on {PAST}\n"
    assert parse_plan(read(plan)).log[-1].minutes == minutes


def test_words_that_are_no_duration_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    assert main(["log", "90m", "calculus", "calc1", "--plan", str(plan)]) == 2
    assert capsys.readouterr().err == (
        "inpublic log: cannot read the duration '90m calculus'; write minutes or hours, "
        f"{DURATION_EXAMPLES}\n")
    assert read(plan) == MINIMAL_PLAN


TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(("text", "day"), [
    ("today", TODAY), ("Today", TODAY), ("yesterday", dt.date(2026, 11, 21)), ("-2", dt.date(2026, 11, 20)),
    ("-0", TODAY), ("2026-10-05", dt.date(2026, 10, 5)), ("2026-11-22", TODAY),
])
def test_days_count_from_the_today_passed_in(text: str, day: dt.date) -> None:
    assert parse_day(text, TODAY) == day
    assert parse_day("yesterday", dt.date(2027, 3, 1)) == dt.date(2027, 2, 28)


@pytest.mark.parametrize(("text", "message"), [
    ("tomorrow", "cannot read the date 'tomorrow'; write today, yesterday, -2 (two days ago) or a date like "
                 "2026-11-20"),
    ("22/11/2026", "cannot read the date '22/11/2026'; write today, yesterday, -2 (two days ago) or a date like "
                   "2026-11-20"),
    ("2026-11-23", "2026-11-23 is in the future (today is 2026-11-22); log a session once it is done"),
    ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
])
def test_bad_days(text: str, message: str) -> None:
    with pytest.raises(LogArgumentError) as bad:
        parse_day(text, TODAY)
    assert str(bad.value) == message


@pytest.mark.parametrize("words", [["1h", "30m"], ["2", "hours"], ["45", "min"]])
def test_a_duration_without_a_resource_says_to_name_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str],
) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    assert main(["log", *words, "--plan", str(plan)]) == 2
    typed = " ".join(words)
    assert capsys.readouterr().err == (f"inpublic log: {typed!r} is all duration; name the resource you studied after "
                                       f"it, for example 'calc1' (inpublic log {typed} calc1 ...)\n")
    assert read(plan) == MINIMAL_PLAN


@pytest.mark.parametrize(("date", "message"), [
    ("2026-09-06", "2026-09-06 is before you started (learner.started is 2026-09-07 in progress.yaml); log sessions "
                   "from that day on, or move `started` back if you began earlier"),
    ("2026-11-23", "2026-11-23 is in the future (today is 2026-11-22); log a session once it is done"),
])
def test_a_day_before_started_or_after_today_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, message: str,
) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    assert main(["log", "1h", "calc1", "--date", date, "--plan", str(plan)]) == 2
    assert capsys.readouterr().err == f"inpublic log: {message}\n"
    assert read(plan) == MINIMAL_PLAN
    assert main(["log", "1h", "calc1", "--date", "2026-09-07", "--plan", str(plan)]) == 0  # the day itself is fine


def test_units_on_a_resource_counted_by_hand_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With `done:`, progress is what `done:` says; units logged for it would count nowhere on the site."""
    plan = tmp_path / "progress.yaml"
    text = MINIMAL_PLAN.replace("        unit: weeks\n", "        unit: weeks\n        done: 4\n").replace(
        "    units: 3\n", "")
    plan.write_text(text, encoding="utf-8")
    assert main(["log", "1h", "calc1", "--units", "2", "--date", str(PAST), "--plan", str(plan)]) == 2
    assert capsys.readouterr().err == (
        "inpublic log: calc1 is counted by hand (done: 4 in progress.yaml), so units logged for it would not count; "
        "log the session without --units and change its done: to 6, or delete done: to count the units you log\n")
    assert read(plan) == text
    assert main(["log", "1h", "calc1", "--date", str(PAST), "--plan", str(plan)]) == 0  # the time alone is fine
    assert capsys.readouterr().out == f"{plan}: added 60 min of calc1 on {PAST}\n"


@pytest.mark.parametrize(("ref", "resource"), [
    ("leonard-calc1", "leonard-calc1"), ("calculus/leonard-calc2", "leonard-calc2"), ("stat", "stat110"),
    ("probability/s", "stat110"), ("open", "openstax-calc"), ("leonard-calc2", "leonard-calc2"),
])
def test_a_resource_by_id_subject_and_id_or_unique_prefix(ref: str, resource: str) -> None:
    assert resolve_resource(ref, parse_plan(RESOURCES), "inpublic log 90m").id == resource


@pytest.mark.parametrize(("ref", "message"), [
    ("calc1", "unknown resource 'calc1'; did you mean 'leonard-calc1'? (inpublic log 90m leonard-calc1 ...)"),
    ("stat101", "unknown resource 'stat101'; did you mean 'stat110'? (inpublic log 90m stat110 ...)"),
    ("leonard", "'leonard' could be leonard-calc1 or leonard-calc2; write more of the id "
                "(inpublic log 90m leonard-calc1 ...)"),
    ("calc", "unknown resource 'calc'; use one of leonard-calc1, leonard-calc2, openstax-calc "
             "(inpublic log 90m leonard-calc1 ...)"),
    ("xyzzy", "unknown resource 'xyzzy'; use one of leonard-calc1, leonard-calc2, openstax-calc, stat110 "
              "(inpublic log 90m leonard-calc1 ...)"),
    ("calculus", "'calculus' is a subject; log the resource you studied, for example 'leonard-calc1' "
                 "(inpublic log 90m leonard-calc1 ...)"),
    ("calclus/leonard-calc1", "unknown subject 'calclus' in 'calclus/leonard-calc1'; did you mean 'calculus'?"),
    ("probability/leonard-calc1", "resource 'leonard-calc1' belongs to subject 'calculus', not 'probability' "
                                  "(inpublic log 90m calculus/leonard-calc1 ...)"),
    ("", "name the resource you studied, for example 'leonard-calc1' (inpublic log 90m leonard-calc1 ...)"),
])
def test_a_resource_that_is_not_one_is_refused_with_what_to_type(ref: str, message: str) -> None:
    with pytest.raises(LogArgumentError) as bad:
        resolve_resource(ref, parse_plan(RESOURCES), "inpublic log 90m")
    assert str(bad.value) == message


# --- the command -------------------------------------------------------------------------------


def test_log_adds_the_entry_to_the_demo_plan(tmp_path: Path) -> None:
    shutil.copy(ROOT / "progress.yaml", tmp_path)
    before = read(tmp_path / "progress.yaml")
    done = inpublic("log", "90m", "calculus/leonard-calc1", "--units", "2", "--note", "limits and continuity",
                    "--date", str(PAST), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"progress.yaml: added 90 min of leonard-calc1 (2 lectures) on {PAST}\n"
    after = read(tmp_path / "progress.yaml")
    assert after == before + (f"  - date: {PAST}\n    minutes: 90\n    resource: leonard-calc1\n    units: 2\n"
                              "    note: limits and continuity\n")


def test_log_is_dated_today_in_the_learners_time_zone(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(RESOURCES.replace("Europe/London", "Pacific/Kiritimati"), encoding="utf-8")  # UTC+14
    # 22 November 2026 at noon in London is already 23 November in Kiritimati
    env: dict[str, str | None] = {"INPUBLIC_TODAY": None, "SOURCE_DATE_EPOCH": "1795348800"}
    done = inpublic("log", "1h", "stat", "--plan", str(plan), "--private", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{plan}: added 60 min of stat110 on 2026-11-23, private\n"
    assert parse_plan(read(plan)).log[-1].date == dt.date(2026, 11, 23)


def test_log_finds_the_plan_through_mkdocs_yml(tmp_path: Path) -> None:
    project = make_site(tmp_path, config="site_name: T\nplugins:\n  - inpublic:\n      plan: plans/me.yaml\n")
    (project / "plans").mkdir()
    (project / "progress.yaml").rename(project / "plans" / "me.yaml")
    done = inpublic("log", "30", "calc1", "--date", str(PAST), "--units", "1", cwd=project)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"plans/me.yaml: added 30 min of calc1 (1 week) on {PAST}\n"


def test_dry_run_prints_the_entry_and_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    done = inpublic("log", "1h 15m", "calc1", "--note", "yes", "--kind", "practice", "--date", str(PAST),
                    "--dry-run", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (f"  - date: {PAST}\n    minutes: 75\n    resource: calc1\n    note: \"yes\"\n"
                           f"    kind: practice\n"
                           f"progress.yaml: would add 75 min of calc1 on {PAST}, practice at line 26 "
                           f"(dry run: nothing written)\n")
    assert read(plan) == MINIMAL_PLAN


@pytest.mark.parametrize(("args", "message"), [
    (["0", "calc1"], "the duration '0' is less than a minute; write how long you studied, like 90m, 1h 30m, 1.5h or "
                     "2 hours"),
    (["90m", "calk1"], "unknown resource 'calk1'; did you mean 'calc1'? (inpublic log 90m calc1 ...)"),
    (["1h 30m", "alc"], "unknown resource 'alc'; did you mean 'calc1'? (inpublic log '1h 30m' calc1 ...)"),
    (["90", "calc1", "--date", "2999-01-01"], None),
    (["90", "calc1", "--note", "  "], 'the note is empty; write what you did, like --note "limits and continuity", '
                                      "or leave --note out"),
])
def test_a_bad_argument_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str | None) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    done = inpublic("log", *args, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("inpublic log: ") and done.stderr.count("\n") == 1
    if message:
        assert done.stderr == f"inpublic log: {message}\n"
    assert read(plan) == MINIMAL_PLAN


def test_an_entry_the_plan_would_refuse_is_not_added(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(PLANS / "log-in-the-middle.yaml", plan)
    before = plan.read_bytes()
    done = inpublic("log", "2h", "calc1", "--units", "59", "--plan", str(plan), "--date", str(PAST), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (f"{plan}: nothing was added: units: this entry brings calc1 to 61 lectures done, but it "
                           "has only 60; check the units logged, or the resource's total\n")
    assert plan.read_bytes() == before


def test_a_day_over_24_hours_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN.replace("minutes: 60", "minutes: 1000"), encoding="utf-8")
    done = inpublic("log", "8h", "calc1", "--date", "2026-09-08", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, "progress.yaml: nothing was added: minutes: the log adds up to 1480 "
                                                 "minutes on 2026-09-08, more than a whole day (1440); check the "
                                                 "minutes of that day's entries\n")


def test_a_plan_with_mistakes_is_left_alone(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN.replace("kind: course", "kind: lecture"), encoding="utf-8")
    done = inpublic("log", "90m", "calc1", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("progress.yaml: the plan has mistakes, so nothing was added; run `inpublic check` to see "
                           "them\n")
    missing = inpublic("log", "90m", "calc1", "--plan", "nowhere.yaml", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (1, "nowhere.yaml: no such file; run this in your site's folder, "
                                                       "or pass --plan path/to/progress.yaml\n")


# --- the write: all or nothing -----------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INPUBLIC_TODAY", "2026-11-22")
    plan = tmp_path / "progress.yaml"
    plan.write_bytes(MINIMAL_PLAN.replace("\n", "\r\n").encode())
    plan.chmod(0o640)
    return plan


@pytest.mark.parametrize(("date", "day"), [("yesterday", "2026-11-21"), ("-2", "2026-11-20")])
def test_the_day_counts_back_from_the_learners_today(
    plan_file: Path, capsys: pytest.CaptureFixture[str], date: str, day: str
) -> None:
    assert main(["log", "90m", "calc1", "--date", date]) == 0
    assert capsys.readouterr().out == f"progress.yaml: added 90 min of calc1 on {day}\n"
    assert read(plan_file).endswith("log:\r\n  - date: 2026-09-08\r\n    minutes: 60\r\n    resource: calc1\r\n"
                                    f"    units: 3\r\n  - date: {day}\r\n    minutes: 90\r\n    resource: calc1\r\n")
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o640
    assert sorted(os.listdir(plan_file.parent)) == [".progress.yaml.lock", "progress.yaml"]  # the lock stays


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_a_failed_write_leaves_the_plan_as_it_was(
    plan_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    before = plan_file.read_bytes()
    monkeypatch.setattr(files.os, failing, fail)
    assert main(["log", "90m", "calc1"]) == 1
    assert capsys.readouterr().err == "progress.yaml: cannot be written (No space left on device); nothing was added\n"
    assert plan_file.read_bytes() == before
    assert sorted(os.listdir(plan_file.parent)) == [".progress.yaml.lock", "progress.yaml"]


def test_an_interrupted_write_leaves_the_plan_and_no_temporary_file(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.os, "replace", lambda *args: (_ for _ in ()).throw(KeyboardInterrupt))
        write_atomically(plan, "broken")
    assert read(plan) == MINIMAL_PLAN
    assert os.listdir(tmp_path) == ["progress.yaml"]


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("old\n", encoding="utf-8")
    (tmp_path / "progress.yaml").symlink_to("real.yaml")
    write_atomically(tmp_path / "progress.yaml", "new\r\n")
    assert (tmp_path / "progress.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_bytes() == b"new\r\n"


STALLED = """\
import os, sys, time
def stalled(source, target):
    print("written", flush=True)
    time.sleep(60)
os.replace = stalled
from inpublic.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killing_log_before_the_rename_leaves_the_plan_whole(tmp_path: Path, sig: signal.Signals) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    args = [sys.executable, "-c", STALLED, "log", "90m", "calc1", "--date", str(PAST)]
    with subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "written\n"
        process.send_signal(sig)
        process.wait(timeout=30)
    assert read(plan) == MINIMAL_PLAN
    leftovers = [p for p in tmp_path.iterdir() if p.name not in ("progress.yaml", ".progress.yaml.lock")]
    if sig == signal.SIGINT:  # Ctrl-C: the temporary file is removed on the way out
        assert leftovers == []
    else:  # nothing runs after SIGKILL: a whole temporary file may stay, never a half-written plan
        assert [p.name.startswith(".progress.yaml.") for p in leftovers] == [True]
        assert read(leftovers[0]).startswith(MINIMAL_PLAN) and parse_plan(read(leftovers[0])).log[-1].minutes == 90
