"""How inpublic writes what it tells people: numbers, plurals, day counts, percentages, dates, commit links and
how far off a date is. The one place for each: pages, feeds, the calendar and the terminal all write them here,
and the templates reach them as filters (render.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

# --- numbers ------------------------------------------------------------------------------------


def format_number(value: float) -> str:
    """1,234 or 12.5: no trailing .0."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def number(value: Fraction | float) -> str:
    """Two significant digits below 10, none after the point from 10: 0.41, 3.1, 12; 'less than 0.01' below."""
    x = float(value)
    if x == 0:
        return "0"
    if 0 < x < 0.01:  # 8.3e-05 tells a reader nothing
        return "less than 0.01"
    if abs(x) >= 10:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2g}"


def percent(fraction: Fraction | float) -> int:
    """A fraction as a whole percentage, never showing 100 before it is all done."""
    value = round(fraction * 100)
    return 99 if value == 100 and fraction < 1 else value


def format_duration(minutes: int) -> str:
    """95 -> '1 h 35 min'; 45 -> '45 min'; 120 -> '2 h'."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


# --- plurals ------------------------------------------------------------------------------------


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 note', '2 notes'; `words` for a plural that is not the word and an s: '2 classes'."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def singular(unit: str) -> str:
    """'lectures' -> 'lecture', 'exercises' -> 'exercise', 'classes' -> 'class': units are written in the plural."""
    if unit.endswith(("sses", "ches", "shes", "xes")):
        return unit[:-2]
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def units(count: int, unit: str) -> str:
    """'1 lecture', '3 lectures': a count of a resource's unit (named in the plural in the plan)."""
    return plural(count, singular(unit), unit)


# --- days and dates -----------------------------------------------------------------------------


def days(count: int) -> str:
    """'1 day', '3 days'."""
    return plural(count, "day")


def format_date(day: dt.date) -> str:
    """30 June 2027."""
    return f"{day.day} {day:%B %Y}"


def relative_days(count: int) -> str:
    """How far a date is from today, in words: 'today', 'tomorrow', 'yesterday', 'in 220 days', '3 days ago'."""
    if count == 0:
        return "today"
    if count == 1:
        return "tomorrow"
    if count == -1:
        return "yesterday"
    return f"in {count} days" if count > 0 else f"{-count} days ago"


def days_left(count: int, passed: str = "late") -> str:
    """How far a due date is, `count` days from today: '220 days left', 'due today', and once it has passed
    '12 days late' (or '12 days ago' with ``passed="ago"``, for what was done in time)."""
    if count > 0:
        return f"{days(count)} left"
    if count == 0:
        return "due today"
    return f"{days(-count)} {passed}"


def reason_text(parts: Sequence[str | dt.date]) -> str:
    """Words and dates as plain text, the dates written out: a commitment's reason for the JSON, the calendar and
    the terminal (pages show each date as a <time> element instead)."""
    return "".join(format_date(p) if isinstance(p, dt.date) else p for p in parts)


# --- links --------------------------------------------------------------------------------------


def commit_url(repo: str | None, sha: str) -> str | None:
    """https://github.com/ada/learning/commit/<sha> from the learner's repository (with or without .git or a
    trailing slash); None without a repository or for one that is not an http(s) address, such as an ssh one."""
    base = repo.rstrip("/").removesuffix(".git").rstrip("/") if repo else ""
    return f"{base}/commit/{sha}" if base.startswith(("http://", "https://")) else None
