"""Golden tests of commitment statuses: a plan, a log, earlier versions and a build date -> status and reason.

Each case in tests/golden/commitments/ is a small YAML file; its .expected file holds what the derive stage
says. After an intended change: pytest tests/test_commitments_status.py --regen-golden
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from golden import check_golden
from inpublic.commitments.status import CommitmentStatus, commitment_statuses
from inpublic.model import PlanHistory, PlanVersion
from inpublic.plan.load import parse_plan
from inpublic.wording import reason_text

GOLDEN = Path(__file__).parent / "golden" / "commitments"
CASES = sorted(GOLDEN.glob("*.yaml"))


def plan_text(case: dict[str, Any], state: dict[str, Any] | None = None) -> str:
    """progress.yaml for a case, or for an earlier version of it: `state` overrides its due and made dates,
    units, done counts and covers, and lists in `gone` the commitments it did not have yet. A commitment marked
    `withdrawn: true` is in the earlier versions only."""
    overrides = state or {}
    units = {**{k: v[0] for k, v in case["resources"].items()}, **overrides.get("units", {})}
    lines = [
        "learner: {name: Test, bio: Testing, timezone: UTC, started: 2027-01-01}",
        "subjects:",
        "  - id: subject",
        "    title: Subject",
        "    resources:",
    ]
    for ident, (_, unit, *done) in case["resources"].items():
        hand = f", done: {overrides.get('done', {}).get(ident, done[0])}" if done else ""
        lines.append(f"      - {{id: {ident}, title: {ident.title()}, kind: lectures, units: {units[ident]}, "
                     f"unit: {unit}{hand}}}")
    lines.append("commitments:")
    for c in commitments(case):
        if c["id"] in overrides.get("gone", []) or (state is None and c.get("withdrawn")):
            continue
        due = overrides.get("due", {}).get(c["id"], c["due"])
        covers = overrides.get("covers", {}).get(c["id"], c["covers"])
        made = overrides.get("made", {}).get(c["id"], c["made"])
        lines.append(f"  - {{id: {c['id']}, title: {c.get('title', 'Commitment ' + c['id'])}, made: {made}, "
                     f"due: {due}, covers: [{', '.join(covers)}]}}")
    lines.append("log:" if case.get("log") else "log: []")
    for day, resource, count in case.get("log", []):
        lines.append(f"  - {{date: {day}, minutes: 30, resource: {resource}, units: {count}}}")
    return "\n".join(lines) + "\n"


def commitments(case: dict[str, Any]) -> list[dict[str, Any]]:
    return case.get("commitments") or [
        {"id": "c", "made": case["made"], "due": case["due"], "covers": list(case["resources"])}
    ]


def history(case: dict[str, Any]) -> PlanHistory:
    """Earlier versions as listed, then the case's plan as committed on `committed` (default: today)."""
    if "versions" not in case:
        return PlanHistory()
    versions = []
    final = {"on": case.get("committed", case["today"]), "current": True}
    for state in [*case["versions"], final]:
        when = dt.datetime.combine(state["on"], dt.time(20), dt.UTC)
        committed = dt.datetime.combine(state.get("committed", state["on"]), dt.time(20), dt.UTC)
        plan = parse_plan(plan_text(case, None if state.get("current") else state))
        versions.append(PlanVersion(f"{len(versions):040x}", when, committed, plan))
    return PlanHistory(tuple(versions))


def describe(status: CommitmentStatus) -> str:
    s = status
    lines = [
        f"{s.id}: {s.label}",
        f"  reason: {reason_text(s.reason)}",
        f"  progress: {s.units_done} of {s.units_total} units, {s.percent}%"
        + (f", finished {s.finished_on}" if s.finished_on else ""),
        f"  due: {s.commitment.due} ({s.when or 'withdrawn'}), judged by {s.judged_by}",
        "  paces: " + "; ".join(f"{p.days} days {s.rate(p.per_day)}" for p in s.paces),
    ]
    if s.needed is not None:
        lines.append(f"  needed: {s.rate(s.needed)}")
    if s.forecast is not None:
        lines.append(f"  forecast: {s.forecast}")
    for shared in s.shared:
        lines.append(f"  shares {shared.resource.id} with: {', '.join(shared.others)}")
    for ch in s.record.changes:
        flags = " [after the due date had passed]" if ch.after_due else " [last minute]" if ch.last_minute else ""
        values = f" {ch.before} -> {ch.after}" if ch.before is not None else f" {ch.after}" if ch.after else ""
        scope = "".join(f" -{i.id}" for i in ch.removed) + "".join(f" +{i.id}" for i in ch.added) + "".join(
            f" {b.id}:{a.units}->{b.units}" for a, b in ch.resized)
        late = f" (committed {ch.committed_on})" if ch.committed_on else ""
        other = f" {ch.other}" if ch.other else ""
        lines.append(f"  change: {ch.on}{late} {ch.kind}{other}{values}{scope}{flags}")
    if s.record.replaced_by:
        lines.append(f"  replaced by: {', '.join(s.record.replaced_by)}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_status(path: Path, regen_golden: bool) -> None:
    case = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    plan = parse_plan(plan_text(case))
    actual = "\n\n".join(describe(s) for s in commitment_statuses(plan, history(case), case["today"])) + "\n"
    check_golden(path.with_suffix(".expected"), actual, regen_golden)


def test_the_boundary_cases_are_all_there() -> None:
    names = {p.stem for p in CASES}
    required = {"due-today", "due-tomorrow", "finished-on-the-due-date", "finished-a-day-late", "zero-pace",
                "pace-exactly-on-the-line"}
    assert required <= names, required - names
    orphans = [e.name for e in GOLDEN.glob("*.expected") if not e.with_suffix(".yaml").exists()]
    assert not orphans
