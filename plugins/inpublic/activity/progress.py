"""Progress of resources, subjects and commitments, from the plan alone (pure functions)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from inpublic.model import Commitment, Plan, Resource, Subject


@dataclass(frozen=True)
class ResourceProgress:
    resource: Resource
    done: int
    finished_on: dt.date | None  # the day the log reached the total, when it did

    @property
    def total(self) -> int:
        return self.resource.units

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0)

    @property
    def finished(self) -> bool:
        return self.done >= self.total


def mean_fraction(resources: tuple[ResourceProgress, ...]) -> float:
    """The mean of the resources' fractions: units differ between resources, so they are not added up."""
    return sum(r.fraction for r in resources) / len(resources) if resources else 0.0


@dataclass(frozen=True)
class SubjectProgress:
    subject: Subject
    resources: tuple[ResourceProgress, ...]

    @property
    def fraction(self) -> float:
        return mean_fraction(self.resources)

    @property
    def finished_count(self) -> int:
        return sum(1 for r in self.resources if r.finished)


@dataclass(frozen=True)
class CommitmentProgress:
    commitment: Commitment
    resources: tuple[ResourceProgress, ...]

    @property
    def fraction(self) -> float:
        return mean_fraction(self.resources)

    def days_left(self, today: dt.date) -> int:
        """Days from today to the due date: negative once it has passed."""
        return (self.commitment.due - today).days


def resource_progress(plan: Plan) -> dict[str, ResourceProgress]:
    """Units done per resource: the explicit `done` count when given, else the units logged."""
    logged: dict[str, int] = defaultdict(int)
    finished_on: dict[str, dt.date] = {}
    totals = {r.id: r.units for r in plan.resources}
    for entry in sorted(plan.log, key=lambda e: e.date):
        logged[entry.resource] += entry.units
        if entry.resource not in finished_on and logged[entry.resource] >= totals[entry.resource]:
            finished_on[entry.resource] = entry.date
    return {
        r.id: ResourceProgress(r, r.done if r.done is not None else logged[r.id], finished_on.get(r.id))
        for r in plan.resources
    }


def subject_progress(plan: Plan, by_resource: dict[str, ResourceProgress]) -> tuple[SubjectProgress, ...]:
    return tuple(
        SubjectProgress(s, tuple(by_resource[r.id] for r in s.resources)) for s in plan.subjects
    )


def commitment_progress(plan: Plan, by_resource: dict[str, ResourceProgress]) -> tuple[CommitmentProgress, ...]:
    return tuple(
        CommitmentProgress(c, tuple(by_resource[r.id] for r in plan.covered_resources(c)))
        for c in plan.commitments
    )
