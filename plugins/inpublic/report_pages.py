"""The weekly report pages, their index and their open data: what each shows, rendered through the templates."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from jinja2 import Environment
from markupsafe import escape

from .markdown_files import MarkdownFile
from .render import environment, format_duration, plural
from .review import ReviewWeek
from .weeks import WeekReport

REPORTS_DIR = "reports"


@dataclass(frozen=True)
class ReportPage:
    report: WeekReport
    previous: WeekReport | None
    next: WeekReport | None
    summary: str
    reflection: MarkdownFile | None
    heading: str
    history_incomplete: bool = False  # built from a shallow clone: the figures miss older commits
    reviews: ReviewWeek | None = None  # reviews and practice due that week (review.py); None when reviews are off

    @property
    def src_uri(self) -> str:
        return report_uri(self.report)


@dataclass(frozen=True)
class MonthGroup:
    label: str  # "November 2026"
    pages: tuple[ReportPage, ...]


def report_uri(report: WeekReport) -> str:
    """reports/2026-W47.md: the page at reports/2026-W47/."""
    return f"{REPORTS_DIR}/{report.slug}.md"


def summary_line(report: WeekReport) -> str:
    """'3 notes, 5 h 30 min, 7 commits': the week in a line (index, page, and later the feed title)."""
    notes = len(report.notes_created) + len(report.notes_updated)
    parts = []
    if notes:
        parts.append(plural(notes, "note"))
    if report.minutes:
        parts.append(format_duration(report.minutes))
    if report.commits:
        parts.append(plural(len(report.commits), "commit"))
    return ", ".join(parts) if parts else "no activity"


def report_pages(
    reports: Sequence[WeekReport],
    reflections: Mapping[str, MarkdownFile],
    history_incomplete: bool = False,
    reviews: Mapping[str, ReviewWeek] | None = None,
) -> tuple[ReportPage, ...]:
    """One page per report, linked to its neighbours; `reflections` maps a slug (2026-W47) to the learner's text,
    `reviews` a slug to the reviews due that week (None: reviews are off, and the pages do not mention them)."""
    pages = []
    for i, report in enumerate(reports):
        reflection = reflections.get(report.slug)
        title = reflection.title if reflection else None
        pages.append(ReportPage(
            report=report,
            previous=reports[i - 1] if i else None,
            next=reports[i + 1] if i + 1 < len(reports) else None,
            summary=summary_line(report),
            reflection=reflection,
            heading=f"{report.title}: {title}" if title else report.title,
            history_incomplete=history_incomplete,
            reviews=None if reviews is None else reviews.get(report.slug, ReviewWeek()),
        ))
    return tuple(pages)


def month_groups(pages: Sequence[ReportPage]) -> tuple[MonthGroup, ...]:
    """Newest first, grouped by month."""
    newest_first = sorted(pages, key=lambda p: p.report.start, reverse=True)
    return tuple(MonthGroup(label, tuple(group)) for label, group in groupby(newest_first, key=month_of))


def month_of(page: ReportPage) -> str:
    """'November 2026': the month of the week's Thursday, as ISO weeks belong to the year of their Thursday."""
    return f"{page.report.start + dt.timedelta(days=3):%B %Y}"


def render_report(page: ReportPage, env: Environment | None = None) -> str:
    """The Markdown of one report page (front matter of the reflection kept, with the heading as title)."""
    meta = dict(page.reflection.meta) if page.reflection else {}
    meta["title"] = str(escape(page.heading))  # Material puts the title into <title> as it is
    return (env or environment()).get_template("report.md.j2").render(
        page=page, front_matter=json.dumps(meta, ensure_ascii=False, default=str), link=note_link,
    )


def render_reports_index(
    pages: Sequence[ReportPage], history_incomplete: bool = False, env: Environment | None = None
) -> str:
    return (env or environment()).get_template("reports_index.md.j2").render(
        months=month_groups(pages), history_incomplete=history_incomplete,
    )


def note_link(src_uri: str) -> str:
    """A note's path relative to the reports folder, for a Markdown link that MkDocs checks and rewrites."""
    return posixpath.relpath(src_uri, REPORTS_DIR)


def weeks_json(reports: Sequence[WeekReport], site_url: str = "") -> str:
    """reports/weeks.json: the weekly figures as open data, one object per week, oldest first."""
    return json.dumps([week_record(r, site_url) for r in reports], indent=2, ensure_ascii=False) + "\n"


def week_record(report: WeekReport, site_url: str) -> dict[str, Any]:
    return {
        "week": report.slug,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "complete": report.complete,
        "url": f"{site_url}{REPORTS_DIR}/{report.slug}/",
        "commits": len(report.commits),
        "active_days": len(report.active_days),
        "notes_created": len(report.notes_created),
        "notes_updated": len(report.notes_updated),
        "minutes": report.minutes,
        "units": report.units,
        "sessions": report.sessions,
        "streak": report.streak,
    }
