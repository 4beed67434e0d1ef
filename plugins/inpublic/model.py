"""The typed model of a learner's plan and history: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RESOURCE_KINDS = ("course", "book", "lectures", "practice", "paper", "other")
LOG_KINDS = ("study", "review", "practice")


@dataclass(frozen=True)
class Learner:
    name: str
    bio: str
    timezone: str
    started: dt.date
    repo: str | None = None


@dataclass(frozen=True)
class Resource:
    id: str
    subject: str
    title: str
    kind: str
    units: int
    unit: str
    url: str | None = None
    done: int | None = None


@dataclass(frozen=True)
class Subject:
    id: str
    title: str
    resources: tuple[Resource, ...]


@dataclass(frozen=True)
class Commitment:
    id: str
    title: str
    made: dt.date
    due: dt.date
    covers: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class LogEntry:
    date: dt.date
    minutes: int
    resource: str
    units: int = 0
    note: str | None = None
    kind: str = "study"
    private: bool = False


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    title: str
    note: str | None = None
    private: bool = False


@dataclass(frozen=True)
class Break:
    """Dated days off: from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date  # inclusive
    note: str | None = None
    private: bool = False  # the note stays off the site, the feeds and mail; the days still rest


@dataclass(frozen=True)
class Rest:
    """The days the learner does not plan to study: weekdays every week, and dated breaks."""

    weekdays: frozenset[int] = frozenset()  # 0 = Monday ... 6 = Sunday
    breaks: tuple[Break, ...] = ()

    def resting(self, day: dt.date) -> bool:
        """Whether ``day`` is a rest weekday or inside a break."""
        return day.weekday() in self.weekdays or self.on_break(day) is not None

    def on_break(self, day: dt.date) -> Break | None:
        """The first break ``day`` falls in, or None."""
        return next((b for b in self.breaks if b.start <= day <= b.end), None)

    def study_days(self, start: dt.date, end: dt.date) -> int:
        """The days from ``start`` to ``end``, both included, that are not resting (0 when end < start)."""
        if end < start:
            return 0
        total = (end - start).days + 1
        weeks, extra = divmod(total, 7)
        resting = weeks * len(self.weekdays)
        resting += sum(1 for n in range(extra) if (start.weekday() + n) % 7 in self.weekdays)
        off: set[dt.date] = set()  # break days on study weekdays, counted once where breaks overlap
        for b in self.breaks:
            day, last = max(b.start, start), min(b.end, end)
            while day <= last:
                if day.weekday() not in self.weekdays:
                    off.add(day)
                day += dt.timedelta(days=1)
        return total - resting - len(off)

    def next_study_day(self, day: dt.date) -> dt.date:
        """``day``, or the first day after it that is not resting (``day`` itself when every weekday rests)."""
        if len(self.weekdays) >= 7:
            return day
        while self.resting(day):
            day += dt.timedelta(days=1)
        return day


NO_REST = Rest()  # frozen: a default to share


@dataclass(frozen=True)
class Peer:
    """Another learner's inpublic site, listed under `peers:` to follow on the cohort page."""

    url: str  # http or https, ending with "/"
    name: str | None = None  # what the learner calls them; else the name their site publishes
    line: int = field(default=0, compare=False)  # where it stands in progress.yaml, for a message about it
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Plan:
    learner: Learner
    subjects: tuple[Subject, ...]
    commitments: tuple[Commitment, ...] = ()
    log: tuple[LogEntry, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    rest: Rest = Rest()
    peers: tuple[Peer, ...] = ()

    @property
    def resources(self) -> tuple[Resource, ...]:
        return tuple(r for s in self.subjects for r in s.resources)

    def resource(self, resource_id: str) -> Resource:
        for r in self.resources:
            if r.id == resource_id:
                return r
        raise KeyError(resource_id)

    def subject(self, subject_id: str) -> Subject:
        for s in self.subjects:
            if s.id == subject_id:
                return s
        raise KeyError(subject_id)

    def covered_resources(self, commitment: Commitment) -> tuple[Resource, ...]:
        """The resources a commitment covers, a subject id standing for all its resources."""
        subjects = {s.id: s for s in self.subjects}
        out: list[Resource] = []
        for ref in commitment.covers:
            found = subjects[ref].resources if ref in subjects else (self.resource(ref),)
            out.extend(r for r in found if r not in out)
        return tuple(out)


# --- history (read from git) -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)  # slots: a long history holds one of these per path a commit changed
class FileChange:
    """One path a commit changed: status A (added), M, D (deleted) or R (renamed from old_path).

    ``pure_rename``: a rename whose file is the very same blob before and after (the content unchanged, byte for
    byte; a change of mode alone keeps it pure). git's similarity score cannot say so: ``R100`` is also given to
    a file whose lines were reordered, so the reader compares the blobs.
    """

    status: str
    path: str
    old_path: str | None = None
    pure_rename: bool = False


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit. The reader shares equal strings and dates between commits (a path, the author, a parent's sha,
    a timezone), so a history of 10,000 commits holds each once."""

    sha: str
    author: str
    authored: dt.datetime  # timezone-aware, as recorded by git
    committed: dt.datetime
    message: str  # the subject line
    parents: tuple[str, ...]
    changes: tuple[FileChange, ...] = field(default=())
    private: bool = False  # the private marker is somewhere in its message (subject or body), as it was read

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class History:
    """Every commit reachable from HEAD, oldest first."""

    commits: tuple[Commit, ...]
    head: str | None
    shallow: bool = False


# --- plan history (every committed version of progress.yaml) -----------------------------------


@dataclass(frozen=True)
class PlanVersion:
    """progress.yaml as one commit left it, read for its learner, subjects and commitments (not its log)."""

    sha: str | None  # None: the working copy, not committed yet
    authored: dt.datetime  # timezone-aware
    committed: dt.datetime
    plan: Plan


@dataclass(frozen=True)
class PlanHistory:
    """The versions of progress.yaml on the first-parent line to HEAD, oldest first."""

    versions: tuple[PlanVersion, ...] = ()
    warnings: tuple[str, ...] = ()  # versions that were skipped, and why: for the adapter to log
    shallow: bool = False  # a shallow clone: older versions are missing
