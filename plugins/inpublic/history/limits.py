"""Where the git history stops telling the truth, and the words that say so (pure: no I/O, no clock).

- **Commits dated after today** (a computer whose clock ran ahead, a rebase on one): a commit whose author or
  committer date, in the learner's time zone, falls after today is left out of everything, every week, streak,
  note date, feed and figure of `inpublic status`, until that day comes. The adapters apply ``history_as_of``
  and ``plan_history_as_of`` once, where the histories enter the core, so every later stage sees the same
  commits, and log ``future_warning`` once.
- **A shallow clone** holds the newest commits only, and its oldest ones, its edge (``clone_edge``), show every
  file as added: they date no note, and a shallow build publishes no feed item made from the history.
- **Nothing committed yet**: no history at all, which a build must say rather than show empty weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from zoneinfo import ZoneInfo

from inpublic.model import Commit, History, PlanHistory

SHALLOW_FIX = "in GitHub Actions, set `fetch-depth: 0` on actions/checkout; in a terminal, run `git fetch --unshallow`"
SHALLOW_EFFECT = ("the weekly reports may be wrong, the notes show no dates from before the clone, and the feeds "
                  "hold no weekly reports or commitment events")
# the build's warning (the logger adds "inpublic: "), and the one sentence that pages and feeds carry
SHALLOW = (f"this is a shallow clone, so the git history is incomplete: {SHALLOW_EFFECT}. "
           f"Fetch the whole history: {SHALLOW_FIX}")
SHALLOW_NOTICE = (f"This site was built from a shallow clone of its repository, so its git history is incomplete: "
                  f"{SHALLOW_EFFECT}, until it is built from the whole history ({SHALLOW_FIX}).")
NOTHING_COMMITTED = ("nothing is committed yet, so the weekly reports and note dates are empty; commit your notes "
                     '(`git add -A && git commit -m "Start learning in public"`) and build again')
SHOWN = 3  # how many of the commits dated after today the warning names


def history_as_of(history: History, today: dt.date, timezone: str) -> tuple[History, tuple[Commit, ...]]:
    """The history as it stands on ``today`` (the learner's date), and the commits dated after it, oldest first."""
    zone = ZoneInfo(timezone)
    later = tuple(c for c in history.commits if _day(c.authored, c.committed, zone) > today)
    if not later:
        return history, ()
    left_out = {c.sha for c in later}
    return replace(history, commits=tuple(c for c in history.commits if c.sha not in left_out)), later


def plan_history_as_of(history: PlanHistory, today: dt.date, timezone: str) -> PlanHistory:
    """The plan's versions without those committed after ``today``: a deadline moved "in March 2027" has not
    moved yet."""
    zone = ZoneInfo(timezone)
    versions = tuple(v for v in history.versions if v.sha is None or _day(v.authored, v.committed, zone) <= today)
    return history if len(versions) == len(history.versions) else replace(history, versions=versions)


def future_warning(later: Sequence[Commit], today: dt.date, timezone: str) -> str:
    """One warning for the commits dated after today: how many, and the first few with the later of their dates."""
    zone = ZoneInfo(timezone)
    named = ", ".join(f"{c.sha[:7]} ({_day(c.authored, c.committed, zone).isoformat()})" for c in later[:SHOWN])
    more = f" and {len(later) - SHOWN} more" if len(later) > SHOWN else ""
    count = "1 commit is" if len(later) == 1 else f"{len(later)} commits are"
    verb = "is" if len(later) == 1 else "are"
    return (f"{count} dated after today ({today.isoformat()}) and {verb} left out until then: {named}{more}; "
            "check the computer's clock or the commit dates")


def clone_edge(history: History) -> frozenset[str]:
    """The commits at the edge of a shallow clone: those whose parents it lacks, which show every file as added.

    Their changes are not what they changed, so they date nothing; a history that is not shallow has no edge."""
    if not history.shallow:
        return frozenset()
    return frozenset(c.sha for c in history.commits if not c.parents)


def _day(authored: dt.datetime, committed: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The later of a commit's two days in the learner's time zone."""
    return max(authored.astimezone(zone).date(), committed.astimezone(zone).date())
