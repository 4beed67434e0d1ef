"""Monthly reports, for the learner's monthly talk with a mentor (pure: no I/O, no clock, no git).

One report per calendar month in the learner's time zone, from the month of the first activity through the month
containing today, which is marked incomplete. Everything is counted by the rules of the weekly reports
(reports/weeks.py), by month instead of by week:

- **Figures**, beside the previous month's: counted commits, active days (of the month's days that were not
  resting, up to today in the month in progress; a rest day studied on counts as a day that could have been
  active), time, units and sessions logged, notes written and updated (a note is *written* in the month of its
  first counted commit, *updated* in every other month a counted commit changed it), notes moved, and the
  reviews and practice that fell due in the month (rhythm/reviews.py): done, missed, still open.
- **Commitments**: each current one made by the month's end, its progress at the end of the month before (or
  when it was made, in its first month) and at the month's end, and its status at the month's end, judged as the
  plan stood then (commitments/at_close.py): a deadline moved in a later month does not rewrite this one.
- **Deadlines moved** in the month: every due date changed, commitment added or withdrawn by a commit authored in
  the month (changes not committed yet wait for their commit).
- **What comes next**: the nearest deadline still open at the month's end, the pace it needs from then on, and the
  pace of the last 14 days.
- **Weeks**: the ISO weeks whose Thursday falls in the month, as the reports index groups them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from inpublic.activity.notes import NoteLife, note_lives
from inpublic.activity.public import public_lives
from inpublic.commitments.addresses import COMMITMENTS_DIR, page_slug
from inpublic.commitments.at_close import changed_versions, statuses_at_close
from inpublic.commitments.deadlines import ADDED, DUE, Change
from inpublic.commitments.reasons import AT_RISK, LABELS, ON_TRACK
from inpublic.commitments.status import CommitmentStatus
from inpublic.model import History, Plan, PlanHistory, Resource, Rest
from inpublic.reports.weeks import (
    Activity,
    DatedActivity,
    NoteRef,
    Sources,
    SubjectWeek,
    by_period,
    by_title,
    dated_activity,
    resting_days,
    subject_weeks,
)
from inpublic.rhythm.reviews import DONE, MISSED, OPEN, Review
from inpublic.wording import commit_url, percent


@dataclass(frozen=True)
class MonthFigures:
    commits: int
    active_days: int
    days: int  # the days the month had, up to today in the month in progress
    resting: int  # of them, the resting days without activity (rest days and breaks of the plan)
    minutes: int
    units: int
    sessions: int
    notes_created: int
    notes_updated: int
    reorganised: int
    reviews_done: int
    reviews_missed: int
    reviews_open: int

    @property
    def reviews_due(self) -> int:
        return self.reviews_done + self.reviews_missed + self.reviews_open

    @property
    def possible_days(self) -> int:
        """The days that could have been active: the month's days but its resting days without activity."""
        return self.days - self.resting


@dataclass(frozen=True)
class CommitmentMonth:
    """One commitment over a month: where it stood before and after, and its status at the month's end."""

    id: str
    title: str
    page: str  # its page, from the reports folder: ../commitments/june.md
    due: dt.date  # as the plan stood at the month's end
    status: str  # the label: "on track", "at risk", "done" or "missed"
    start_percent: int  # at the end of the month before, or when it was made
    end_percent: int
    units_start: int
    units_end: int
    units_total: int
    made_in_month: bool

    @property
    def gained(self) -> int:
        return self.end_percent - self.start_percent


@dataclass(frozen=True)
class DeadlineMove:
    """A commitment's due date changed, or the commitment added or withdrawn, in the month."""

    title: str
    change: Change
    url: str | None  # the commit that made it, on the learner's repository
    made: dt.date  # the commitment's `made` date

    @property
    def new(self) -> bool:
        """A commitment added to the plan in the month it says it was made (not one recorded later)."""
        return self.change.kind == ADDED and self.made >= first_of_month(self.change.on)


@dataclass(frozen=True)
class NextDeadline:
    title: str
    due: dt.date
    days_left: int  # from the month's end (from today in the month in progress)
    percent: int
    status: str  # "on track" or "at risk"
    needed: str | None  # "4.2 lectures a week", from the month's end to the due date
    recent: str  # the pace of the last 14 days, in the same words


@dataclass(frozen=True)
class MonthReport:
    year: int
    month: int
    start: dt.date  # the 1st
    end: dt.date  # the last day
    complete: bool  # False for the month in progress
    figures: MonthFigures
    previous: MonthFigures | None  # the month before's, when it has a report
    notes_created: tuple[NoteRef, ...]  # sorted by title
    notes_updated: tuple[NoteRef, ...]
    subjects: tuple[SubjectWeek, ...]  # the time and units of each subject studied, plan order
    finished: tuple[Resource, ...]
    commitments: tuple[CommitmentMonth, ...]  # by due date
    moves: tuple[DeadlineMove, ...]  # oldest first
    next: NextDeadline | None
    weeks: tuple[str, ...]  # slugs of the weeks whose Thursday falls in the month, oldest first

    @property
    def slug(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def title(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def last_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month_of_week(monday: dt.date) -> dt.date:
    """The first of the month an ISO week belongs to: its Thursday's, as an ISO week belongs to its Thursday's year."""
    return first_of_month(monday + dt.timedelta(days=3))


def monthly_reports(
    plan: Plan,
    history: History,
    today: dt.date,
    sources: Sources,
    *,
    plan_history: PlanHistory | None = None,
    statuses: Sequence[CommitmentStatus] = (),
    reviews: Sequence[Review] = (),
    public: Sequence[NoteLife] | None = None,
    dated: DatedActivity | None = None,
) -> tuple[MonthReport, ...]:
    """One report per month, oldest first, from the first activity's month through today's (see above).

    `plan` is the public plan, `plan_history` its committed versions as of today, `statuses` the commitments as
    their pages show them today (for the changes each record holds), `reviews` the review schedule as of today;
    `public` the public notes and `dated` their activity (reports/weeks.py) when the caller has them already."""
    if dated is None:
        if public is None:
            public = public_lives(history, note_lives(history), sources.notes_dir, sources.privacy)
        dated = dated_activity(plan, history, sources, public)
    activity = by_period(dated, first_of_month)
    if not activity.active:
        return ()
    zone = ZoneInfo(plan.learner.timezone)
    starts = list(_months(first_of_month(min(activity.active)), first_of_month(today)))
    versions = changed_versions(plan_history or PlanHistory())
    # the commitments at the close of the month before the first, and of each month (today for the current one)
    closes = [starts[0] - dt.timedelta(days=1)] + [min(last_of_month(s), today) for s in starts]
    at_close = {day: statuses_at_close(day, plan, versions, zone) for day in closes}
    hidden = sources.privacy.hidden_commits(history)
    out: list[MonthReport] = []
    for start, before, end in zip(starts, closes[:-1], closes[1:], strict=True):
        figures = _figures(activity, reviews, start, end, plan.rest)
        out.append(MonthReport(
            year=start.year,
            month=start.month,
            start=start,
            end=last_of_month(start),
            complete=today > last_of_month(start),
            figures=figures,
            previous=out[-1].figures if out else None,
            notes_created=by_title(activity.created.get(start, [])),
            notes_updated=by_title(activity.updated.get(start, [])),
            subjects=subject_weeks(plan, activity.log.get(start, [])),
            finished=tuple(r for r in plan.resources if r in activity.finished.get(start, [])),
            commitments=_commitments(at_close[before], at_close[end], start),
            moves=_moves(statuses, start, last_of_month(start), plan.learner.repo, hidden),
            next=_next(at_close[end], end),
            weeks=_weeks(start),
        ))
    return tuple(out)


def _months(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    month = first
    while month <= last:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)


def _figures(activity: Activity, reviews: Sequence[Review], start: dt.date, end: dt.date, rest: Rest) -> MonthFigures:
    """The month's figures; `end` is its last day, or today in the month in progress."""
    log = activity.log.get(start, [])
    due = [r for r in reviews if start <= r.due <= end]
    return MonthFigures(
        commits=len(activity.commits.get(start, [])),
        active_days=sum(1 for d in activity.active if start <= d <= end),
        days=(end - start).days + 1,
        resting=len(resting_days(rest, start, end, activity.active)),
        minutes=sum(e.minutes for e in log),
        units=sum(e.units for e in log),
        sessions=len(log),
        notes_created=len(activity.created.get(start, [])),
        notes_updated=len(activity.updated.get(start, [])),
        reorganised=activity.reorganised.get(start, 0),
        reviews_done=sum(1 for r in due if r.status == DONE),
        reviews_missed=sum(1 for r in due if r.status == MISSED),
        reviews_open=sum(1 for r in due if r.status == OPEN),
    )


def _commitments(
    before: Sequence[CommitmentStatus], after: Sequence[CommitmentStatus], start: dt.date
) -> tuple[CommitmentMonth, ...]:
    earlier = {s.id: s for s in before}
    rows = []
    for s in after:
        made_in_month = s.commitment.made >= start or s.id not in earlier
        then = earlier.get(s.id)
        start_fraction = s.start if made_in_month or then is None else then.fraction
        units_start = (then.units_done if then is not None and not made_in_month
                       else round(s.start * s.units_total))
        rows.append(CommitmentMonth(
            id=s.id, title=s.commitment.title, page=f"../{COMMITMENTS_DIR}/{page_slug(s.id)}.md",
            due=s.commitment.due, status=LABELS[s.status],
            start_percent=percent(start_fraction), end_percent=s.percent, units_start=units_start,
            units_end=s.units_done, units_total=s.units_total, made_in_month=made_in_month,
        ))
    return tuple(rows)


def _moves(
    statuses: Sequence[CommitmentStatus], start: dt.date, end: dt.date, repo: str | None, hidden: frozenset[str]
) -> tuple[DeadlineMove, ...]:
    """The due dates moved, commitments added and withdrawn by commits authored in the month, oldest first."""
    moves = []
    for s in statuses:
        record = s.record
        changes = [c for c in record.changes if c.kind in (ADDED, DUE)]
        if record.withdrawn is not None:
            changes.append(record.withdrawn)
        for change in changes:
            if change.sha is not None and start <= change.on <= end:
                url = None if change.sha in hidden else commit_url(repo, change.sha)
                moves.append(DeadlineMove(s.commitment.title, change, url, s.commitment.made))
    return tuple(sorted(moves, key=lambda m: (m.change.on, m.title)))


def _next(statuses: Sequence[CommitmentStatus], day: dt.date) -> NextDeadline | None:
    """The nearest deadline still open after `day`, and the pace it needs from then."""
    s = next((s for s in statuses if s.status in (ON_TRACK, AT_RISK) and s.commitment.due > day), None)
    if s is None:
        return None
    return NextDeadline(
        title=s.commitment.title,
        due=s.commitment.due,
        days_left=(s.commitment.due - day).days,
        percent=s.percent,
        status=LABELS[s.status],
        needed=s.rate(s.needed) if s.needed is not None else None,
        recent=s.rate(s.paces[0].per_day),
    )


def _weeks(start: dt.date) -> tuple[str, ...]:
    """The slugs of the ISO weeks whose Thursday falls in the month starting on `start`."""
    monday = start - dt.timedelta(days=start.weekday())
    if month_of_week(monday) != start:
        monday += dt.timedelta(days=7)
    out = []
    while month_of_week(monday) == start:
        year, week, _ = monday.isocalendar()
        out.append(f"{year}-W{week:02d}")
        monday += dt.timedelta(days=7)
    return tuple(out)
