"""What the cohort page shows of each peer: their name, their next deadline and its status, last week's figures
and their streak, and how fresh that is. "Last week" is the week before the build's today, whatever day their
own site was built on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from inpublic.cohort.data import PeerDeadline, PeerRead, PeerWeek
from inpublic.commitments.reasons import AT_RISK, ON_TRACK
from inpublic.model import Peer

OPEN = (ON_TRACK, AT_RISK)  # the statuses of a deadline still ahead
FRESH, CACHED, OFFLINE, UNREACHED = "fresh", "cached", "offline", "unreached"


@dataclass(frozen=True)
class PeerRow:
    name: str
    url: str  # their site
    state: str  # FRESH (read in this build), CACHED (their site could not be reached), OFFLINE, UNREACHED
    read_on: dt.date | None  # when what is shown was read from their site
    deadline: PeerDeadline | None = None  # their next open deadline
    deadline_url: str = ""  # its page, or their commitments page
    more_deadlines: int = 0  # their other open deadlines
    week: PeerWeek | None = None  # last week, as their site reports it
    week_url: str = ""
    streak: int | None = None  # their latest published streak, in days
    as_of: dt.date | None = None  # the day their statuses were judged on


@dataclass(frozen=True)
class CohortView:
    today: dt.date
    last_week: str  # its slug, 2026-W46
    week_start: dt.date
    week_end: dt.date
    rows: tuple[PeerRow, ...]  # by name


def cohort_view(peers: Sequence[Peer], read: Sequence[PeerRead], today: dt.date) -> CohortView:
    """Each peer of the plan with what was read of their site (a peer not in `read`: nothing was)."""
    found = {r.peer.url: r for r in read}
    start = today - dt.timedelta(days=today.weekday() + 7)
    year, week, _ = start.isocalendar()
    slug = f"{year}-W{week:02d}"
    rows = sorted((peer_row(found.get(p.url, PeerRead(p)), slug) for p in peers),
                  key=lambda r: (r.name.casefold(), r.url))
    return CohortView(today, slug, start, start + dt.timedelta(days=6), tuple(rows))


def peer_row(read: PeerRead, last_week: str) -> PeerRow:
    peer, data = read.peer, read.data
    state = FRESH if read.reached else OFFLINE if read.offline else UNREACHED if data is None else CACHED
    if data is None:
        return PeerRow(peer.name or address_name(peer.url), peer.url, state, read.read_on)
    ahead = sorted((d for d in data.deadlines if d.status in OPEN), key=lambda d: (d.due, d.title))
    deadline = ahead[0] if ahead else None
    week = next((w for w in data.weeks if w.slug == last_week), None)
    latest = data.weeks[-1] if data.weeks else None
    return PeerRow(
        name=peer.name or data.name or address_name(peer.url),
        url=peer.url,
        state=state,
        read_on=read.read_on,
        deadline=deadline,
        deadline_url=(deadline.url if deadline and deadline.url else f"{peer.url}commitments/"),
        more_deadlines=max(len(ahead) - 1, 0),
        week=week,
        week_url=(week.url if week and week.url else f"{peer.url}reports/{last_week}/"),
        streak=latest.streak if latest else None,
        as_of=data.as_of,
    )


def address_name(url: str) -> str:
    """example.org/learning: a site's address as a name, for a peer whose site gives none."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
