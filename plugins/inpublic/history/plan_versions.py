"""Read every committed version of progress.yaml: the record that deadline changes are computed from.

history/read.py reads them from git (``read_file_history``), in two processes: one ``git log`` lists the
commits that changed the plan, with the blob each left, and one ``git cat-file --batch`` reads each distinct blob
once. Only the learner, subjects and commitments of a version are read: its ``log:`` and ``milestones:``
sections are blanked out before parsing (line numbers kept), so a long log does not slow the build down, an old
mistake in a log entry does not hide a deadline change, and versions that differ only in their log are parsed once.

A version that cannot be read (not UTF-8, not YAML, or not a valid plan in an older format) is skipped and
reported in ``PlanHistory.warnings``: past mistakes never break a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from inpublic.history.read import FileHistory, FileVersion, read_file_history
from inpublic.model import Plan, PlanHistory, PlanVersion
from inpublic.plan.load import parse_plan
from inpublic.problems import PlanError

_SKIPPED_SECTION = re.compile(r"^(log|milestones)[ \t]*:")
# A top-level log: or milestones: section, whole lines: the lines that follow it while they are empty,
# indented, comments, or sequence items at column 0 (what _kept_lines skips, line by line, only faster).
_SECTION = re.compile(
    r"^(?:log|milestones)[ \t]*:[^\n]*(?:\n|\Z)"  # the key's line
    r"(?:(?:[ \t#][^\n]*|-(?:[ \t][^\n]*)?)?\n)*"  # then empty, indented, comment or item lines
    r"(?:(?:[ \t#][^\n]*|-(?:[ \t][^\n]*)?)\Z)?",  # and such a last line without its newline
    re.MULTILINE,
)

def read_plan_history(repo_dir: Path, plan_path: str) -> PlanHistory:
    """Every version of the plan at ``plan_path`` (repo-relative POSIX path) on the first-parent line to HEAD.

    Versions are oldest first; a merge counts as the commit that brought its changes into the line. Raises
    HistoryError when git cannot be run; a version that cannot be read is skipped with a warning.
    """
    plans: dict[str, Plan | None] = {}
    return plan_history(read_plan_file(repo_dir, plan_path, plans), plan_path, plans)


@dataclass(frozen=True)
class Unread:
    """A version that is not a plan inpublic can read: why, or its text without its log (lines kept), to say why."""

    reason: str = ""
    text: str = ""


# what one version of the plan holds: its text without its log when it is a plan (see _SECTION), or why it is not
PlanText = str | Unread


def read_plan_file(repo_dir: Path, plan_path: str, plans: dict[str, Plan | None]) -> FileHistory[PlanText]:
    """The versions of the plan's file, each blob read as a `PlanText`. `plans` gets the plan of each distinct
    text (None: not a valid plan), so that `plan_history` need not parse them again."""
    return read_file_history(repo_dir, plan_path, lambda data: _read_blob(data, plans))


def plan_history(file: FileHistory[PlanText], plan_path: str, plans: dict[str, Plan | None]) -> PlanHistory:
    """The plan's versions from what `read_plan_file` read (or a copy of it kept from an earlier build): each
    distinct text is parsed once, unless `plans` already has it."""
    versions: list[PlanVersion] = []
    skipped: list[tuple[FileVersion, str]] = []
    name = plan_path.rsplit("/", 1)[-1]
    for change in file.versions:
        if change.blob is None:  # deleted: the next version that adds it back continues the record
            continue
        read = file.blobs[change.blob]
        if isinstance(read, str) and read not in plans:
            plans[read] = _plan_of(read)
        plan = plans[read] if isinstance(read, str) else None
        if plan is not None:
            versions.append(PlanVersion(change.sha, change.authored, change.committed, plan))
        else:  # a text is a plan's (_read_blob gives an Unread for the others), unless a kept copy was damaged
            unread = read if isinstance(read, Unread) else Unread(text=read)
            skipped.append((change, unread.reason or _problem(unread.text, f"{name}@{change.sha[:7]}")))
    return PlanHistory(tuple(versions), _warnings(skipped, name), file.shallow)


def _read_blob(data: bytes | None, plans: dict[str, Plan | None]) -> PlanText:
    """What one blob holds: its text without its log when it is a plan, else why not. `plans` keeps the plans
    parsed so far, so versions that differ only in their log are parsed once; the blob's bytes are not kept."""
    if data is None:
        return Unread(reason="git could not read this version of the file")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return Unread(reason="it is not UTF-8 text")
    kept = _SECTION.sub("", text)
    if kept not in plans:
        plans[kept] = _plan_of(kept)
    return kept if plans[kept] is not None else Unread(text=without_log(text))


def _plan_of(kept: str) -> Plan | None:
    """The plan of a version's text without its log, None when it is not valid."""
    try:
        return parse_plan(kept)
    except PlanError:
        return None


def _problem(text: str, label: str) -> str:
    """What is wrong with a version's text (its log blanked, lines kept), named by its commit."""
    try:
        parse_plan(text, label)
    except PlanError as err:
        more = len(err.problems) - 1
        return str(err.problems[0]) + (f" (and {more} more)" if more else "")
    return "it cannot be read"  # not reached: the same text without its log lines did not parse


def without_log(text: str) -> str:
    """The plan's text with its top-level ``log:`` and ``milestones:`` sections blanked (lines kept)."""
    return "\n".join(line if keep else "" for line, keep in _kept_lines(text))


def _kept_lines(text: str) -> list[tuple[str, bool]]:
    """Each line of the plan, and whether it is outside the top-level ``log:`` and ``milestones:`` sections."""
    out = []
    skipping = False
    for line in text.split("\n"):
        if _SKIPPED_SECTION.match(line):
            skipping = True
        elif skipping and line and not line[0].isspace() and not line.startswith("#") and not _is_item(line):
            skipping = False
        out.append((line, not skipping))
    return out


def _is_item(line: str) -> bool:
    """A sequence item at column 0 (allowed under a top-level key), not a '---' document marker."""
    return line == "-" or (line.startswith("-") and line[1:2] in (" ", "\t"))


def _warnings(skipped: list[tuple[FileVersion, str]], name: str) -> tuple[str, ...]:
    """One warning per run of consecutive skipped commits with the same problem."""
    groups: list[list[tuple[FileVersion, str]]] = []
    for item in skipped:
        if groups and groups[-1][-1][1] == item[1]:
            groups[-1].append(item)
        else:
            groups.append([item])
    out = []
    for group in groups:
        first, last = group[0][0], group[-1][0]
        where = f"commit {first.sha[:7]} ({first.authored.date().isoformat()})"
        if len(group) > 1:
            where = (f"{len(group)} commits, from {first.sha[:7]} ({first.authored.date().isoformat()}) "
                     f"to {last.sha[:7]} ({last.authored.date().isoformat()})")
        out.append(
            f"the version of {name} in {where} cannot be read, so the deadline history skips it and compares "
            f"the versions around it: {group[0][1]}. Nothing to fix: an old mistake stays in the history "
            f"and only this message shows it"
        )
    return tuple(out)

