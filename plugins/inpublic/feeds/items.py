"""What the feeds hold: one `FeedItem` per completed week, commitment event and blog post (pure: no I/O, no clock).

- **GUIDs** are `tag:` URIs (RFC 4151) built from ids that never change: the learner's repository (or the
  `feed_id` option), never `site_url`, then `inpublic/week/2026-W47`, `inpublic/commitment/<id>/made`, or
  `inpublic/blog/<the post's first path in git>`. Moving the site to another domain, renaming a page or
  changing a post's slug re-delivers nothing.
- **Dates** carry the learner's time zone and its offset. A week is published when it closes, on Sunday at
  23:59:59; it is *updated* when its reflection is changed, or one of its notes renamed or deleted, after that
  (the author date of the last such commit), and never by a rebuild.
- **Links** are absolute, against `site_url`; the learner's Markdown is rendered, sanitised and made absolute
  by feeds/html.py, whose `FeedHtml` the core hands in (as `ItemHtml`): this module computes and never renders.
- Only completed weeks go in, so a follower sees each week once, with its final figures; a quiet week (nothing
  counted, no reflection) is no item. A week with a reflection leads with it, then its figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from inpublic.activity.notes import NoteLife
from inpublic.commitments.at_close import close_of
from inpublic.feeds.events import Category, CommitmentEvent, WeekDeadline
from inpublic.feeds.views import WeekView, linked_notes, page_path
from inpublic.model import History, Plan
from inpublic.privacy import Privacy
from inpublic.reports.pages import ReportPage, report_uri
from inpublic.reports.weeks import WeekReport
from inpublic.wording import commit_url

KINDS = ("reports", "commitments", "blog")
FEED_ID = re.compile(r"^(?:tag:)?(?P<entity>(?:[A-Za-z0-9][A-Za-z0-9.-]*|[^@\s,:/]+@[A-Za-z0-9.-]+),"
                     r"\d{4}(?:-\d{2}(?:-\d{2})?)?)(?::(?P<path>[A-Za-z0-9._~!$&'()*+,;=:@/-]*))?$")
SAFE = "-._~!$&'()*+,;=:@/"  # what an RFC 4151 specific part may hold besides letters and digits


class ItemHtml(Protocol):
    """How an item's HTML is made (feeds/html.py's `FeedHtml`): handed in, so that this module only computes."""

    def week(self, view: WeekView) -> str: ...

    def event(self, event: CommitmentEvent, url: str, commit_url: str | None) -> str: ...

    def reflection(self, markdown: str, url: str, *, site_url: str, source: str, url_of: Callable[[str], str]) -> str:
        ...

    def post(self, html: str, url: str) -> str: ...


@dataclass(frozen=True)
class FeedItem:
    kind: str  # "reports", "commitments" or "blog"
    guid: str  # a tag: URI that never changes
    title: str
    url: str  # absolute
    published: dt.datetime  # with the learner's offset
    updated: dt.datetime  # never before published
    summary: str  # one line of plain text
    content_html: str  # sanitised, every link absolute
    author: str
    categories: tuple[Category, ...] = ()


@dataclass(frozen=True)
class BlogPost:
    """A post of Material's blog plugin, as the site rendered it."""

    src_uri: str  # docs-relative path
    url: str  # absolute address of its page
    title: str
    meta: Mapping[str, Any]  # its front matter
    html: str  # its rendered content, links relative to its page


@dataclass(frozen=True)
class FeedSite:
    """What every item needs to know about the site."""

    site_url: str  # ends with "/"
    tag: str  # "tag:github.com,2026:ada/learning/inpublic/": GUIDs are this plus the item's key
    author: str
    zone: ZoneInfo
    repo: str | None = None  # the learner's public repository, to link commits
    use_directory_urls: bool = True
    pages: Mapping[str, str] | None = None  # src_uri -> address from the site root of every page built, if known

    def url(self, src_uri: str) -> str:
        """The absolute address of the page made from `src_uri`, as the site names it."""
        return self.page_url(src_uri) or self.site_url + page_path(src_uri, self.use_directory_urls)

    def page_url(self, src_uri: str) -> str | None:
        """The absolute address of the page made from `src_uri`, or None when the site has no such page (a draft)."""
        if self.pages is None:
            return self.site_url + page_path(src_uri, self.use_directory_urls)
        found = self.pages.get(src_uri)
        return None if found is None else self.site_url + found

    def guid(self, key: str) -> str:
        return self.tag + quote(key, safe=SAFE)


class FeedIdError(ValueError):
    pass


def tag_base(feed_id: str | None, repo: str | None, started: dt.date, site_url: str) -> tuple[str, bool]:
    """The `tag:` prefix of every GUID, and whether it is stable (not made from `site_url`).

    From `feed_id` when set ("example.org,2026" or "example.org,2026:learning"), else from the
    repository's host and path and the year the learner started ("tag:github.com,2026:ada/learning/"),
    else, unstably, from `site_url`.
    """
    if feed_id:
        match = FEED_ID.match(feed_id.strip())
        if not match:
            raise FeedIdError(
                f"feed_id {feed_id!r} is not a tag authority and date: write a domain or e-mail address you own "
                f"and a year or date when you owned it, like `feed_id: samrivera.github.io,2026` or "
                f"`feed_id: sam@example.org,2026-11-22:learning-ml`"
            )
        path = (match.group("path") or "").strip("/")
        return f"tag:{match.group('entity')}:{path + '/' if path else ''}inpublic/", True
    year = f"{started.year:04d}"
    place = _host_and_path(repo) if repo else None
    stable = place is not None
    if place is None:
        place = _host_and_path(site_url) or ("localhost", "")
    host, path = place
    specific = quote(path.strip("/"), safe=SAFE)
    return f"tag:{host},{year}:{specific + '/' if specific else ''}inpublic/", stable


def _host_and_path(address: str) -> tuple[str, str] | None:
    """('github.com', 'ada/learning') from https://github.com/ada/learning(.git) or git@github.com:ada/learning."""
    scp = re.match(r"^[\w.-]+@([\w.-]+):(.*)$", address)
    if scp and "://" not in address:
        host, path = scp.group(1), scp.group(2)
    else:
        parts = urlsplit(address)
        host, path = parts.hostname or "", parts.path
    path = path.strip("/").removesuffix(".git")
    return (host.lower(), path) if host else None


# --- weeks --------------------------------------------------------------------------------------


def week_items(
    pages: Sequence[ReportPage],
    site: FeedSite,
    history: History,
    lives: Iterable[NoteLife],
    sources_notes_dir: str,
    privacy: Privacy,
    html: ItemHtml,
    *,
    deadlines: Mapping[str, tuple[WeekDeadline, ...]] | None = None,
    later: LaterChanges | None = None,
) -> tuple[FeedItem, ...]:
    """One item per completed week that is not quiet (see `ReportPage.quiet`). `lives` are every file identity
    of `history` (`activity.notes.note_lives`); `deadlines` maps a week slug to where each commitment stood when
    it closed; `later` is `later_changes` of them, when the caller has it already."""
    later = later or later_changes(history, lives, privacy)
    return tuple(
        _week_item(page, site, later, sources_notes_dir, (deadlines or {}).get(page.report.slug, ()), html)
        for page in pages
        if page.report.complete and not page.quiet
    )


def week_title(page: ReportPage, deadline: WeekDeadline | None) -> str:
    """'Week 47, 2026: 5 notes, 9 h, 12 commits, June deadline on track' (a reflection's title in front)."""
    figures = page.summary + (f", {deadline.phrase}" if deadline else "")
    if page.heading != page.report.title:
        return f"{page.heading} ({figures})"
    return f"{page.report.title}: {figures}"


def _week_item(
    page: ReportPage,
    site: FeedSite,
    later: LaterChanges,
    notes_dir: str,
    deadlines: tuple[WeekDeadline, ...],
    html: ItemHtml,
) -> FeedItem:
    report = page.report
    url = site.url(report_uri(report))
    closed = close_of(report.end, site.zone)
    reflection_path = repo_path(notes_dir, report_uri(report))
    changed = [d for d in later.dates(reflection_path if page.reflection else None, _note_paths(report)) if d > closed]
    reflection = None
    if page.reflection is not None:
        reflection = html.reflection(
            page.reflection.body, url, site_url=site.site_url, source=report_uri(report), url_of=site.url,
        )
    view = WeekView(
        page=page,
        url=url,
        notes_created=linked_notes(report.notes_created, site.page_url),
        notes_updated=linked_notes(report.notes_updated, site.page_url),
        deadlines=deadlines,
        reflection_html=reflection,
    )
    return FeedItem(
        kind="reports",
        guid=site.guid(f"week/{report.slug}"),
        title=week_title(page, view.deadline),
        url=url,
        published=closed,
        updated=max(changed, default=closed).astimezone(site.zone),
        summary=f"{report.title}, {report.start.isoformat()} to {report.end.isoformat()}: {page.summary}.",
        content_html=html.week(view),
        author=site.author,
        categories=tuple(Category(s.subject.id, s.subject.title) for s in report.subjects),
    )


def _note_paths(report: WeekReport) -> tuple[str, ...]:
    return tuple(n.path for n in report.notes_created + report.notes_updated)


def repo_path(notes_dir: str, src_uri: str) -> str:
    return f"{notes_dir.rstrip('/')}/{src_uri}" if notes_dir else src_uri


@dataclass(frozen=True)
class LaterChanges:
    """Author dates of the public commits that changed each path, and of those that renamed or deleted a note."""

    edits: Mapping[str, tuple[dt.datetime, ...]]  # repo path (as it is now) -> commits that changed it
    moves: Mapping[str, tuple[dt.datetime, ...]]  # a note's path now (or last) -> its renames and deletion

    def dates(self, reflection: str | None, notes: Iterable[str]) -> list[dt.datetime]:
        out = list(self.edits.get(reflection, ())) if reflection else []
        for path in notes:
            out.extend(self.moves.get(path, ()))
        return out


def later_changes(history: History, lives: Iterable[NoteLife], privacy: Privacy) -> LaterChanges:
    hidden = privacy.hidden_commits(history)
    edits: dict[str, tuple[dt.datetime, ...]] = {}
    moves: dict[str, tuple[dt.datetime, ...]] = {}
    for life in lives:
        touches = [t for t in life.touches if t.sha not in hidden]
        edits[life.path] = tuple(t.date for t in touches)
        moves[life.path] = tuple(t.date for t in touches if t.status in ("R", "D"))
    return LaterChanges(edits, moves)


# --- commitments --------------------------------------------------------------------------------


def event_items(events: Iterable[CommitmentEvent], site: FeedSite, html: ItemHtml) -> tuple[FeedItem, ...]:
    """One item per commitment event."""
    return tuple(_event_item(e, site, html) for e in events)


EVENT_TITLES = {
    "made": "Commitment made",
    "moved": "Due date moved",
    "done": "Commitment kept",
    "missed": "Commitment missed",
    "withdrawn": "Commitment withdrawn",
}


def _event_item(event: CommitmentEvent, site: FeedSite, html: ItemHtml) -> FeedItem:
    key = f"commitment/{event.commitment_id}/{event.kind}" + (f"/{event.ref}" if event.ref else "")
    url = event.url or site.site_url
    commit = commit_url(site.repo, event.commit) if event.commit else None
    when = event.date.astimezone(site.zone)
    return FeedItem(
        kind="commitments",
        guid=site.guid(key),
        title=f"{EVENT_TITLES[event.kind]}: {event.title}",
        url=url,
        published=when,
        updated=when,
        summary=event.text,
        content_html=html.event(event, url, commit),
        author=site.author,
        categories=event.subjects,
    )


# --- blog posts ---------------------------------------------------------------------------------


def blog_items(
    posts: Iterable[BlogPost],
    site: FeedSite,
    lives: Iterable[NoteLife],
    notes_dir: str,
    privacy: Privacy,
    html: ItemHtml,
) -> tuple[FeedItem, ...]:
    """One item per published blog post with a date; drafts and posts without a date are left out. `lives` are
    every file identity of the history (`activity.notes.note_lives`)."""
    first = _first_public_paths(lives, notes_dir, privacy)
    out = []
    for post in posts:
        dates = post_dates(post.meta, site.zone)
        if dates is None or post.meta.get("draft") is True:
            continue
        created, updated = dates
        path = first.get(repo_path(notes_dir, post.src_uri), repo_path(notes_dir, post.src_uri))
        out.append(FeedItem(
            kind="blog",
            guid=site.guid("blog/" + path.removesuffix(".md")),
            title=post.title,
            url=post.url,
            published=created,
            updated=max(created, updated),
            summary=post.title,
            content_html=html.post(post.html, post.url),
            author=site.author,
            categories=tuple(Category(c, c) for c in _texts(post.meta.get("categories"))),
        ))
    return tuple(out)


def post_dates(meta: Mapping[str, Any], zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime] | None:
    """(created, updated) from a post's `date`, as Material reads it: a date, a date and time, or
    `{created: ..., updated: ...}`. A date alone is midnight in the learner's time zone, and so is a time
    without an offset (Material takes UTC there, which shifts the day for anyone west of Greenwich)."""
    value = meta.get("date")
    if isinstance(value, Mapping):
        created, updated = _when(value.get("created"), zone), _when(value.get("updated"), zone)
    else:
        created, updated = _when(value, zone), None
    if created is None:
        return None
    return created, updated or created


def _when(value: Any, zone: ZoneInfo) -> dt.datetime | None:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(zone)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), zone)
    return None


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value if isinstance(v, (str, int))] if isinstance(value, list) else []


def _first_public_paths(lives: Iterable[NoteLife], notes_dir: str, privacy: Privacy) -> dict[str, str]:
    """A file's path now -> its first path in git outside the private folders: what a post's GUID is made of."""
    out = {}
    for life in lives:
        if not life.alive:
            continue
        for touch in life.touches:
            src = touch.path[len(notes_dir) + 1:] if notes_dir and touch.path.startswith(notes_dir + "/") else (
                touch.path if not notes_dir else None)
            if src is None or not privacy.is_private_path(src):
                out[life.path] = touch.path
                break
    return out


# --- the feed -----------------------------------------------------------------------------------


def select_items(items: Iterable[FeedItem], kinds: Sequence[str], limit: int) -> tuple[FeedItem, ...]:
    """The items of the chosen kinds, newest first (ties by GUID), at most `limit` of them."""
    chosen = [i for i in items if i.kind in kinds]
    chosen.sort(key=lambda i: i.guid)
    chosen.sort(key=lambda i: i.published, reverse=True)
    return tuple(chosen[: max(limit, 0)])


def newest(items: Sequence[FeedItem], fallback: dt.datetime) -> dt.datetime:
    """The feed's own date: its newest item's update, never the build time."""
    return max((i.updated for i in items), default=fallback)


def plan_subjects(plan: Plan, covers: Iterable[str]) -> tuple[Category, ...]:
    """The subjects a commitment's `covers` reach (subject ids, or resource ids standing for their subject)."""
    out: list[Category] = []
    for ref in covers:
        subject = next((s for s in plan.subjects if s.id == ref or any(r.id == ref for r in s.resources)), None)
        if subject is not None and all(c.term != subject.id for c in out):
            out.append(Category(subject.id, subject.title))
    return tuple(out)
