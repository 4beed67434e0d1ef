"""What reading a project found, as every engine adapter and the command line say it: a `Notice` (a warning
stops a --strict build, an info never does) or one `ProjectError`. Kept apart from engines/project.py, which
imports MkDocs, so that a command that only says them starts quickly."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

WARNING = "warning"  # a --strict build stops on it
INFO = "info"  # said, never fatal


class ProjectError(Exception):
    """Why the project cannot be built, in one message (no traceback)."""


@dataclass(frozen=True)
class Notice:
    level: str  # WARNING or INFO
    text: str  # a whole sentence


def say_notices(notices: Iterable[Notice]) -> int:
    """Each notice on stderr, as MkDocs writes its log (for an adapter without MkDocs' log); the number of
    warnings."""
    warned = 0
    for notice in notices:
        print(f"{'INFO   ' if notice.level == INFO else 'WARNING'} -  {notice.text}", file=sys.stderr)
        warned += notice.level == WARNING
    return warned


@contextmanager
def warnings_logged(logger: str) -> Iterator[list[str]]:
    """The messages of the warnings and errors logged to `logger` (or below it) while the block runs: what MkDocs
    says as it reads mkdocs.yml or converts a page."""
    said = _Said()
    log = logging.getLogger(logger)
    log.addHandler(said)
    try:
        yield said.lines
    finally:
        log.removeHandler(said)


class _Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
