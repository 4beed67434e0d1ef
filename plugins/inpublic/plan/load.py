"""load_plan(path) -> Plan: the only reader of progress.yaml. Every mistake becomes a Problem with its place."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import Node
from ruamel.yaml.reader import ReaderError

from inpublic.model import Break, Commitment, Learner, LogEntry, Milestone, Plan, Resource, Rest, Subject
from inpublic.plan.checks import check_plan
from inpublic.plan.fields import PLAN
from inpublic.plan.spec import INVALID, Fields, is_null
from inpublic.plan.syntax import pure_yaml, refused, repeated_by_aliases, syntax_problem
from inpublic.problems import PlanError, Problem

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
    repeated = repeated_by_aliases(root, text)
    if repeated:
        raise PlanError([Problem(repeated[0], repeated[1], "", repeated[2], label)])
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

    The text is first looked at for what no parser should be given (plan/syntax.py's `refused`). libyaml
    (ruamel.yaml.clib) composes a long log ten times faster than ruamel's pure Python parser and gives the same
    nodes; the pure parser is asked again only for a file with a syntax error, as it words them better.
    """
    found, libyaml_may_read = refused(text)
    if found:
        raise PlanError([Problem(found[0], found[1], "", found[2], label)])
    if libyaml_may_read:
        try:
            node: Node | None = YAML(typ="safe", pure=False).compose(text)
            return node
        except YAMLError:
            pass
    yaml = pure_yaml()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReusedAnchorWarning)  # YAML lets an anchor be set again (libyaml refuses)
            node = yaml.compose(text)
            return node
    except MarkedYAMLError as err:
        line, column, message = syntax_problem(err, text, yaml.scanner.quoted)
        raise PlanError([Problem(line, column, "", message, label)]) from None
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        message = f"YAML syntax error: the invisible character U+{err.character:04X} is not allowed; delete it"
        raise PlanError([Problem(line, column, "", message, label)]) from None
    except YAMLError as err:
        raise PlanError([Problem(1, 1, "", "YAML syntax error: " + " ".join(str(err).split()), label)]) from None


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
    return Plan(learner, subjects, commitments, log, milestones, build_rest(fields), tuple(v.get("peers") or ()))


def build_rest(fields: Fields) -> Rest:
    """The rest days and the breaks, the breaks in date order."""
    breaks = (
        Break(b.values["from"], b.values["to"], b.values.get("note"), b.values.get("private", False))
        for b in fields.get("breaks") or ()
    )
    return Rest(frozenset(fields.get("rest_days") or ()), tuple(sorted(breaks, key=lambda b: (b.start, b.end))))


def build_subject(fields: Fields) -> Subject:
    v: dict[str, Any] = fields.values
    resources = tuple(Resource(subject=v["id"], **r.values) for r in v["resources"])
    return Subject(v["id"], v["title"], resources)


def resource_id(ref: str, resources: dict[str, Resource]) -> str:
    """A log entry's resource as its id (the learner may write `subject/resource`)."""
    return ref if ref in resources else ref.split("/", 1)[-1]
