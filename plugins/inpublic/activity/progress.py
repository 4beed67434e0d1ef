"""How far along a resource, a subject or a commitment is: the one progress model (pure functions).

A resource's progress is its units done, at most its total: ``share(done, total)``. A subject's or a commitment's
is the mean of its resources' shares (``mean_share``): resources count in different units (lectures, chapters,
weeks), so each weighs the same and units are not added up. The arithmetic is exact (fractions) and a percentage
never shows 100 before everything is done (wording.percent). The home page, the weekly reports and
`inpublic status` take progress from the plan here; commitments/status.py follows it day by day with the same
share and mean.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from inpublic.model import Commitment, Plan, Resource, Subject
from inpublic.wording import percent


def share(done: int, total: int) -> Fraction:
    """A resource's progress: the units done, counting at most its total, over its total."""
    return Fraction(min(done, total), total)


def mean_share(counts: Iterable[tuple[int, int]]) -> Fraction:
    """The progress of resources taken together, from each one's (done, total): the mean of their shares."""
    shares = [share(done, total) for done, total in counts]
    return sum(shares, Fraction(0)) / len(shares) if shares else Fraction(0)


@dataclass(frozen=True)
class ResourceProgress:
    resource: Resource
    done: int  # units done: the `done:` count, or the units logged (which may pass the total)
    finished_on: dt.date | None  # the day the log reached the total, when it did

    @property
    def total(self) -> int:
        return self.resource.units

    @property
    def fraction(self) -> Fraction:
        return share(self.done, self.total)

    @property
    def finished(self) -> bool:
        return self.done >= self.total


class GroupProgress:
    """How far along resources taken together are: a subject's or a commitment's progress."""

    resources: tuple[ResourceProgress, ...]

    @property
    def fraction(self) -> Fraction:
        return mean_share((r.done, r.total) for r in self.resources)

    @property
    def percent(self) -> int:
        return percent(self.fraction)

    @property
    def units_done(self) -> int:
        """Units done, summed over the resources, each counting at most its total."""
        return sum(min(r.done, r.total) for r in self.resources)

    @property
    def units_total(self) -> int:
        return sum(r.total for r in self.resources)

    @property
    def finished_count(self) -> int:
        return sum(1 for r in self.resources if r.finished)


@dataclass(frozen=True)
class SubjectProgress(GroupProgress):
    subject: Subject
    resources: tuple[ResourceProgress, ...]


@dataclass(frozen=True)
class CommitmentProgress(GroupProgress):
    commitment: Commitment
    resources: tuple[ResourceProgress, ...]

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
