"""Everything inpublic adds to a site, computed from the plan, the history and the learner's files.

This is the engine-independent half of a build, `build_site(inputs) -> Site`: an adapter (the MkDocs plugin today)
reads the plan, the history and the learner's files into `BuildInputs`, lays out the pages and files `Site` holds,
passes each page's Markdown and HTML through it, then asks it for the feeds (`Site.feed_files`) with what the
engine rendered. Nothing here touches the disk or reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import BytecodeCache, Environment

from inpublic.activity.notes import NoteDates, NoteLife, note_dates, note_lives
from inpublic.activity.public import public_lives
from inpublic.cohort.data import PeerRead
from inpublic.cohort.page import COHORT, render_cohort
from inpublic.cohort.view import cohort_view
from inpublic.commitments.pages import CALENDAR, commitments_output
from inpublic.commitments.status import CommitmentStatus
from inpublic.feeds import site as feeds
from inpublic.feeds.html import markdown_html
from inpublic.feeds.items import BlogPost
from inpublic.feeds.views import page_path
from inpublic.giscus import SCRIPT, SCRIPT_SOURCE, CommentSettings, commented_pages, comments_partial
from inpublic.home.card import CARD_FILES, card_embed, card_view
from inpublic.home.view import HOME_MARKER, HomeReports, ReportLink, home_view
from inpublic.markdown_files import MarkdownFile
from inpublic.model import History, Plan, PlanHistory
from inpublic.notelinks.backlinks import backlink_views, backlinks, wikilink_problems
from inpublic.notelinks.render import render_backlinks, rewrite_wikilinks
from inpublic.notelinks.resolve import NoteIndex, Slugify, note_index
from inpublic.problems import Problem
from inpublic.render import (
    environment,
    markdown_text,
    render_card,
    render_home,
    render_note_dates,
    render_shallow_notice,
)
from inpublic.reports.months import monthly_reports
from inpublic.reports.pages import REPORTS_DIR, MonthPage, ReportPage, month_pages, report_pages
from inpublic.reports.render import months_json, render_month, render_report, render_reports_index, weeks_json
from inpublic.reports.weeks import Sources, WeekReport, dated_activity, weekly_reports
from inpublic.rhythm.home import HomeRhythm
from inpublic.rhythm.pages import history_commit_days, report_commit_days, rhythm
from inpublic.sanitise import clean_html

# a reflection on a week (reports/2026-W47.md) or on a month (reports/2026-11.md)
REFLECTION = re.compile(rf"^{REPORTS_DIR}/(\d{{4}}-(?:W\d{{2}}|\d{{2}}))\.md$")
STYLESHEET = "assets/inpublic/inpublic.css"  # where the stylesheet goes in the site; every page links it


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str  # where it goes in the docs tree, e.g. reports/2026-W47.md
    content: str
    edit_path: str | None = None  # the learner's file that "edit this page" should open, if any
    in_nav: bool = False


@dataclass(frozen=True)
class Asset:
    """A file of the package copied into the site as it is."""

    src_uri: str
    source: Path


@dataclass(frozen=True)
class BuildOptions:
    """The plugin's options that change what a build adds."""

    reports: bool = True
    note_dates: bool = True
    reviews: bool = True
    feeds: feeds.FeedSettings | None = None  # None: no feeds in this build
    reports_in_search: bool = False  # the weekly reports' pages in the search index
    comments: CommentSettings | None = None  # None: no comments
    backlinks: bool = True  # "Linked from" under every note that other notes link to


@dataclass(frozen=True)
class SiteFacts:
    """What the engine's configuration says about the site."""

    url: str = ""  # site_url, ending with "/"; "" when not set
    name: str = ""
    description: str | None = None
    language: str | None = None
    use_directory_urls: bool = True
    # how the table of contents makes a heading's anchor (toc's `slugify` and `separator`), for [[note#Heading]]
    slugify: Slugify | None = None
    slug_separator: str = "-"


@dataclass(frozen=True)
class BuildInputs:
    """Everything a build is made from: what the adapter read, the options and the site's facts."""

    plan: Plan  # the public plan
    history: History  # as it stands today
    today: dt.date  # in the learner's time zone
    sources: Sources
    plan_history: PlanHistory = field(default_factory=PlanHistory)  # as it stands today
    # a week's slug (2026-W47) or a month's (2026-11) -> the learner's reflection on it
    reflections: Mapping[str, MarkdownFile] = field(default_factory=dict)
    options: BuildOptions = BuildOptions()
    site: SiteFacts = SiteFacts()
    peers: tuple[PeerRead, ...] = ()  # what was read of the sites of the plan's peers (cohort/fetch.py)
    # where the adapter keeps inpublic's templates compiled (engines/compiled_templates.py); None: compiled each build
    templates: BytecodeCache | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Site:
    """Every page and file a build adds, and what it changes in the learner's pages."""

    inputs: BuildInputs
    files: tuple[GeneratedFile, ...] = ()  # the generated pages and data files
    replaced: frozenset[str] = frozenset()  # the learner's files folded into generated pages (reflections)
    home: GeneratedFile = GeneratedFile("index.md", "")  # the home page, for a site whose learner wrote none
    home_markdown: str = ""  # what takes the place of HOME_MARKER on the home page
    under_notes: Mapping[str, str] = field(default_factory=dict)  # src_uri -> the line of dates under the note
    linked_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # a note -> the notes linking to it
    notes: NoteIndex = field(default_factory=lambda: note_index({}))  # what wikilinks resolve to
    link_problems: tuple[Problem, ...] = ()  # the wikilinks that go nowhere, for the build's log (a warning each)
    shallow_notice: str = ""  # under the home and every note when the history is a shallow clone
    # generated pages that hold HTML the learner wrote (a report with its reflection): what the engine rendered
    # of them goes through sanitise.clean_html (`page_html`)
    sanitised: frozenset[str] = frozenset()
    stylesheet: Asset = Asset(STYLESHEET, Path(__file__).parent / "assets" / "inpublic.css")
    head_links: str = ""  # the feeds' <link>s for every page's <head>; "" without feeds
    # comments (giscus.py): the pages that show them, the theme's partial that does, and the script it needs
    commented: frozenset[str] = frozenset()
    comments_partial: str = ""  # "" without comments
    scripts: tuple[Asset, ...] = ()  # copied into the site, each page loading them after the theme's own
    # what the pages are made of, for the feeds and for tests
    lives: tuple[NoteLife, ...] = ()  # every file identity of the history (activity.notes.note_lives)
    note_dates: Mapping[str, NoteDates] = field(default_factory=dict)  # docs-relative path -> dates
    reports: tuple[WeekReport, ...] = ()
    report_pages: tuple[ReportPage, ...] = ()  # the weekly reports' pages, which the feeds' week items draw on
    month_pages: tuple[MonthPage, ...] = ()  # the monthly reports' pages, which the feeds' month items draw on
    commitments: tuple[CommitmentStatus, ...] = ()  # current ones by due date, then withdrawn
    rhythm: HomeRhythm | None = None  # the home page's heatmap, streaks and reviews due
    home_reports: HomeReports | None = None  # the home's links to the weekly reports; None without reports
    env: Environment = field(default_factory=environment, compare=False, repr=False)  # this build's templates

    def page_markdown(self, src_uri: str, markdown: str, page_url: str, *, below: bool = True) -> str:
        """A page's Markdown as the site shows it: the home in place of its marker, the Subscribe block where it
        goes, and what goes below the page (`below`). `page_url` is the page's address from the site's root, as the
        engine names it ('' for the home, 'reports/'). An engine that adds what goes below to the page's HTML
        instead passes `below=False`."""
        if src_uri == "index.md" and HOME_MARKER in markdown:
            home = self.home_markdown + f"\n{feeds.SUBSCRIBE_MARKER}\n"
            return self.subscribe(markdown.replace(HOME_MARKER, home), src_uri, page_url)
        if src_uri in self.inputs.sources.links:  # the learner's pages (not the generated ones)
            markdown = rewrite_wikilinks(markdown, src_uri, self.notes)
        markdown = self.subscribe(markdown, src_uri, page_url)
        return markdown + "".join(f"\n\n{html}" for html in self.below(src_uri, markdown, page_url)) if below \
            else markdown

    def below(self, src_uri: str, markdown: str, page_url: str | None = None) -> list[str]:
        """The HTML under a page whose Markdown is `markdown`: the dates under a note, the notes that link to it,
        and the shallow clone's notice under a note and under a home page without inpublic's marker (the marker's
        home has it on top). The links of "Linked from" are relative to `page_url` (by default the page's address
        from the site's root)."""
        if src_uri == "index.md" and HOME_MARKER in markdown:
            return []
        out = []
        dates = self.under_notes.get(src_uri)
        if dates is not None:
            out.append(dates)
        linking = self.linked_from.get(src_uri)
        if linking:
            facts = self.inputs.site
            here = page_path(src_uri, facts.use_directory_urls) if page_url is None else page_url
            out.append(render_backlinks(backlink_views(here, linking, self.inputs.sources.titles,
                                                       facts.use_directory_urls), self.env))
        if self.shallow_notice and (src_uri == "index.md" or src_uri in self.inputs.sources.titles):
            out.append(self.shallow_notice)
        return out

    def subscribe(self, markdown: str, src_uri: str, page_url: str) -> str:
        """The Subscribe block where the learner put its marker (the home has one), and under the reports index."""
        if self.inputs.options.feeds is None or not feeds.shows_subscribe(markdown, src_uri):
            return feeds.place_subscribe(markdown, src_uri, "")  # most pages: no block to render
        calendar = any(f.src_uri == CALENDAR for f in self.files)
        links = feeds.subscribe_links(page_url, calendar)
        return feeds.place_subscribe(markdown, src_uri, feeds.render_subscribe(links, self.env))

    def page_html(self, src_uri: str, html: str) -> str:
        """What the engine rendered of a page, sanitised when it holds HTML the learner wrote in a generated page."""
        return clean_html(html) if src_uri in self.sanitised else html

    def with_head_links(self, html: str) -> str:
        """A whole HTML page with the feeds' <link>s in its <head>."""
        return feeds.add_head_links(html, self.head_links) if self.head_links else html

    def feed_files(
        self,
        posts: Sequence[BlogPost],
        page_urls: Mapping[str, str] | None,
        markdown: Callable[[str], str] = markdown_html,
    ) -> dict[str, bytes]:
        """feed.xml, atom.xml and feed.json (nothing without feeds), from what the engine rendered: the blog
        posts, the address from the site's root of every page built (src_uri -> url; None: each page where
        MkDocs would put it), and the engine's Markdown to HTML function for the learner's reflections."""
        settings, inputs, facts = self.inputs.options.feeds, self.inputs, self.inputs.site
        if settings is None:
            return {}
        info = feeds.SiteInfo(facts.url, facts.name, facts.description, facts.language, facts.use_directory_urls,
                              page_urls)
        made = feeds.FeedInputs(inputs.plan, inputs.history, inputs.plan_history, inputs.today, inputs.sources,
                                self.report_pages, self.commitments, self.lives, self.month_pages)
        return feeds.build_feeds(made, posts, info, settings, markdown=markdown, env=self.env)


def reflection_slugs(src_uris: list[str]) -> dict[str, str]:
    """src_uri -> week or month slug, for the learner's reflections (reports/2026-W47.md, reports/2026-11.md)."""
    return {uri: m.group(1) for uri in src_uris if (m := REFLECTION.match(uri))}


def build_site(inputs: BuildInputs) -> Site:
    """Every page and file a build adds. The history is walked once here (`note_lives`), and its public notes
    picked once (`public_lives`), for the note dates, the rhythm, the weekly reports and the feeds."""
    plan, history, today, sources, options = inputs.plan, inputs.history, inputs.today, inputs.sources, inputs.options
    site_url, shallow = inputs.site.url, history.shallow
    env = environment(inputs.templates)
    lives = note_lives(history)
    public = public_lives(history, lives, sources.notes_dir, sources.privacy)
    hidden = sources.privacy.hidden_commits(history)
    dates = {}
    if options.note_dates:
        prefix = f"{sources.notes_dir}/" if sources.notes_dir else ""
        repo_paths = {prefix + uri: uri for uri in sources.titles}
        dates = {repo_paths[path]: d for path, d in note_dates(history, repo_paths, hidden, lives=lives).items()}
    promised = commitments_output(plan, inputs.plan_history, today, site_url=site_url, history_incomplete=shallow,
                                  hidden=hidden, env=env)
    promises = tuple(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in promised.files)
    reports: tuple[WeekReport, ...] = ()
    pages: tuple[ReportPage, ...] = ()
    months: tuple[MonthPage, ...] = ()
    replaced: frozenset[str] = frozenset()
    if not options.reports:
        days = rhythm(plan, history_commit_days(history, sources, plan.learner.timezone, public=public), today,
                      reviews=options.reviews, env=env)
        files = promises + tuple(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in days.files)
    else:
        dated = dated_activity(plan, history, sources, public)  # for the weeks and the months
        reports = weekly_reports(plan, history, today, sources, dated=dated)
        days = rhythm(plan, report_commit_days(reports), today, reviews=options.reviews, env=env)
        pages = report_pages(reports, inputs.reflections, shallow, days.review_weeks, logged=bool(plan.log))
        monthly = monthly_reports(plan, history, today, sources, plan_history=inputs.plan_history,
                                  statuses=promised.statuses, reviews=days.reviews, dated=dated)
        months = month_pages(monthly, pages, inputs.reflections, shallow, reviews=options.reviews,
                             logged=bool(plan.log))
        files = _report_files(pages, months, inputs.reflections, shallow, site_url, env,
                              searchable=options.reports_in_search)
        files += tuple(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in days.files) + promises
        shown = {r.slug for r in reports} | {m.report.slug for m in months}
        replaced = frozenset(f"{REPORTS_DIR}/{slug}.md" for slug in inputs.reflections if slug in shown)
    if plan.peers:
        files += (GeneratedFile(COHORT, render_cohort(cohort_view(plan.peers, inputs.peers, today), env),
                                in_nav=True),)
    notes = note_index(sources.titles, inputs.site.slugify, inputs.site.slug_separator)
    linked_from = backlinks(sources.links, notes) if options.backlinks else {}
    notice = render_shallow_notice(env) if shallow else ""
    links = home_reports(pages, months) if options.reports else None
    follow = feeds.subject_links(plan, options.feeds.kinds) if options.feeds is not None else {}
    card = card_view(plan, promised.statuses, days.home.heatmap.streaks, days.days, today)
    files += tuple(GeneratedFile(uri, render_card(card, scheme, env)) for uri, scheme in CARD_FILES.items())
    home = render_home(home_view(plan, today, promised.statuses), env, rhythm=days.home, reports=links,
                       subject_feeds=follow, card=card_embed(site_url, plan.learner.name))
    zone = ZoneInfo(plan.learner.timezone)
    comments = options.comments
    commitment_pages = [uri for uri, _, in_nav in promised.files if uri.endswith(".md") and not in_nav]
    report_uris = [p.src_uri for p in pages] + [m.src_uri for m in months]
    commented = commented_pages(comments, notes=sources.titles, reports=report_uris, commitments=commitment_pages)
    return Site(
        inputs=inputs,
        files=files,
        replaced=replaced,
        home=GeneratedFile("index.md", f"# {markdown_text(plan.learner.name)}: learning in public\n\n"  # escaped
                                       + HOME_MARKER + "\n"),
        home_markdown=notice + home,
        under_notes={uri: render_note_dates(d, zone) for uri, d in dates.items()},
        linked_from=linked_from,
        notes=notes,
        link_problems=wikilink_problems(sources.links, notes, sources.notes_dir),
        shallow_notice=notice,
        sanitised=frozenset(page.src_uri for page in pages if page.reflection is not None)
        | frozenset(m.src_uri for m in months if m.reflection is not None or m.reflections),
        head_links="" if options.feeds is None else feeds.head_links(site_url, inputs.site.name),
        commented=commented,
        comments_partial=comments_partial(comments, inputs.site.language, env),
        scripts=(Asset(SCRIPT, SCRIPT_SOURCE),) if comments is not None else (),
        lives=lives,
        note_dates=dates,
        reports=reports,
        report_pages=pages,
        month_pages=months,
        commitments=promised.statuses,
        rhythm=days.home,
        home_reports=links,
        env=env,
    )


def _report_files(pages: Sequence[ReportPage], months: Sequence[MonthPage], reflections: Mapping[str, MarkdownFile],
                  shallow: bool, site_url: str, env: Environment, *, searchable: bool) -> tuple[GeneratedFile, ...]:
    """The weekly and monthly reports' pages (in the search index when `searchable`), their index and their
    figures (weeks.json, months.json)."""
    files = [
        GeneratedFile(page.src_uri, render_report(page, env, searchable=searchable),
                      edit_path=page.src_uri if page.report.slug in reflections else None)
        for page in pages
    ]
    files += [
        GeneratedFile(month.src_uri, render_month(month, env, searchable=searchable),
                      edit_path=month.src_uri if month.report.slug in reflections else None)
        for month in months
    ]
    files.append(GeneratedFile(f"{REPORTS_DIR}/index.md", render_reports_index(pages, shallow, env, months),
                               in_nav=True))
    files.append(GeneratedFile(f"{REPORTS_DIR}/weeks.json", weeks_json([p.report for p in pages], site_url)))
    files.append(GeneratedFile(f"{REPORTS_DIR}/months.json", months_json([m.report for m in months], site_url)))
    return tuple(files)


def home_reports(pages: Sequence[ReportPage], months: Sequence[MonthPage] = ()) -> HomeReports:
    """The latest complete week's report, the week in progress when something was done in it, and the latest
    complete month's report."""
    def link(page: ReportPage | MonthPage) -> ReportLink:
        return ReportLink(page.heading, page.src_uri, page.summary)

    latest = next((p for p in reversed(pages) if p.report.complete), None)
    current = next((p for p in reversed(pages) if not p.report.complete and p.report.active_days), None)
    month = next((m for m in reversed(months) if m.report.complete), None)
    return HomeReports(link(latest) if latest else None, link(current) if current else None,
                       f"{REPORTS_DIR}/index.md", link(month) if month else None)
