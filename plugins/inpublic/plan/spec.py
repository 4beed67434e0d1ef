"""What progress.yaml may contain, said once: each field reads itself from YAML and describes itself as JSON Schema.

The reader (plan/load.py) and the editor schema (plan/schema.py) both come from `PLAN`, so they cannot drift apart.
Scalars are read from their source text, never from YAML's guesses: `no` stays the text 'no' where text is
expected, `1.10` stays '1.10', and an id such as `2026` or `2026-06-30` is the text the learner wrote.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, Protocol

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inpublic.problems import did_you_mean, quote

NULL_TAG = "tag:yaml.org,2002:null"
MAX_ID_LENGTH = 64  # ids name pages and files (a commitment's page is commitments/<id>/)
ID_WORD = rf"[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_ID_LENGTH - 1}}}"
ID_PATTERN = rf"^{ID_WORD}$"
REF_PATTERN = rf"^{ID_WORD}(/{ID_WORD})?$"
# Editors read YAML 1.2, where `2026`, `1.10` and `true` are numbers or booleans; the loader reads them as the
# text written, so the schema accepts them where text is expected.
TEXT_TYPES = ["string", "number", "boolean"]
# The years of a plan's dates: another is a typo (0206, 20266), or a date the site cannot count past (9999-12-31).
# Whole centuries, so that the schema's pattern can say them.
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_DIGITS = 9  # a count longer than this is past every limit
INVALID: Any = object()  # a field that could not be read; its problem is already reported


class Report(Protocol):
    def __call__(self, node: Node, path: str, message: str) -> None: ...


def is_null(node: Node) -> bool:
    # a plain scalar has no style: None from the pure parser, "" from libyaml. The whole tag is looked at only when
    # its suffix says null: ruamel builds the tag's text on each read, which was a quarter of a long plan's reading.
    if not isinstance(node, ScalarNode) or node.style:
        return False
    suffix = getattr(node.ctag, "suffix", None)
    return isinstance(suffix, str) and suffix.endswith("null") and node.tag == NULL_TAG


def describe(node: Node) -> str:
    """How a value that is not what was expected reads in a message."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if is_null(node):
        return "nothing"
    return quote(node.value)


@dataclass(frozen=True)
class Kind:
    """A field's type. Subclasses read a node (reporting problems) and describe themselves in JSON Schema."""

    doc: str = ""
    example: str = ""

    def read(self, node: Node, path: str, report: Report) -> Any:
        if not isinstance(node, ScalarNode) or is_null(node):
            report(node, path, f"expected {self.expected()}, got {describe(node)}")
            return INVALID
        return self.read_text(node.value, node, path, report)

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        return text

    def expected(self) -> str:
        return f"text like {quote(self.example, limit=80)}" if self.example else "text"

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": TEXT_TYPES, "minLength": 1}
        return self.annotate(out)

    def annotate(self, out: dict[str, Any]) -> dict[str, Any]:
        if self.doc:
            out["description"] = self.doc
        if self.example:
            out["examples"] = [self.example_value()]
        return out

    def example_value(self) -> Any:
        return self.example


@dataclass(frozen=True)
class Text(Kind):
    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        if not text.strip():
            report(node, path, f"expected {self.expected()}, got an empty text")
            return INVALID
        return text.strip()


@dataclass(frozen=True)
class Id(Kind):
    ref: bool = False  # a reference that may name the subject too: `subject/resource`

    @property
    def pattern(self) -> str:
        return REF_PATTERN if self.ref else ID_PATTERN

    @property
    def max_length(self) -> int:
        return 2 * MAX_ID_LENGTH + 1 if self.ref else MAX_ID_LENGTH

    def expected(self) -> str:
        return f"an id like {quote(self.example)} (letters, digits, '-', '_' or '.', no spaces)"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        if re.match(self.pattern, text):
            return text
        fixed = "/".join(slug(part) for part in text.split("/", 1 if self.ref else 0))
        hint = f"; for example {fixed!r}" if fixed != text and re.match(self.pattern, fixed) else ""
        longest = max(len(part) for part in text.split("/"))
        if longest > MAX_ID_LENGTH and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./-]*", text):
            report(node, path, f"expected an id of at most {MAX_ID_LENGTH} characters, as ids name pages and files, "
                               f"got {quote(text)} ({longest} characters){hint}")
        else:
            report(node, path, f"expected {self.expected()}, got {quote(text)}{hint}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self.annotate({"type": TEXT_TYPES, "pattern": self.pattern, "maxLength": self.max_length})


def slug(text: str) -> str:
    """An id made of `text`: accents dropped, other characters as '-', cut to MAX_ID_LENGTH at a word's end."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    word = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_text).strip("-_.")
    if len(word) > MAX_ID_LENGTH:
        cut = word[: MAX_ID_LENGTH + 1]
        word = cut.rsplit("-", 1)[0] if "-" in cut[MAX_ID_LENGTH // 2 :] else cut[:MAX_ID_LENGTH]
    return word.rstrip("-_.")


@dataclass(frozen=True)
class Url(Kind):
    def expected(self) -> str:
        return f"a web address like {quote(self.example)}"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", text.strip()):
            hint = "; start it with https://" if re.match(r"^[^\s:/]+\.[^\s]+$", text.strip()) else ""
            report(node, path, f"expected {self.expected()}, got {quote(text)}{hint}")
            return INVALID
        return text.strip()

    def schema(self) -> dict[str, Any]:
        return self.annotate({"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"})


@dataclass(frozen=True)
class Date(Kind):
    example: str = "2026-06-30"

    def expected(self) -> str:
        return f"a date like {self.example}"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text.strip())
        if not match:
            hint = "; write the day only, without a time" if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]", text) else ""
            report(node, path, f"expected {self.expected()}, got {quote(text)}{hint}")
            return INVALID
        year, month, day = (int(g) for g in match.groups())
        try:
            date = dt.date(year, month, day)
        except ValueError:
            report(node, path, f"{text.strip()} is not a real date{why_not_a_date(year, month)}")
            return INVALID
        if not FIRST_YEAR <= year <= LAST_YEAR:
            report(node, path, f"{text.strip()} is not in the years a plan can hold ({FIRST_YEAR} to {LAST_YEAR}); "
                               "check its year")
            return INVALID
        return date

    def schema(self) -> dict[str, Any]:
        centuries = "|".join(str(c) for c in range(FIRST_YEAR // 100, LAST_YEAR // 100 + 1))
        pattern = rf"^(?:{centuries})\d{{2}}-\d{{2}}-\d{{2}}$"
        return self.annotate({"type": "string", "format": "date", "pattern": pattern})


def why_not_a_date(year: int, month: int) -> str:
    if not 1 <= month <= 12:
        return f": there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    return f": {calendar.month_name[month]} {year} has {days} days"


@dataclass(frozen=True)
class Int(Kind):
    minimum: int = 0
    maximum: int | None = None
    limit_why: str = ""

    def expected(self) -> str:
        return f"a whole number like {self.example}" if self.example else "a whole number"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        if not re.fullmatch(r"[+-]?[0-9]+", text.strip()):
            report(node, path, f"expected {self.expected()}, got {quote(text)}")
            return INVALID
        digits = len(text.strip().lstrip("+-").lstrip("0"))
        if digits > MAX_DIGITS:  # past any limit here (and Python reads no more than 4,300 digits)
            limit = f"at least {self.minimum}" if text.strip().startswith("-") else f"at most {self.maximum}"
            report(node, path, f"must be {limit}{self.limit_why}, got a number of {digits} digits")
            return INVALID
        value = int(text)
        if value < self.minimum:
            report(node, path, f"must be at least {self.minimum}, got {value}")
            return INVALID
        if self.maximum is not None and value > self.maximum:
            report(node, path, f"must be at most {self.maximum}{self.limit_why}, got {value}")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        # a quoted number ("45") is read as the number, so the schema takes digits as text too
        out: dict[str, Any] = {"type": ["integer", "string"], "pattern": r"^[+-]?[0-9]+$", "minimum": self.minimum}
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return self.annotate(out)

    def example_value(self) -> Any:
        return int(self.example)


@dataclass(frozen=True)
class Bool(Kind):
    def expected(self) -> str:
        return "true or false"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        quoted = isinstance(node, ScalarNode) and bool(node.style)  # read_text is given scalars only
        if not quoted and text in ("true", "false"):
            return text == "true"
        report(node, path, f"expected true or false, got {quote(text)}{bool_hint(text, quoted)}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self.annotate({"type": "boolean"})

    def example_value(self) -> Any:
        return self.example == "true"


def bool_hint(text: str, quoted: bool) -> str:
    """How to write a yes/no the learner wrote otherwise."""
    word = {"true": "true", "yes": "true", "y": "true", "on": "true",
            "false": "false", "no": "false", "n": "false", "off": "false"}.get(text.strip().lower())
    if word is None:
        return ""
    return f"; write {word} without quotes" if quoted else f"; write {word}"


@dataclass(frozen=True)
class Choice(Kind):
    choices: tuple[str, ...] = ()

    def expected(self) -> str:
        return "one of " + ", ".join(self.choices)

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        if text in self.choices:
            return text
        report(node, path, f"expected {self.expected()}, got {quote(text)}{did_you_mean(text, self.choices)}")
        return INVALID

    def schema(self) -> dict[str, Any]:
        return self.annotate({"type": "string", "enum": list(self.choices)})


@dataclass(frozen=True)
class TimeZone(Kind):
    example: str = "Europe/London"

    def expected(self) -> str:
        return f"a time zone name like {self.example} or America/New_York"

    def read_text(self, text: str, node: Node, path: str, report: Report) -> Any:
        zones = time_zones()
        if text in zones:
            return text
        offset = re.fullmatch(r"(UTC|GMT)?\s*[+-]\s*[0-9]{1,2}(:?[0-9]{2})?", text.strip(), re.IGNORECASE)
        hint = "; use the name of your zone like Europe/Paris, not an offset" if offset else did_you_mean(text, zones)
        report(node, path, f"unknown time zone {quote(text)}{hint or '; use an IANA name like Europe/London'}")
        return INVALID


@functools.cache
def time_zones() -> frozenset[str]:
    """The IANA zone names: read once per process, as listing them walks the whole time zone database."""
    return frozenset(zoneinfo.available_timezones())


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind = field(default_factory=Text)
    min_items: int = 0

    def expected(self) -> str:
        return f"a list like {self.example}" if self.example else "a list"

    def read(self, node: Node, path: str, report: Report) -> Any:
        if is_null(node):
            node = SequenceNode("tag:yaml.org,2002:seq", [], node.start_mark, node.end_mark)
        if not isinstance(node, SequenceNode):
            hint = "; start each item with '- '" if isinstance(node, MappingNode) else ""
            report(node, path, f"expected {self.expected()}, got {describe(node)}{hint}")
            return INVALID
        if len(node.value) < self.min_items:
            report(node, path, f"the list is empty; list at least one{self.empty_hint()}")
            return INVALID
        return [self.item.read(child, f"{path}[{i}]", report) for i, child in enumerate(node.value)]

    def empty_hint(self) -> str:
        return f" (for example {self.example})" if self.example else ""

    def schema(self) -> dict[str, Any]:
        # `log:` with nothing after it is an empty list, unless the list may not be empty
        out: dict[str, Any] = {"type": "array" if self.min_items else ["array", "null"], "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(frozen=True)
class Key:
    name: str
    kind: Kind
    required: bool = False

    def hint(self) -> str:
        """' (what it is; for example key: value)' for a message about a missing key."""
        if not self.kind.example or isinstance(self.kind, (Record, ListOf)):
            return f" ({self.kind.doc[:1].lower()}{self.kind.doc[1:].rstrip('.')})" if self.kind.doc else ""
        return f" ({self.kind.doc[:1].lower()}{self.kind.doc[1:]}; for example {self.name}: {self.kind.example})"


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with known keys. Reads into `Fields`: the values and the nodes they came from."""

    keys: tuple[Key, ...] = ()

    def expected(self) -> str:
        return "a mapping of " + ", ".join(k.name for k in self.keys)

    def read(self, node: Node, path: str, report: Report) -> Any:
        if not isinstance(node, MappingNode):
            report(node, path, f"expected {self.expected()}, got {describe(node)}")
            return INVALID
        known = {k.name: k for k in self.keys}
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        value_nodes: dict[str, Node] = {}
        reported: set[str] = set()  # required keys whose absence a message already explains
        names = [k.name for k in self.keys]
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                report(key_node, path or "(top level)", f"a key must be a word like {names[0]}, "
                                                        f"got {describe(key_node)}")
                continue
            name = key_node.value
            where = f"{path}.{field_name(name)}" if path else field_name(name)
            value_node = at_key(key_node, value_node)
            if name in nodes:
                first = nodes[name].start_mark.line + 1
                report(key_node, where, f"the key {quote(name)} appears twice here (first on line {first}); keep one")
            elif name == "<<" and (key_node.tag or "").endswith(":merge"):
                reported.update(names)  # the keys it was to bring
                report(key_node, where, "merge keys ('<<: *name') are not read here; write the keys out in full")
            elif name not in known:
                hint = did_you_mean(name, names)
                reported.add(hint.split("'")[1] if hint else "")
                report(key_node, where, f"unknown key {quote(name)}{hint or self.known_keys()}")
            else:
                nodes[name] = key_node
                value_nodes[name] = value_node
                values[name] = known[name].kind.read(value_node, where, report)
        for key in self.keys:
            if key.required and key.name not in nodes:
                values[key.name] = INVALID
                if key.name not in reported:  # a misspelt key is one mistake, reported once
                    report(node, path or "(top level)", f"missing required key {quote(key.name)}{key.hint()}")
        return Fields(values, value_nodes, node, path)

    def known_keys(self) -> str:
        return " (expected one of: " + ", ".join(k.name for k in self.keys) + ")"

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k.name: k.kind.schema() for k in self.keys},
            "additionalProperties": False,
        }
        required = [k.name for k in self.keys if k.required]
        if required:
            out["required"] = required
        if self.doc:
            out["description"] = self.doc
        return out


def field_name(name: str) -> str:
    """A key as it stands in a field's path: quoted when it is not a plain word (a misspelt key can hold anything)."""
    return name if re.fullmatch(r"[A-Za-z0-9_<-]+", name) else quote(name)


def at_key(key: Node, value: Node) -> Node:
    """An empty value (`title:` and nothing more) placed at its key; YAML places it at the next token."""
    if is_null(value) and not value.value:
        return ScalarNode(NULL_TAG, "", key.start_mark, key.end_mark)
    return value


@dataclass
class Fields:
    """A record as read: its values (INVALID where a problem was reported) and where each key stood."""

    values: dict[str, Any]
    value_nodes: dict[str, Node]
    node: Node
    path: str

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def valid(self) -> bool:
        return all(v is not INVALID and (not isinstance(v, Fields) or v.valid) for v in self.values.values())

    def where(self, name: str) -> tuple[Node, str]:
        """The value node and field path to point at for a problem with key `name`."""
        return self.value_nodes.get(name, self.node), f"{self.path}.{name}" if self.path else name
