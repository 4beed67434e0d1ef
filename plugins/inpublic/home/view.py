"""What the home page shows: the learner, the commitments by due date, and progress per subject (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from inpublic.activity.progress import (
    CommitmentProgress,
    SubjectProgress,
    commitment_progress,
    resource_progress,
    subject_progress,
)
from inpublic.commitments.status import CommitmentStatus
from inpublic.model import Learner, Milestone, Plan
from inpublic.wording import relative_days

HOME_MARKER = "<!-- inpublic:home -->"  # where, in the learner's index.md, the home page's sections go


@dataclass(frozen=True)
class CommitmentRow:
    progress: CommitmentProgress
    days_left: int
    when: str  # "in 220 days", "today", "3 days ago"
    percent: int
    finished: int  # how many of the covered resources are finished
    status: CommitmentStatus | None = None  # with the commitments pages: its status, reason and page


@dataclass(frozen=True)
class HomeView:
    learner: Learner
    today: dt.date
    hours: float
    sessions: int
    commitments: tuple[CommitmentRow, ...]
    subjects: tuple[SubjectProgress, ...]
    milestones: tuple[Milestone, ...]

    @property
    def next_deadline(self) -> CommitmentRow | None:
        upcoming = [c for c in self.commitments if c.days_left >= 0]
        return upcoming[0] if upcoming else None


@dataclass(frozen=True)
class ReportLink:
    heading: str  # "Week 47, 2026", or with the title of the learner's reflection
    src_uri: str  # reports/2026-W47.md
    summary: str  # "3 notes, 5 h 30 min, 7 commits"


@dataclass(frozen=True)
class HomeReports:
    """The home's line about the reports: the latest complete week, the week in progress when something was done
    in it, the latest complete month, and the index of every report."""

    latest: ReportLink | None
    current: ReportLink | None
    index: str  # reports/index.md
    month: ReportLink | None = None  # the latest complete month's report


def home_view(plan: Plan, today: dt.date, statuses: Sequence[CommitmentStatus] = ()) -> HomeView:
    """The home page's data for a (public) plan, as of `today` in the learner's time zone.

    `statuses` (from commitments/status.py) add each commitment's status; without them the page shows progress only.
    """
    status = {s.id: s for s in statuses}
    by_resource = resource_progress(plan)
    rows = tuple(
        CommitmentRow(
            p, p.days_left(today), relative_days(p.days_left(today)), p.percent, p.finished_count,
            status.get(p.commitment.id),
        )
        for p in sorted(commitment_progress(plan, by_resource), key=lambda p: (p.commitment.due, p.commitment.id))
    )
    return HomeView(
        learner=plan.learner,
        today=today,
        hours=round(sum(e.minutes for e in plan.log) / 60, 1),
        sessions=len(plan.log),
        commitments=rows,
        subjects=subject_progress(plan, by_resource),
        milestones=tuple(sorted(plan.milestones, key=lambda m: m.date, reverse=True)),
    )
