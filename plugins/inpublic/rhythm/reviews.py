"""The review schedule: what studying a resource makes due, and whether it was done (pure: no I/O, no clock).

- Studying a resource (a log entry of kind ``study``) on a day makes two things due:
  - **the next day, a review**: go over the same material again from another resource of the subject. The
    resources named are the subject's other resources of a different kind (a book for a course of
    lectures); when all the others are of the same kind, all of them. A subject with no other resource is
    reviewed from your notes of the same resource.
  - **a week later (7 days), practice**: problems from the subject's resources of kind ``practice``; when
    the subject has none, problems from the resource studied.
  Several study entries of one resource on one day make one review and one practice, not several.
- A review or a practice is **done** by a log entry of kind ``review`` or ``practice`` for the same subject
  (any of its resources) dated on its due day or within the **grace** of two days after it: a review due on
  Tuesday is done by an entry of Tuesday, Wednesday or Thursday. One entry can do several things due for
  its subject. An entry before the due day does not count: reviewing the same day is not spaced.
- A review or a practice falling due on a **resting day** (a rest weekday or a day of a break, ``Plan.rest``) is
  due on the next day that is not resting: a lecture studied on Friday by a learner resting at weekends is
  reviewed on Monday, and its grace runs from there.
- Until then it is **open** (due today, or still within its grace), and **missed** once the grace is over.
  Before its due day it is **upcoming**.
- A review belongs to the week of its due day: a week's report counts the reviews and practice due in it
  that were done, missed, or are still open.
- Only log entries dated up to today count; the log is the public one (private entries are left out).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inpublic.model import LogEntry, Plan, Resource, Subject

REVIEW, PRACTICE = "review", "practice"
OFFSETS = {REVIEW: 1, PRACTICE: 7}  # days from the study session to the due day
GRACE = 2  # days after the due day that still count
DONE_BY = ("review", "practice")  # log kinds that do a review or a practice
DONE, OPEN, MISSED, UPCOMING = "done", "open", "missed", "upcoming"
RECENT_DAYS = 14  # the review page and `inpublic review` list what fell due in the last two weeks


@dataclass(frozen=True)
class Review:
    kind: str  # REVIEW (the next day) or PRACTICE (a week later)
    subject: Subject
    resource: Resource  # the resource studied
    studied: dt.date
    topics: tuple[str, ...]  # the notes of that day's study entries, as the learner wrote them
    sources: tuple[Resource, ...]  # REVIEW: resources to review from; PRACTICE: practice resources
    status: str  # DONE, OPEN, MISSED or UPCOMING, as of today
    done_on: dt.date | None = None
    done_with: tuple[Resource, ...] = ()  # the resources of the entries that did it, that day
    moved_to: dt.date | None = None  # the next study day, when it fell due on a resting day

    @property
    def due(self) -> dt.date:
        return self.moved_to or self.studied + dt.timedelta(days=OFFSETS[self.kind])

    @property
    def closes(self) -> dt.date:
        """The last day that still counts."""
        return self.due + dt.timedelta(days=GRACE)

    @property
    def same_resource(self) -> bool:
        """No other resource to use: review from your notes, or practise with problems of the same resource."""
        return not self.sources


@dataclass(frozen=True)
class ReviewWeek:
    """What fell due in one ISO week up to today: done, missed, and still open (within its grace)."""

    done: int = 0
    missed: int = 0
    open: int = 0

    @property
    def due(self) -> int:
        return self.done + self.missed + self.open


@dataclass(frozen=True)
class ReviewView:
    """What a learner sees on the review page and from `inpublic review`."""

    today: dt.date
    open: tuple[Review, ...]  # due today or within their grace, not done yet: the earliest due first
    upcoming: tuple[Review, ...]  # due tomorrow
    recent: tuple[Review, ...]  # due in the last RECENT_DAYS days (today included), done or missed: newest first
    done: int  # of `recent`
    missed: int  # of `recent`
    grace: int = GRACE
    recent_days: int = RECENT_DAYS


def review_schedule(plan: Plan, today: dt.date) -> tuple[Review, ...]:
    """Everything the log's study sessions made due (up to tomorrow), with its status as of ``today``.

    Sorted by due day, then review before practice, then plan order. ``plan`` is the public plan.
    """
    log = [e for e in plan.log if e.date <= today]
    order = {r.id: i for i, r in enumerate(plan.resources)}
    studied: dict[tuple[dt.date, str], list[LogEntry]] = defaultdict(list)
    for entry in log:
        if entry.kind == "study":
            studied[(entry.date, entry.resource)].append(entry)
    done_by = _doing_entries(plan, log)
    reviews = []
    for (day, resource_id), entries in studied.items():
        resource = plan.resource(resource_id)
        subject = plan.subject(resource.subject)
        topics = tuple(e.note for e in entries if e.note)
        for kind in (REVIEW, PRACTICE):
            due = plan.rest.next_study_day(day + dt.timedelta(days=OFFSETS[kind]))
            if due <= today + dt.timedelta(days=1):
                reviews.append(_review(kind, subject, resource, day, topics, done_by[subject.id], today, plan))
    return tuple(sorted(reviews, key=lambda r: (r.due, r.kind != REVIEW, order[r.resource.id])))


def _doing_entries(plan: Plan, log: Iterable[LogEntry]) -> dict[str, list[LogEntry]]:
    """The entries that do a review or a practice, by subject id, oldest first."""
    by_subject: dict[str, list[LogEntry]] = defaultdict(list)
    for entry in sorted(log, key=lambda e: e.date):
        if entry.kind in DONE_BY:
            by_subject[plan.resource(entry.resource).subject].append(entry)
    return by_subject


def _review(
    kind: str, subject: Subject, resource: Resource, studied: dt.date, topics: tuple[str, ...],
    entries: Sequence[LogEntry], today: dt.date, plan: Plan,
) -> Review:
    planned = studied + dt.timedelta(days=OFFSETS[kind])
    due = plan.rest.next_study_day(planned)
    moved_to = due if due != planned else None
    closes = due + dt.timedelta(days=GRACE)
    doing = []
    i = bisect_left(entries, due, key=lambda e: e.date)  # entries are sorted by date
    while i < len(entries) and entries[i].date <= closes:
        doing.append(entries[i])
        i += 1
    sources = review_sources(subject, resource) if kind == REVIEW else practice_sources(subject)
    if doing:
        day = doing[0].date
        with_ = tuple(dict.fromkeys(plan.resource(e.resource) for e in doing if e.date == day))
        return Review(kind, subject, resource, studied, topics, sources, DONE, day, with_, moved_to)
    status = UPCOMING if today < due else OPEN if today <= closes else MISSED
    return Review(kind, subject, resource, studied, topics, sources, status, moved_to=moved_to)


def review_sources(subject: Subject, studied: Resource) -> tuple[Resource, ...]:
    """The resources to review ``studied`` from: the subject's others of another kind, else all its others."""
    others = tuple(r for r in subject.resources if r.id != studied.id)
    other_kinds = tuple(r for r in others if r.kind != studied.kind)
    return other_kinds or others


def practice_sources(subject: Subject) -> tuple[Resource, ...]:
    """The subject's practice resources (none: practise with problems from the resource studied)."""
    return tuple(r for r in subject.resources if r.kind == "practice")


def review_view(reviews: Sequence[Review], today: dt.date) -> ReviewView:
    """Today's open reviews, tomorrow's, and what fell due in the last RECENT_DAYS days."""
    since = today - dt.timedelta(days=RECENT_DAYS - 1)
    recent = tuple(
        sorted((r for r in reviews if since <= r.due <= today and r.status in (DONE, MISSED)),
               key=lambda r: r.due, reverse=True)
    )
    return ReviewView(
        today=today,
        open=tuple(r for r in reviews if r.status == OPEN),
        upcoming=tuple(r for r in reviews if r.status == UPCOMING and r.due == today + dt.timedelta(days=1)),
        recent=recent,
        done=sum(1 for r in recent if r.status == DONE),
        missed=sum(1 for r in recent if r.status == MISSED),
    )


def review_weeks(reviews: Iterable[Review]) -> dict[str, ReviewWeek]:
    """Per ISO week (its slug, 2026-W47): the reviews and practice due in it so far, done, missed and still open."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {DONE: 0, MISSED: 0, OPEN: 0})
    for review in reviews:
        if review.status != UPCOMING:
            year, week, _ = review.due.isocalendar()
            counts[f"{year}-W{week:02d}"][review.status] += 1
    return {slug: ReviewWeek(c[DONE], c[MISSED], c[OPEN]) for slug, c in counts.items()}
