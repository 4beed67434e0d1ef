"""One feed item per completed month (pure: no I/O, no clock), as feeds/items.py makes one per completed week.

- The **GUID** is `<tag>month/2026-11`; the item is published when the month closes, on its last day at 23:59:59
  in the learner's time zone, and *updated* when its reflection is changed after that (the author date of the
  last such commit), never by a rebuild.
- A month with nothing counted and no reflection is no item; the month in progress is none either.
- It leads with the learner's reflection on the month, then the figures beside the month before's, each
  commitment over the month, the deadlines changed, what comes next, and links to the month's weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from inpublic.commitments.at_close import close_of
from inpublic.feeds.events import Category
from inpublic.feeds.items import FeedItem, FeedSite, LaterChanges, repo_path
from inpublic.feeds.views import LinkedNote, linked_notes
from inpublic.reports.pages import NO_ACTIVITY, MonthPage

FEED_MONTHS = 3  # the newest completed months a feed holds


@dataclass(frozen=True)
class LinkedWeek:
    title: str
    url: str
    summary: str


@dataclass(frozen=True)
class MonthView:
    """What one month's item shows."""

    page: MonthPage
    url: str
    notes_created: tuple[LinkedNote, ...]
    notes_updated: tuple[LinkedNote, ...]
    weeks: tuple[LinkedWeek, ...]
    commitment_urls: dict[str, str]  # commitment id -> its page
    reflection_html: str | None


class MonthHtml(Protocol):
    """How a month's HTML is made (feeds/html.py's `FeedHtml`)."""

    def month(self, view: MonthView) -> str: ...

    def reflection(self, markdown: str, url: str, *, site_url: str, source: str, url_of: Callable[[str], str]) -> str:
        ...


def worth_a_month_item(page: MonthPage) -> bool:
    """A completed month with something counted or a reflection."""
    return page.report.complete and (page.reflection is not None or page.summary != NO_ACTIVITY)


def month_items(
    pages: Sequence[MonthPage], site: FeedSite, later: LaterChanges, notes_dir: str, html: MonthHtml
) -> tuple[FeedItem, ...]:
    """One item for each of the newest FEED_MONTHS completed months worth one; `later` says when each reflection
    was changed (feeds/items.py's `later_changes`)."""
    shown = [p for p in pages if worth_a_month_item(p)][-FEED_MONTHS:]
    return tuple(_month_item(p, site, later.dates(repo_path(notes_dir, p.src_uri), ()), html) for p in shown)


def month_title(page: MonthPage) -> str:
    """'November 2026: 9 notes, 18 h 35 min, 4 commits', a reflection's title in front."""
    if page.heading != page.report.title:
        return f"{page.heading} ({page.summary})"
    return f"{page.report.title}: {page.summary}"


def _month_item(page: MonthPage, site: FeedSite, edits: Sequence[dt.datetime], html: MonthHtml) -> FeedItem:
    report = page.report
    url = site.url(page.src_uri)
    closed = close_of(report.end, site.zone)
    reflection = None
    if page.reflection is not None:
        reflection = html.reflection(page.reflection.body, url, site_url=site.site_url, source=page.src_uri,
                                     url_of=site.url)
    view = MonthView(
        page=page,
        url=url,
        notes_created=linked_notes(report.notes_created, site.page_url),
        notes_updated=linked_notes(report.notes_updated, site.page_url),
        weeks=tuple(LinkedWeek(w.heading, site.url(w.src_uri), w.summary) for w in page.weeks),
        commitment_urls={c.id: site.url(c.page.removeprefix("../")) for c in report.commitments},
        reflection_html=reflection,
    )
    changed = [d for d in edits if d > closed] if page.reflection is not None else []
    return FeedItem(
        kind="reports",
        guid=site.guid(f"month/{report.slug}"),
        title=month_title(page),
        url=url,
        published=closed,
        updated=max(changed, default=closed).astimezone(site.zone),
        summary=f"{report.title}, {report.start.isoformat()} to {report.end.isoformat()}: {page.summary}.",
        content_html=html.month(view),
        author=site.author,
        categories=tuple(Category(s.subject.id, s.subject.title) for s in report.subjects),
    )
