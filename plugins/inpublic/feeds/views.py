"""What a feed item shows, before it is HTML: a week's notes and commits with their addresses, and the address of
the page a Markdown file becomes. feeds/items.py makes these; feeds/html.py renders them."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from inpublic.feeds.events import WeekDeadline
from inpublic.model import Resource, Subject
from inpublic.reports.pages import ReportPage
from inpublic.reports.weeks import CommitRef, NoteRef, SubjectWeek


@dataclass(frozen=True)
class FeedLink:
    """A link to a feed, as a page shows it (the Subscribe block, a subject's "Follow" line)."""

    label: str
    href: str  # relative to the page
    type: str  # its media type
    note: str | None = None


@dataclass(frozen=True)
class LinkedNote:
    title: str
    url: str | None  # None: deleted since


@dataclass(frozen=True)
class LinkedCommit:
    authored: dt.datetime
    message: str
    url: str | None


@dataclass(frozen=True)
class WeekView:
    """What one week's item shows: its figures, notes, commits, the deadline and the reflection."""

    page: ReportPage
    url: str
    notes_created: tuple[LinkedNote, ...]
    notes_updated: tuple[LinkedNote, ...]
    deadlines: tuple[WeekDeadline, ...]  # every commitment as it stood when the week closed, by due date
    reflection_html: str | None

    @property
    def deadline(self) -> WeekDeadline | None:
        """The next open deadline when the week closed."""
        return next((d for d in self.deadlines if d.open), None)

    @property
    def commits(self) -> tuple[LinkedCommit, ...]:
        return tuple(_linked_commit(c) for c in self.page.report.commits)


@dataclass(frozen=True)
class SubjectWeekView:
    """What one week's item in a subject's feed shows: that subject's part of the week."""

    subject: Subject
    week: SubjectWeek  # its time, units and sessions, by resource
    page: ReportPage  # the week's report
    url: str  # the week's report, absolute
    finished: tuple[Resource, ...]  # its resources finished that week
    deadlines: tuple[WeekDeadline, ...]  # the commitments covering it, as they stood when the week closed

    @property
    def sessions(self) -> int:
        return sum(r.sessions for r in self.week.resources)

    @property
    def deadline(self) -> WeekDeadline | None:
        """The next open deadline covering the subject when the week closed."""
        return next((d for d in self.deadlines if d.open), None)


def _linked_commit(commit: CommitRef) -> LinkedCommit:
    url = commit.url if commit.url and urlsplit(commit.url).scheme in ("http", "https") else None
    return LinkedCommit(commit.authored, commit.message, url)


def linked_notes(notes: Iterable[NoteRef], url_of: Callable[[str], str | None]) -> tuple[LinkedNote, ...]:
    """The notes with their addresses; a deleted note without one, and a note the site did not build (a draft
    of the blog plugin) left out."""
    out = []
    for note in notes:
        url = url_of(note.src_uri) if note.src_uri else None
        if note.src_uri is None or url is not None:
            out.append(LinkedNote(note.title, url))
    return tuple(out)


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """'notes/limits.md' -> 'notes/limits/' (or 'notes/limits.html'); 'index.md' -> ''; other files unchanged."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"
