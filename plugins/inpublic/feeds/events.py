"""The commitments as the feeds tell them, made by feeds/commitments.py: what happened to each (made into items
by feeds/items.py, their HTML by feeds/html.py) and where the deadlines stood when a week closed; and the
categories an item carries (pure types)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EVENT_KINDS = ("made", "moved", "done", "missed", "withdrawn")


@dataclass(frozen=True)
class Category:
    term: str  # a stable id: a subject id, or a blog category
    label: str


@dataclass(frozen=True)
class CommitmentEvent:
    """Something that happened to a public commitment (see feeds/commitments.py for where they come from)."""

    kind: str  # one of EVENT_KINDS
    commitment_id: str
    title: str  # the commitment's title
    date: dt.datetime  # when it happened, with an offset
    text: str  # what happened, one or two plain sentences
    commit: str | None = None  # the commit that recorded it, when one did
    ref: str = ""  # what tells two events of one kind apart ("2027-06-30/2027-07-31" for a move)
    url: str = ""  # the commitment's page, absolute
    subjects: tuple[Category, ...] = ()


@dataclass(frozen=True)
class WeekDeadline:
    """Where the next deadline stood when a week closed."""

    title: str  # the commitment's title
    due: dt.date
    status: str  # "on track", "at risk", "done", "missed"
    label: str  # "June deadline", or "June 2028 deadline" in another year
    percent: int
    open: bool  # neither done nor missed yet
    commitment_id: str = ""
    covers: tuple[str, ...] = ()  # what it covered then: resource ids, or subject ids standing for their resources

    @property
    def phrase(self) -> str:
        """'June deadline on track': the end of a week's title."""
        return f"{self.label} {self.status}"
