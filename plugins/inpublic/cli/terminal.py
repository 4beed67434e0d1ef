"""Plain text for the terminal: `inpublic status` and `inpublic review` (pure formatting, no I/O).

Columns are aligned with spaces. With ``colour``, headings are bold and statuses coloured with ANSI codes;
the adapter turns colour off when the output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from inpublic.cli.status_view import CommitmentLine, StatusView
from inpublic.rhythm.reviews import REVIEW, Review, ReviewView
from inpublic.wording import days_left, format_date, format_duration, number, plural, reason_text, relative_days

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
COLOURS = {"done": "\x1b[32m", "on-track": "\x1b[32m", "at-risk": "\x1b[33m", "missed": "\x1b[31m", "open": "\x1b[33m"}
INDENT = "  "


class Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.colour and code else text

    def bold(self, text: str) -> str:
        return self.paint(text, BOLD)

    def dim(self, text: str) -> str:
        return self.paint(text, DIM)

    def status(self, text: str, key: str) -> str:
        return self.paint(text, COLOURS.get(key, ""))


def rows(pairs: Sequence[tuple[str, str]], indent: str = INDENT) -> list[str]:
    """Label and value pairs, the values aligned in one column."""
    width = max((len(label) for label, _ in pairs), default=0)
    return [f"{indent}{label.ljust(width)}   {value}".rstrip() for label, value in pairs]


def long_date(day: dt.date) -> str:
    """Sunday 22 November 2026."""
    return f"{day:%A} {format_date(day)}"


# --- inpublic status -----------------------------------------------------------------------------


def format_status(view: StatusView, colour: bool = False) -> str:
    style = Style(colour)
    week = view.week
    lines = [f"{style.bold(view.learner)}, {long_date(view.today)}", ""]
    since = format_date(week.start)
    lines.append(style.bold(f"This week so far (week {week.week} of {week.year}, since Monday {since})"))
    days = " ".join(f"{d:%a}" for d in week.active_days)
    resting = f" ({plural(len(week.resting), 'rest day')})" if week.resting else ""
    lines += rows([
        ("time", f"{format_duration(week.minutes)} over {plural(week.sessions, 'session')}"),
        ("units", ", ".join(f"{n} {unit_name(unit, n)}" for unit, n in week.units_by_name) or str(week.units)),
        ("commits", "unknown: the git history could not be read" if week.commits is None else str(week.commits)),
        ("active days", f"{len(week.active_days)} of {week.possible_days}{resting}" + (f": {days}" if days else "")),
    ])
    if view.commitments:
        lines += ["", style.bold("Commitments")]
        for line in view.commitments:
            lines += commitment_lines(line, style)
    s = view.streaks
    current = plural(s.current_days, "day")
    if s.current is not None:
        if s.counts_today:
            current += ", up to today"
        elif s.resting_since:
            current += f", up to {format_date(s.current.end)}, rest days since"
        else:
            current += ", up to yesterday (nothing yet today)"
    longest = plural(s.longest_days, "day")
    if s.longest is not None:
        longest += f", {format_date(s.longest.start)} to {format_date(s.longest.end)}"
    lines += ["", style.bold("Streak")] + rows([("current", current), ("longest", longest)])
    if view.reviews_due is not None:
        due = "nothing due today" if not view.reviews_due else (
            f"{view.reviews_due} due today: `inpublic review` lists them")
        lines += ["", f"{style.bold('Reviews')}   {due}"]
    return "\n".join(lines) + "\n"


def commitment_lines(line: CommitmentLine, style: Style) -> list[str]:
    when = days_left(line.days_left) if line.days_left >= 0 else f"due {relative_days(line.days_left)}"
    counts = ", ".join(f"{done} / {total} {unit_name(unit, total)}" for unit, done, total in line.units) or (
        f"{line.units_done} / {line.units_total} units")
    facts = [f"{line.percent}% done", counts, f"due {format_date(line.due)} ({when})"]
    out = [f"{INDENT}{line.title}"]
    if line.label is not None and line.status is not None:
        out.append(f"{INDENT * 2}{style.status(line.label, line.status)} · " + " · ".join(facts))
        if line.reason:
            out.append(f"{INDENT * 2}{reason_text(line.reason)}")
    else:
        out.append(f"{INDENT * 2}" + " · ".join(facts))
        needed = line.needed_per_day
        if needed is not None:
            unit = line.units[0][0] if len(line.units) == 1 else "units"
            day = "day" if line.study_days is None else "study day"
            out.append(f"{INDENT * 2}needs {number(needed)} {unit_name(unit, needed)} a {day} "
                       f"({number(needed * line.week_days)} a week) for the {line.units_left} left")
    return out


def unit_name(unit: str, count: Fraction | int) -> str:
    """The resource's unit, written in the plural, in the singular for one: `1 chapter`, `7 chapters`."""
    return unit[:-1] if count == 1 and unit.endswith("s") else unit


# --- inpublic review -----------------------------------------------------------------------------


def format_reviews(view: ReviewView, colour: bool = False) -> str:
    style = Style(colour)
    lines = [style.bold(f"Reviews, {long_date(view.today)}"), ""]
    lines.append(style.bold("Due today") if view.open else "Nothing is due today.")
    for review in view.open:
        lines += review_lines(review, view.today, style)
    if view.upcoming:
        lines += ["", style.bold("Tomorrow")]
        for review in view.upcoming:
            lines += review_lines(review, view.today, style)
    lines += ["", style.bold(f"The last {view.recent_days} days: {view.done} done, {view.missed} missed")]
    if view.recent:
        lines += rows([
            (f"{r.due:%a} {r.due.day} {r.due:%b}",
             f"{style.status(r.status.ljust(6), r.status)}  {kind_name(r).ljust(8)}  {r.resource.title}"
             + (f" ({r.subject.title})" if r.subject.title != r.resource.title else ""))
            for r in view.recent
        ])
    else:
        lines.append(f"{INDENT}nothing fell due")
    lines += ["", style.dim(f"A review or a practice counts when you log one for the subject on its day or in the "
                            f"{plural(view.grace, 'day')} after:"),
              style.dim(f"{INDENT}inpublic log 45m RESOURCE --kind review   (or --kind practice)")]
    return "\n".join(lines) + "\n"


def kind_name(review: Review) -> str:
    return "review" if review.kind == REVIEW else "practice"


def review_lines(review: Review, today: dt.date, style: Style) -> list[str]:
    pad = INDENT + " " * 10
    studied = f"studied {long_date(review.studied)}"
    if review.topics:
        studied += ": " + "; ".join(review.topics)
    if review.kind == REVIEW:
        how = ("from " + ", or ".join(r.title for r in review.sources)) if review.sources else "from your notes"
    else:
        how = ("problems from " + ", or ".join(r.title for r in review.sources)) if review.sources else (
            f"problems from {review.resource.title}")
    left = (review.closes - today).days
    until = "last day today" if left == 0 else "counts until tomorrow" if left == 1 else (
        f"counts until {format_date(review.closes)}")
    due = "due today" if review.due == today else f"due {format_date(review.due)}"
    head = style.bold(("Review" if review.kind == REVIEW else "Practice").ljust(10))
    return [
        f"{INDENT}{head}{review.resource.title} ({review.subject.title})",
        f"{pad}{studied}",
        f"{pad}{how}",
        f"{pad}{style.dim(f'{due}, {until}' if review.due <= today else due)}",
    ]
