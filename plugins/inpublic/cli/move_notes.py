"""The git side of `inpublic init --move-notes` and of init's defaults: the repository's tracked files, the first
commit that touched a note, and the move itself (`git mv`, the rewritten links, one commit). What to move and
how links change is decided in moving_in/notes.py."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from inpublic.activity.notes import note_dates, note_lives
from inpublic.history.read import HistoryError, read_history
from inpublic.moving_in.notes import (
    COMMIT_MESSAGE,
    FileLinks,
    Survey,
    Tree,
    is_markdown,
    link_targets,
    mentions,
    relink,
    survey,
)

MAX_TEXT = 1_000_000  # larger files are not read for mentions of moved paths


@dataclass(frozen=True)
class Move:
    survey: Survey
    links: tuple[FileLinks, ...]  # every Markdown file whose links change, or that has links the move cannot fix
    mentions: dict[str, tuple[str, ...]]
    commit: str | None = None  # the move's commit, once made


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=folder, capture_output=True,
                          text=True, check=False)


def tracked_files(folder: Path) -> list[str] | None:
    """The repository's tracked files (paths from its top), or None when `folder` is not the top of a repository."""
    top = run(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0 or Path(top.stdout.strip()).resolve() != folder.resolve():
        return None
    return [path for path in run(folder, "ls-files", "-z").stdout.split("\0") if path]


def first_note_day(folder: Path, notes: list[str], zone: str) -> dt.date | None:
    """The day (in `zone`) of the first commit that touched one of the Markdown notes under `notes` (folders ending
    in '/', or files), following each note across renames as the site does; None when no commit did."""
    try:
        history = read_history(folder)
    except HistoryError:
        return None
    paths = [life.path for life in note_lives(history) if life.alive and is_markdown(life.path)
             and any(life.path.startswith(p) if p.endswith("/") else life.path == p for p in notes)
             and "/private/" not in f"/{life.path}"]  # the default `private` folder never reaches the site
    hidden = {commit.sha for commit in history.commits if commit.private}
    days = [dates.created.astimezone(ZoneInfo(zone)).date() for dates in note_dates(history, paths, hidden).values()
            if dates.created is not None]
    return min(days, default=None)


def plan_move(folder: Path, files: list[str], docs_dir: str, repo_url: str | None) -> Move:
    """What the move would do, read from the working tree without changing anything."""
    tree = Tree.of(files)
    texts = {}
    for path in filter(is_markdown, files):
        try:
            texts[path] = (folder / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    notes = survey(files, docs_dir)
    linked = {target for path, text in texts.items() if notes.new_path(path) != path
              for target in link_targets(path, text, tree)}
    found = survey(files, docs_dir, linked)
    links = []
    others = {}
    for path in files:
        file = folder / path
        if path in texts:
            text = texts[path]
            result = relink(path, text, found, tree, repo_url)
            if result.changed or result.leaving:
                links.append(result)
        elif not is_markdown(path) and found.new_path(path) == path and not path.startswith(docs_dir + "/"):
            try:
                if file.stat().st_size <= MAX_TEXT:
                    others[path] = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    return Move(found, tuple(links), mentions(others, found))


def blocking_changes(folder: Path, move: Move) -> list[str]:
    """Uncommitted changes the move's commit would sweep in or mix with: anything staged, and edits to the files
    it moves or rewrites."""
    status = run(folder, "status", "--porcelain=v1", "-z", "--untracked-files=no").stdout.split("\0")
    touched = {links.path for links in move.links if links.changed}
    moved = tuple(entry.path for entry in move.survey.moved)
    out = []
    for line in filter(None, status):
        staged, path = line[0], line[3:]
        if staged not in " ?" or path in touched or path.startswith(moved) or path in moved:
            out.append(path)
    return out


def make_move(folder: Path, move: Move) -> Move:
    """Move the notes with `git mv`, write the rewritten links and commit both, alone, in one commit."""
    docs = folder / move.survey.docs_dir
    docs.mkdir(parents=True, exist_ok=True)
    done = run(folder, "mv", "--", *(entry.name for entry in move.survey.moved), move.survey.docs_dir + "/")
    if done.returncode != 0:
        raise MoveError(f"git mv failed, nothing was moved: {done.stderr.strip()}")
    rewritten = [links for links in move.links if links.changed]
    for links in rewritten:
        (folder / links.new_path).write_text(links.text, encoding="utf-8")
    if rewritten:
        run(folder, "add", "--", *(links.new_path for links in rewritten))
    message = COMMIT_MESSAGE.format(docs=move.survey.docs_dir)
    done = run(folder, "commit", "-q", "-m", message)
    if done.returncode != 0:
        raise MoveError(f"the notes are moved and staged, but git commit failed: {done.stderr.strip()}\n"
                        f"Commit them alone with: git commit -m {message!r}")
    head = run(folder, "rev-parse", "--short", "HEAD").stdout.strip()
    return Move(move.survey, move.links, move.mentions, head)


class MoveError(RuntimeError):
    """The move could not be made, with a message for the learner."""
