"""The commitments in the feeds, from the statuses and deadline records of commitments/status.py and
commitments/deadlines.py (pure).

- **Events**: a commitment made, its due date moved, withdrawn (each dated by the author date of the commit that
  recorded it; changes not committed yet are left out), kept (done on or before its due date) and missed. "Kept"
  and "missed" are known by a day only: they are dated at the end of that day and appear once it is over, like
  the weeks. Their texts do not depend on the build date, so an item does not change from one build to the next.
- **The next deadline of a week**, for the week's title ("June deadline on track"): the commitments as the plan
  stood when the week closed (its last committed version by then, or its first one for weeks logged before the
  plan was committed), made by the week's end, judged as of the week's Sunday by the same rules as the
  commitment pages. Later changes to the plan do not rewrite old weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from zoneinfo import ZoneInfo

from inpublic.commitments.at_close import changed_versions, close_of, statuses_at_close
from inpublic.commitments.deadlines import ADDED, DUE, WITHDRAWN, Change
from inpublic.commitments.reasons import AT_RISK, DONE, LABELS, MISSED, ON_TRACK
from inpublic.commitments.status import CommitmentStatus
from inpublic.feeds.events import CommitmentEvent, WeekDeadline
from inpublic.feeds.items import plan_subjects
from inpublic.model import History, Plan, PlanHistory
from inpublic.privacy import Privacy
from inpublic.reports.weeks import WeekReport
from inpublic.wording import days, format_date


def commitment_events(
    statuses: Iterable[CommitmentStatus],
    history: History,
    today: dt.date,
    zone: ZoneInfo,
    url_of: Callable[[str], str],
    privacy: Privacy | None = None,
) -> tuple[CommitmentEvent, ...]:
    """Every event of every commitment, as far as it is known on `today` (the learner's date).

    A change recorded by a commit marked private keeps its event (the commitment is public) without the commit.
    """
    authored = {c.sha: c.authored for c in history.commits}
    hidden = privacy.hidden_commits(history) if privacy is not None else frozenset()
    out: list[CommitmentEvent] = []
    for s in statuses:
        url = url_of(s.id)
        for change in s.record.changes:
            if change.sha is None or change.kind not in (ADDED, DUE, WITHDRAWN):
                continue
            when = authored.get(change.sha) or dt.datetime.combine(change.on, dt.time(12), zone)
            commit = None if change.sha in hidden else change.sha
            if change.kind == ADDED:
                out.append(_event(s, url, "made", when, _made_text(s, change), commit))
            elif change.kind == DUE:
                ref = f"{_iso(change.before)}/{_iso(change.after)}"
                out.append(_event(s, url, "moved", when, _moved_text(s, change), commit, ref))
            else:
                ref = change.on.isoformat()
                out.append(_event(s, url, "withdrawn", when, _withdrawn_text(s, change), commit, ref))
        if s.status == DONE and s.finished_on is not None and s.finished_on < today:
            out.append(_event(s, url, "done", close_of(s.finished_on, zone), _done_text(s)))
        if s.status == MISSED and s.judged_by < today:
            out.append(_event(s, url, "missed", close_of(s.judged_by, zone), _missed_text(s)))
    return tuple(out)


def _event(
    s: CommitmentStatus, url: str, kind: str, when: dt.datetime, text: str, commit: str | None = None, ref: str = ""
) -> CommitmentEvent:
    subjects = plan_subjects(s.record.plan, s.commitment.covers)
    return CommitmentEvent(kind, s.id, s.commitment.title, when, text, commit, ref, url, subjects)


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _made_text(s: CommitmentStatus, change: Change) -> str:
    due = change.after if isinstance(change.after, dt.date) else s.record.original_due
    note = f" {s.commitment.note}" if s.commitment.note else ""
    return f"A new public commitment: {s.commitment.title}, due {format_date(due)}.{note}"


def _moved_text(s: CommitmentStatus, change: Change) -> str:
    assert isinstance(change.before, dt.date) and isinstance(change.after, dt.date)
    before, after = format_date(change.before), format_date(change.after)
    text = f"The due date of {s.commitment.title} moved from {before} to {after}"
    if change.after_due:
        return text + ", after the old due date had passed: it stays missed against that date."
    if change.last_minute:
        return text + f", {days(change.days_to_due or 0)} before it was due: a last-minute move, flagged."
    return text + "."


def _withdrawn_text(s: CommitmentStatus, change: Change) -> str:
    return f"{s.commitment.title} was withdrawn on {format_date(change.on)}, at {s.percent}% done."


def _done_text(s: CommitmentStatus) -> str:
    assert s.finished_on is not None
    early = (s.commitment.due - s.finished_on).days
    when = "the day it was due" if early == 0 else f"{days(early)} before it was due"
    return f"{s.commitment.title}: everything it covers was finished on {format_date(s.finished_on)}, {when}."


def _missed_text(s: CommitmentStatus) -> str:
    return f"{s.commitment.title} was due {format_date(s.judged_by)} and was not finished by then."


def week_deadlines(
    reports: Sequence[WeekReport], plan: Plan, history: PlanHistory, zone: ZoneInfo
) -> dict[str, tuple[WeekDeadline, ...]]:
    """Week slug -> each commitment as it stood when that week closed, by due date (completed weeks only)."""
    history = changed_versions(history)
    return {r.slug: _deadlines_then(r, plan, history, zone) for r in reports if r.complete}


def _deadlines_then(report: WeekReport, plan: Plan, history: PlanHistory, zone: ZoneInfo) -> tuple[WeekDeadline, ...]:
    return tuple(
        WeekDeadline(
            title=s.commitment.title,
            due=s.commitment.due,
            status=LABELS[s.status],
            label=f"{s.commitment.due:%B} deadline" if s.commitment.due.year == report.end.year
            else f"{s.commitment.due:%B %Y} deadline",
            percent=s.percent,
            open=s.status in (ON_TRACK, AT_RISK),
            commitment_id=s.id,
            covers=s.commitment.covers,
        )
        for s in statuses_at_close(report.end, plan, history, zone)
    )
