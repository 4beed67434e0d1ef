"""commitments.ics: one all-day event per due date (RFC 5545), written with the icalendar package.

- UIDs come from the site's address (or, without one, the repository or the learner's name) and the
  commitment's id, never from the due date: a moved deadline updates its event instead of adding one.
- DTSTAMP and LAST-MODIFIED are the date of the commitment's last recorded change (or its made date), and
  SEQUENCE counts its due-date moves: the file is the same on every build of the same data.
- A withdrawn commitment stays in the feed with STATUS:CANCELLED, so calendars show it is off.
- The learner's text is escaped by icalendar (every property is typed as TEXT), not by hand.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence

from icalendar import Calendar, Event, vDuration, vText

from inpublic.commitments.deadlines import DUE
from inpublic.commitments.reasons import WITHDRAWN
from inpublic.commitments.status import CommitmentStatus
from inpublic.model import Learner
from inpublic.wording import format_date, reason_text

PRODID = "-//inpublic//commitments//EN"
REFRESH = dt.timedelta(hours=12)


def commitments_calendar(
    statuses: Sequence[CommitmentStatus], learner: Learner, site_url: str, page_url: Callable[[str], str | None]
) -> str:
    """The calendar of every commitment's due date, with its status in the description.

    ``page_url`` gives the absolute address of a commitment's page from its id (None without a site address).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"{learner.name}: public deadlines"
    cal.add("name", vText(name))
    cal.add("x-wr-calname", vText(name))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for status in statuses:
        cal.add_component(_event(status, learner, site_url, page_url(status.id)))
    return bytes(cal.to_ical()).decode("utf-8")


def event_uid(ident: str, learner: Learner, site_url: str) -> str:
    """A UID that stays the same across builds and due-date moves: from the site and the commitment id."""
    site = site_url or learner.repo or f"inpublic:{learner.name}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{site}#commitment/{ident}')}"


def _event(status: CommitmentStatus, learner: Learner, site_url: str, url: str | None) -> Event:
    c = status.commitment
    changes = status.record.changes
    stamp_day = max([c.made, *(ch.on for ch in changes)])
    stamp = dt.datetime.combine(stamp_day, dt.time(0), dt.UTC)
    description = f"Status: {status.label}. {reason_text(status.reason)}"
    if len(status.record.moves):
        first = status.record.original_due
        description += f"\nDue date moved {len(status.record.moves)} time(s); first due {format_date(first)}."
    if url:
        description += f"\n{url}"
    event = Event()
    event.add("uid", event_uid(status.id, learner, site_url))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sum(1 for ch in changes if ch.kind == DUE))
    event.add("dtstart", c.due)
    event.add("dtend", c.due + dt.timedelta(days=1))
    event.add("summary", vText(f"Due: {c.title} ({status.label})"))
    event.add("description", vText(description))
    event.add("status", "CANCELLED" if status.status == WITHDRAWN else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["Deadline"])
    if url:
        event.add("url", url)
    return event
