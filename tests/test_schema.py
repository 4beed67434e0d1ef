"""The JSON Schema shipped for editors: current, and agreeing with the loader where a schema can see."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, FormatChecker
from ruamel.yaml import YAML
from ruamel.yaml.error import ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from inpublic.plan.schema import SCHEMA_PATH, plan_schema, schema_text
from sites import ROOT

PLANS = Path(__file__).parent / "plans"
# Mistakes no JSON Schema can see: they need two fields at once (unique ids, references, sums, date order),
# the IANA time zone list, or YAML's own duplicate keys. The loader reports each of them.
SCHEMA_BLIND = {
    "commitment-covers-unknown-typo", "commitment-covers-unknown", "commitment-due-before-made", "done-above-units",
    "duplicate-commitment-id", "duplicate-resource-id", "duplicate-subject-id", "log-resource-is-subject",
    "log-units-over-total", "log-unknown-resource-typo", "log-unknown-resource", "log-unknown-subject-prefix",
    "log-wrong-subject", "minutes-over-a-day-summed", "resource-id-is-subject-id", "timezone-abbreviation",
    "timezone-typo", "timezone-unknown", "timezone-wrong-case", "duplicate-key", "log-unknown-resource-repeated",
    "duplicate-commitment-id-case", "rest-days-twice", "rest-days-every-day", "break-ends-before-it-starts",
}
# Plans that make no JSON document to give a schema: aliases repeat them into millions of entries or into
# themselves, or a number has more digits than Python reads. The loader reports each of them.
NO_JSON = {"yaml-alias-bomb", "yaml-alias-inside-itself", "units-huge-number", "yaml-version-many-digits"}
SCALARS = {
    "int": lambda s: int(s, 0) if s[:2].lower() in ("0x", "0o") else int(s),
    "float": lambda s: float(s.replace(".nan", "nan").replace(".inf", "inf")),
    "bool": lambda s: s.lower() == "true",
    "null": lambda s: None,
}


def as_json(node: Node) -> Any:
    """YAML as an editor's language server sees it (YAML 1.2 core schema: dates stay text)."""
    if isinstance(node, MappingNode):
        return {k.value: as_json(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [as_json(item) for item in node.value]
    kind = node.tag.rsplit(":", 1)[-1]
    return SCALARS[kind](node.value) if kind in SCALARS and node.style is None else node.value


def load(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReusedAnchorWarning)  # YAML lets an anchor be set again
        node = YAML(typ="rt").compose(path.read_text(encoding="utf-8"))
    return None if node is None else as_json(node)


def errors(data: Any) -> list[str]:
    validator = Draft7Validator(plan_schema(), format_checker=FormatChecker())
    return [e.message for e in validator.iter_errors(data)]


def test_the_shipped_schema_is_current(regen_golden: bool) -> None:
    if regen_golden:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == plan_schema()
    Draft7Validator.check_schema(plan_schema())


def test_the_example_points_editors_at_the_schema_and_passes_it() -> None:
    first_line = (ROOT / "progress.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=plugins/inpublic/schema/progress.schema.json"
    assert (ROOT / first_line.split("=", 1)[1]).resolve() == SCHEMA_PATH.resolve()
    assert errors(load(ROOT / "progress.yaml")) == []


@pytest.mark.parametrize("path", sorted((PLANS / "good").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_schema_accepts_every_good_plan(path: Path) -> None:
    assert errors(load(path)) == []


def parseable_bad_plans() -> list[Path]:
    out = []
    for path in sorted((PLANS / "bad").glob("*.yaml")):
        if path.stem in NO_JSON:
            continue
        try:
            load(path)
        except (YAMLError, UnicodeDecodeError):  # a syntax error: the editor's YAML parser shows it
            continue
        except AssertionError:  # ruamel.yaml's way of refusing `%YAML 1.3`, which editors refuse too
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", parseable_bad_plans(), ids=lambda p: p.stem)
def test_the_schema_rejects_the_bad_plans_it_can_see(path: Path) -> None:
    if path.stem in SCHEMA_BLIND:
        assert errors(load(path)) == [], "the schema now sees this mistake: remove it from SCHEMA_BLIND"
    else:
        assert errors(load(path)) != []
