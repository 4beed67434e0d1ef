"""What is public: the plan without the entries a learner marked private."""

from __future__ import annotations

from dataclasses import replace

from .model import Plan


def public_plan(plan: Plan) -> Plan:
    """The plan as the site and feeds may show it: private log entries and milestones removed."""
    return replace(
        plan,
        log=tuple(e for e in plan.log if not e.private),
        milestones=tuple(m for m in plan.milestones if not m.private),
    )
