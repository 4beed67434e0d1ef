"""The weekly report pages: what each shows (its week, its neighbours, its one-line summary, the learner's
reflection) and how the index groups them by month. reports/render.py turns them into Markdown."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from inpublic.markdown_files import FENCE, HEADING, MarkdownFile
from inpublic.reports.months import MonthReport, month_of_week
from inpublic.reports.weeks import WeekReport
from inpublic.rhythm.reviews import ReviewWeek
from inpublic.wording import format_duration, plural

REPORTS_DIR = "reports"
NO_ACTIVITY = "no activity"  # the summary of a week in which nothing was counted


@dataclass(frozen=True)
class ReportPage:
    report: WeekReport
    previous: WeekReport | None
    next: WeekReport | None
    summary: str
    reflection: MarkdownFile | None
    heading: str
    history_incomplete: bool = False  # built from a shallow clone: the figures miss older commits
    reviews: ReviewWeek | None = None  # reviews and practice due that week (rhythm/reviews.py); None: reviews off
    logged: bool = True  # the plan keeps a study log: the page shows the time and units logged

    @property
    def src_uri(self) -> str:
        return report_uri(self.report)

    @property
    def quiet(self) -> bool:
        """A completed week with nothing to report and no reflection: no feed item, one line among its neighbours
        in the index (its page stays, so that links and the previous/next chain hold)."""
        return self.report.complete and self.reflection is None and self.summary == NO_ACTIVITY

    @property
    def nothing_yet(self) -> bool:
        """The week in progress, with nothing counted so far."""
        return not self.report.complete and self.summary == NO_ACTIVITY


@dataclass(frozen=True)
class WeekReflection:
    """A weekly reflection, as a monthly report folds it in."""

    heading: str  # the week's page heading: "Week 47, 2026: Limits click"
    slug: str  # the week's: 2026-W47
    body: str  # the learner's Markdown, without its front matter, its title heading, headings two levels down


@dataclass(frozen=True)
class MonthPage:
    report: MonthReport
    previous: MonthReport | None
    next: MonthReport | None
    summary: str
    reflection: MarkdownFile | None
    heading: str
    weeks: tuple[ReportPage, ...]  # the month's weekly reports (the weeks whose Thursday falls in it)
    reflections: tuple[WeekReflection, ...]  # the month's weekly reflections, oldest first
    history_incomplete: bool = False
    reviews: bool = True  # the review schedule is on: the page counts the reviews due
    logged: bool = True  # the plan keeps a study log

    @property
    def src_uri(self) -> str:
        return f"{REPORTS_DIR}/{self.report.slug}.md"


@dataclass(frozen=True)
class QuietWeeks:
    """Consecutive quiet weeks, newest first: one line of the index, "3 quiet weeks", with their dates."""

    pages: tuple[ReportPage, ...]

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def start(self) -> dt.date:
        return self.pages[-1].report.start

    @property
    def end(self) -> dt.date:
        return self.pages[0].report.end


@dataclass(frozen=True)
class MonthGroup:
    label: str  # "November 2026"
    month: MonthPage | None  # its monthly report
    pages: tuple[ReportPage | QuietWeeks, ...]  # a week, or a stretch of quiet weeks (under its newest one's month)


def report_uri(report: WeekReport) -> str:
    """reports/2026-W47.md: the page at reports/2026-W47/."""
    return f"{REPORTS_DIR}/{report.slug}.md"


def summary_line(report: WeekReport) -> str:
    """'3 notes, 5 h 30 min, 7 commits, reorganised 40 notes': the week in a line (index, page, feed title)."""
    notes = len(report.notes_created) + len(report.notes_updated)
    return figures_line(notes, report.minutes, len(report.commits), report.reorganised)


def figures_line(notes: int, minutes: int, commits: int, reorganised: int) -> str:
    """A week's or a month's notes, time, commits and notes moved in a line; NO_ACTIVITY when all are nought."""
    parts = []
    if notes:
        parts.append(plural(notes, "note"))
    if minutes:
        parts.append(format_duration(minutes))
    if commits:
        parts.append(plural(commits, "commit"))
    if reorganised:
        parts.append(f"reorganised {plural(reorganised, 'note')}")
    return ", ".join(parts) if parts else NO_ACTIVITY


def report_pages(
    reports: Sequence[WeekReport],
    reflections: Mapping[str, MarkdownFile],
    history_incomplete: bool = False,
    reviews: Mapping[str, ReviewWeek] | None = None,
    logged: bool = True,
) -> tuple[ReportPage, ...]:
    """One page per report, linked to its neighbours; `reflections` maps a slug (2026-W47) to the learner's text,
    `reviews` a slug to the reviews due that week (None: reviews are off, and the pages do not mention them).
    Without a study log (`logged` false) the pages and feed items leave out time and units, always zero."""
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
            logged=logged,
        ))
    return tuple(pages)


def month_groups(pages: Sequence[ReportPage], months: Sequence[MonthPage] = ()) -> tuple[MonthGroup, ...]:
    """Newest first, grouped by month, each with its monthly report; consecutive quiet weeks make one entry, under
    the month of the newest."""
    newest_first = sorted(pages, key=lambda p: p.report.start, reverse=True)
    entries: list[ReportPage | QuietWeeks] = []
    for page in newest_first:
        last = entries[-1] if entries else None
        if page.quiet and isinstance(last, QuietWeeks):
            entries[-1] = QuietWeeks((*last.pages, page))
        else:
            entries.append(QuietWeeks((page,)) if page.quiet else page)
    by_label = {m.report.title: m for m in months}
    return tuple(MonthGroup(label, by_label.get(label), tuple(group))
                 for label, group in groupby(entries, key=_month_of_entry))


def _month_of_entry(entry: ReportPage | QuietWeeks) -> str:
    return month_of(entry.pages[0] if isinstance(entry, QuietWeeks) else entry)


def month_of(page: ReportPage) -> str:
    """'November 2026': the month of the week's Thursday, as ISO weeks belong to the year of their Thursday."""
    return f"{month_of_week(page.report.start):%B %Y}"


def month_summary(report: MonthReport) -> str:
    """'9 notes, 21 h 40 min, 14 commits': the month in a line (index, page, feed title)."""
    f = report.figures
    return figures_line(f.notes_created + f.notes_updated, f.minutes, f.commits, f.reorganised)


def month_pages(
    months: Sequence[MonthReport],
    weeks: Sequence[ReportPage],
    reflections: Mapping[str, MarkdownFile],
    history_incomplete: bool = False,
    *,
    reviews: bool = True,
    logged: bool = True,
) -> tuple[MonthPage, ...]:
    """One page per monthly report, linked to its neighbours, with the month's weekly reports and reflections;
    `reflections` maps a slug (2026-11, or a week's) to the learner's text."""
    by_slug = {p.report.slug: p for p in weeks}
    out = []
    for i, report in enumerate(months):
        reflection = reflections.get(report.slug)
        title = reflection.title if reflection else None
        its_weeks = tuple(by_slug[slug] for slug in report.weeks if slug in by_slug)
        out.append(MonthPage(
            report=report,
            previous=months[i - 1] if i else None,
            next=months[i + 1] if i + 1 < len(months) else None,
            summary=month_summary(report),
            reflection=reflection,
            heading=f"{report.title}: {title}" if title else report.title,
            weeks=its_weeks,
            reflections=tuple(WeekReflection(p.heading, p.report.slug, folded(p.reflection))
                              for p in its_weeks if p.reflection is not None),
            history_incomplete=history_incomplete,
            reviews=reviews,
            logged=logged,
        ))
    return tuple(out)


ATX_HEADING = re.compile(r"^(#{1,6})(?=[ \t]|$)", re.MULTILINE)


def folded(reflection: MarkdownFile) -> str:
    """A weekly reflection's Markdown as a monthly report folds it in under a level-3 heading of its own: without
    the level-1 heading its title came from, and its headings two levels down (a level-1 heading becomes a
    level-3 one), outside code blocks."""
    body = reflection.body
    if "title" not in reflection.meta and (first := HEADING.search(FENCE.sub("", body))) is not None:
        at = body.find(first.group(0))
        body = body[:at] + body[at + len(first.group(0)):]
    parts = re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", body, flags=re.MULTILINE | re.DOTALL)
    return "".join(part if i % 2 else ATX_HEADING.sub(lambda m: "#" * min(len(m.group(1)) + 2, 6), part)
                   for i, part in enumerate(parts)).strip() + "\n"
