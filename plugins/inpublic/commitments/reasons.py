"""Why a commitment has its status, in words and dates: the reasons its pages, feeds and terminal show."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Protocol

from inpublic.commitments.deadlines import DUE, Change
from inpublic.model import Commitment
from inpublic.wording import days, number, singular

WINDOWS = (14, 28)  # days of the recent paces
DONE, ON_TRACK, AT_RISK, MISSED, WITHDRAWN = "done", "on-track", "at-risk", "missed", "withdrawn"
LABELS = {DONE: "done", ON_TRACK: "on track", AT_RISK: "at risk", MISSED: "missed", WITHDRAWN: "withdrawn"}
Reason = tuple[str | dt.date, ...]  # words and dates: pages show each date as a <time> element


class PaceFacts(Protocol):
    @property
    def days(self) -> int: ...
    @property
    def per_day(self) -> Fraction: ...


class StatusFacts(Protocol):
    """What a reason reads of a commitment's status: commitments/status.py's CommitmentStatus, which imports this
    module for its reasons and so is described here rather than imported."""

    @property
    def commitment(self) -> Commitment: ...
    @property
    def status(self) -> str: ...
    @property
    def as_of(self) -> dt.date: ...
    @property
    def finished_on(self) -> dt.date | None: ...
    @property
    def judged_by(self) -> dt.date: ...
    @property
    def fraction(self) -> Fraction: ...
    @property
    def percent(self) -> int: ...
    @property
    def needed(self) -> Fraction | None: ...
    @property
    def forecast(self) -> dt.date | None: ...
    @property
    def scale(self) -> tuple[str, int] | None: ...
    @property
    def idle_since_made(self) -> bool: ...
    @property
    def best_pace(self) -> PaceFacts: ...
    @property
    def units_done(self) -> int: ...
    def rate(self, per_day: Fraction) -> str: ...


def _due_of(change: Change) -> dt.date:
    assert change.due is not None
    return change.due


# --- reasons ------------------------------------------------------------------------------------


def _done_reason(s: StatusFacts) -> Reason:
    if s.finished_on is None:
        return ("Everything it covers is counted as finished by hand (done:), so the day it was finished "
                "is not recorded.",)
    early = (s.commitment.due - s.finished_on).days
    when = "the day it was due" if early == 0 else f"{days(early)} before it was due"
    return ("Everything it covers was finished on ", s.finished_on, f", {when}.")


def _missed_reason(s: StatusFacts) -> Reason:
    due = s.judged_by
    if s.finished_on is not None:
        return ("Due ", due, "; everything was finished on ", s.finished_on,
                f", {days((s.finished_on - due).days)} late.")
    return ("Due ", due, f"; not finished: {s.percent}% done, {days((s.as_of - due).days)} after the due date.")


def _sticky_reason(s: StatusFacts, change: Change) -> Reason:
    due = _due_of(change)
    if change.kind == DUE:
        assert isinstance(change.after, dt.date)
        head: Reason = ("Due ", due, ", and not finished by then. On ", change.on, " the due date was moved to ",
                        change.after, ", after the old one had passed, so it stays missed. ")
    else:
        head = ("Due ", due, ". On ", change.on, " it was made smaller, after that due date had passed, "
                "so it stays missed. ")
    if s.finished_on is not None:
        late = (s.finished_on - due).days
        what = "Everything" if change.kind == DUE else "What it covers now"
        tail: Reason = (f"{what} was finished on ", s.finished_on, f", {days(late)} late." if late > 0 else ".")
    else:
        tail = (f"It is {s.percent}% done.",)
    return head + tail


def _withdrawn_reason(s: StatusFacts, change: Change) -> Reason:
    due = s.commitment.due
    before = (due - change.on).days
    if before > 0:
        when: Reason = (f", {days(before)} before it was due",)
    elif before == 0:
        when = (", the day it was due",)
    else:
        when = (f", {days(-before)} after its due date of ", due, " had passed")
    return ("Withdrawn on ", change.on, *when, f", at {s.percent}% done.")


def _pace_reason(s: StatusFacts) -> Reason:
    due, best = s.commitment.due, s.best_pace
    if s.needed is None:
        return ("Due today, with ", _left_text(s), " left.")
    made = s.commitment.made
    if s.idle_since_made:  # nothing since it was made: no pace to forecast from
        needs: Reason = (f"; it needs {s.rate(s.needed)} from now on to finish by ", due, ".")
        if s.fraction == 0:
            return ("Not started yet", *needs)
        return ("No progress yet since ", made, f", when {_done_text(s)} done", *needs)
    if best.per_day == 0:
        return (f"No progress in the last {max(WINDOWS)} days; it needs {s.rate(s.needed)} from now on to "
                "finish by ", due, ".")
    if s.status == ON_TRACK:
        return (f"Needs {s.rate(s.needed)} to finish by ", due, f"; the recent pace is {s.rate(best.per_day)} "
                f"(last {best.days} days), so it should be finished around ", s.forecast or due, ".")
    if s.forecast is None:  # a pace so slow that it would take more than a century
        return (f"Needs {s.rate(s.needed)} from now on to finish by ", due, "; the best recent pace is "
                f"{s.rate(best.per_day)} (last {best.days} days), which would take more than a hundred years.")
    late = (s.forecast - due).days
    return (f"Needs {s.rate(s.needed)} from now on to finish by ", due, "; the best recent pace is "
            f"{s.rate(best.per_day)} (last {best.days} days), which would finish around ", s.forecast,
            f", {days(late)} late.")


def _done_text(s: StatusFacts) -> str:
    """'2 of 7 chapters were' for one resource, else '29% of the work was'."""
    if s.scale is not None:
        unit, total = s.scale
        done = s.units_done  # of its one resource
        return f"{done} of {total} {unit} {'was' if done == 1 else 'were'}"
    return f"{s.percent}% of the work was"


def _left_text(s: StatusFacts) -> str:
    if s.scale is not None:
        unit, total = s.scale
        return f"{total - s.units_done} of {total} {unit}"
    return f"{100 - s.percent}% of the work"


def rate_text(per_day: Fraction, scale: tuple[str, int] | None) -> str:
    """'8.4 lectures a week' for one resource, else '2.9% of the work a week'."""
    week = per_day * 7
    if scale is not None:
        unit, total = scale
        count = number(week * total)
        return f"{count} {singular(unit) if count == '1' else unit} a week"
    return f"{number(week * 100)}% of the work a week"

