"""What a peer's site publishes, as the cohort page reads it: their commitments.json and reports/weeks.json, checked
field by field.

A peer's files are not trusted. A value of the wrong type or out of range drops its commitment or its week (or,
for the learner's name, itself); a text is cut to a length and loses its control characters; a link is kept only
when it points inside the peer's own site. What is kept is plain data: the pages escape it as they show it.
Older sites publish no `learner` in commitments.json: their name is then the one the plan gives, or their address.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from inpublic.commitments.reasons import LABELS
from inpublic.model import Peer

MAX_NAME = 80  # characters of a peer's name kept
MAX_TITLE = 160  # of a commitment's title
MAX_ITEMS = 2000  # commitments or weeks read from one file
MAX_COUNT = 10**7  # a count past this is not a week's
WEEK_SLUG = re.compile(r"\d{4}-W\d{2}")
SAFE_URL = re.compile(r"https?://[^\s\"'<>\\`]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+")


@dataclass(frozen=True)
class PeerDeadline:
    title: str
    due: dt.date
    status: str  # a key of commitments.reasons.LABELS
    url: str | None  # its page on the peer's site

    @property
    def label(self) -> str:
        return LABELS[self.status]


@dataclass(frozen=True)
class PeerWeek:
    slug: str  # 2026-W46
    start: dt.date
    end: dt.date
    complete: bool
    commits: int
    active_days: int
    minutes: int
    streak: int | None  # None when the site does not publish it
    url: str | None  # its report on the peer's site


@dataclass(frozen=True)
class PeerData:
    """What could be read of a peer's two files."""

    name: str | None = None  # as their site publishes it
    as_of: dt.date | None = None  # the day their commitments were judged on
    deadlines: tuple[PeerDeadline, ...] = ()  # in the order published
    weeks: tuple[PeerWeek, ...] = ()  # oldest first


@dataclass(frozen=True)
class PeerRead:
    """A peer, with what was read of their site and when."""

    peer: Peer
    data: PeerData | None = None  # None: never read
    read_on: dt.date | None = None  # the day `data` was read from their site
    reached: bool = False  # read from their site in this build (else from the cache, or not at all)
    offline: bool = False  # the build did not try (--offline)


def parse_json(text: str | None) -> Any:
    """The JSON value of `text`, or None when it is not JSON (or is nested past what Python reads)."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def fits(commitments: Any, weeks: Any) -> bool:
    """Whether what was read is an inpublic site's data: commitments.json an object, weeks.json a list."""
    return isinstance(commitments, dict) or isinstance(weeks, list)


def peer_data(peer: Peer, commitments: str | None, weeks: str | None) -> PeerData | None:
    """What can be read of a peer's commitments.json and reports/weeks.json (None: a file not found); None when
    neither is an inpublic site's."""
    promised, weekly = parse_json(commitments), parse_json(weeks)
    if not fits(promised, weekly):
        return None
    name = as_of = None
    deadlines: tuple[PeerDeadline, ...] = ()
    if isinstance(promised, dict):
        learner = promised.get("learner")
        if isinstance(learner, dict):
            name = text(learner.get("name"), MAX_NAME)
        as_of = date(promised.get("as_of"))
        deadlines = tuple(_deadlines(promised.get("commitments"), peer.url))
    kept = tuple(_weeks(weekly, peer.url)) if isinstance(weekly, list) else ()
    return PeerData(name, as_of, deadlines, kept)


def _deadlines(items: Any, root: str) -> Iterator[PeerDeadline]:
    for item in _items(items):
        title, due, status = text(item.get("title"), MAX_TITLE), date(item.get("due")), item.get("status")
        if title is None or due is None or not isinstance(status, str) or status not in LABELS:
            continue
        yield PeerDeadline(title, due, status, inside(item.get("url"), root))


def _weeks(items: Any, root: str) -> Iterator[PeerWeek]:
    for item in _items(items):
        slug, start, end = item.get("week"), date(item.get("start")), date(item.get("end"))
        counts = [count(item.get(key)) for key in ("commits", "active_days", "minutes")]
        complete = item.get("complete")
        if not isinstance(slug, str) or not WEEK_SLUG.fullmatch(slug) or start is None or end is None:
            continue
        if not isinstance(complete, bool) or any(c is None for c in counts) or (end - start).days != 6:
            continue
        commits, active, minutes = (c or 0 for c in counts)
        if active > 7:
            continue
        yield PeerWeek(slug, start, end, complete, commits, active, minutes, count(item.get("streak")),
                       inside(item.get("url"), root))


def _items(items: Any) -> Iterator[dict[str, Any]]:
    if isinstance(items, list):
        yield from (item for item in items[:MAX_ITEMS] if isinstance(item, dict))


def text(value: Any, limit: int) -> str | None:
    """A text to show: control and invisible characters taken out, spaces folded, cut to `limit` characters."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join(CONTROL.sub(" ", value).split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned or None


def date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def count(value: Any) -> int | None:
    """A whole number from 0 to MAX_COUNT (a boolean is not one)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        return None
    return value


def inside(url: Any, root: str) -> str | None:
    """`url` when it is an address inside the peer's site `root` (their pages), else None."""
    if isinstance(url, str) and url.startswith(root) and SAFE_URL.fullmatch(url) and ".." not in url:
        return url
    return None
