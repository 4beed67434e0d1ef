"""The feeds of each subject, `subjects/<id>/feed.xml` (RSS 2.0) and `subjects/<id>/atom.xml` (Atom), for a
follower of one subject only: someone who follows the learner's probability studies and nothing else (pure: no
I/O, no clock).

- **Weeks**: one item per completed week in which the learner logged time on one of the subject's resources,
  with that subject's part of the week: its time, units and sessions by resource, the resources finished, and
  the commitments covering it as they stood when the week closed; it links to the week's report. The plan ties
  resources to subjects, not notes (the home page's subject section shows resources too), so the item lists no
  note: the report it links to does. Its GUID, `inpublic/subject/<id>/week/2026-W47`, is not the main feed's
  week's, because what it holds differs. A week is published when it closes, like the main feed's.
- **Commitment events**: those of the commitments that cover the subject (its id, or one of its resources'),
  the very items of the main feeds, with the same GUIDs.

The same rules as the main feeds hold: at most the newest `FEED_WEEKS` weeks and `feed_limit` items, the kinds of
`feed_items`, nothing made from the history in a shallow clone, the feed's date its newest item's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from inpublic.commitments.at_close import close_of
from inpublic.feeds.events import Category, WeekDeadline
from inpublic.feeds.items import FeedItem, FeedSite, newest, select_items
from inpublic.feeds.views import SubjectWeekView
from inpublic.feeds.write import ATOM, RSS, Channel, feed_files
from inpublic.model import Plan, Subject
from inpublic.reports.pages import ReportPage, report_uri
from inpublic.wording import format_duration, plural

SUBJECTS_DIR = "subjects"
SUBJECT_KINDS = ("reports", "commitments")  # what a subject's feed can hold: its weeks and its commitments' events
FORMATS = (RSS, ATOM)


class SubjectHtml(Protocol):
    """How a subject's week item's HTML is made (feeds/html.py's `FeedHtml`)."""

    def subject_week(self, view: SubjectWeekView) -> str: ...


def subject_folder(subject_id: str) -> str:
    """'subjects/probability/': the folder of a subject's feeds, from the site's root."""
    return f"{SUBJECTS_DIR}/{subject_id}/"


def has_subject_feeds(kinds: Iterable[str]) -> bool:
    """Whether the feeds' kinds (`feed_items`) give the subjects feeds: weeks or commitments (blog posts have no
    subject)."""
    return any(kind in SUBJECT_KINDS for kind in kinds)


def covers_subject(covers: Iterable[str], subject: Subject) -> bool:
    """Whether a commitment's `covers` (subject ids, or resource ids) reach `subject`."""
    ids = {subject.id, *(r.id for r in subject.resources)}
    return any(ref in ids for ref in covers)


def subject_pages(pages: Iterable[ReportPage], subject_id: str) -> tuple[ReportPage, ...]:
    """The completed weeks in which the subject had a session, in the order of `pages`."""
    return tuple(
        p for p in pages if p.report.complete and any(s.subject.id == subject_id for s in p.report.subjects)
    )


def subject_week_items(
    subject: Subject,
    pages: Iterable[ReportPage],
    site: FeedSite,
    deadlines: Mapping[str, tuple[WeekDeadline, ...]],
    html: SubjectHtml,
) -> tuple[FeedItem, ...]:
    """One item per week of `pages` in which the subject had a session (see `subject_pages`); `deadlines` maps a
    week slug to where each commitment stood when it closed (feeds/commitments.py's `week_deadlines`)."""
    return tuple(
        _week_item(subject, page, site, deadlines.get(page.report.slug, ()), html)
        for page in subject_pages(pages, subject.id)
    )


def subject_week_title(view: SubjectWeekView) -> str:
    """'Week 47, 2026: Probability, 2 h 30 min over 3 sessions, finished Stat 110, June deadline on track'."""
    return f"{view.page.report.title}: {view.subject.title}, {subject_week_summary(view)}"


def subject_week_summary(view: SubjectWeekView) -> str:
    """'2 h 30 min over 3 sessions, finished Stat 110, June deadline on track': the subject's week in a line."""
    parts = [f"{format_duration(view.week.minutes)} over {plural(view.sessions, 'session')}"]
    if view.finished:
        parts.append("finished " + " and ".join(r.title for r in view.finished))
    if view.deadline is not None:
        parts.append(view.deadline.phrase)
    return ", ".join(parts)


def _week_item(
    subject: Subject, page: ReportPage, site: FeedSite, deadlines: tuple[WeekDeadline, ...], html: SubjectHtml
) -> FeedItem:
    report = page.report
    url = site.url(report_uri(report))
    closed = close_of(report.end, site.zone)
    view = SubjectWeekView(
        subject=subject,
        week=next(s for s in report.subjects if s.subject.id == subject.id),
        page=page,
        url=url,
        finished=tuple(r for r in report.finished if r.subject == subject.id),
        deadlines=tuple(d for d in deadlines if covers_subject(d.covers, subject)),
    )
    return FeedItem(
        kind="reports",
        guid=site.guid(f"subject/{subject.id}/week/{report.slug}"),
        title=subject_week_title(view),
        url=url,
        published=closed,
        updated=closed,  # it shows the log alone, whose entries count as of their day
        summary=f"{report.title}, {report.start.isoformat()} to {report.end.isoformat()}: {subject.title}, "
                f"{subject_week_summary(view)}.",
        content_html=html.subject_week(view),
        author=site.author,
        categories=(Category(subject.id, subject.title),),
    )


def subject_feeds(
    plan: Plan,
    site: FeedSite,
    weeks: Mapping[str, Sequence[ReportPage]],
    deadlines: Mapping[str, tuple[WeekDeadline, ...]],
    events: Sequence[FeedItem],
    html: SubjectHtml,
    *,
    kinds: Sequence[str],
    limit: int,
    notice: str = "",
    language: str | None = None,
) -> dict[str, bytes]:
    """`subjects/<id>/feed.xml` and `subjects/<id>/atom.xml` for every subject of the (public) plan: its weeks
    (`weeks` maps a subject id to the report pages to make items of) and the commitment event items among
    `events` that carry the subject as a category, the newest `limit` of the chosen `kinds`. `notice` goes at
    the end of the description (the shallow clone's)."""
    if not has_subject_feeds(kinds):
        return {}
    learner = plan.learner
    started = dt.datetime.combine(learner.started, dt.time(), site.zone)
    out: dict[str, bytes] = {}
    for subject in plan.subjects:
        items = subject_week_items(subject, weeks.get(subject.id, ()), site, deadlines, html)
        mine = [e for e in events if any(c.term == subject.id for c in e.categories)]
        chosen = select_items([*items, *mine], kinds, limit)
        description = (f"{learner.name} learns {subject.title} in public: the weeks with {subject.title} in them, "
                       f"and the commitments that cover it.")
        channel = Channel(
            title=f"{learner.name}: {subject.title}",
            description=f"{description} {notice}" if notice else description,
            site_url=site.site_url,
            id=site.guid(f"subject/{subject.id}"),
            author=learner.name,
            updated=newest(chosen, started),
            language=language,
            folder=subject_folder(subject.id),
            link=f"{site.url('index.md')}#subject-{subject.id}",  # the subject's section on the home page
        )
        out.update(feed_files(channel, chosen, FORMATS))
    return out
