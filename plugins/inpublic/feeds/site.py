"""The feeds of a site, engine-independent: what goes in, the files, and how pages point at them.

The core (site.py) hands in what it built and what the engine rendered (blog posts, the address of each page),
and the adapter writes the files this returns; nothing here touches the disk or reads the clock.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import markdown as python_markdown
from jinja2 import Environment
from markupsafe import escape

from inpublic.activity.notes import NoteLife
from inpublic.commitments.addresses import COMMITMENTS_DIR, page_slug
from inpublic.commitments.pages import CALENDAR
from inpublic.commitments.status import CommitmentStatus
from inpublic.feeds.commitments import commitment_events, week_deadlines
from inpublic.feeds.html import FeedHtml, markdown_html
from inpublic.feeds.items import (
    KINDS,
    BlogPost,
    FeedItem,
    FeedSite,
    blog_items,
    event_items,
    later_changes,
    newest,
    select_items,
    tag_base,
    week_items,
)
from inpublic.feeds.month_items import month_items
from inpublic.feeds.subjects import has_subject_feeds, subject_feeds, subject_folder, subject_pages
from inpublic.feeds.views import FeedLink
from inpublic.feeds.write import ATOM, JSON_FEED, RSS, TYPES, Channel, feed_files
from inpublic.history.limits import SHALLOW_NOTICE, clone_edge
from inpublic.model import History, Plan, PlanHistory
from inpublic.render import environment
from inpublic.reports.pages import MonthPage, ReportPage
from inpublic.reports.weeks import Sources

FEED_WEEKS = 8  # the newest weeks with activity a feed holds: a first build publishes these, not years of weeks
SUBSCRIBE_MARKER = "<!-- inpublic:subscribe -->"
NO_SITE_URL = (
    "the feeds (feed.xml, atom.xml, feed.json) need the site's address, so that their links and images work in "
    "a feed reader, and `site_url` is not set, so no feed is written. Set it in mkdocs.yml to the address "
    "where the site is published, for example `site_url: https://you.github.io/your-notes/`; or turn the "
    "feeds off with `feed_items: []` in the inpublic plugin's options"
)
UNSTABLE_ID = (
    "the feeds' item ids (GUIDs) are made from `site_url`, because progress.yaml has no `learner.repo` and the "
    "plugin has no `feed_id`: if the site moves to another address, followers get every item again. Set "
    "`repo:` under `learner:` in progress.yaml, or `feed_id: your.domain,2026` in the plugin's options"
)


@dataclass(frozen=True)
class FeedSettings:
    kinds: tuple[str, ...] = KINDS
    limit: int = 20
    feed_id: str | None = None


@dataclass(frozen=True)
class SiteInfo:
    site_url: str  # ends with "/"
    title: str
    description: str | None = None
    language: str | None = None
    use_directory_urls: bool = True
    pages: Mapping[str, str] | None = None  # src_uri -> address from the site root of every page built


def feed_site(plan: Plan, info: SiteInfo, settings: FeedSettings) -> tuple[FeedSite, bool]:
    """The context every item is made in, and whether its GUIDs are stable (not made from `site_url`)."""
    learner = plan.learner
    tag, stable = tag_base(settings.feed_id, learner.repo, learner.started, info.site_url)
    site = FeedSite(
        site_url=info.site_url,
        tag=tag,
        author=learner.name,
        zone=ZoneInfo(learner.timezone),
        repo=learner.repo,
        use_directory_urls=info.use_directory_urls,
        pages=info.pages,
    )
    return site, stable


@dataclass(frozen=True)
class FeedInputs:
    """What the feeds are made from: what the build read, and what the core made of it once for every page."""

    plan: Plan  # the public plan
    history: History
    plan_history: PlanHistory
    today: dt.date
    sources: Sources
    pages: Sequence[ReportPage]  # the weekly reports' pages
    statuses: Sequence[CommitmentStatus]  # the commitments as their pages show them
    lives: Sequence[NoteLife]  # every file identity of the history (activity.notes.note_lives)
    months: Sequence[MonthPage] = ()  # the monthly reports' pages


def build_feeds(
    feed: FeedInputs,
    posts: Sequence[BlogPost],
    info: SiteInfo,
    settings: FeedSettings,
    *,
    markdown: Callable[[str], str] = markdown_html,
    env: Environment | None = None,
) -> dict[str, bytes]:
    """feed.xml, atom.xml and feed.json: the newest `settings.limit` items of the chosen kinds; and each subject's
    feeds, subjects/<id>/feed.xml and subjects/<id>/atom.xml (feeds/subjects.py), by the same rules.

    Weeks: the newest `FEED_WEEKS` completed weeks with something to report (a quiet week is no item), so that
    a first build of years of history publishes the last few weeks and leaves room for the commitments; older
    weeks stay on the site, and every item keeps its id, so nothing is delivered twice as weeks pass.

    From a shallow clone, the feeds say so and hold no item made from the history: no week and no commitment
    event (their figures and records need the older commits, and a reader keeps an item by its id, so a wrong
    one under the right id is never corrected), and only the blog posts whose first commit the clone holds
    (a post's id is the path it was first committed at)."""
    plan, history, sources = feed.plan, feed.history, feed.sources
    site, _ = feed_site(plan, info, settings)
    items: list[FeedItem] = []
    html = FeedHtml(env or environment(), markdown)
    shallow = history.shallow
    weeks: list[ReportPage] = []  # newest first
    later = later_changes(history, feed.lives, sources.privacy)  # for the weeks' and the months' updated dates
    if "reports" in settings.kinds and not shallow:
        worth = [p for p in feed.pages if p.report.complete and not p.quiet]  # a quiet week is no news
        weeks = sorted(worth, key=lambda p: p.report.start, reverse=True)
        items += month_items(feed.months, site, later, sources.notes_dir, html)
    count = max(min(settings.limit, FEED_WEEKS), 0)
    shown = weeks[:count]
    by_subject = {s.id: subject_pages(weeks, s.id)[:count] for s in plan.subjects}
    needed = {p.report.slug: p.report for p in [*shown, *(p for ps in by_subject.values() for p in ps)]}
    deadlines = week_deadlines(list(needed.values()), plan, feed.plan_history, site.zone)
    items += week_items(shown, site, history, feed.lives, sources.notes_dir, sources.privacy, html,
                        deadlines=deadlines, later=later)
    events: tuple[FeedItem, ...] = ()
    if "commitments" in settings.kinds and not shallow:
        def url_of(ident: str) -> str:
            return site.url(f"{COMMITMENTS_DIR}/{page_slug(ident)}.md")

        events = event_items(commitment_events(feed.statuses, history, feed.today, site.zone, url_of,
                                               sources.privacy), site, html)
        items += events
    if "blog" in settings.kinds:
        items += blog_items(_first_commit_seen(posts, history, feed.lives, sources.notes_dir), site, feed.lives,
                            sources.notes_dir, sources.privacy, html)
    chosen = select_items(items, settings.kinds, settings.limit)
    description = info.description or f"{plan.learner.name} learns in public: weekly reports, commitments and notes."
    channel = Channel(
        title=info.title,
        description=f"{description} {SHALLOW_NOTICE}" if shallow else description,
        site_url=info.site_url,
        id=site.tag.rstrip("/"),
        author=plan.learner.name,
        updated=newest(chosen, dt.datetime.combine(plan.learner.started, dt.time(), site.zone)),
        language=info.language,
    )
    return {
        **feed_files(channel, chosen),
        **subject_feeds(plan, site, by_subject, deadlines, events, html, kinds=settings.kinds,
                        limit=settings.limit, notice=SHALLOW_NOTICE if shallow else "", language=info.language),
    }


def _first_commit_seen(
    posts: Sequence[BlogPost], history: History, lives: Sequence[NoteLife], notes_dir: str
) -> Sequence[BlogPost]:
    """The posts whose file was first committed in a commit the history holds whole (all, but in a shallow clone)."""
    edge = clone_edge(history)
    if not edge:
        return posts
    prefix = f"{notes_dir.rstrip('/')}/" if notes_dir else ""
    unseen = {life.path for life in lives if life.alive and life.touches[0].sha in edge}
    return [p for p in posts if prefix + p.src_uri not in unseen]


# --- how pages point at the feeds ----------------------------------------------------------------


def subscribe_links(page_url: str, has_calendar: bool) -> tuple[FeedLink, ...]:
    """The Subscribe block's links, relative to the page at `page_url` (as MkDocs names it: '', 'reports/')."""
    links = [
        FeedLink("RSS feed", relative_url(RSS, page_url), TYPES[RSS], "feed.xml"),
        FeedLink("Atom feed", relative_url(ATOM, page_url), TYPES[ATOM], "atom.xml"),
        FeedLink("JSON Feed", relative_url(JSON_FEED, page_url), TYPES[JSON_FEED], "feed.json"),
    ]
    if has_calendar:
        links.append(FeedLink("Calendar of deadlines", relative_url(CALENDAR, page_url), "text/calendar",
                              "commitments.ics"))
    return tuple(links)


def subject_links(plan: Plan, kinds: Sequence[str], page_url: str = "") -> dict[str, tuple[FeedLink, ...]]:
    """Subject id -> the links to its feeds (RSS, Atom), relative to the page at `page_url` (the home: ''); none
    when the feeds' kinds give the subjects no feed."""
    if not has_subject_feeds(kinds):
        return {}
    return {
        s.id: tuple(FeedLink(label, relative_url(subject_folder(s.id) + name, page_url), TYPES[name])
                    for label, name in (("RSS", RSS), ("Atom", ATOM)))
        for s in plan.subjects
    }


def relative_url(target: str, page_url: str) -> str:
    """`target` (from the site's root) as seen from the page at `page_url`."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(target, folder or ".")


def render_subscribe(links: Sequence[FeedLink], env: Environment | None = None) -> str:
    return (env or environment()).get_template("subscribe.md.j2").render(links=links)


def head_links(site_url: str, title: str) -> str:
    """<link rel="alternate"> for each feed, for a page's <head>: how browsers and readers discover them."""
    return "".join(
        f'<link rel="alternate" type="{TYPES[name]}" title="{escape(title)} ({label})" '
        f'href="{escape(site_url + name)}">'
        for name, label in ((RSS, "RSS"), (ATOM, "Atom"), (JSON_FEED, "JSON Feed"))
    )


def shows_subscribe(markdown: str, src_uri: str) -> bool:
    """Whether a page has a place for the Subscribe block: its marker, or the reports index."""
    return SUBSCRIBE_MARKER in markdown or src_uri == "reports/index.md"


def place_subscribe(markdown: str, src_uri: str, block: str) -> str:
    """The Subscribe block in place of its marker, or under the reports index; no block: the marker removed."""
    if SUBSCRIBE_MARKER in markdown:
        return markdown.replace(SUBSCRIBE_MARKER, f"\n{block}\n" if block else "")
    if block and shows_subscribe(markdown, src_uri):  # the index's template has the marker; an older one works too
        return f"{markdown}\n\n{block}"
    return markdown


def blog_post_dirs(plugins: Mapping[str, Any]) -> tuple[str, ...]:
    """The folders (docs-relative, ending with '/') of the posts of every Material blog plugin that is on."""
    dirs = []
    for name, plugin in plugins.items():
        if name.split(" ")[0] not in ("material/blog", "blog"):
            continue
        options = getattr(plugin, "config", None)
        if options is None or not options.get("enabled", True):
            continue
        blog = posixpath.normpath(options.get("blog_dir", "blog"))
        dirs.append(posixpath.normpath(options.get("post_dir", "{blog}/posts").format(blog=blog)) + "/")
    return tuple(dirs)


def markdown_converter(extensions: Iterable[Any], configs: Mapping[str, Any] | None) -> Callable[[str], str]:
    """A Markdown to HTML function with the site's extensions, for the learner's reflections in the feeds."""
    md = python_markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))

    def convert(text: str) -> str:
        return str(md.reset().convert(text))

    return convert


HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def add_head_links(html: str, links: str) -> str:
    """`html` with `links` just before its </head> (unchanged when it has none, or has them already)."""
    # the regular expression, which ignores case, reads only up to the first "</head>" as themes write it
    lower = html.find("</head>")
    found = HEAD_END.search(html, 0, len(html) if lower < 0 else lower + len("</head>"))
    if found is None:
        return html
    if not links or links in html[:found.start()]:
        return html
    # str.replace copies the page as it is; slicing a page with any non-Latin-1 character in it is ten times slower
    return html.replace(found.group(0), links + found.group(0), 1)  # the first is the one found
