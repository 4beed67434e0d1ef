"""Golden cases of the day-to-day record: the review schedule, the days' activity levels and the streaks.

Each case in tests/days is a YAML file with the learner's time zone, today, log entries and commit times; its
.expected file is what the core makes of it. After an intended change: pytest tests/test_review_golden.py
--regen-golden
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from ruamel.yaml import YAML

from golden import check_golden
from inpublic.activity.days import DayActivity, Run, daily_activity, streaks
from inpublic.plan.load import parse_plan
from inpublic.privacy import public_plan
from inpublic.rhythm.heatmap import level
from inpublic.rhythm.reviews import Review, review_schedule, review_view, review_weeks

CASES = Path(__file__).parent / "days"

PLAN = """\
learner: {{name: Ada, bio: Learning, timezone: {zone}, started: 2026-10-01}}
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc-lectures, title: Calculus lectures, kind: lectures, units: 60, unit: lectures}}
      - {{id: calc-book, title: Calculus (Spivak), kind: book, units: 30, unit: chapters}}
      - {{id: calc-problems, title: Calculus problem book, kind: practice, units: 20, unit: chapters}}
  - id: probability
    title: Probability
    resources:
      - {{id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}}
  - id: linear-algebra
    title: Linear algebra
    resources:
      - {{id: la-1, title: "Linear algebra, unit I", kind: lectures, units: 10, unit: lectures}}
      - {{id: la-2, title: "Linear algebra, unit II", kind: lectures, units: 12, unit: lectures}}
log:
{log}
"""


def cases() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def load_case(path: Path) -> tuple[dict, str]:
    case = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    entries = "\n".join(f"  - {entry_yaml(e)}" for e in case["log"]) or "  []"
    return case, PLAN.format(zone=case["timezone"], log=entries)


def entry_yaml(entry: dict) -> str:
    def value(v: object) -> object:
        if isinstance(v, dt.date):
            return v.isoformat()
        if isinstance(v, str):
            return repr(v)
        return str(v).lower() if isinstance(v, bool) else v

    return "{" + ", ".join(f"{k}: {value(v)}" for k, v in entry.items()) + "}"


def day(d: dt.date) -> str:
    return f"{d:%a} {d.isoformat()}"


def run(r: Run | None) -> str:
    return f"{r.days} days, {day(r.start)} to {day(r.end)}" if r else "none"


def activity(a: DayActivity) -> str:
    return (f"  {day(a.day)}  {a.minutes:>3} min  {a.sessions} sessions  {a.commits} commits  "
            f"level {level(a)}")


def review(r: Review) -> str:
    sources = ", ".join(s.id for s in r.sources) or ("your notes" if r.kind == "review" else r.resource.id)
    done = f"done {day(r.done_on)} with {', '.join(x.id for x in r.done_with)}" if r.done_on else r.status
    topics = f"  ({'; '.join(r.topics)})" if r.topics else ""
    return (f"  {day(r.due)}  {r.kind:<8}  {r.resource.id} studied {day(r.studied)}{topics}\n"
            f"      from: {sources}; counts until {day(r.closes)}; {done}")


def dump(case: dict, plan_text: str) -> str:
    plan = public_plan(parse_plan(plan_text))
    today: dt.date = case["today"]
    zone = ZoneInfo(case["timezone"])
    commit_days = [dt.datetime.fromisoformat(str(c)).astimezone(zone).date() for c in case.get("commits") or ()]
    days = daily_activity(plan.log, commit_days, today)
    s = streaks(days, today)
    schedule = review_schedule(plan, today)
    view = review_view(schedule, today)
    lines = [f"today {day(today)} in {case['timezone']}", "days"]
    lines += [activity(a) for a in days.values()]
    lines += [f"current streak: {run(s.current)}{' (includes today)' if s.counts_today else ''}",
              f"longest streak: {run(s.longest)}", "reviews"]
    lines += [review(r) for r in schedule] or ["  none"]
    lines.append("weeks")
    weeks = sorted(review_weeks(schedule).items())
    lines += [f"  {slug}: {w.done} done, {w.missed} missed, {w.open} open" for slug, w in weeks]
    lines.append(f"view: {len(view.open)} due today, {len(view.upcoming)} tomorrow, "
                 f"last {view.recent_days} days {view.done} done and {view.missed} missed")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", cases(), ids=lambda p: p.stem)
def test_day_to_day_golden(path: Path, regen_golden: bool) -> None:
    case, plan_text = load_case(path)
    actual = dump(case, plan_text)
    check_golden(path.with_suffix(".expected"), actual, regen_golden)


def test_cases_are_complete() -> None:
    assert len(cases()) >= 10
    orphans = [e.name for e in CASES.glob("*.expected") if not e.with_suffix(".yaml").exists()]
    assert not orphans, f"golden files without a case: {orphans}"
