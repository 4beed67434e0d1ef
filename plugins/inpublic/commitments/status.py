"""Commitment statuses: progress, pace, forecast and an honest status at the build date (pure functions).

Definitions (docs/inpublic/commitments.md explains them to learners):

- **Progress** of a commitment is the mean of its resources' progress, each resource counting
  ``min(done / units, 1)``: resources count in different units (lectures, chapters, weeks), so each
  resource weighs the same, as on the home page (activity/progress.py's ``share`` and ``mean_share``).
  Units come from the log, entries dated up to the day; a resource counted by hand (``done:``) is dated
  by the commits that changed the count.
- **Baseline**: the progress a commitment starts from, ``start``: the log up to the day before it was made, and
  a hand count as it stood when the commitment entered the plan (``done: 2`` written with it: done on days
  nobody recorded). It stands for every day before, so it is never pace: paces count only progress since. The
  chart and the required-pace line start there.
- **Pace** is progress per day, a share of the commitment: over the last 14 days, ``(p(today) -
  p(today - 14)) / 14``, and likewise over 28 days. The best recent pace is the higher of the two.
  Pages state it per week, in the resource's units when the commitment covers one resource.
- **Needed pace** is what is left divided by the days from tomorrow to the due date: today's log is
  taken as written, so a commitment due today with work left is at risk. With rest days or breaks
  (``Plan.rest``), only the days that are not resting count: what is left is spread over the study days to
  the due date, at the study days of a week (``left / study days * week's study days / 7`` a day), so that a
  break ahead raises the pace needed. The forecast counts study days too.
- **Forecast**: today plus the days the rest takes at the best recent pace (rounded up); none while there has
  been no progress since the commitment was made ("No progress yet since 2 December").
- **Status**: *done* when everything was finished on or before the due date; *missed* once the due date
  has passed without that, and for good ("done N days late" when finished after); *at risk* when the
  forecast lands after the due date (the same as: the needed pace is above the best recent pace), or when
  there has been no progress for 28 days; *on track* otherwise; *withdrawn* when gone from the plan.
- A due date moved later, or a scope reduced, *after* the due date in force had passed keeps the
  commitment missed against that due date (see commitments/deadlines.py for how changes are recorded).

Arithmetic is exact (fractions), so "exactly on the line" is on track, not a rounding accident.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from zoneinfo import ZoneInfo

from inpublic.activity.progress import ResourceProgress, mean_share
from inpublic.commitments.deadlines import DUE, SCOPE, Change, DeadlineRecord, deadline_records
from inpublic.commitments.reasons import (
    AT_RISK,
    DONE,
    LABELS,
    MISSED,
    ON_TRACK,
    WINDOWS,
    WITHDRAWN,
    Reason,
    _done_reason,
    _due_of,
    _missed_reason,
    _pace_reason,
    _sticky_reason,
    _withdrawn_reason,
    rate_text,
)
from inpublic.model import NO_REST, Commitment, LogEntry, Plan, PlanHistory, Resource, Rest
from inpublic.wording import days_left, percent


@dataclass(frozen=True)
class ResourceState(ResourceProgress):
    """A covered resource as of the status date: its units done there at most the total."""

    undated: bool = False  # counted by hand (`done:`) with no history: the day is not known


@dataclass(frozen=True)
class Pace:
    days: int  # the window: the last 14 or 28 days
    per_day: Fraction  # share of the commitment per day


@dataclass(frozen=True)
class Point:
    day: dt.date
    fraction: Fraction  # progress at the end of the day


@dataclass(frozen=True)
class SharedResource:
    resource: Resource
    others: tuple[str, ...]  # titles of the other current commitments that cover it


@dataclass(frozen=True)
class CommitmentStatus:
    record: DeadlineRecord
    status: str  # DONE, ON_TRACK, AT_RISK, MISSED or WITHDRAWN
    reason: Reason
    as_of: dt.date  # the build date, or the day it was withdrawn
    resources: tuple[ResourceState, ...]
    fraction: Fraction
    finished_on: dt.date | None
    judged_by: dt.date  # the due date the status is judged against: the due date, or the one missed before a move
    paces: tuple[Pace, ...]
    needed: Fraction | None  # share per day from tomorrow to the due date, while it is not finished
    forecast: dt.date | None
    start: Fraction  # progress when it was made (end of the day before `made`)
    series: tuple[Point, ...]  # progress at the end of `made`, of each day it changed, and of `as_of`
    scale: tuple[str, int] | None = None  # (unit, total) when it covers one resource: paces are shown in units
    shared: tuple[SharedResource, ...] = field(default=())

    @property
    def commitment(self) -> Commitment:
        return self.record.commitment

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def percent(self) -> int:
        """A whole percentage that never shows 100 before everything is finished."""
        return percent(self.fraction)

    @property
    def days_left(self) -> int:
        """Days from the build date to the due date: negative once it has passed."""
        return (self.commitment.due - self.as_of).days

    @property
    def when(self) -> str:
        """The days left, or how long ago it was due: '220 days left', 'due today', '12 days late'."""
        if self.status == WITHDRAWN:
            return ""
        return days_left(self.days_left, "ago" if self.finished_on or self.status == DONE else "late")

    @property
    def idle_since_made(self) -> bool:
        """No progress since it was made (beyond its baseline): there is no pace of its own to forecast from."""
        return self.fraction <= self.start and self.commitment.made <= self.as_of

    @property
    def best_pace(self) -> Pace:
        return max(self.paces, key=lambda p: p.per_day)

    @property
    def units_done(self) -> int:
        return sum(r.done for r in self.resources)

    @property
    def units_total(self) -> int:
        return sum(r.total for r in self.resources)

    def rate(self, per_day: Fraction) -> str:
        """A pace in words, per week: '8.4 lectures a week', or '2.9% of the work a week'."""
        return rate_text(per_day, self.scale)


def commitment_statuses(plan: Plan, history: PlanHistory, today: dt.date) -> tuple[CommitmentStatus, ...]:
    """Every commitment ever recorded, with its status as of ``today``: current ones by due date, then withdrawn.

    ``plan`` is the public plan being built; ``history`` its committed versions (may be empty).
    """
    records = deadline_records(history, plan, today)
    counts = hand_counts(history, plan, today)
    statuses = [status_of(record, plan.log, today, counts, plan.rest) for record in records]
    current = sorted((s for s in statuses if s.status != WITHDRAWN), key=lambda s: (s.commitment.due, s.id))
    gone = sorted((s for s in statuses if s.status == WITHDRAWN), key=lambda s: (s.as_of, s.id))
    return tuple(_with_shared(current)) + tuple(gone)


def status_of(
    record: DeadlineRecord,
    log: Iterable[LogEntry],
    today: dt.date,
    counts: Mapping[str, tuple[tuple[dt.date, int], ...]] | None = None,
    rest: Rest = NO_REST,
    *,
    charted: bool = True,
) -> CommitmentStatus:
    """The status of one commitment as of ``today`` (or as of its withdrawal), from the log and hand counts;
    without its chart's points (`series`, empty) unless `charted`: a week's or a month's close needs none, and
    they are most of the work."""
    commitment = record.commitment
    as_of = record.withdrawn.on if record.withdrawn else today
    resources = record.plan.covered_resources(commitment)
    curves = {r.id: _curve(r, log, as_of, (counts or {}).get(r.id)) for r in resources}
    progress = _Progress(resources, curves, _baselines(record, resources, curves))
    states = tuple(_state(r, curves[r.id], as_of) for r in resources)
    finished = all(s.finished for s in states)
    undated = finished and any(s.undated for s in states)
    dates = [s.finished_on for s in states if s.finished_on]
    finished_on = max(dates) if finished and not undated and dates else None
    paces = tuple(Pace(w, (progress.at(as_of) - progress.at(as_of - dt.timedelta(days=w))) / w) for w in WINDOWS)
    base = CommitmentStatus(
        record=record, status=ON_TRACK, reason=(), as_of=as_of, resources=states, fraction=progress.at(as_of),
        finished_on=finished_on, judged_by=commitment.due, paces=paces, needed=None, forecast=None,
        start=progress.at(commitment.made - dt.timedelta(days=1)),
        series=progress.series(commitment.made, as_of) if charted else (),
        scale=(resources[0].unit, resources[0].units) if len(resources) == 1 else None,
    )
    if record.withdrawn:
        return replace(base, status=WITHDRAWN, reason=_withdrawn_reason(base, record.withdrawn))
    missed = _missed_by_change(record, finished_on, finished and undated)
    if missed is not None:
        return replace(base, status=MISSED, judged_by=_due_of(missed), reason=_sticky_reason(base, missed))
    if finished and (undated or (finished_on is not None and finished_on <= commitment.due)):
        return replace(base, status=DONE, reason=_done_reason(base))
    if today > commitment.due:
        return replace(base, status=MISSED, reason=_missed_reason(base))
    return _paced(base, rest)


FAR = 36_525  # days: a century, past which no finish is forecast


def _paced(base: CommitmentStatus, rest: Rest = NO_REST) -> CommitmentStatus:
    """On track or at risk, from the needed pace and the best recent pace, counting the study days only."""
    due, today = base.commitment.due, base.as_of
    left = 1 - base.fraction
    week = 7 - len(rest.weekdays) if len(rest.weekdays) < 7 else 7  # the study days of a week
    study_left = rest.study_days(today + dt.timedelta(days=1), due) if week < 7 or rest.breaks else (due - today).days
    needed = left / study_left * Fraction(week, 7) if study_left > 0 else None
    best = base.best_pace
    paced = best.per_day > 0 and not base.idle_since_made
    to_finish = math.ceil(left / (best.per_day * Fraction(7, week))) if paced else None  # in study days
    # beyond a century a forecast means nothing (and past year 9999, no date can hold it)
    forecast = study_day_after(today, to_finish, rest) if to_finish is not None and to_finish <= FAR else None
    status = AT_RISK if forecast is None or forecast > due else ON_TRACK
    out = replace(base, status=status, needed=needed, forecast=forecast)
    return replace(out, reason=_pace_reason(out))


def study_day_after(today: dt.date, days: int, rest: Rest) -> dt.date | None:
    """The day ``days`` study days after ``today`` (today itself for 0); None past a century or year 9999."""
    if (not rest.breaks and not rest.weekdays) or len(rest.weekdays) >= 7:
        return today + dt.timedelta(days=days)
    weeks = days // (7 - len(rest.weekdays))  # whole weeks hold at most these study days: jump over them
    day = today + dt.timedelta(weeks=max(weeks - 1, 0))
    try:
        counted = rest.study_days(today + dt.timedelta(days=1), day)
        while counted < days:
            day += dt.timedelta(days=1)
            counted += not rest.resting(day)
    except OverflowError:
        return None
    return day if (day - today).days <= FAR else None


def _missed_by_change(record: DeadlineRecord, finished_on: dt.date | None, undated: bool) -> Change | None:
    """The first change that made the commitment easier after its due date had passed, unfinished by then."""
    for change in record.changes:
        if not change.after_due or change.kind not in (DUE, SCOPE):
            continue
        if change.kind == SCOPE:
            return change
        if undated:
            continue  # finished by hand, the day is not known: not counted as a miss
        if finished_on is None or change.due is None or finished_on > change.due:
            return change
    return None


# --- progress over time -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Curve:
    """Units done at the end of each day a resource's count changed (cumulative, oldest first)."""

    days: tuple[dt.date, ...]
    units: tuple[int, ...]
    undated: bool = False

    def at(self, day: dt.date) -> int:
        i = bisect_right(self.days, day)
        return self.units[i - 1] if i else 0


def _curve(
    resource: Resource, log: Iterable[LogEntry], as_of: dt.date, counts: tuple[tuple[dt.date, int], ...] | None
) -> _Curve:
    if resource.done is not None:  # counted by hand: dated by the commits that changed the count
        if not counts:
            return _Curve((dt.date.min,), (resource.done,), undated=True)
        dated = sorted((d, n) for d, n in counts if d <= as_of)
        return _Curve(tuple(d for d, _ in dated), tuple(n for _, n in dated))
    per_day: dict[dt.date, int] = defaultdict(int)
    for entry in log:
        if entry.resource == resource.id and entry.date <= as_of and entry.units:
            per_day[entry.date] += entry.units
    total, units = 0, []
    for day in sorted(per_day):
        total += per_day[day]
        units.append(total)
    return _Curve(tuple(sorted(per_day)), tuple(units))


def _state(resource: Resource, curve: _Curve, as_of: dt.date) -> ResourceState:
    done = min(curve.at(as_of), resource.units)
    finished_on = next((d for d, n in zip(curve.days, curve.units) if n >= resource.units), None)
    if curve.undated:
        finished_on = None
    return ResourceState(resource, done, finished_on, curve.undated)


class _Progress:
    """A commitment's progress on any day: the mean of its resources' capped fractions."""

    def __init__(
        self,
        resources: tuple[Resource, ...],
        curves: Mapping[str, _Curve],
        baselines: Mapping[str, tuple[dt.date, int]] | None = None,
    ) -> None:
        self.resources, self.curves, self.baselines = resources, curves, baselines or {}

    def at(self, day: dt.date) -> Fraction:
        return mean_share((self._units(r, day), r.units) for r in self.resources)

    def _units(self, resource: Resource, day: dt.date) -> int:
        """Units done by the end of ``day``; a hand count's baseline stands for every day before it was written."""
        units = self.curves[resource.id].at(day)
        baseline = self.baselines.get(resource.id)
        return max(units, baseline[1]) if baseline is not None and day < baseline[0] else units

    def series(self, made: dt.date, as_of: dt.date) -> tuple[Point, ...]:
        start = min(made, as_of)
        changes = {d for c in self.curves.values() for d in c.days if start < d <= as_of}
        return tuple(Point(d, self.at(d)) for d in sorted({start, as_of} | changes))


def _baselines(
    record: DeadlineRecord, resources: tuple[Resource, ...], curves: Mapping[str, _Curve]
) -> dict[str, tuple[dt.date, int]]:
    """For each resource, where the commitment starts on it and from which day: a hand count as it stood the day
    the commitment entered the plan (or was made, if later), since that work was done on days nobody recorded;
    logged units, as they stood the day before it was made. Work done before is the baseline, not pace."""
    added = record.added
    made = record.commitment.made
    day = max(made, added.on) if added is not None else made
    before = made - dt.timedelta(days=1)
    return {r.id: (day, curves[r.id].at(day)) if r.done is not None else (made, curves[r.id].at(before))
            for r in resources}


def hand_counts(history: PlanHistory, plan: Plan, today: dt.date) -> dict[str, tuple[tuple[dt.date, int], ...]]:
    """Each `done:` count the plan ever had, dated by the author date of the commit that wrote it.

    A count changed in the working copy and not committed yet is dated ``today``.
    """
    zone = ZoneInfo(plan.learner.timezone)
    out: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for version in history.versions:
        day = version.authored.astimezone(zone).date()
        for resource in version.plan.resources:
            if resource.done is not None and (not out[resource.id] or out[resource.id][-1][1] != resource.done):
                out[resource.id].append((day, resource.done))
    for resource in plan.resources:
        seen = out[resource.id]
        if resource.done is not None and history.versions and (not seen or seen[-1][1] != resource.done):
            seen.append((today, resource.done))
    return {k: tuple(v) for k, v in out.items() if v}


def _with_shared(statuses: list[CommitmentStatus]) -> Iterable[CommitmentStatus]:
    """Note, on each current commitment, the resources another current commitment covers too."""
    covering: dict[str, list[CommitmentStatus]] = defaultdict(list)
    for s in statuses:
        for r in s.resources:
            covering[r.resource.id].append(s)
    for s in statuses:
        shared = tuple(
            SharedResource(r.resource, tuple(o.commitment.title for o in covering[r.resource.id] if o is not s))
            for r in s.resources
            if len(covering[r.resource.id]) > 1
        )
        yield replace(s, shared=shared) if shared else s
