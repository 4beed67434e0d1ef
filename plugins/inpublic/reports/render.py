"""The weekly report pages as Markdown, their index, and reports/weeks.json: the pages of reports/pages.py,
rendered through the templates."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment
from markupsafe import escape

from inpublic.render import environment
from inpublic.reports.months import MonthReport
from inpublic.reports.pages import REPORTS_DIR, MonthPage, ReportPage, month_groups
from inpublic.reports.weeks import WeekReport


def render_report(page: ReportPage, env: Environment | None = None, *, searchable: bool = True) -> str:
    """The Markdown of one report page (front matter of the reflection kept, with the heading as title); out of
    the search index (`search: {exclude: true}`, which Material's search and Zensical's read) unless `searchable`
    or the reflection says otherwise."""
    meta = dict(page.reflection.meta) if page.reflection else {}
    meta["title"] = str(escape(page.heading))  # Material puts the title into <title> as it is
    if not searchable:
        meta.setdefault("search", {"exclude": True})
    return (env or environment()).get_template("report.md.j2").render(
        page=page, front_matter=json.dumps(meta, ensure_ascii=False, default=str), link=note_link,
    )


def render_month(page: MonthPage, env: Environment | None = None, *, searchable: bool = True) -> str:
    """The Markdown of one monthly report page, as `render_report` makes a week's."""
    meta = dict(page.reflection.meta) if page.reflection else {}
    meta["title"] = str(escape(page.heading))
    if not searchable:
        meta.setdefault("search", {"exclude": True})
    return (env or environment()).get_template("month.md.j2").render(
        page=page, front_matter=json.dumps(meta, ensure_ascii=False, default=str), link=note_link,
    )


def render_reports_index(
    pages: Sequence[ReportPage], history_incomplete: bool = False, env: Environment | None = None,
    months: Sequence[MonthPage] = (),
) -> str:
    return (env or environment()).get_template("reports_index.md.j2").render(
        months=month_groups(pages, months), history_incomplete=history_incomplete,
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
        "possible_days": report.possible_days,
        "notes_created": len(report.notes_created),
        "notes_updated": len(report.notes_updated),
        "minutes": report.minutes,
        "units": report.units,
        "sessions": report.sessions,
        "streak": report.streak,
        "reorganised": report.reorganised,
    }


def months_json(reports: Sequence[MonthReport], site_url: str = "") -> str:
    """reports/months.json: the monthly figures as open data, one object per month, oldest first."""
    return json.dumps([month_record(r, site_url) for r in reports], indent=2, ensure_ascii=False) + "\n"


def month_record(report: MonthReport, site_url: str) -> dict[str, Any]:
    f = report.figures
    return {
        "month": report.slug,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "complete": report.complete,
        "url": f"{site_url}{REPORTS_DIR}/{report.slug}/",
        "commits": f.commits,
        "active_days": f.active_days,
        "days": f.days,
        "possible_days": f.possible_days,
        "notes_created": f.notes_created,
        "notes_updated": f.notes_updated,
        "minutes": f.minutes,
        "units": f.units,
        "sessions": f.sessions,
        "reorganised": f.reorganised,
        "reviews_done": f.reviews_done,
        "reviews_missed": f.reviews_missed,
        "commitments": [
            {"id": c.id, "due": c.due.isoformat(), "status": c.status, "start_percent": c.start_percent,
             "end_percent": c.end_percent}
            for c in report.commitments
        ],
    }
