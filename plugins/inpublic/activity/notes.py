"""When each note was created and last updated, from a ``History``: pure, no I/O, no clock.

One walk, ``note_lives``, follows every file's identity across renames; a build makes it once (site.build_site)
and hands its result to ``note_dates``, the weekly reports and the feeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from inpublic.history.limits import clone_edge
from inpublic.model import Commit, FileChange, History


@dataclass(frozen=True)
class NoteDates:
    """A note's life in git: author dates of the first and last commits that touched it."""

    path: str
    created: dt.datetime | None  # None: written before the edge of a shallow clone, so git cannot say when
    updated: dt.datetime
    commits: tuple[str, ...]  # shas that touched it, oldest first, following renames


@dataclass(frozen=True)
class Touch:
    """One commit's change to a file identity."""

    sha: str
    date: dt.datetime  # the commit's author date, as recorded by git
    path: str  # the file's path after the change (for a delete, the path deleted)
    status: str  # A, M, R, D, ... as in FileChange
    moved: bool = False  # a pure rename: the note moved, its content as it was (FileChange.pure_rename)


@dataclass(frozen=True)
class NoteLife:
    """One file identity, followed across renames from its first commit to HEAD or its deletion."""

    path: str  # the path at HEAD, or the last path before the deletion
    alive: bool  # whether the file exists at HEAD
    touches: tuple[Touch, ...]  # in history order; one per commit


def note_dates(
    history: History,
    paths: Iterable[str],
    hidden: Set[str] = frozenset(),
    *,
    lives: Sequence[NoteLife] | None = None,
) -> dict[str, NoteDates]:
    """Creation and update dates of the notes at ``paths`` (repository-relative POSIX paths).

    Walks the commits oldest to newest, following each file's identity across renames
    (a rename carries its history to the new path, a delete ends it, a file re-added
    after a delete starts afresh). Dates are AUTHOR dates: ``created`` is the earliest
    and ``updated`` the latest among the commits that touched the note. A rename that
    leaves the content as it was (a pure rename, ``FileChange.pure_rename``) moves the
    note without updating it: it dates ``updated`` only when nothing else that is shown
    touched the note. A rename with edits is an update. Merge commits carry no changes.
    Paths git never saw, or whose file is deleted at HEAD, are absent from the result.

    The commits in ``hidden`` (marked private) date nothing. Nor does the edge of a shallow
    clone, which shows every file as added (``history.limits.clone_edge``): a note it touched
    has no ``created`` date, and a note only it touched has no dates at all.

    ``lives`` are ``note_lives(history)`` when the caller has them already.
    """
    edge = clone_edge(history)
    alive = {life.path: life for life in (note_lives(history) if lives is None else lives) if life.alive}
    found = {path: _dates(alive[path], set(hidden) | edge, edge) for path in paths if path in alive}
    return {path: dates for path, dates in found.items() if dates is not None}


def note_lives(history: History) -> tuple[NoteLife, ...]:
    """Every file identity the history knows, deleted ones included, sorted by path.

    A rename carries the identity to its new path, a delete ends it, and a path added again
    after a delete (or copied) starts a new identity. Merge commits carry no changes.
    """
    alive: dict[str, list[Touch]] = {}
    ended: list[NoteLife] = []
    for commit in history.commits:
        if not commit.is_merge:
            for change in commit.changes:
                _apply(alive, ended, change, commit)
    lives = ended + [NoteLife(path, True, tuple(touches)) for path, touches in alive.items()]
    return tuple(sorted(lives, key=lambda life: (life.path, life.touches[0].date)))


def _apply(alive: dict[str, list[Touch]], ended: list[NoteLife], change: FileChange, commit: Commit) -> None:
    touch = Touch(commit.sha, commit.authored, change.path, change.status, change.pure_rename)
    if change.status == "D":
        touches = _add(alive.pop(change.path, []), touch)
        ended.append(NoteLife(change.path, False, tuple(touches)))
        return
    if change.status == "R" and change.old_path is not None:
        touches = alive.pop(change.old_path, [])
    else:  # A, M, T and copies: an unknown path starts a new identity
        touches = alive.get(change.path, [])
    alive[change.path] = _add(touches, touch)


def _add(touches: list[Touch], touch: Touch) -> list[Touch]:
    return touches if touches and touches[-1].sha == touch.sha else [*touches, touch]


def _dates(life: NoteLife, skipped: Set[str], edge: Set[str]) -> NoteDates | None:
    touches = [t for t in life.touches if t.sha not in skipped]
    if not touches:
        return None
    return NoteDates(
        path=life.path,
        created=None if life.touches[0].sha in edge else min(t.date for t in touches),
        updated=max((t.date for t in touches if not t.moved), default=max(t.date for t in touches)),
        commits=tuple(t.sha for t in touches),
    )
