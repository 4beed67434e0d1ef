"""What counts as public activity in a notes repository's history (pure: no I/O, no clock, no git).

- A *public note* is a file identity (followed across renames, see ``inpublic.activity.notes``) whose path
  at HEAD, or its last path when it has been deleted, is a ``.md`` file under the docs folder that
  the privacy patterns do not match. Privacy is judged by where a note is NOW: a note moved into a
  private folder disappears from every week, even those before the move.
- A *visible touch* of a public note is a commit's change to it made by a commit that is not
  marked private, while the note's path was not private (edits of a draft kept under ``private/``
  stay hidden after it is published; its publication counts as a change).
- A *move* is a visible touch that renames a note and leaves its content as it was (a pure rename: the
  same blob, see ``FileChange.pure_rename``), unless it is the note's first visible touch (a draft
  published by moving it out of a private folder is published by the move). A move is a
  reorganisation, not study: it counts no commit, and dates nothing. A rename with edits is a change.
- A *counted commit* is a commit that is not a merge, whose message (subject or body) does not
  carry the privacy marker, and that changes the plan file or makes a visible touch of a public
  note other than a move (adding, editing, renaming with edits, or deleting it). A commit made only
  of moves (and of changes to files that are neither notes nor the plan) does not count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from inpublic.activity.notes import NoteLife, Touch
from inpublic.model import NO_REST, Commit, FileChange, History, Rest
from inpublic.privacy import Privacy


def docs_relative(path: str, notes_dir: str) -> str | None:
    """``path`` relative to the docs folder, or None when it lies outside it."""
    if not notes_dir:
        return path
    prefix = notes_dir.rstrip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else None


def is_public_note(path: str, notes_dir: str, privacy: Privacy) -> bool:
    """Whether the repository path ``path`` is a Markdown note of the site that is not private."""
    src_uri = docs_relative(path, notes_dir)
    return src_uri is not None and privacy.is_note(src_uri) and not privacy.is_private_path(src_uri)


def public_lives(
    history: History, lives: Sequence[NoteLife], notes_dir: str, privacy: Privacy
) -> tuple[NoteLife, ...]:
    """The public notes, each with its visible touches only; notes left without any are dropped.

    ``lives`` are every file identity of ``history`` (``note_lives``). A touch keeps ``moved`` when it is a move
    (see the module docstring): never the first visible one."""
    hidden = privacy.hidden_commits(history)
    out: list[NoteLife] = []
    for life in lives:
        if not is_public_note(life.path, notes_dir, privacy):
            continue
        touches = tuple(t for t in life.touches if t.sha not in hidden and _visible(t, notes_dir, privacy))
        if touches:
            if touches[0].moved:  # its publication
                touches = (replace(touches[0], moved=False), *touches[1:])
            out.append(NoteLife(life.path, life.alive, touches))
    return tuple(out)


def _visible(touch: Touch, notes_dir: str, privacy: Privacy) -> bool:
    src_uri = docs_relative(touch.path, notes_dir)
    return src_uri is None or not privacy.is_private_path(src_uri)


def counted_commits(
    history: History, lives: Iterable[NoteLife], plan_path: str, privacy: Privacy
) -> tuple[Commit, ...]:
    """The commits that count as activity (see the module docstring), in history order.

    ``lives`` are the public notes with their visible touches, as ``public_lives`` gives them.
    """
    touching_notes = {t.sha for life in lives for t in life.touches if not t.moved}
    return tuple(
        c
        for c in history.commits
        if not c.is_merge
        and not privacy.hides(c)
        and (c.sha in touching_notes or any(_touches_file(ch, plan_path) for ch in c.changes))
    )


def may_count(commit: Commit, notes_dir: str, plan_path: str, privacy: Privacy) -> bool:
    """Whether a commit would count, judged by itself: not a merge, not private, and changing the plan file or
    a path that is a public note other than by a pure rename (renames are not followed, and a draft published by
    a pure move out of a private folder is missed: for naming commits in a warning, not for counting)."""
    paths = [p for ch in commit.changes if not ch.pure_rename for p in (ch.path, ch.old_path) if p is not None]
    return not commit.is_merge and not privacy.hides(commit) and any(
        p == plan_path or is_public_note(p, notes_dir, privacy) for p in paths)


def _touches_file(change: FileChange, path: str) -> bool:
    return path in (change.path, change.old_path)


def streak(active: set[dt.date], day: dt.date, rest: Rest = NO_REST) -> int:
    """How many consecutive active days end on ``day`` (0 when ``day`` itself was not active and not resting).

    A resting day (``rest``) without activity neither breaks the run nor adds to it; with activity, it counts as
    an active day."""
    count = 0
    earliest = min(active, default=day)
    while day >= earliest:
        if day in active:
            count += 1
        elif not rest.resting(day):
            break
        day -= dt.timedelta(days=1)
    return count
