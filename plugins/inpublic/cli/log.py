"""`inpublic log`: add a study session to the plan's log. The adapter: it reads the clock and the disk, and prints."""

from __future__ import annotations

import argparse
import contextlib
import re
import shlex
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from inpublic.cli.mkdocs_yml import plugin_plan_option
from inpublic.model import LOG_KINDS, LogEntry
from inpublic.plan.load import parse_plan
from inpublic.plan.log_entry import (
    DURATION_FORMS,
    EntryRefused,
    LogArgumentError,
    add_entry,
    check_units,
    describe_entry,
    parse_day,
    parse_duration,
    resolve_resource,
)
from inpublic.plan.save import Busy, locked, read_only, write_atomically
from inpublic.problems import PlanError, quote
from inpublic.today import fixed_today

LOCK_WAIT = 10.0  # seconds to wait for another `inpublic log` to finish writing the same plan
STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
EXAMPLES = """\
examples:
  inpublic log 90m calculus/leonard-calc1 --units 2 --note "limits and continuity"
  inpublic log 1h 30m stat110 --units 1 --date yesterday
  inpublic log 2 hours leonard-calc1 --units 3
  inpublic log 45m leonard-calc1 --kind review --note "the chain rule again"
"""


def add_log_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The `log` command's arguments; `run_log` runs it."""
    log = subparsers.add_parser(
        "log", help="add a study session to the log of progress.yaml", epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Add a study session at the end of the log in progress.yaml. Only the entry's lines are added: "
                    "comments, blank lines and layout stay as they are. Two at once take turns, and both entries "
                    "are kept. Exit 0, 1 when the plan is refused or read-only, 2 for a mistyped argument.")
    log.add_argument("duration", metavar="DURATION", nargs="+",
                     help=f"how long you studied: {DURATION_FORMS}; in one word or several (1h 30m), quoted or not")
    log.add_argument("resource", metavar="RESOURCE",
                     help="the id of the resource, or subject/id; the start of an id is enough when no other id "
                          "starts the same way")
    log.add_argument("--units", type=whole_units, default=0, help="units finished in this session (default: 0)")
    log.add_argument("--note", help="what you did, in a line")
    log.add_argument("--kind", choices=LOG_KINDS, default="study", help="study (default), review or practice")
    log.add_argument("--private", action="store_true", help="keep this entry off the site and the feeds")
    log.add_argument("--date", default="today",
                     help="the day, in your time zone: today (default), yesterday, -2 (two days ago) or 2026-11-20")
    log.add_argument("--plan", type=Path,
                     help="the plan (default: the plugin's `plan` option in ./mkdocs.yml, else ./progress.yaml)")
    log.add_argument("--dry-run", action="store_true", help="print the entry and write nothing")
    return log


def whole_units(text: str) -> int:
    if not re.fullmatch(r"\s*[0-9]+\s*", text):
        raise argparse.ArgumentTypeError(f"expected a whole number of units like 2, got {quote(text)}")
    return int(text)


def run_log(args: argparse.Namespace) -> int:
    """Add the session to the plan's log; print what was added, or why nothing was. Return the exit status.

    The plan's lock is held from reading it to writing it, so that two sessions logged at once are both kept.
    """
    try:
        minutes = parse_duration(" ".join(args.duration))
        note = read_note(args.note)
    except LogArgumentError as err:
        return bad_argument(err)
    path = args.plan or default_plan()
    if path is None:
        return 1
    label = str(path)
    if args.dry_run or not path.exists():  # nothing to write, or nothing to lock: reading it says what is wrong
        return log_session(args, path, label, minutes, note)
    if read_only(path):
        return fail(f"{label}: the file is read-only, so nothing was added; make it writable with "
                    f"`chmod u+w {shlex.quote(label)}` and run this again")
    try:
        with locked(path, LOCK_WAIT):
            return log_session(args, path, label, minutes, note)
    except Busy as busy:
        return fail(f"{label}: another `inpublic log` held {busy.lock} for {LOCK_WAIT:g} seconds, so nothing was "
                    "added; run this again when it is done")
    except OSError as err:  # the lock file cannot be made: a read-only folder
        return fail(f"{label}: cannot be locked for writing ({err.strerror or err}); nothing was added")


def log_session(args: argparse.Namespace, path: Path, label: str, minutes: int, note: str | None) -> int:
    """Read the plan, check the entry against it and write it with the entry (print it, for a dry run)."""
    text = read_plan_text(path, label)
    if text is None:
        return 1
    try:
        plan = parse_plan(text, label)
    except PlanError:
        check = "inpublic check" + (f" --plan {shlex.quote(label)}" if args.plan else "")
        return fail(f"{label}: the plan has mistakes, so nothing was added; run `{check}` to see them")
    try:
        today = fixed_today(plan.learner.timezone)
        if today is None:
            return 2
        name = Path(label).name
        day = parse_day(args.date, today, plan.learner.started, name)
        resource = resolve_resource(args.resource, plan, "inpublic log " + shlex.join(args.duration),
                                    args.duration)
        check_units(resource, args.units, name)
    except LogArgumentError as err:
        return bad_argument(err)
    entry = LogEntry(day, minutes, resource.id, args.units, note, args.kind, args.private)
    try:
        addition = add_entry(text, plan, entry, label)
    except EntryRefused as err:
        return fail(str(err))
    if args.dry_run:
        print("\n".join(addition.lines))
        print(f"{label}: would add {describe_entry(entry, resource)} at line {addition.first_line} "
              "(dry run: nothing written)")
        return 0
    added = f"{label}: added {describe_entry(entry, resource)}"
    try:
        with signals_raise_stopped():
            write_atomically(path, addition.text)
    except Stopped as stop:
        with contextlib.suppress(OSError):
            if path.read_bytes() == addition.text.encode("utf-8"):  # the signal came after the rename
                print(added)
                return fail(f"{label}: stopped by {stop.name} after writing", status=128 + stop.signum)
        return fail(f"{label}: stopped by {stop.name} while writing, so nothing was added", status=128 + stop.signum)
    except OSError as err:
        return fail(f"{label}: cannot be written ({err.strerror or err}); nothing was added")
    print(added)
    return 0


class Stopped(BaseException):
    """SIGTERM, SIGHUP or SIGINT, raised where the program is, so that the cleanup on the way out runs."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(self.name)


@contextlib.contextmanager
def signals_raise_stopped() -> Iterator[None]:
    """While the block runs, SIGTERM, SIGHUP and SIGINT raise Stopped, so that a write removes its temporary file.

    A signal the process ignores (SIGHUP under nohup) stays ignored, a second signal does not cut the cleanup short,
    and the handlers from before are back afterwards. Only the main thread may set handlers: in another thread the
    block runs with the signals as they are.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        if not raised:
            raised.append(signum)
            raise Stopped(signum)

    before = {sig: signal.getsignal(sig) for sig in STOPPING}
    try:
        for sig, handler in before.items():
            if handler != signal.SIG_IGN:
                signal.signal(sig, stop)
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)


def read_note(note: str | None) -> str | None:
    if note is not None and not note.strip():
        raise LogArgumentError('the note is empty; write what you did, like --note "limits and continuity", '
                               "or leave --note out")
    return None if note is None else note.strip()


def default_plan() -> Path | None:
    """The plan named by ./mkdocs.yml (None after saying why it cannot be read), else ./progress.yaml."""
    config = Path("mkdocs.yml")
    if not config.is_file():
        return Path("progress.yaml")
    option = plugin_plan_option(config)
    return None if option is None else config.parent / option


def read_plan_text(path: Path, label: str) -> str | None:
    """The plan's text exactly as on disk (line breaks included), or None after saying why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        fail(f"{label}: no such file; run this in your site's folder, or pass --plan path/to/progress.yaml")
    except UnicodeDecodeError:
        fail(f"{label}: not UTF-8 text; run `inpublic check` to see where, and save the file as UTF-8")
    except OSError as err:
        fail(f"{label}: cannot be read ({err.strerror or err})")
    return None


def bad_argument(err: LogArgumentError) -> int:
    print(f"inpublic log: {err}", file=sys.stderr)
    return 2


def fail(message: str, status: int = 1) -> int:
    print(message, file=sys.stderr)
    return status
