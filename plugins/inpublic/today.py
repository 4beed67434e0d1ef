"""Today's date in the learner's time zone: the one place inpublic reads the clock and the environment for it.

Every adapter (the MkDocs plugin and each command) asks here once and passes the day down; nothing below the
adapters reads the clock. Two variables fix the day, so that tests, reproducible builds and a look back at an
earlier day all see one date:

- ``INPUBLIC_TODAY=2026-11-22`` names the day itself;
- ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention MkDocs honours too) names a
  moment, whose day in the learner's time zone is taken.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from zoneinfo import ZoneInfo

TODAY = "INPUBLIC_TODAY"  # YYYY-MM-DD: the day to take as today, for tests and for looking back
EPOCH = "SOURCE_DATE_EPOCH"


class TodayError(ValueError):
    """A variable that names today but cannot be read, with a one-line message for the learner."""


def learner_today(timezone: str, environ: Mapping[str, str] | None = None) -> dt.date:
    """Today in ``timezone``: the day INPUBLIC_TODAY names, else SOURCE_DATE_EPOCH's day, else the clock's."""
    env = os.environ if environ is None else environ
    fixed = env.get(TODAY, "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise TodayError(f"{TODAY}: expected a date like 2026-11-22, got {fixed!r}; "
                             "unset it to use today") from None
    zone = ZoneInfo(timezone)
    epoch = env.get(EPOCH, "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), zone).date()
        except (ValueError, OverflowError, OSError):
            raise TodayError(f"{EPOCH}: expected whole seconds since 1970 like 1795348800, got {epoch!r}; "
                             "unset it to use today") from None
    return dt.datetime.now(zone).date()


def fixed_today(timezone: str) -> dt.date | None:
    """``learner_today`` for a command: None after saying on stderr what is wrong with the variable that names it."""
    try:
        return learner_today(timezone)
    except TodayError as err:
        print(err, file=sys.stderr)
        return None


def learner_now(timezone: str, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """This moment in ``timezone``, for what is stamped with a time (an email's Date, the record of it): the moment
    SOURCE_DATE_EPOCH names, else noon of the day INPUBLIC_TODAY names, else the clock's."""
    env = os.environ if environ is None else environ
    zone = ZoneInfo(timezone)
    epoch = env.get(EPOCH, "").strip()
    if env.get(TODAY, "").strip() or epoch:
        day = learner_today(timezone, env)
        if not env.get(TODAY, "").strip():
            return dt.datetime.fromtimestamp(int(epoch), zone).replace(microsecond=0)
        return dt.datetime.combine(day, dt.time(12), zone)
    return dt.datetime.now(zone).replace(microsecond=0)
