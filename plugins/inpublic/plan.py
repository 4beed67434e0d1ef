"""load_plan(path) -> Plan: the only reader of progress.yaml. Every mistake becomes a Problem with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node
from ruamel.yaml.reader import ReaderError

from .model import Commitment, Learner, LogEntry, Milestone, Plan, Resource, Subject
from .plan_checks import check_plan
from .plan_spec import PLAN
from .problems import PlanError, Problem
from .spec import INVALID, Fields, is_null

INIT_HINT = "run `inpublic init` to start from a commented example"


def load_plan(path: Path, name: str | None = None) -> Plan:
    """Read and validate the plan at `path`; raise PlanError listing every problem in file order.

    `name` is how the file is called in messages (default: the file name).
    """
    label = name or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError([Problem(0, 0, "", f"no such file; create it, or {INIT_HINT}", label)]) from None
    except UnicodeDecodeError as err:
        line = err.object[: err.start].count(b"\n") + 1
        message = f"not UTF-8 text (line {line} has the byte 0x{err.object[err.start]:02x}); save the file as UTF-8"
        raise PlanError([Problem(0, 0, "", message, label)]) from None
    except OSError as err:
        raise PlanError([Problem(0, 0, "", f"cannot be read: {err.strerror}", label)]) from None
    return parse_plan(text, label)


def parse_plan(text: str, label: str = "progress.yaml") -> Plan:
    """Validate the text of a plan; raise PlanError listing every problem in file order."""
    problems: list[Problem] = []

    def report(node: Node, path: str, message: str) -> None:
        mark = node.start_mark
        problems.append(Problem(mark.line + 1, mark.column + 1, path, message, label))

    root = compose(text, label)
    if root is None or is_null(root):
        empty = "holds only comments" if "#" in text else "is empty"
        raise PlanError([Problem(1, 1, "", f"the file {empty}; describe your plan in it, or {INIT_HINT}", label)])
    fields = PLAN.read(root, "", report)
    if fields is not INVALID:
        check_plan(fields, report)
    if problems:
        raise PlanError(problems)
    return build_plan(fields)


def compose(text: str, label: str) -> Node | None:
    """The YAML node tree, with positions; a syntax error becomes one Problem.

    libyaml (ruamel.yaml.clib) composes a long log ten times faster than ruamel's pure Python parser and gives
    the same nodes; the pure parser is asked again only for a file with a syntax error, as it words them better.
    """
    try:
        return YAML(typ="safe", pure=False).compose(text)
    except YAMLError:
        pass
    try:
        return YAML(typ="rt").compose(text)
    except MarkedYAMLError as err:
        mark = err.context_mark if unclosed(err) else err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise PlanError([Problem(line, column, "", syntax_message(err, text), label)]) from None
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        message = f"YAML syntax error: the invisible character U+{err.character:04X} is not allowed; delete it"
        raise PlanError([Problem(line, column, "", message, label)]) from None
    except YAMLError as err:
        raise PlanError([Problem(1, 1, "", f"YAML syntax error: {err}", label)]) from None


def unclosed(err: MarkedYAMLError) -> bool:
    """A quote or bracket left open: the place to show is where it opens, not where the file ends."""
    context, problem = err.context or "", err.problem or ""
    quoted = "quoted scalar" in context and "end of stream" in problem
    return err.context_mark is not None and (quoted or context.startswith("while parsing a flow"))


def syntax_message(err: MarkedYAMLError, text: str) -> str:
    if unclosed(err):
        return unclosed_message(err)
    problem = (err.problem or err.context or "invalid YAML").strip()
    message = f"YAML syntax error: {problem}"
    if "\t" in problem or "'\\t'" in problem:
        return message + "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return message + colon_hint(err, text)
    if "found '<scalar>'" in problem and after_quote(err.problem_mark, text):
        return message + "; a quote above this line is probably never closed, so this line's quote closed it"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return message + "; check the indentation of this line against the lines above it"
    if "unknown escape character" in problem:
        return message + "; in double quotes '\\' starts an escape: use single quotes instead, like 'C:\\notes'"
    if "found undefined alias" in problem:
        return message + "; '*' starts an alias in YAML, quote text that starts with '*'"
    if "expected a single document" in (err.context or ""):
        return "YAML syntax error: a second document starts here; remove the '---' line, the plan is one document"
    return message


def after_quote(mark: Any, text: str) -> bool:
    """Whether the text at `mark` follows a quote: a quote left open above ended there."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column == 0:
        return False
    return lines[mark.line][mark.column - 1] in "\"'"


def unclosed_message(err: MarkedYAMLError) -> str:
    if "quoted scalar" in (err.context or ""):
        return "YAML syntax error: the quote that opens here is never closed; add the closing quote"
    opening, closing = ("[", "]") if "sequence" in (err.context or "") else ("{", "}")
    found = (err.problem or "invalid YAML").strip()
    found += f" on line {err.problem_mark.line + 1}" if err.problem_mark else ""
    return f"YAML syntax error: {found}; check that the '{opening}' here is closed with '{closing}'"


def colon_hint(err: MarkedYAMLError, text: str) -> str:
    """A second ': ' on a line is text to quote; a ': ' on a line of its own is an indentation mistake."""
    mark, lines = err.problem_mark, text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    first = line.find(": ")
    if mark is None or not 0 <= first < mark.column:
        return "; check the indentation of this line against the lines above it"
    key, value = line[:first].lstrip(" -"), line[first + 2 :].strip()
    if '"' in value or "\\" in value:
        return "; quote text that contains ': '"
    return f"; quote text that contains ': ', for example {key}: \"{value}\""


def build_plan(fields: Fields) -> Plan:
    """The frozen Plan from validated fields."""
    v = fields.values
    learner = Learner(**v["learner"].values)
    subjects = tuple(build_subject(s) for s in v["subjects"])
    resources = {r.id: r for s in subjects for r in s.resources}
    commitments = tuple(
        Commitment(**{**c.values, "covers": tuple(c.values["covers"])}) for c in v.get("commitments") or ()
    )
    log = tuple(
        LogEntry(**{**e.values, "resource": resource_id(e.values["resource"], resources)}) for e in v.get("log") or ()
    )
    milestones = tuple(Milestone(**m.values) for m in v.get("milestones") or ())
    return Plan(learner, subjects, commitments, log, milestones)


def build_subject(fields: Fields) -> Subject:
    v: dict[str, Any] = fields.values
    resources = tuple(Resource(subject=v["id"], **r.values) for r in v["resources"])
    return Subject(v["id"], v["title"], resources)


def resource_id(ref: str, resources: dict[str, Resource]) -> str:
    """A log entry's resource as its id (the learner may write `subject/resource`)."""
    return ref if ref in resources else ref.split("/", 1)[-1]
