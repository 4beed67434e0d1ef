"""The activity heatmap: a calendar of active days, one row of weeks per year (pure: no I/O, no clock).

- One row per **ISO year**, newest first, like the weekly reports: 52 or 53 columns of ISO weeks, 7 cells
  each, Monday at the top. A row runs from the Monday of week 1 to the Sunday of the last week, or to today
  for this year's row: 29 December 2025 to 3 January 2027 is the row of 2026. Days are counted in the
  learner's time zone (the caller passes activity already dated there).
- Every row **ends at the right edge**, with its latest week: the last week of a past year, today's week for
  this year's row, which is as long as the weeks so far. The right end is where a narrow screen starts (the
  calendar scrolls sideways from it), so a phone shows the weeks up to today first in any month, not the empty
  weeks still to come; on a wide screen this year's row grows towards the right edge as the year goes on.
- Rows start with the year of the learner's start (``learner.started``) or of the first activity, whichever
  is earlier.
- A month's label stands above the first week of the row whose Monday falls in that month.
- A cell's **level** goes from 0 (no activity) to 4. Its *effort* is the minutes logged that day plus a
  quarter of an hour for each counted commit (writing notes is study too): level 1 below 30 minutes, 2 from
  30 minutes, 3 from an hour, 4 from two hours. The levels are fixed, so a day keeps its shade as the
  record grows.
- A **resting day** without activity (a rest weekday or a day of a break, ``Plan.rest``) from the start of the
  record to today is drawn outlined and hatched over the empty square, its title saying "rest day" or the break's
  note (a private break's note never reaches the public plan), and the legend shows it when there is one. A
  resting day with activity is drawn like any active day.
- Python computes every coordinate; the template (heatmap.svg.j2) only writes them out. Days without activity
  are not drawn one by one: a pattern of empty squares fills the area of the row's days, and each active day
  is drawn over it, so the SVG grows with the active days, not with the years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from inpublic.activity.days import DayActivity, Streaks
from inpublic.model import NO_REST, Rest

LEVELS = (30, 60, 120)  # minutes of effort from which a day reaches level 2, 3 and 4
COMMIT_MINUTES = 15  # the effort a counted commit stands for
CELL = 10  # side of a day's square, in SVG user units
PITCH = 12  # from one square to the next: the square and a gap
LEFT = 30  # room for the year and the names of days
TOP = 14  # room for the names of months, above each row of weeks
ROW_GAP = 10  # between two years: a row and its gap are a whole number of squares, so one pattern fits all
LEGEND = 22  # room for the legend, below the last year
COLUMNS = 53
WIDTH = LEFT + COLUMNS * PITCH - (PITCH - CELL)
DAY_LABELS = ((0, "Mon"), (2, "Wed"), (4, "Fri"))


@dataclass(frozen=True)
class Label:
    text: str
    x: int
    y: int  # the baseline


@dataclass(frozen=True)
class Cell:
    """An active day's square."""

    day: dt.date
    level: int
    x: int
    y: int
    activity: DayActivity


@dataclass(frozen=True)
class RestCell:
    """A resting day without activity: what it is, and where."""

    day: dt.date
    what: str  # "rest day", or the break's note
    x: int
    y: int


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class YearRow:
    year: int  # the ISO year
    first: dt.date  # the Monday of week 1
    left: int  # the x of week 1's column: the row ends at the right edge, so a short row starts further right
    last: dt.date  # the Sunday of its last week, or today
    label: Label
    months: tuple[Label, ...]
    days: tuple[Label, ...]  # Mon, Wed, Fri
    blank: tuple[Box, ...]  # the area of the row's days, filled with the pattern of empty squares
    cells: tuple[Cell, ...]  # the active days, oldest first
    rests: tuple[RestCell, ...] = ()  # the resting days without activity, oldest first

    def position(self, day: dt.date) -> tuple[int, int]:
        """Where the square of ``day`` is (a day of this row): its column of weeks and its row, Monday first."""
        offset = (day - self.first).days
        return self.left + (offset // 7) * PITCH, self.blank[0].y + (offset % 7) * PITCH


@dataclass(frozen=True)
class MonthSummary:
    month: dt.date  # its first day
    active_days: int
    minutes: int
    commits: int


@dataclass(frozen=True)
class LegendCell:
    level: int
    x: int
    y: int


@dataclass(frozen=True)
class Heatmap:
    start: dt.date  # the first day of the record (the learner's start, or the first activity)
    today: dt.date
    width: int
    height: int
    rows: tuple[YearRow, ...]  # newest first
    months: tuple[MonthSummary, ...]  # calendar months from the start's to today's, newest first
    legend: tuple[LegendCell, ...]
    legend_labels: tuple[Label, Label]  # "Less", "More"
    streaks: Streaks
    active_days: int
    cell: int = CELL
    pitch: int = PITCH
    pattern: tuple[int, int] = (LEFT, TOP)  # where the pattern of empty squares starts
    labels_width: int = LEFT - (PITCH - CELL)  # the column of the year and weekday labels, up to the first square
    rest_legend: tuple[LegendCell, Label] | None = None  # "Rest day", when a resting day is drawn


def level(activity: DayActivity | None) -> int:
    """0 (no activity) to 4, from the day's effort (see the module docstring)."""
    if activity is None or not activity.active:
        return 0
    effort = activity.minutes + COMMIT_MINUTES * activity.commits
    return 1 + sum(1 for bound in LEVELS if effort >= bound)


def heatmap(
    days: Mapping[dt.date, DayActivity], started: dt.date, today: dt.date, streaks: Streaks, rest: Rest = NO_REST
) -> Heatmap:
    """The heatmap of ``days`` (each active day up to today, as ``days.daily_activity`` gives them); ``rest`` the
    plan's rest days and breaks (public notes only)."""
    start = min([started, today, *days])
    first, last = start.isocalendar().year, today.isocalendar().year
    rows = []
    for n, year in enumerate(range(last, first - 1, -1)):
        row = _year_row(year, n * (TOP + 7 * PITCH + ROW_GAP), days, today)
        rows.append(replace(row, rests=_rests(row, days, rest, start)))
    legend_y = len(rows) * (TOP + 7 * PITCH + ROW_GAP) - ROW_GAP + (LEGEND - CELL) // 2
    legend_x = WIDTH - 30 - 5 * PITCH
    legend = tuple(LegendCell(lvl, legend_x + lvl * PITCH, legend_y) for lvl in range(5))
    baseline = legend_y + CELL - 1
    return Heatmap(
        start=start,
        today=today,
        width=WIDTH,
        height=legend_y + CELL + (LEGEND - CELL) // 2,
        rows=tuple(rows),
        months=_months(days, start, today),
        legend=legend,
        legend_labels=(Label("Less", legend_x - 4, baseline), Label("More", legend_x + 5 * PITCH + 2, baseline)),
        streaks=streaks,
        active_days=sum(1 for d, a in days.items() if a.active and start <= d <= today),
        rest_legend=(LegendCell(-1, legend_x - 100, legend_y), Label("Rest day", legend_x - 100 + PITCH + 2, baseline))
        if any(row.rests for row in rows) else None,
    )


def _rests(row: YearRow, days: Mapping[dt.date, DayActivity], rest: Rest, start: dt.date) -> tuple[RestCell, ...]:
    """The row's resting days without activity, from the start of the record."""
    if not rest.weekdays and not rest.breaks:
        return ()
    out = []
    day = max(row.first, start)
    while day <= row.last:
        if rest.resting(day) and not (day in days and days[day].active):
            on_break = rest.on_break(day)
            what = on_break.note if on_break is not None and on_break.note else "rest day"
            out.append(RestCell(day, what, *row.position(day)))
        day += dt.timedelta(days=1)
    return tuple(out)


def _year_row(year: int, top: int, days: Mapping[dt.date, DayActivity], today: dt.date) -> YearRow:
    first = dt.date.fromisocalendar(year, 1, 1)
    weeks = dt.date(year, 12, 28).isocalendar().week  # 28 December is always in the last week
    last = min(today, dt.date.fromisocalendar(year, weeks, 7))
    full, rest = divmod((last - first).days + 1, 7)  # whole weeks, and the days of the week in progress
    left = LEFT + (COLUMNS - full - (1 if rest else 0)) * PITCH  # the last week in the last column
    y = top + TOP
    blank = [Box(left, y, full * PITCH, 7 * PITCH)] if full else []
    if rest:
        blank.append(Box(left + full * PITCH, y, PITCH, rest * PITCH))
    mondays = (first + dt.timedelta(weeks=n) for n in range(full + (1 if rest else 0)))
    row = YearRow(
        year=year,
        first=first,
        left=left,
        last=last,
        label=Label(str(year), 0, y - 4),
        months=tuple(
            Label(f"{m:%b}", left + (m - first).days // 7 * PITCH, y - 4)
            for m in mondays if m.day <= 7 and m.year == year
        ),
        days=tuple(Label(name, 0, y + row * PITCH + CELL - 1) for row, name in DAY_LABELS),
        blank=tuple(blank),
        cells=(),
    )
    active = sorted(d for d, a in days.items() if a.active and first <= d <= last)
    return replace(row, cells=tuple(Cell(d, level(days[d]), *row.position(d), days[d]) for d in active))


def _months(days: Mapping[dt.date, DayActivity], start: dt.date, today: dt.date) -> tuple[MonthSummary, ...]:
    out = []
    month = start.replace(day=1)
    while month <= today:
        nxt = (month + dt.timedelta(days=32)).replace(day=1)
        inside = [a for d, a in days.items() if month <= d < nxt and a.active]
        out.append(MonthSummary(month, len(inside), sum(a.minutes for a in inside), sum(a.commits for a in inside)))
        month = nxt
    return tuple(reversed(out))
