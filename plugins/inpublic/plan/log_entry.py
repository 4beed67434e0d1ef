"""A new study session for the plan's log: its arguments read, and its lines added to the plan's text (pure).

`add_entry` never re-dumps the YAML: it finds where the `log:` list ends in the composed node tree and inserts the
entry's own lines there, indented like the entries already written, so that every other byte of the file is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from inpublic.model import LogEntry, Plan, Resource
from inpublic.plan.fields import MAX_MINUTES
from inpublic.plan.load import parse_plan
from inpublic.plan.spec import is_null, why_not_a_date
from inpublic.problems import PlanError, Problem, did_you_mean, quote

STR_TAG = "tag:yaml.org,2002:str"
DURATION = re.compile(
    r"(?:(?P<hours>[0-9]+(?:[.,][0-9]+)?)\s*(?:hours?|hrs?|h))?\s*(?:and\s*)?"
    r"(?:(?P<minutes>[0-9]+)\s*(?:minutes?|mins?|m)?)?",
    re.IGNORECASE,
)
CLOCK_DURATION = re.compile(r"(?P<hours>[0-9]{1,2}):(?P<minutes>[0-5][0-9])")  # 1:30, hours and minutes
DURATION_FORMS = "90m, 90, 1h30, 1h 30m, 1.5h, 2 hours, 45 min or 1:30"
DURATION_EXAMPLES = "like 90m, 1h 30m, 1.5h or 2 hours"
DATE_EXAMPLES = "today, yesterday, -2 (two days ago) or a date like 2026-11-20"
# the first character of a plain scalar that YAML would read as something else
INDICATORS = "-?:,[]{}#&*!|>'\"%@`~"
RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))


class LogArgumentError(ValueError):
    """An argument of `inpublic log` that cannot be used; the message says what to type instead."""


class EntryRefused(Exception):
    """The entry cannot be added: the message says why, and that the file is unchanged."""


@dataclass(frozen=True)
class Addition:
    """The plan's new text, and the entry's lines as they appear in it (from line `first_line`, 1-based)."""

    text: str
    lines: tuple[str, ...]
    first_line: int


# --- arguments ---------------------------------------------------------------------------------


def parse_duration(text: str) -> int:
    """Minutes from `90m`, `90`, `1h30`, `1h 30m`, `1.5h`, `2 hours`, `45 min` or `1:30`: at least one, at most a day.

    Bare numbers are minutes; hours may have a decimal point (or comma) when no minutes follow.
    """
    written = text.strip()
    if written.startswith("-"):
        raise LogArgumentError(f"the duration {quote(text)} is negative; write how long you studied, "
                               f"{DURATION_EXAMPLES}")
    match = CLOCK_DURATION.fullmatch(written) or DURATION.fullmatch(written)
    hours, minutes = (match["hours"], match["minutes"]) if match else (None, None)
    fraction_and_minutes = hours is not None and re.search("[.,]", hours) is not None and minutes is not None
    if (hours is None and minutes is None) or fraction_and_minutes:
        raise LogArgumentError(f"cannot read the duration {quote(text)}; write minutes or hours, {DURATION_EXAMPLES}")
    total = round(float((hours or "0").replace(",", ".")) * 60) + int(minutes or 0)
    if total < 1:
        raise LogArgumentError(f"the duration {quote(text)} is less than a minute; write how long you studied, "
                               f"{DURATION_EXAMPLES}")
    if total > MAX_MINUTES:
        raise LogArgumentError(f"the duration {quote(text)} is {total} minutes, more than a whole day "
                               f"({MAX_MINUTES}); log each day's sessions on that day, {DURATION_EXAMPLES}")
    return total


def parse_day(text: str, today: dt.date, started: dt.date | None = None, label: str = "progress.yaml") -> dt.date:
    """The day a session was on: today, yesterday, -N (N days ago) or an ISO date, never after `today` nor before
    `started` (the learner's, in the plan `label`)."""
    written = text.strip().lower()
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", written)
    ago = re.fullmatch(r"-([0-9]{1,5})", written)
    if written in ("today", "yesterday"):
        day = today if written == "today" else today - dt.timedelta(days=1)
    elif ago:
        day = today - dt.timedelta(days=int(ago[1]))
    elif iso:
        year, month, number = (int(g) for g in iso.groups())
        try:
            day = dt.date(year, month, number)
        except ValueError:
            raise LogArgumentError(f"{written} is not a real date{why_not_a_date(year, month)}") from None
    else:
        raise LogArgumentError(f"cannot read the date {quote(text)}; write {DATE_EXAMPLES}")
    if day > today:
        raise LogArgumentError(f"{day} is in the future (today is {today}); log a session once it is done")
    if started is not None and day < started:
        raise LogArgumentError(f"{day} is before you started (learner.started is {started} in {label}); log sessions "
                               "from that day on, or move `started` back if you began earlier")
    return day


def check_units(resource: Resource, units: int, label: str = "progress.yaml") -> None:
    """Refuse units for a resource counted by hand (`done:`): its progress is what `done:` says, on the site and in
    `inpublic status` alike, so units logged for it would count nowhere."""
    if units and resource.done is not None:
        after = min(resource.done + units, resource.units)
        raise LogArgumentError(
            f"{resource.id} is counted by hand (done: {resource.done} in {label}), so units logged for it would not "
            f"count; log the session without --units and change its done: to {after}, or delete done: to count the "
            "units you log")


def resolve_resource(ref: str, plan: Plan, command: str, duration: Sequence[str] = ()) -> Resource:
    """The resource `ref` names: an id or `subject/id`, or the one id it begins.

    `command` is the command typed so far (`inpublic log 90m`), to show the command to type instead; `duration`, the
    words read as the duration, to say when `ref` is the end of the duration rather than a resource (`1h 30m`).
    """
    subject_id, _, text = ref.strip().rpartition("/")
    if subject_id and subject_id not in [s.id for s in plan.subjects]:
        subjects = [s.id for s in plan.subjects]
        hint = did_you_mean(subject_id, subjects) or f"; the subjects are {', '.join(subjects)}"
        raise LogArgumentError(f"unknown subject {quote(subject_id)} in {quote(ref)}{hint}")
    pool = plan.subject(subject_id).resources if subject_id else plan.resources
    ids = [r.id for r in pool]
    starting = [i for i in ids if i.startswith(text)]
    named_subject = not subject_id and any(s.id == text for s in plan.subjects)
    if text in ids or (text and len(starting) == 1 and not named_subject):
        return pool[ids.index(text if text in ids else starting[0])]
    if duration and ends_a_duration(duration, ref):
        whole = " ".join([*duration, ref])
        raise LogArgumentError(f"{quote(whole)} is all duration; name the resource you studied after it, for example "
                               f"{quote(ids[0])} (inpublic log {whole} {ids[0]} ...)")
    raise LogArgumentError(not_a_resource(text, plan, ids, subject_id, lambda ident: f" ({command} {ident} ...)"))


def ends_a_duration(duration: Sequence[str], word: str) -> bool:
    """Whether `word` reads as the end of the duration typed before it (`30m` after `1h`, `hours` after `2`)."""
    try:
        parse_duration(" ".join([*duration, word]))
    except LogArgumentError:
        return False
    return True


def not_a_resource(text: str, plan: Plan, ids: list[str], subject_id: str, retry: Callable[[str], str]) -> str:
    """Why `text` names no resource of `ids` (those of `subject_id`, or all), and what to type instead."""
    if not text:
        return f"name the resource you studied, for example {quote(ids[0])}{retry(ids[0])}"
    owned = [s.resources[0].id for s in plan.subjects if s.id == text]
    if owned and not subject_id:
        return f"{quote(text)} is a subject; log the resource you studied, for example {quote(owned[0])}" + retry(
            owned[0])
    owner = next((r.subject for r in plan.resources if r.id == text), None)
    if owner is not None:
        return f"resource {quote(text)} belongs to subject {quote(owner)}, not {quote(subject_id)}" + retry(
            f"{owner}/{text}")
    starting = [i for i in ids if i.startswith(text)]
    if starting:
        return f"{quote(text)} could be {or_list(starting)}; write more of the id{retry(starting[0])}"
    containing = [i for i in ids if text.lower() in i.lower()]
    close = containing if len(containing) == 1 else closest(text, ids)
    if close:
        return f"unknown resource {quote(text)}; did you mean {quote(close[0])}?{retry(close[0])}"
    listed = containing or ids
    return f"unknown resource {quote(text)}; use one of {', '.join(listed)}{retry(listed[0])}"


def closest(text: str, ids: list[str]) -> list[str]:
    """The id most like `text`, whatever the case of its letters, when one is close enough (difflib)."""
    lowered = {i.lower(): i for i in ids}
    return [lowered[c] for c in difflib.get_close_matches(text.lower(), list(lowered), n=1, cutoff=0.6)]


def or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def describe_entry(entry: LogEntry, resource: Resource) -> str:
    """The entry in words: `90 min of leonard-calc1 (2 lectures) on 2026-11-22`."""
    unit = resource.unit[:-1] if entry.units == 1 and resource.unit.endswith("s") else resource.unit
    units = f" ({entry.units} {unit})" if entry.units else ""
    extras = ([entry.kind] if entry.kind != "study" else []) + (["private"] if entry.private else [])
    return f"{entry.minutes} min of {entry.resource}{units} on {entry.date}" + "".join(f", {x}" for x in extras)


# --- the entry's text --------------------------------------------------------------------------


def scalar(text: str) -> str:
    """`text` as a YAML scalar every reader reads back as this text: plain when it can be, else in double quotes."""
    return text if reads_plain(text) else double_quoted(text)


def reads_plain(text: str) -> bool:
    """Whether `text` written without quotes is read back as the same text, by YAML 1.1 and 1.2 readers alike."""
    if not text or text != text.strip() or text[0] in INDICATORS or not text.isprintable():
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if any(r.resolve(ScalarNode, text, (True, False)) != STR_TAG for r in RESOLVERS):
        return False
    try:
        value = YAML(typ="rt").compose(f"note: {text}\n").value[0][1]
    except YAMLError:
        return False
    return isinstance(value, ScalarNode) and value.value == text


def double_quoted(text: str) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif char.isprintable():
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def entry_fields(entry: LogEntry) -> list[tuple[str, str]]:
    """The keys written for an entry, in the order of the plan's reference; defaults are left out."""
    fields = [("date", entry.date.isoformat()), ("minutes", str(entry.minutes)), ("resource", scalar(entry.resource))]
    if entry.units:
        fields.append(("units", str(entry.units)))
    if entry.note is not None:
        fields.append(("note", scalar(entry.note)))
    if entry.kind != "study":
        fields.append(("kind", entry.kind))
    if entry.private:
        fields.append(("private", "true"))
    return fields


def entry_lines(entry: LogEntry, dash: int, keys: int) -> list[str]:
    """The entry as a block list item: its `-` at column `dash`, its keys at column `keys`."""
    keys = max(keys, dash + 2)
    first = " " * dash + "-" + " " * (keys - dash - 1)
    return [(first if i == 0 else " " * keys) + f"{key}: {value}" for i, (key, value) in enumerate(entry_fields(entry))]


# --- adding it to the plan's text --------------------------------------------------------------


def add_entry(text: str, plan: Plan, entry: LogEntry, label: str = "progress.yaml") -> Addition:
    """The plan's text with `entry` at the end of its log, checked to read back as `plan` plus the entry.

    `plan` is what `text` reads as. Raise EntryRefused when the new plan would have mistakes.
    """
    try:
        addition = insert_entry(text, entry)
    except EntryRefused as err:
        raise EntryRefused(f"{label}: nothing was added: {err}") from None
    try:
        new_plan = parse_plan(addition.text, label)
    except PlanError as err:
        raise EntryRefused(refusal(err.problems, addition, label)) from None
    if new_plan != dataclasses.replace(plan, log=(*plan.log, entry)):
        raise EntryRefused(f"{label}: nothing was added: the entry could not be added without changing the rest "
                           f"of the file; add it at the end of the log by hand:\n" + "\n".join(addition.lines))
    return addition


def refusal(problems: tuple[Problem, ...], addition: Addition, label: str) -> str:
    """Why the entry is refused: the mistakes it would make, worded as mistakes of the entry."""
    last = addition.first_line + len(addition.lines) - 1
    if all(addition.first_line <= p.line <= last for p in problems):
        return "\n".join(f"{label}: nothing was added: {p.field.rpartition('.')[2]}: {p.message}" for p in problems)
    lines = [f"{label}: nothing was added: with the entry, the file would have these mistakes:"]
    return "\n".join([*lines, *(str(p) for p in problems), "Add the entry by hand:", *addition.lines])


def insert_entry(text: str, entry: LogEntry) -> Addition:
    """`text` with the entry's lines inserted after the last entry of its log (no check that it still reads)."""
    root = YAML(typ="rt").compose(text)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise EntryRefused("the plan is not a list of `key: value` lines; run `inpublic check`")
    newline = match[0] if (match := re.search(r"\r?\n", text)) else "\n"
    dash_offset, key_offset = list_style(root, text)
    found = [(key, value) for key, value in root.value if isinstance(key, ScalarNode) and key.value == "log"]
    if not found:  # a new section at the end of the file, after a blank line
        column = root.start_mark.column
        lines = entry_lines(entry, column + dash_offset, column + dash_offset + key_offset)
        blank = [""] if not text.endswith(newline * 2) else []
        return insert_lines(text, len(text), [*blank, " " * column + "log:", *lines], newline, len(blank) + 1)
    key, log = found[0]
    if isinstance(log, SequenceNode) and log.value and not log.flow_style:
        dash = dash_column(text, log.value[0])
        blocks = [item for item in log.value if isinstance(item, MappingNode) and not item.flow_style]
        keys = blocks[0].start_mark.column if blocks else dash + key_offset
        return insert_lines(text, after_item(text, log.value[-1]), entry_lines(entry, dash, keys), newline)
    if isinstance(log, SequenceNode) and log.value:
        raise EntryRefused("the log is written in brackets (log: [...]); write it as one `- date: ...` entry per line, "
                           "and run this again")
    if not (is_null(log) or isinstance(log, SequenceNode)):
        raise EntryRefused("log: is not a list; run `inpublic check`")
    dash = key.start_mark.column + dash_offset
    lines = entry_lines(entry, dash, dash + key_offset)
    if isinstance(log, ScalarNode) and not log.value:  # `log:` and nothing more
        return insert_lines(text, line_after(text, key.end_mark.index), lines, newline)
    text, after_key = without_value(text, log, newline)  # `log: []` or `log: ~`
    return insert_lines(text, after_key, lines, newline)


def without_value(text: str, node: Node, newline: str) -> tuple[str, int]:
    """`text` with a value written after its key removed (a comment after it stays), and where the next line starts."""
    start = text.rfind("\n", 0, node.start_mark.index) + 1
    end = line_after(text, node.end_mark.index)
    line = text[start:end].rstrip("\r\n")
    key, rest = line[: node.start_mark.index - start].rstrip(), line[node.end_mark.index - start :].strip()
    kept = key + (" " + rest if rest else "") + newline
    return text[:start] + kept + text[end:], start + len(kept)


def list_style(root: MappingNode, text: str) -> tuple[int, int]:
    """How the plan indents its lists of records: the `-` from its key, and the keys from the `-` (2 and 2)."""
    for key, value in root.value:
        if isinstance(value, SequenceNode) and value.value and not value.flow_style:
            item = value.value[0]
            if isinstance(item, MappingNode) and not item.flow_style:
                dash = dash_column(text, item)
                return dash - key.start_mark.column, item.start_mark.column - dash
    return 2, 2


def dash_column(text: str, item: Node) -> int:
    """The column of the `-` that starts a list item."""
    index: int = item.start_mark.index - 1
    while index > 0 and text[index] != "-":
        index -= 1
    return index - (text.rfind("\n", 0, index) + 1)


def after_item(text: str, item: Node) -> int:
    """Where the line after a list item starts: after its last value, before comments and blank lines that follow."""
    last = item
    if isinstance(item, MappingNode) and item.value and not item.flow_style:
        key, last = item.value[-1]
        last = key if is_null(last) and not last.value else last  # `note:` with nothing ends at its key
    end = line_after(text, last.end_mark.index)
    if isinstance(last, ScalarNode) and last.style in ("|", ">"):
        header = text[last.start_mark.index : line_after(text, last.start_mark.index)]
        while "+" not in header and end > last.start_mark.index and not line_before(text, end).strip():
            end -= len(line_before(text, end))
    return end


def line_after(text: str, index: int) -> int:
    """The start of the next line after `index`, or `index` itself when it starts a line."""
    if index == 0 or text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def line_before(text: str, index: int) -> str:
    """The whole line (with its line break) that ends just before `index`."""
    return text[text.rfind("\n", 0, index - 1) + 1 : index]


def insert_lines(text: str, index: int, lines: list[str], newline: str, entry_from: int = 0) -> Addition:
    """`text` with `lines` inserted at `index` (a line start, or the end of the text)."""
    before = text[:index]
    if before and not before.endswith("\n"):
        before += newline
    first_line = before.count("\n") + 1 + entry_from
    added = before + "".join(line + newline for line in lines) + text[index:]
    return Addition(added, tuple(lines[entry_from:]), first_line)
