"""Weekly reports from the public plan and the git history (pure: no I/O, no clock, no git).

Weeks are ISO weeks, Monday to Sunday, in the learner's time zone (``learner.timezone``). There
is one report per week from the week of the first activity through the week containing today,
weeks without activity included; the week containing today is marked incomplete.

- A commit counts for a week when it is not a merge, its AUTHOR date, in the learner's time zone,
  falls in that week, its message (subject or body) does not carry the privacy marker, and it
  changes the plan file or a public note: a ``.md`` file under the docs folder whose docs-relative
  path is not private, followed across renames (a rename with edits is a change of the note; a
  move, which leaves it as it was, is not: see below). Commits that
  touch only other files (mkdocs.yml, workflows, README, private notes) do not count.
- Commits dated after today (author or committer date, in the learner's time zone) are left out
  of every week, date and feed until then (``history.limits.history_as_of``), with a warning.
- Privacy is judged by where a note is now: a note that is private at HEAD (or was private when
  it was deleted) never appears, not even in the weeks before it moved. Changes made while a
  note's path was private, or in commits marked private, are not shown either.
- A note is *created* in the week of the first counted commit that touched it (for most notes
  the commit that added it; for a draft published out of a private folder, its publication). It
  is *updated* in every other week in which a counted commit added, edited, or renamed and edited it; a note
  created and changed in the same week is only listed as created. A deletion counts the commit
  but lists no note. Links point at the note's path at HEAD; a deleted note has no link.
- A *move* (a rename that leaves the note's content as it was, see ``activity``) is not an update:
  the notes moved in a week are counted as *reorganised*, and a commit made only of moves counts
  for nothing else (no commit, no active day, no streak). A rename with edits is an update.
- Time, units and sessions come from the log entries dated in the week. A resource is finished
  in the week its logged units first reach its total. A commitment's progress is that of its
  resources at the end of the week (log entries up to then, or ``done:`` when written), each
  resource counting at most its total units.
- A day is active when it has a counted commit or a log entry. The streak of a week is the number
  of consecutive active days ending on its Sunday (on today, for the week in progress), across
  week boundaries, and 0 when that day was not active. Resting days (rest weekdays and breaks, ``Plan.rest``)
  without activity are skipped: they neither break the streak nor add to it.
- The days that *could have been active* are the week's seven days but its resting days without activity: a
  week of a learner resting at weekends has 5, or 6 when a Saturday was studied on anyway.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar
from zoneinfo import ZoneInfo

from inpublic.activity.notes import NoteLife, note_lives
from inpublic.activity.progress import CommitmentProgress, commitment_progress, resource_progress
from inpublic.activity.public import counted_commits, docs_relative, public_lives, streak
from inpublic.model import Commit, History, LogEntry, Plan, Resource, Rest, Subject
from inpublic.notelinks.scan import FoundLink
from inpublic.privacy import Privacy
from inpublic.wording import commit_url

WEEK = dt.timedelta(days=7)
T = TypeVar("T")


@dataclass(frozen=True)
class NoteRef:
    src_uri: str | None  # docs-relative path of the note at HEAD (for links); None if deleted since
    path: str  # repo-relative path (at HEAD, or last known if deleted)
    title: str


@dataclass(frozen=True)
class CommitRef:
    sha: str
    message: str
    authored: dt.datetime  # in the learner's time zone
    url: str | None  # its page in learner.repo when that is set (wording.commit_url)


@dataclass(frozen=True)
class ResourceWeek:
    resource: Resource
    minutes: int
    units: int
    sessions: int


@dataclass(frozen=True)
class SubjectWeek:
    subject: Subject
    minutes: int
    units: int
    resources: tuple[ResourceWeek, ...]  # only resources with a session that week, plan order


@dataclass(frozen=True)
class WeekReport:
    year: int  # ISO year
    week: int  # ISO week
    start: dt.date  # Monday
    end: dt.date  # Sunday
    complete: bool  # False for the week in progress
    commits: tuple[CommitRef, ...]  # oldest first
    notes_created: tuple[NoteRef, ...]  # sorted by title
    notes_updated: tuple[NoteRef, ...]  # sorted by title
    active_days: tuple[dt.date, ...]
    minutes: int
    units: int
    sessions: int
    subjects: tuple[SubjectWeek, ...]  # only subjects with a session that week, plan order
    finished: tuple[Resource, ...]
    commitments: tuple[CommitmentProgress, ...]  # every commitment made on or before the week's end, as it stood then
    streak: int
    reorganised: int = 0  # public notes moved that week (renamed or moved, their content as it was)
    resting: tuple[dt.date, ...] = ()  # its resting days without activity (a rest day studied on is an active day)

    @property
    def possible_days(self) -> int:
        """The days that could have been active: the week's days but its resting days without activity."""
        return 7 - len(self.resting)

    @property
    def slug(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def title(self) -> str:
        return f"Week {self.week}, {self.year}"


@dataclass(frozen=True)
class Sources:
    """Where the notes and the plan are in the repository, their titles, and what is private."""

    notes_dir: str  # repo-relative POSIX path of the docs folder, "" for the repository root
    plan_path: str  # repo-relative path of progress.yaml
    titles: Mapping[str, str]  # docs-relative src_uri -> title, for every note that exists now
    privacy: Privacy = field(default_factory=Privacy)
    # docs-relative src_uri -> the links in it, for every public page of the learner's but the reflections
    links: Mapping[str, tuple[FoundLink, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Activity:
    """Everything dated, grouped by the first day of its period (the Monday of its week, the 1st of its month)."""

    commits: dict[dt.date, list[CommitRef]]
    created: dict[dt.date, list[NoteRef]]
    updated: dict[dt.date, list[NoteRef]]
    reorganised: dict[dt.date, int]  # how many notes were moved
    log: dict[dt.date, list[LogEntry]]
    finished: dict[dt.date, list[Resource]]
    active: set[dt.date]


def weekly_reports(
    plan: Plan, history: History, today: dt.date, sources: Sources, *, public: Sequence[NoteLife] | None = None,
    dated: DatedActivity | None = None,
) -> tuple[WeekReport, ...]:
    """One report per week, oldest first, from the first activity's week through today's (see above).

    ``plan`` is the public plan; ``today`` is the date in the learner's time zone; ``public`` are the public
    notes (``activity.public.public_lives``) and ``dated`` their activity (``dated_activity``) when the caller has
    them already.
    """
    if dated is None:
        if public is None:
            public = public_lives(history, note_lives(history), sources.notes_dir, sources.privacy)
        dated = dated_activity(plan, history, sources, public)
    activity = by_period(dated, monday)
    if not activity.active:
        return ()
    first, last = monday(min(activity.active)), monday(today)
    weeks = range((last - first).days // 7 + 1)
    return tuple(_report(plan, activity, first + n * WEEK, today) for n in weeks)


def monday(day: dt.date) -> dt.date:
    """The Monday starting the ISO week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


Period = Callable[[dt.date], dt.date]  # the first day of the period a day is in


@dataclass(frozen=True)
class DatedActivity:
    """Everything counted, each with its day in the learner's time zone: read from the history once, then grouped
    by week and by month (`by_period`)."""

    commits: tuple[CommitRef, ...]  # oldest first
    notes: tuple[tuple[NoteRef, tuple[dt.date, ...]], ...]  # each public note, the days it was written or changed
    moves: tuple[tuple[dt.date, ...], ...]  # each public note's days of pure moves
    log: tuple[LogEntry, ...]
    finished: tuple[tuple[dt.date, Resource], ...]


def dated_activity(plan: Plan, history: History, sources: Sources, lives: Sequence[NoteLife]) -> DatedActivity:
    """The counted commits, the notes written, changed and moved, the log entries and the finished resources, each
    with its day; `lives` are the public notes (``activity.public.public_lives``)."""
    zone = ZoneInfo(plan.learner.timezone)
    counted = counted_commits(history, lives, sources.plan_path, sources.privacy)
    refs = sorted((_commit_ref(c, zone, plan.learner.repo) for c in counted), key=lambda r: r.authored)
    notes = []
    for life in lives:
        days = tuple(t.date.astimezone(zone).date() for t in life.touches if t.status != "D" and not t.moved)
        if days:
            notes.append((_note_ref(life, sources), days))
    moves = tuple(days for life in lives if (days := tuple(t.date.astimezone(zone).date()
                                                            for t in life.touches if t.moved)))
    progress = resource_progress(plan)
    finished = tuple((p.finished_on, p.resource) for p in progress.values() if p.finished_on is not None)
    return DatedActivity(tuple(refs), tuple(notes), moves, plan.log, finished)


def by_period(dated: DatedActivity, period: Period) -> Activity:
    """The activity grouped by `period` (the first day of the period a day is in: `monday`, or `first_of_month`).
    A note is created in the period of its first counted change and updated in each other one; a note moved twice
    in a period counts once."""
    created: dict[dt.date, list[NoteRef]] = defaultdict(list)
    updated: dict[dt.date, list[NoteRef]] = defaultdict(list)
    for ref, days in dated.notes:
        periods = {period(day) for day in days}
        first = min(periods)
        created[first].append(ref)
        for later in sorted(periods - {first}):
            updated[later].append(ref)
    reorganised: dict[dt.date, int] = defaultdict(int)
    for days in dated.moves:
        for moved in {period(day) for day in days}:
            reorganised[moved] += 1
    return Activity(
        commits=_by_period(period, ((r.authored.date(), r) for r in dated.commits)),
        created=created,
        updated=updated,
        reorganised=reorganised,
        log=_by_period(period, ((e.date, e) for e in dated.log)),
        finished=_by_period(period, dated.finished),
        active={r.authored.date() for r in dated.commits} | {e.date for e in dated.log},
    )


def _by_period(period: Period, dated: Iterable[tuple[dt.date, T]]) -> dict[dt.date, list[T]]:
    out: dict[dt.date, list[T]] = defaultdict(list)
    for day, item in dated:
        out[period(day)].append(item)
    return out


def _commit_ref(commit: Commit, zone: ZoneInfo, repo: str | None) -> CommitRef:
    return CommitRef(commit.sha, commit.message, commit.authored.astimezone(zone), commit_url(repo, commit.sha))


def _note_ref(life: NoteLife, sources: Sources) -> NoteRef:
    src_uri = docs_relative(life.path, sources.notes_dir) if life.alive else None
    if src_uri is not None and src_uri in sources.titles:
        return NoteRef(src_uri, life.path, sources.titles[src_uri])
    name = life.path.rsplit("/", 1)[-1].removesuffix(".md")
    return NoteRef(src_uri, life.path, name.replace("-", " ").replace("_", " "))


def _report(plan: Plan, activity: Activity, start: dt.date, today: dt.date) -> WeekReport:
    end = start + dt.timedelta(days=6)
    year, week, _ = start.isocalendar()
    log = activity.log.get(start, [])
    complete = today > end
    finished = activity.finished.get(start, [])
    return WeekReport(
        year=year,
        week=week,
        start=start,
        end=end,
        complete=complete,
        commits=tuple(activity.commits.get(start, [])),
        notes_created=by_title(activity.created.get(start, [])),
        notes_updated=by_title(activity.updated.get(start, [])),
        active_days=tuple(sorted(d for d in activity.active if start <= d <= end)),
        minutes=sum(e.minutes for e in log),
        units=sum(e.units for e in log),
        sessions=len(log),
        subjects=subject_weeks(plan, log),
        finished=tuple(r for r in plan.resources if r in finished),
        commitments=commitments_at(plan, end),
        streak=streak(activity.active, end if complete else today, plan.rest),
        reorganised=activity.reorganised.get(start, 0),
        resting=resting_days(plan.rest, start, end, activity.active),
    )


def resting_days(rest: Rest, start: dt.date, end: dt.date, active: Container[dt.date]) -> tuple[dt.date, ...]:
    """The resting days from ``start`` to ``end`` without activity: the days that could not have been active."""
    days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return tuple(d for d in days if rest.resting(d) and d not in active)


def by_title(notes: Iterable[NoteRef]) -> tuple[NoteRef, ...]:
    return tuple(sorted(notes, key=lambda n: (n.title.casefold(), n.path)))


def subject_weeks(plan: Plan, log: list[LogEntry]) -> tuple[SubjectWeek, ...]:
    out: list[SubjectWeek] = []
    for subject in plan.subjects:
        rows = tuple(_resource_week(r, [e for e in log if e.resource == r.id]) for r in subject.resources)
        rows = tuple(r for r in rows if r.sessions)
        if rows:
            out.append(SubjectWeek(subject, sum(r.minutes for r in rows), sum(r.units for r in rows), rows))
    return tuple(out)


def _resource_week(resource: Resource, entries: list[LogEntry]) -> ResourceWeek:
    return ResourceWeek(resource, sum(e.minutes for e in entries), sum(e.units for e in entries), len(entries))


def commitments_at(plan: Plan, end: dt.date) -> tuple[CommitmentProgress, ...]:
    """Each commitment made by ``end``, with its resources' progress as it stood at ``end``."""
    so_far = replace(plan, log=tuple(e for e in plan.log if e.date <= end))
    rows = commitment_progress(so_far, resource_progress(so_far))
    return tuple(p for p in rows if p.commitment.made <= end)
