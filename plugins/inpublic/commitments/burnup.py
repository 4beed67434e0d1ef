"""The burn-up chart of a commitment, laid out (pure): coordinates and labels for templates/burnup.svg.j2.

The chart shows progress (the share of the commitment done) over time against the required-pace line, a
straight line from the progress when the commitment was made to 100% on its due date. The due date, any due
date it had before, today (or the day it was withdrawn) and the forecast at the best recent pace are marked.
Labels in the picture hold no dates: the table that goes with it (``rows``) gives every date and number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from inpublic.commitments.deadlines import DUE, REPLACES
from inpublic.commitments.reasons import WITHDRAWN
from inpublic.commitments.status import CommitmentStatus
from inpublic.wording import percent

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 616, 36, 250  # the plot area inside the view box
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Marker:
    kind: str  # "due", "was-due", "today", "withdrawn"
    label: str
    x: float
    label_y: float


@dataclass(frozen=True)
class YTick:
    y: float
    label: str
    label_x: float = LEFT - 6
    label_y: float = 0


@dataclass(frozen=True)
class Row:
    """A line of the chart's table: progress at the end of the day, and where the required line is."""

    day: dt.date
    note: str  # "made", "today", "due", "" ...
    done: int | None  # percent; None for days still to come
    required: int  # percent


@dataclass(frozen=True)
class BurnUp:
    ident: str  # prefix of the SVG's element ids, unique on the page
    title: str
    desc: str
    done_path: str
    required: Line
    forecast: Line | None
    markers: tuple[Marker, ...]
    y_ticks: tuple[YTick, ...]
    rows: tuple[Row, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    top: int = TOP
    bottom: int = BOTTOM


def burnup(status: CommitmentStatus) -> BurnUp:
    """The chart of one commitment as of its status date."""
    c = status.commitment
    made, due, as_of = c.made, c.due, status.as_of
    old_dues = sorted({ch.before for ch in status.record.changes
                       if ch.kind in (DUE, REPLACES) and isinstance(ch.before, dt.date) and ch.before != due})
    first = min([made, as_of, *old_dues])
    last = max([due, as_of, *old_dues])
    if status.forecast is not None and status.forecast > last:
        last = min(status.forecast, last + (last - first) / 2)
    last = max(last, first + dt.timedelta(days=1))
    scale = _Scale(first, last)
    forecast = None
    if status.forecast is not None and status.status != WITHDRAWN:
        end = min(status.forecast, last)
        reached = status.fraction + status.best_pace.per_day * (end - as_of).days
        forecast = Line(scale.x(as_of), scale.y(status.fraction), scale.x(end), scale.y(min(reached, Fraction(1))))
    now = "withdrawn" if status.status == WITHDRAWN else "today"
    markers = [Marker("due", "due", scale.x(due), TOP - 10)]
    markers += [Marker("was-due", "was due", scale.x(d), TOP + 16) for d in old_dues]
    markers.append(Marker(now, now, scale.x(as_of), BOTTOM + 22))
    return BurnUp(
        ident=f"inpublic-burnup-{status.id}",
        title=f"Burn-up chart: {c.title}",
        desc=_desc(status, _required(status, as_of)),
        done_path=_path(status, scale),
        required=Line(scale.x(made), scale.y(status.start), scale.x(due), scale.y(Fraction(1))),
        forecast=forecast,
        markers=tuple(markers),
        y_ticks=tuple(_tick(scale.y(Fraction(p, 100)), f"{p}%") for p in (0, 50, 100)),
        rows=_rows(status),
    )


def _tick(y: float, label: str) -> YTick:
    return YTick(y, label, label_y=round(y + 5, 1))


class _Scale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.span = first, (last - first).days

    def x(self, day: dt.date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (day - self.first).days / self.span, 1)

    def y(self, fraction: Fraction) -> float:
        return round(BOTTOM - (BOTTOM - TOP) * float(fraction), 1)


def _path(status: CommitmentStatus, scale: _Scale) -> str:
    """A step line: flat between the days progress changed, rising on each of them."""
    start = status.series[0].day
    parts = [f"M{scale.x(start)} {scale.y(status.start)}"]
    for point in status.series:
        parts.append(f"H{scale.x(point.day)} V{scale.y(point.fraction)}")
    return " ".join(parts)


def _required(status: CommitmentStatus, day: dt.date) -> Fraction:
    """Where the required-pace line is at the end of ``day``."""
    made, due = status.commitment.made, status.commitment.due
    if day >= due or due == made:
        return Fraction(1) if day >= due else status.start
    if day <= made:
        return status.start
    return status.start + (1 - status.start) * Fraction((day - made).days, (due - made).days)


def _done_at(status: CommitmentStatus, day: dt.date) -> Fraction:
    value = status.start
    for point in status.series:
        if point.day <= day:
            value = point.fraction
    return value


def _rows(status: CommitmentStatus) -> tuple[Row, ...]:
    """Every week from the day it was made, and the days that matter: made, today, due, forecast."""
    made, due, as_of = status.commitment.made, status.commitment.due, status.as_of
    now = "withdrawn" if status.status == WITHDRAWN else "today"
    notes: dict[dt.date, list[str]] = {made: ["made"]}
    day = made + WEEK
    while day < as_of:
        notes.setdefault(day, [])
        day += WEEK
    notes.setdefault(as_of, []).append(now)
    notes.setdefault(due, []).append("due")
    if status.forecast is not None and status.status != WITHDRAWN:
        notes.setdefault(status.forecast, []).append("forecast")
    return tuple(
        Row(d, ", ".join(n), percent(_done_at(status, d)) if d <= as_of else None, percent(_required(status, d)))
        for d, n in sorted(notes.items())
    )


def _desc(status: CommitmentStatus, required: Fraction) -> str:
    now = "when it was withdrawn" if status.status == WITHDRAWN else "now"
    if status.fraction <= status.start:
        progress = f"Progress stands at {status.percent}% {now}, as it stood when the commitment was made."
    else:
        progress = (f"Progress rises from {percent(status.start)}% when the commitment was made to "
                    f"{status.percent}% {now}.")
    return (
        f"{progress} "
        f"The required-pace line rises steadily to 100% on the due date and stands at {percent(required)}% "
        f"{now}. Status: {status.label}. The table below gives the figures with their dates."
    )
