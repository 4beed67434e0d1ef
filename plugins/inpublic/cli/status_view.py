"""What `inpublic status` shows: this week so far, each commitment and its pace, the streaks (pure: no I/O, no clock).

The figures are the site's: the public log and the counted commits, days in the learner's time zone.

- **This week** is the ISO week of today, Monday to today; the days that could have been active are those but
  the resting days (rest weekdays and breaks) without activity.
- Each current **commitment** shows its status and the reason for it (commitments/status.py). The pace needed is
  what is left, in units summed over its resources, divided by the days left (from tomorrow to the due date),
  or by the study days left when the plan has rest days or breaks (a week then has its study days).
- The **streaks** are those of activity/days.py: the current one ends today, or yesterday while today has no activity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from inpublic.activity.days import Streaks, daily_activity, streaks
from inpublic.activity.progress import commitment_progress, resource_progress
from inpublic.commitments.reasons import WITHDRAWN
from inpublic.commitments.status import CommitmentStatus
from inpublic.model import Plan, Resource, Rest
from inpublic.reports.weeks import monday, resting_days


@dataclass(frozen=True)
class WeekSoFar:
    start: dt.date  # the Monday
    today: dt.date
    minutes: int
    units: int
    sessions: int
    commits: int | None  # None: the history could not be read
    active_days: tuple[dt.date, ...]
    units_by_name: tuple[tuple[str, int], ...] = ()  # (unit, units logged) for each unit name, `units` split up
    resting: tuple[dt.date, ...] = ()  # resting days so far without activity

    @property
    def possible_days(self) -> int:
        """The days so far that could have been active: Monday to today, but the resting days without activity."""
        return (self.today - self.start).days + 1 - len(self.resting)

    @property
    def year(self) -> int:
        return self.start.isocalendar().year

    @property
    def week(self) -> int:
        return self.start.isocalendar().week


@dataclass(frozen=True)
class CommitmentLine:
    title: str
    due: dt.date
    days_left: int  # negative once the due date has passed
    percent: int
    units_done: int  # summed over the covered resources, each counting at most its total
    units_total: int
    status: str | None = None  # commitments/status.py's status (on-track, at-risk, ...) and its label and reason
    label: str | None = None
    reason: tuple[str | dt.date, ...] = ()
    units: tuple[tuple[str, int, int], ...] = ()  # (unit, done, total) for each unit its resources count in
    study_days: int | None = None  # the days left that are not resting; None: the plan has no rest days or breaks
    week_days: int = 7  # the study days of a week

    @property
    def units_left(self) -> int:
        return self.units_total - self.units_done

    @property
    def needed_per_day(self) -> Fraction | None:
        """Units left per day left (per study day left, with rest days); None when nothing is left or no day is."""
        days = self.days_left if self.study_days is None else self.study_days
        if self.units_left <= 0 or days <= 0:
            return None
        return Fraction(self.units_left, days)


@dataclass(frozen=True)
class StatusView:
    learner: str
    today: dt.date
    week: WeekSoFar
    commitments: tuple[CommitmentLine, ...]
    streaks: Streaks
    reviews_due: int | None  # open reviews today; None when the review schedule is off


def status_view(
    plan: Plan,
    today: dt.date,
    commit_days: Sequence[dt.date] | None,
    statuses: Sequence[CommitmentStatus] | None = None,
    reviews_due: int | None = None,
) -> StatusView:
    """The status as of ``today``. ``commit_days``: one day per counted commit (None when the history is not
    readable); ``statuses``: from commitments/status.py (None: progress and pace needed only)."""
    days = daily_activity(plan.log, commit_days or (), today)
    start = monday(today)
    week = [a for d, a in days.items() if start <= d <= today]
    return StatusView(
        learner=plan.learner.name,
        today=today,
        week=WeekSoFar(
            start=start,
            today=today,
            minutes=sum(a.minutes for a in week),
            units=sum(a.units for a in week),
            sessions=sum(a.sessions for a in week),
            commits=None if commit_days is None else sum(a.commits for a in week),
            active_days=tuple(a.day for a in week if a.active),
            units_by_name=_units_by_name(plan, start, today),
            resting=resting_days(plan.rest, start, today, {a.day for a in week if a.active}),
        ),
        commitments=_lines(plan, today, statuses),
        streaks=streaks(days, today, plan.rest),
        reviews_due=reviews_due,
    )


def _units_by_name(plan: Plan, start: dt.date, today: dt.date) -> tuple[tuple[str, int], ...]:
    """The units logged from `start` to `today`, added up per unit name (lectures apart from chapters)."""
    unit_of = {r.id: r.unit for r in plan.resources}
    totals: dict[str, int] = {}
    for entry in plan.log:
        if start <= entry.date <= today and entry.units:
            name = unit_of[entry.resource]
            totals[name] = totals.get(name, 0) + entry.units
    return tuple(totals.items())


def _lines(plan: Plan, today: dt.date, statuses: Sequence[CommitmentStatus] | None) -> tuple[CommitmentLine, ...]:
    return tuple(_with_study_days(line, plan.rest, today) for line in _plain_lines(plan, today, statuses))


def _with_study_days(line: CommitmentLine, rest: Rest, today: dt.date) -> CommitmentLine:
    """The line with the study days left to its due date, when the plan has rest days or breaks."""
    if not rest.weekdays and not rest.breaks:
        return line
    study_days = rest.study_days(today + dt.timedelta(days=1), line.due)
    return replace(line, study_days=study_days, week_days=max(7 - len(rest.weekdays), 1))


def _plain_lines(
    plan: Plan, today: dt.date, statuses: Sequence[CommitmentStatus] | None
) -> tuple[CommitmentLine, ...]:
    if statuses is not None:
        return tuple(
            CommitmentLine(s.commitment.title, s.commitment.due, s.days_left, s.percent, s.units_done, s.units_total,
                           s.status, s.label, s.reason, by_unit((r.resource, r.done) for r in s.resources))
            for s in statuses
            if s.status != WITHDRAWN
        )
    rows = commitment_progress(plan, resource_progress(plan))
    return tuple(
        CommitmentLine(
            p.commitment.title, p.commitment.due, p.days_left(today), p.percent, p.units_done, p.units_total,
            units=by_unit((r.resource, r.done) for r in p.resources),
        )
        for p in sorted(rows, key=lambda p: (p.commitment.due, p.commitment.id))
    )


def by_unit(done: Iterable[tuple[Resource, int]]) -> tuple[tuple[str, int, int], ...]:
    """Units done and in all for each unit name, in the order the resources come: `chapters` are not `lectures`."""
    totals: dict[str, tuple[int, int]] = {}
    for resource, units in done:
        before = totals.get(resource.unit, (0, 0))
        totals[resource.unit] = (before[0] + min(units, resource.units), before[1] + resource.units)
    return tuple((unit, d, t) for unit, (d, t) in totals.items())
