"""The commitments as they stood when a day closed (pure): the plan as last committed by the end of that day (its
first committed version for a day before the plan was committed), with every log entry dated up to that day and
the rest days and breaks of the plan as it is now (a break written down later was a break all the same), judged
as of that day by the same rules as the commitment pages. Later changes to the plan do not rewrite a
closed week or month: the weekly feed items and the monthly reports are made from this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from zoneinfo import ZoneInfo

from inpublic.commitments.deadlines import deadline_records
from inpublic.commitments.status import CommitmentStatus, hand_counts, status_of
from inpublic.model import Plan, PlanHistory, PlanVersion

CLOSE = dt.time(23, 59, 59)  # a week, or a day known only by its date, is over at the end of its last second


def close_of(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The last second of `day` in the learner's time zone."""
    return dt.datetime.combine(day, CLOSE, zone)


def changed_versions(history: PlanHistory) -> PlanHistory:
    """The history with only the versions whose plan (read without its log) differs from the one before: most
    commits of the plan only add to the log, and a version equal to the one before adds no deadline change and no
    hand count. Made once for all the days judged."""
    out: list[PlanVersion] = []
    for version in history.versions:
        if not out or (version.plan is not out[-1].plan and version.plan != out[-1].plan):
            out.append(version)
    return history if len(out) == len(history.versions) else replace(history, versions=tuple(out))


def statuses_at_close(day: dt.date, plan: Plan, history: PlanHistory, zone: ZoneInfo) -> tuple[CommitmentStatus, ...]:
    """The current commitments made by `day`, as they stood at its end, by due date. `history` is best passed
    through `changed_versions` first."""
    closed = close_of(day, zone)
    versions: Sequence[PlanVersion] = (tuple(v for v in history.versions if v.authored <= closed)
                                       or history.versions[:1])
    then = replace(versions[-1].plan if versions else plan, log=plan.log)
    then_history = replace(history, versions=tuple(versions))
    counts = hand_counts(then_history, then, day)
    return tuple(sorted(
        (
            status_of(record, then.log, day, counts, plan.rest, charted=False)
            for record in deadline_records(then_history, then, day)
            if record.withdrawn is None and record.commitment.made <= day
        ),
        key=lambda s: (s.commitment.due, s.id),
    ))
