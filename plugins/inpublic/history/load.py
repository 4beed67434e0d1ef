"""What every adapter reads from git before it builds: the history and the plan's versions, then cut at today.

The MkDocs plugin and the CLI both read through here, so they see the same commits. What goes wrong is returned
as `LoadWarning`s, not printed: each adapter says it its own way (the plugin logs, the CLI writes to stderr).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inpublic.history.cache import histories_key, keep_histories, load_histories
from inpublic.history.limits import NOTHING_COMMITTED, SHALLOW, future_warning, history_as_of, plan_history_as_of
from inpublic.history.plan_versions import plan_history as plan_history_of
from inpublic.history.plan_versions import read_plan_file
from inpublic.history.read import HistoryError, read_history, repo_relative, repo_root
from inpublic.model import Commit, History, Plan, PlanHistory

# what a warning is about, for an adapter that says some and not others
NO_HISTORY = "no history"  # no git repository, or one git cannot read
NO_PLAN_HISTORY = "no plan history"  # the plan's versions cannot be read
OLD_PLAN = "old plan"  # one committed version of the plan cannot be read: nothing to fix
SHALLOW_CLONE = "shallow clone"
NOTHING_YET = "nothing committed"
LATER = "dated later"  # commits dated after today


@dataclass(frozen=True)
class LoadWarning:
    kind: str  # one of the names above
    text: str  # a sentence without its final stop, as the adapters end it


@dataclass(frozen=True)
class Histories:
    """The git history of the repository and every committed version of the plan."""

    history: History
    plan_history: PlanHistory
    root: Path | None  # the repository's top folder; None without a repository git can read
    warnings: tuple[LoadWarning, ...] = ()  # what the step that made this found


def read_histories(folder: Path, plan_path: Path, private_marker: str, cache_dir: Path | None = None) -> Histories:
    """The histories of the repository holding `folder`; empty ones, with a warning saying why, when there is none.

    With `cache_dir`, histories read at the same commit by an earlier build are taken from there (history/cache.py),
    and those read from git are kept there."""
    try:
        root = repo_root(folder)
        key = _cache_key(root, plan_path, private_marker) if cache_dir is not None else None
        kept = load_histories(cache_dir, key) if cache_dir is not None and key is not None else None
        history = kept[0] if kept else read_history(root, private_marker)
    except HistoryError as err:
        text = f"{err}. The weekly reports and note dates need the git history"
        return Histories(History((), None), PlanHistory(), None, (LoadWarning(NO_HISTORY, text),))
    plans: dict[str, Plan | None] = {}
    try:
        in_repo = repo_relative(root, plan_path)
        plan_file = kept[1] if kept else read_plan_file(root, in_repo, plans)
    except HistoryError as err:
        text = f"{err}. The commitments' deadline history needs the git history of the plan"
        return Histories(history, PlanHistory(), root, (LoadWarning(NO_PLAN_HISTORY, text),))
    if cache_dir is not None and key is not None and not kept:
        keep_histories(cache_dir, key, history, plan_file)
    plan_history = plan_history_of(plan_file, in_repo, plans)
    old = tuple(LoadWarning(OLD_PLAN, w) for w in plan_history.warnings)
    return Histories(history, plan_history, root, old)


def _cache_key(root: Path, plan_path: Path, private_marker: str) -> str | None:
    """The histories' key in the cache (history/cache.py); None for a plan outside the repository, which is
    said when its history is read."""
    try:
        return histories_key(root, private_marker, repo_relative(root, plan_path))
    except HistoryError:
        return None


def histories_as_of(read: Histories, today: dt.date, timezone: str, counts: Callable[[Commit], bool]) -> Histories:
    """The histories as they stand on `today`, with a warning for each thing that makes them wrong: a shallow
    clone, nothing committed yet, and the commits dated after today that would count (`counts`)."""
    warnings = []
    if read.history.shallow:
        warnings.append(LoadWarning(SHALLOW_CLONE, SHALLOW))
    if read.root is not None and read.history.head is None:
        warnings.append(LoadWarning(NOTHING_YET, NOTHING_COMMITTED))
    history, later = history_as_of(read.history, today, timezone)
    named = [c for c in later if counts(c)]
    if named:
        warnings.append(LoadWarning(LATER, future_warning(named, today, timezone)))
    plan_history = plan_history_as_of(read.plan_history, today, timezone)
    return Histories(history, plan_history, read.root, tuple(warnings))
