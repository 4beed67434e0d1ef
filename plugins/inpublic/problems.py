"""Mistakes found in a learner's file, each with its place, and how they are worded."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is (1-based line and column), which field, and what to do."""

    line: int
    column: int
    field: str
    message: str
    file: str = "progress.yaml"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class PlanError(Exception):
    """The plan cannot be read: one or more problems, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.column)))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) > 1:
            lines.append(f"{len(lines)} problems in {self.problems[0].file}; fix them and run again.")
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when nothing is close."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered:
        return f"; did you mean '{lowered[word.lower()]}'?"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [lowered[c] for c in difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)]
    return f"; did you mean '{close[0]}'?" if close else ""


def quote(text: str, limit: int = 40) -> str:
    """The learner's text as it appears in a message: quoted, and shortened when long."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text)
