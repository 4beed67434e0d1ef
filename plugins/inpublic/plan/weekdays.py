"""The days of the week as progress.yaml writes them: `sat`, `Saturday`, `SUN` (the field kind of `rest_days`)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import Node

from inpublic.plan.spec import INVALID, Kind, Report
from inpublic.problems import did_you_mean, quote

SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # 0 = Monday, as date.weekday() counts
FULL = tuple(name.lower() for name in calendar.day_name)  # in English whatever the locale: Python's C locale
NAMES = {**{name: n for n, name in enumerate(SHORT)}, **{name: n for n, name in enumerate(FULL)}}


def weekday_number(text: str) -> int | None:
    """0 (Monday) to 6 (Sunday) for `sat`, `Sat` or `Saturday`; None for anything else."""
    return NAMES.get(text.strip().lower())


@dataclass(frozen=True)
class Weekday(Kind):
    """A day of the week, read as its number (0 = Monday)."""

    example: str = "sat"

    def expected(self) -> str:
        return "a day of the week like sat or Saturday (mon, tue, wed, thu, fri, sat, sun)"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        number = weekday_number(text)
        if number is not None:
            return number
        hint = did_you_mean(text.strip().lower(), list(NAMES))
        if hint:  # suggest the short name of the day it looks like
            hint = f"; did you mean '{SHORT[NAMES[hint.split(chr(39))[1]]]}'?"
        report(node, path, f"expected {self.expected()}, got {quote(text)}{hint}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        # in any case, said without (?i), which the regular expressions of editors (ECMA 262) do not read
        names = "|".join("".join(f"[{c.upper()}{c}]" for c in name) for name in (*SHORT, *FULL))
        return self.annotate({"type": "string", "pattern": f"^(?:{names})$"})
