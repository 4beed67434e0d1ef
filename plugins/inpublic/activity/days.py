"""What happened on each day, and the streaks it makes (pure: no I/O, no clock, no git).

- A day's activity is what the public log and the counted commits (see ``inpublic.activity.public``) put on it,
  in the learner's time zone: the minutes, units and sessions logged, and the commits counted.
- A day is *active* when it has a counted commit or a log entry, as in the weekly reports.
- A *resting day* is a rest weekday or a day of a break of the plan (``Plan.rest``). Without activity it neither
  breaks a streak nor adds to it; with activity it is an active day like any other.
- The *current streak* is the number of consecutive active days ending today, or ending yesterday when
  today has no activity yet (the day is not over); it is 0 when neither today nor yesterday was active.
  Resting days are skipped: on a Monday a learner resting at weekends keeps the streak that ended on Friday.
- The *longest streak* is the longest run of consecutive active days up to today (resting days skipped); of two
  runs as long, the more recent one is named.
- Activity dated after today (a log entry written ahead, a commit with a clock set wrong) is left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from inpublic.activity.notes import NoteLife, note_lives
from inpublic.activity.public import counted_commits, public_lives, streak
from inpublic.model import NO_REST, History, LogEntry, Rest
from inpublic.reports.weeks import Sources

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayActivity:
    day: dt.date
    minutes: int = 0
    units: int = 0
    sessions: int = 0
    commits: int = 0

    @property
    def active(self) -> bool:
        return bool(self.sessions or self.commits)


@dataclass(frozen=True)
class Run:
    """Consecutive active days, from ``start`` to ``end`` included, resting days between them skipped."""

    start: dt.date
    end: dt.date
    days: int  # the active days: the resting days between them do not count


@dataclass(frozen=True)
class Streaks:
    today: dt.date
    current: Run | None  # None: neither today nor yesterday was active
    longest: Run | None  # None: no activity at all

    @property
    def current_days(self) -> int:
        return self.current.days if self.current else 0

    @property
    def longest_days(self) -> int:
        return self.longest.days if self.longest else 0

    @property
    def counts_today(self) -> bool:
        """Whether the current streak includes today (else it ends yesterday, or there is none)."""
        return self.current is not None and self.current.end == self.today

    @property
    def resting_since(self) -> bool:
        """Whether the current streak ended before yesterday, the days since all resting."""
        return self.current is not None and self.current.end < self.today - DAY


def counted_commit_times(
    history: History, sources: Sources, zone: ZoneInfo, *, public: Sequence[NoteLife] | None = None
) -> tuple[dt.datetime, ...]:
    """The author dates of the counted commits, in the learner's time zone, in history order. ``public`` are the
    public notes (``public_lives``) when the caller has them already."""
    if public is None:
        public = public_lives(history, note_lives(history), sources.notes_dir, sources.privacy)
    commits = counted_commits(history, public, sources.plan_path, sources.privacy)
    return tuple(c.authored.astimezone(zone) for c in commits)


def daily_activity(
    log: Iterable[LogEntry], commit_days: Iterable[dt.date], today: dt.date
) -> dict[dt.date, DayActivity]:
    """Each active day up to ``today`` with its figures; ``commit_days`` holds one day per counted commit."""
    minutes: dict[dt.date, int] = defaultdict(int)
    units: dict[dt.date, int] = defaultdict(int)
    sessions: dict[dt.date, int] = defaultdict(int)
    commits: dict[dt.date, int] = defaultdict(int)
    for entry in log:
        minutes[entry.date] += entry.minutes
        units[entry.date] += entry.units
        sessions[entry.date] += 1
    for day in commit_days:
        commits[day] += 1
    days = sorted(d for d in set(sessions) | set(commits) if d <= today)
    return {d: DayActivity(d, minutes[d], units[d], sessions[d], commits[d]) for d in days}


def streaks(days: Mapping[dt.date, DayActivity], today: dt.date, rest: Rest = NO_REST) -> Streaks:
    """The current and the longest streak as of ``today`` (see the module docstring)."""
    active = {d for d, a in days.items() if a.active and d <= today}
    runs = active_runs(active, rest)
    current = None
    if runs and streak(active, today if today in active else today - DAY, rest):
        current = runs[-1]  # the last run reaches today, or yesterday, over resting days only
    return Streaks(today, current, max(reversed(runs), key=lambda r: r.days, default=None))


def active_runs(active: set[dt.date], rest: Rest = NO_REST) -> list[Run]:
    """The runs of consecutive days in ``active``, oldest first: a run goes on over resting days without activity,
    and ends at a day that is neither active nor resting."""
    runs: list[Run] = []
    for day in sorted(active):
        if runs and rest.study_days(runs[-1].end + DAY, day - DAY) == 0:
            runs[-1] = Run(runs[-1].start, day, runs[-1].days + 1)
        else:
            runs.append(Run(day, day, 1))
    return runs
