"""The public record of each commitment, from every committed version of the plan (pure: no I/O, no clock).

Commitments are followed by id from one version to the next. Each version that changes one records a
`Change`: added, due date moved, scope changed (resources added or removed, or a covered resource's total
changed), made date changed, title changed, withdrawn (the id is gone) or restored (it came back). A
commitment added on or after another one was withdrawn, covering some of the same resources, is linked to it
("replaces"), so deleting a commitment and adding it again under a new id shows the move it amounts to.

Dates are author dates in the learner's time zone. How close a change came to the due date it changed is
measured from the later of its author and commit dates, so backdating the author date does not hide a
last-minute move. A change that makes a commitment easier (a later due date, or less to do) within
`HORIZON` days of the due date in force is flagged, after Beeminder's akrasia horizon; one made after that
due date had passed is flagged too (and `commitments/status.py` keeps the commitment missed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

from inpublic.model import Commitment, Plan, PlanHistory, PlanVersion

HORIZON = 7  # days: Beeminder's akrasia horizon

ADDED, DUE, SCOPE, MADE, TITLE = "added", "due", "scope", "made", "title"
WITHDRAWN, RESTORED, REPLACES = "withdrawn", "restored", "replaces"


@dataclass(frozen=True)
class ScopeItem:
    """One resource a commitment covers, as a version of the plan described it."""

    id: str
    title: str
    units: int
    unit: str


@dataclass(frozen=True)
class Change:
    kind: str  # ADDED, DUE, SCOPE, MADE, TITLE, WITHDRAWN, RESTORED or REPLACES
    on: dt.date  # author date, in the learner's time zone
    sha: str | None  # None: in the working copy, not committed yet
    committed_on: dt.date | None = None  # set when the commit came more than a day after its author date
    before: dt.date | str | None = None  # the old due date, made date or title (REPLACES: the old due date)
    after: dt.date | str | None = None
    added: tuple[ScopeItem, ...] = ()
    removed: tuple[ScopeItem, ...] = ()
    resized: tuple[tuple[ScopeItem, ScopeItem], ...] = ()  # (before, after) of a covered resource
    other: str | None = None  # REPLACES: the id of the withdrawn commitment
    easier: bool = False  # a later due date, or less to do
    due: dt.date | None = None  # the due date in force when the change was made
    days_to_due: int | None = None  # from the change to that due date; negative once it had passed

    @property
    def short_sha(self) -> str | None:
        return self.sha[:7] if self.sha else None

    @property
    def shift(self) -> int | None:
        """Days a due (or made) date moved: positive when later."""
        if isinstance(self.before, dt.date) and isinstance(self.after, dt.date):
            return (self.after - self.before).days
        return None

    @property
    def after_due(self) -> bool:
        """Made easier after the due date it changed had passed."""
        return self.easier and self.days_to_due is not None and self.days_to_due < 0

    @property
    def last_minute(self) -> bool:
        """Made easier within the akrasia horizon: fewer than HORIZON days before the due date it changed."""
        return self.easier and self.days_to_due is not None and 0 <= self.days_to_due < HORIZON


@dataclass(frozen=True)
class DeadlineRecord:
    id: str
    commitment: Commitment  # as it is now, or as last seen before it was withdrawn
    plan: Plan  # the plan it is in now, or the version it was last seen in
    changes: tuple[Change, ...] = ()  # oldest first
    withdrawn: Change | None = None  # the withdrawal, when the commitment is gone from the plan
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()

    @property
    def added(self) -> Change | None:
        return next((c for c in self.changes if c.kind == ADDED), None)

    @property
    def moves(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == DUE)

    @property
    def original_due(self) -> dt.date:
        """The due date it was first recorded with."""
        added = self.added
        return added.after if added is not None and isinstance(added.after, dt.date) else self.commitment.due

    @property
    def flagged(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.after_due or c.last_minute)


@dataclass(frozen=True)
class _Seen:
    commitment: Commitment
    plan: Plan
    scope: tuple[ScopeItem, ...]


def deadline_records(history: PlanHistory, current: Plan, today: dt.date) -> tuple[DeadlineRecord, ...]:
    """Each commitment ever recorded, in the order first seen: the current ones and the withdrawn ones.

    ``current`` is the plan being built (the working copy); when it differs from the last committed
    version, its changes are recorded as of ``today`` with no commit. Without any committed version
    (no git), every current commitment gets a record without changes.
    """
    zone = ZoneInfo(current.learner.timezone)
    versions = list(history.versions)
    if not versions:
        return tuple(DeadlineRecord(c.id, c, current) for c in current.commitments)
    if _snapshot(versions[-1].plan) != _snapshot(current):
        noon = dt.datetime.combine(today, dt.time(12), zone)
        versions.append(PlanVersion(None, noon, noon, current))
    return _Tracker(zone).run(versions)


class _Tracker:
    """Walks the versions oldest first and writes down what changed."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.seen: dict[str, _Seen] = {}  # last seen state of every id ever seen
        self.changes: dict[str, list[Change]] = {}
        self.present: set[str] = set()
        self.withdrawn: dict[str, tuple[int, Change]] = {}  # id -> (version index, withdrawal)
        self.added_at: dict[str, int] = {}

    def run(self, versions: list[PlanVersion]) -> tuple[DeadlineRecord, ...]:
        for index, version in enumerate(versions):
            self.step(index, version)
        return self.records()

    def step(self, index: int, version: PlanVersion) -> None:
        on = version.authored.astimezone(self.zone).date()
        committed = version.committed.astimezone(self.zone).date()
        late_commit = committed if (committed - on).days > 1 else None
        effective = max(on, committed)
        stamp: dict[str, Any] = {"on": on, "sha": version.sha, "committed_on": late_commit}
        now = {c.id: _Seen(c, version.plan, _scope(version.plan, c)) for c in version.plan.commitments}
        for ident in self.present - set(now):
            before = self.seen[ident]
            change = Change(WITHDRAWN, **stamp, easier=True, due=before.commitment.due,
                            days_to_due=(before.commitment.due - effective).days)
            self.changes[ident].append(change)
            self.withdrawn[ident] = (index, change)
        for ident, state in now.items():
            if ident not in self.seen:
                self.changes[ident] = [Change(ADDED, **stamp, after=state.commitment.due)]
                self.added_at[ident] = index
            else:
                if ident not in self.present:
                    self.changes[ident].append(Change(RESTORED, **stamp, after=state.commitment.due))
                    self.withdrawn.pop(ident, None)
                self.changes[ident].extend(_diff(self.seen[ident], state, stamp, effective))
            self.seen[ident] = state
        self.present = set(now)

    def records(self) -> tuple[DeadlineRecord, ...]:
        replaces: dict[str, list[str]] = {i: [] for i in self.seen}
        replaced_by: dict[str, list[str]] = {i: [] for i in self.seen}
        for old, (index, withdrawal) in self.withdrawn.items():
            old_ids = {item.id for item in self.seen[old].scope}
            for new, added in self.added_at.items():
                if new != old and added >= index and old_ids & {item.id for item in self.seen[new].scope}:
                    replaces[new].append(old)
                    replaced_by[old].append(new)
                    self.changes[new].append(self._replacement(old, new, withdrawal))
        return tuple(
            DeadlineRecord(
                id=ident,
                commitment=state.commitment,
                plan=state.plan,
                changes=tuple(sorted(self.changes[ident], key=_order)),
                withdrawn=self.withdrawn[ident][1] if ident in self.withdrawn else None,
                replaces=tuple(replaces[ident]),
                replaced_by=tuple(replaced_by[ident]),
            )
            for ident, state in self.seen.items()
        )

    def _replacement(self, old: str, new: str, withdrawal: Change) -> Change:
        added = next(c for c in self.changes[new] if c.kind == ADDED)
        old_due, new_due = self.seen[old].commitment.due, self.seen[new].commitment.due
        # the new commitment's due date as it was first recorded
        first_due = added.after if isinstance(added.after, dt.date) else new_due
        effective = max(added.on, added.committed_on or added.on, withdrawal.on)
        return Change(REPLACES, on=added.on, sha=added.sha, committed_on=added.committed_on, before=old_due,
                      after=first_due, other=old, easier=first_due > old_due, due=old_due,
                      days_to_due=(old_due - effective).days)


def _order(change: Change) -> tuple[dt.date, int]:
    order = (ADDED, REPLACES, RESTORED, DUE, SCOPE, MADE, TITLE, WITHDRAWN)
    return change.on, order.index(change.kind)


def _diff(old: _Seen, new: _Seen, stamp: dict[str, Any], effective: dt.date) -> list[Change]:
    """What changed in one commitment between two versions."""
    a, b = old.commitment, new.commitment
    to_due = (a.due - effective).days
    out = []
    if a.due != b.due:
        out.append(Change(DUE, **stamp, before=a.due, after=b.due, easier=b.due > a.due, due=a.due,
                          days_to_due=to_due))
    scope = _scope_change(old.scope, new.scope)
    if scope is not None:
        added, removed, resized = scope
        less = bool(removed) or any(n.units < o.units for o, n in resized)
        out.append(Change(SCOPE, **stamp, added=added, removed=removed, resized=resized, easier=less,
                          due=a.due, days_to_due=to_due))
    if a.made != b.made:
        out.append(Change(MADE, **stamp, before=a.made, after=b.made))
    if a.title != b.title:
        out.append(Change(TITLE, **stamp, before=a.title, after=b.title))
    return out


def _scope_change(
    old: tuple[ScopeItem, ...], new: tuple[ScopeItem, ...]
) -> tuple[tuple[ScopeItem, ...], tuple[ScopeItem, ...], tuple[tuple[ScopeItem, ScopeItem], ...]] | None:
    before, after = {i.id: i for i in old}, {i.id: i for i in new}
    added = tuple(i for i in new if i.id not in before)
    removed = tuple(i for i in old if i.id not in after)
    resized = tuple((before[i.id], i) for i in new if i.id in before and before[i.id].units != i.units)
    return (added, removed, resized) if added or removed or resized else None


def _scope(plan: Plan, commitment: Commitment) -> tuple[ScopeItem, ...]:
    return tuple(ScopeItem(r.id, r.title, r.units, r.unit) for r in plan.covered_resources(commitment))


def _snapshot(plan: Plan) -> dict[str, tuple[Commitment, tuple[ScopeItem, ...]]]:
    """What the record compares: each commitment with the resources it covers (without its note)."""
    return {c.id: (replace(c, note=None), _scope(plan, c)) for c in plan.commitments}
