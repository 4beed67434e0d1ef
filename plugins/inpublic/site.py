"""Everything inpublic adds to a site, computed from the plan, the history and the learner's files.

This is the engine-independent half of a build: an adapter (the MkDocs plugin today) hands in what it read
and writes out the `GeneratedFile`s. Nothing here touches the disk or reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from inpublic.activity.notes import NoteDates, note_dates
from inpublic.commitments.pages import commitments_output
from inpublic.commitments.status import CommitmentStatus
from inpublic.home.view import HomeReports, ReportLink
from inpublic.markdown_files import MarkdownFile
from inpublic.model import History, Plan, PlanHistory
from inpublic.reports.pages import (
    REPORTS_DIR,
    ReportPage,
    render_report,
    render_reports_index,
    report_pages,
    weeks_json,
)
from inpublic.reports.weeks import Sources, WeekReport, weekly_reports
from inpublic.rhythm.home import HomeRhythm
from inpublic.rhythm.pages import history_commit_days, report_commit_days, rhythm

REFLECTION = re.compile(rf"^{REPORTS_DIR}/(\d{{4}}-W\d{{2}})\.md$")


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str  # where it goes in the docs tree, e.g. reports/2026-W47.md
    content: str
    edit_path: str | None = None  # the learner's file that "edit this page" should open, if any
    in_nav: bool = False


@dataclass(frozen=True)
class SiteContent:
    files: tuple[GeneratedFile, ...] = ()
    replaced: frozenset[str] = frozenset()  # the learner's files folded into generated pages (reflections)
    note_dates: Mapping[str, NoteDates] = field(default_factory=dict)  # docs-relative path -> dates
    reports: tuple[WeekReport, ...] = ()
    commitments: tuple[CommitmentStatus, ...] = ()  # current ones by due date, then withdrawn
    rhythm: HomeRhythm | None = None  # the home page's heatmap, streaks and reviews due
    # generated pages that hold HTML the learner wrote (a report with its reflection): the adapter passes
    # what the engine rendered of them through sanitise.clean_html
    sanitised: frozenset[str] = frozenset()
    home_reports: HomeReports | None = None  # the home's links to the weekly reports; None without reports
    report_pages: tuple[ReportPage, ...] = ()  # the weekly reports' pages, which the feeds' week items draw on


def reflection_slugs(src_uris: list[str]) -> dict[str, str]:
    """src_uri -> week slug, for the learner's reflections (reports/2026-W47.md)."""
    return {uri: m.group(1) for uri in src_uris if (m := REFLECTION.match(uri))}


def site_content(
    plan: Plan,
    history: History,
    today: dt.date,
    sources: Sources,
    reflections: Mapping[str, MarkdownFile],
    *,
    site_url: str = "",
    history_incomplete: bool = False,
    with_reports: bool = True,
    with_note_dates: bool = True,
    plan_history: PlanHistory | None = None,
    with_reviews: bool = True,
) -> SiteContent:
    """The generated pages and data of a build. `reflections` maps a week slug to the learner's text for it."""
    hidden = sources.privacy.hidden_commits(history)
    dates = {}
    if with_note_dates:
        prefix = f"{sources.notes_dir}/" if sources.notes_dir else ""
        repo_paths = {prefix + uri: uri for uri in sources.titles}
        dates = {repo_paths[path]: d for path, d in note_dates(history, repo_paths, hidden).items()}
    promised = commitments_output(plan, plan_history or PlanHistory(), today, site_url=site_url,
                                  history_incomplete=history_incomplete, hidden=hidden)
    promises = tuple(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in promised.files)
    if not with_reports:
        days = rhythm(plan, history_commit_days(history, sources, plan.learner.timezone), today, reviews=with_reviews)
        extra = tuple(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in days.files)
        return SiteContent(promises + extra, note_dates=dates, commitments=promised.statuses, rhythm=days.home)
    reports = weekly_reports(plan, history, today, sources)
    days = rhythm(plan, report_commit_days(reports), today, reviews=with_reviews)
    pages = report_pages(reports, reflections, history_incomplete, days.review_weeks, logged=bool(plan.log))
    files = [
        GeneratedFile(
            page.src_uri,
            render_report(page),
            edit_path=page.src_uri if page.report.slug in reflections else None,
        )
        for page in pages
    ]
    files.append(GeneratedFile(f"{REPORTS_DIR}/index.md", render_reports_index(pages, history_incomplete), in_nav=True))
    files.append(GeneratedFile(f"{REPORTS_DIR}/weeks.json", weeks_json(reports, site_url)))
    shown = {r.slug for r in reports}
    replaced = frozenset(f"{REPORTS_DIR}/{slug}.md" for slug in reflections if slug in shown)
    files.extend(GeneratedFile(uri, text, in_nav=in_nav) for uri, text, in_nav in days.files)
    sanitised = frozenset(page.src_uri for page in pages if page.reflection is not None)
    return SiteContent(tuple(files) + promises, replaced, dates, reports, promised.statuses, days.home, sanitised,
                       home_reports(pages), pages)


def home_reports(pages: Sequence[ReportPage]) -> HomeReports:
    """The latest complete week's report, and the week in progress when something was done in it."""
    def link(page: ReportPage) -> ReportLink:
        return ReportLink(page.heading, page.src_uri, page.summary)

    latest = next((p for p in reversed(pages) if p.report.complete), None)
    current = next((p for p in reversed(pages) if not p.report.complete and p.report.active_days), None)
    return HomeReports(link(latest) if latest else None, link(current) if current else None,
                       f"{REPORTS_DIR}/index.md")
