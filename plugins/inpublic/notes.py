"""When each note was created and last updated, from a ``History``: pure, no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from inpublic.model import Commit, FileChange, History


@dataclass(frozen=True)
class NoteDates:
    """A note's life in git: author dates of the first and last commits that touched it."""

    path: str
    created: dt.datetime
    updated: dt.datetime
    commits: tuple[str, ...]  # shas that touched it, oldest first, following renames


@dataclass(frozen=True)
class _Touch:
    sha: str
    date: dt.datetime


def note_dates(history: History, paths: Iterable[str]) -> dict[str, NoteDates]:
    """Creation and update dates of the notes at ``paths`` (repository-relative POSIX paths).

    Walks the commits oldest to newest, following each file's identity across renames
    (a rename carries its history to the new path, a delete ends it, a file re-added
    after a delete starts afresh). Dates are AUTHOR dates: ``created`` is the earliest
    and ``updated`` the latest among the commits that touched the note, renames
    included. Merge commits carry no changes. Paths git never saw, or whose file is
    deleted at HEAD, are absent from the result.
    """
    lives = _lives(history.commits)
    out: dict[str, NoteDates] = {}
    for path in paths:
        touches = lives.get(path)
        if touches:
            out[path] = _dates(path, touches)
    return out


def _lives(commits: Iterable[Commit]) -> dict[str, list[_Touch]]:
    """Map each path alive after the last commit to the touches of its identity."""
    alive: dict[str, list[_Touch]] = {}
    for commit in commits:
        if commit.is_merge:
            continue
        touch = _Touch(commit.sha, commit.authored)
        for change in commit.changes:
            _apply(alive, change, touch)
    return alive


def _apply(alive: dict[str, list[_Touch]], change: FileChange, touch: _Touch) -> None:
    if change.status == "D":
        alive.pop(change.path, None)
        return
    if change.status == "R" and change.old_path is not None:
        touches = alive.pop(change.old_path, [])
    else:  # A, M, T and copies: an unknown path starts a new identity
        touches = alive.get(change.path, [])
    if not touches or touches[-1].sha != touch.sha:
        touches = [*touches, touch]
    alive[change.path] = touches


def _dates(path: str, touches: list[_Touch]) -> NoteDates:
    return NoteDates(
        path=path,
        created=min(touches, key=lambda t: t.date).date,
        updated=max(touches, key=lambda t: t.date).date,
        commits=tuple(t.sha for t in touches),
    )
