"""The histories a build read from git, kept in `.cache/inpublic/histories.json` for the next build at the same
commit.

Reading them costs a `git log` of the whole history and another of the plan's versions. A build at the same commit
(a build after a note's edit, `mkdocs serve` or `inpublic build` started again) reads this file instead. It is known
by everything the histories depend on: HEAD, the edge of a shallow clone, the private marker, the plan's path, and
the code that reads them; any other file (damaged, foreign, of another commit) is ignored, and replaced once the
histories are read from git. A folder that cannot be written is skipped: the cache only ever saves time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from inpublic import model
from inpublic.history import plan_versions, read
from inpublic.history.plan_versions import PlanText, Unread
from inpublic.history.read import FileHistory, FileVersion, Shared, head_sha, shallow_edge
from inpublic.kept_files import write_kept
from inpublic.model import Commit, FileChange, History

CACHE_FILE = "histories.json"
FORMAT = 2  # a first line with the key and the plan's versions, then a commit a line


def histories_key(root: Path, private_marker: str, plan_path: str) -> str | None:
    """What the histories of the repository at `root` depend on, as one hash; None when HEAD or the edge of a
    shallow clone cannot be read from .git's files (the histories are then read from git, and not kept)."""
    head, edge = head_sha(root), shallow_edge(root)
    if head is None or edge is None:
        return None
    try:
        code = b"".join(Path(module.__file__ or "").read_bytes() for module in (read, plan_versions, model))
    except OSError:
        return None
    parts = [str(FORMAT).encode(), head.encode(), edge, private_marker.encode(), plan_path.encode(), code]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def load_histories(folder: Path, key: str) -> tuple[History, FileHistory[PlanText]] | None:
    """The histories kept under `key`, or None when the file is missing, damaged or of another key."""
    try:
        with (folder / CACHE_FILE).open(encoding="utf-8") as lines:
            head = json.loads(next(lines))
            if not isinstance(head, dict) or head.get("key") != key:
                return None
            commits = _commits(json.loads(line) for line in lines)  # a line at a time: no second copy in memory
            if len(commits) != head["commits"]:  # cut short
                return None
            return History(commits, head["head"], bool(head["shallow"])), _plan_file(head["plan"])
    except (OSError, StopIteration, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None


def keep_histories(folder: Path, key: str, history: History, plan_file: FileHistory[PlanText]) -> None:
    """Write the histories under `key`, atomically, a commit a line; a folder that cannot be written is skipped."""
    head = {"key": key, "head": history.head, "shallow": history.shallow, "commits": len(history.commits),
            "plan": _plan_file_data(plan_file)}
    write_kept(folder / CACHE_FILE, itertools.chain([_line(head)], (_line(_commit_data(c)) for c in history.commits)))


def _line(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # a newline in a path is escaped


def _commit_data(c: Commit) -> list[Any]:
    return [c.sha, c.author, c.authored.isoformat(), None if c.committed == c.authored else c.committed.isoformat(),
            c.message, list(c.parents), [[f.status, f.path, f.old_path, f.pure_rename] for f in c.changes], c.private]


def _commits(rows: Iterable[list[Any]]) -> tuple[Commit, ...]:
    shared = Shared()
    commits = []
    for sha, author, authored, committed, message, parents, changes, private in rows:
        authored_at = shared.date(authored)
        commits.append(Commit(
            sha=shared.text(sha),
            author=shared.text(author),
            authored=authored_at,
            committed=authored_at if committed is None else shared.date(committed),
            message=message,
            parents=tuple(shared.text(parent) for parent in parents),
            changes=tuple(FileChange(status, shared.text(path), old and shared.text(old), bool(pure))
                          for status, path, old, pure in changes),
            private=bool(private),
        ))
    return tuple(commits)


def _plan_file_data(file: FileHistory[PlanText]) -> dict[str, Any]:
    versions = [[v.sha, v.authored.isoformat(), v.committed.isoformat(), v.blob] for v in file.versions]
    texts: dict[str, int] = {}  # each distinct text once: most versions differ only in their log
    blobs: dict[str, Any] = {}
    for blob, value in file.blobs.items():
        if isinstance(value, str):
            blobs[blob] = texts.setdefault(value, len(texts))
        else:
            blobs[blob] = {"reason": value.reason, "text": value.text}
    return {"versions": versions, "texts": list(texts), "blobs": blobs, "shallow": file.shallow}


def _plan_file(data: dict[str, Any]) -> FileHistory[PlanText]:
    texts: list[str] = data["texts"]
    versions = tuple(FileVersion(sha, dt.datetime.fromisoformat(authored), dt.datetime.fromisoformat(committed), blob)
                     for sha, authored, committed, blob in data["versions"])
    blobs: dict[str, PlanText] = {
        blob: texts[value] if isinstance(value, int) else Unread(str(value["reason"]), str(value["text"]))
        for blob, value in data["blobs"].items()
    }
    return FileHistory(versions, blobs, bool(data["shallow"]))
