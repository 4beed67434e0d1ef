"""The record of the reports sent, `.inpublic/sent.json` beside mkdocs.yml: a report id (2026-W47, 2026-11) ->
when it was sent and to how many. A scheduled workflow commits it back, so that no report goes out twice.

It holds no address: the repository may be public. It is read and checked before anything is sent (a damaged file
is one message, and is never written over), and written whole or not at all (plan/save.py's `write_atomically`)
while `inpublic mail` holds its lock, so that two runs at once cannot both send a report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inpublic.plan.save import write_atomically

RECORD = ".inpublic/sent.json"  # beside mkdocs.yml
VERSION = 1
EXAMPLE = '{"version": 1, "sent": {"2026-W47": {"at": "2026-11-23T08:00:00+00:00", "recipients": 2}}}'


class RecordError(ValueError):
    """The record cannot be read as one; the message names the file and says how to fix it."""


@dataclass(frozen=True)
class Sending:
    at: str  # ISO 8601 moment, with its offset
    recipients: int  # how many it reached
    failed: int = 0  # how many the server refused


@dataclass(frozen=True)
class SentRecord:
    sent: Mapping[str, Sending] = field(default_factory=dict)

    def with_sending(self, report_id: str, sending: Sending) -> SentRecord:
        return SentRecord({**self.sent, report_id: sending})


def read_record(path: Path) -> SentRecord:
    """The record at `path` (an empty one when there is no file); RecordError when it is damaged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SentRecord()
    except (OSError, UnicodeDecodeError) as err:
        raise RecordError(f"{path}: cannot be read ({err})") from None
    return parse_record(text, str(path))


def parse_record(text: str, name: str) -> SentRecord:
    def wrong(what: str) -> RecordError:
        return RecordError(f"{name}: {what}. It is inpublic's record of the reports sent, like {EXAMPLE}; "
                           "mend it, or take it from git (`git checkout -- "
                           f"{name}`). Nothing was sent, and it was not changed.")

    try:
        data = json.loads(text)
    except ValueError as err:
        line, column = getattr(err, "lineno", "?"), getattr(err, "colno", "?")
        raise wrong(f"line {line}, column {column}: not JSON ({getattr(err, 'msg', err)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("sent"), dict):
        raise wrong('expected an object with "sent", an object of the reports sent')
    if data.get("version") != VERSION:
        raise wrong(f'"version": expected {VERSION}, got {data.get("version")!r}')
    sent = {}
    for report_id, entry in data["sent"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("at"), str) \
                or not _moment(entry["at"]) or not _count(entry.get("recipients")) \
                or not _count(entry.get("failed", 0)):
            raise wrong(f'"sent" > {json.dumps(report_id)}: expected {{"at": "2026-11-23T08:00:00+00:00", '
                        f'"recipients": 2}}, got {json.dumps(entry)}')
        sent[report_id] = Sending(entry["at"], entry["recipients"], entry.get("failed", 0))
    return SentRecord(sent)


def _moment(text: str) -> bool:
    try:
        return dt.datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def record_text(record: SentRecord) -> str:
    """The record as JSON, reports in order, one a line, so that its diffs in git read well."""
    sent = {}
    for report_id in sorted(record.sent):
        sending = record.sent[report_id]
        entry: dict[str, object] = {"at": sending.at, "recipients": sending.recipients}
        if sending.failed:
            entry["failed"] = sending.failed
        sent[report_id] = entry
    return json.dumps({"version": VERSION, "sent": sent}, indent=2, ensure_ascii=False) + "\n"


def write_record(path: Path, record: SentRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, record_text(record))
