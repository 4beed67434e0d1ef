"""No plan crashes the loader: 10,000 broken plans from tests/plan_fuzz.py each load, or fail with located messages.

A failure names the seed and the case, and `python tests/plan_fuzz.py SEED INDEX` prints that plan. The nastiest
inputs also go through `inpublic check` in a process of its own, to prove that none kills the process.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent

from inpublic.model import Plan
from inpublic.plan.load import parse_plan
from inpublic.plan.syntax import AS_NEWLINES, MAX_DEPTH, flow_bound
from inpublic.problems import PlanError
from plan_fuzz import EXAMPLE, Case, Fuzzer, bracketed

pytestmark = pytest.mark.heavy

SEED = 20261122
CASES = 10_000
PARTS = 8
LOCATED = re.compile(r"progress\.yaml:[1-9][0-9]*:[1-9][0-9]*: \S")


def failure(case: Case) -> str | None:
    """What is wrong with how the loader takes the case's plan, or None."""
    try:
        plan = parse_plan(case.text, "progress.yaml")
    except PlanError as err:
        if not err.problems:
            return "PlanError without a problem"
        for problem in err.problems:
            message = str(problem)
            if not LOCATED.match(message):
                return f"a message without a line and column: {message!r}"
            if not message.isprintable():
                return f"a message with a line break or a control character: {message!r}"
        return None
    except Exception:  # noqa: BLE001 - any other exception is what this test looks for
        return traceback.format_exc()
    return None if isinstance(plan, Plan) else f"returned {plan!r}"


@pytest.mark.parametrize("part", range(PARTS))
def test_no_plan_crashes_the_loader(part: int) -> None:
    """The cases in `PARTS` parts of the same size, which `pytest -n` can run side by side."""
    fuzzer = Fuzzer(SEED)
    started = time.perf_counter()
    failures = []
    for case in map(fuzzer.case, range(part * CASES // PARTS, (part + 1) * CASES // PARTS)):
        found = failure(case)
        if found:
            failures.append(f"{case}:\n{found}")
            if len(failures) >= 5:
                break
    elapsed = time.perf_counter() - started
    assert not failures, "\n\n".join(failures)
    print(f"{CASES // PARTS} plans in {elapsed:.1f} s")


def nasty(tmp_path: Path) -> list[Path]:
    """Plans that once crashed the process or could: nesting 30,000 deep, bombs, directives, huge numbers."""
    example = EXAMPLE.read_text(encoding="utf-8")
    laughs = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10))
    texts = {
        "brackets": "[" * 30_000 + "]" * 30_000 + "\n",
        "braces": "learner: " + "{a: " * 30_000 + "}" * 30_000 + "\n",
        "brackets-open": "subjects: " + "[" * 100_000 + "\n",
        "dashes": "- " * 30_000 + "x\n",
        "indentation": "".join(" " * i + "a:\n" for i in range(3_000)),
        "dashes-in-the-example": example.replace("subjects:\n", "subjects:\n" + "- " * 30_000 + "x\n", 1),
        "brackets-in-the-example": example.replace("covers: [", "covers: " + "[" * 30_000, 1),
        "pairs-in-brackets": "log: " + "[a: " * 20_000 + "\n",
        "yaml-1.3": "%YAML 1.3\n---\n" + example,
        "yaml-1.0": "%YAML 1.0\n---\n" + example,
        "tag-directive": "%TAG ! tag:example.com,2000:\n---\n" + example.replace("kind: book", "kind: !x book"),
        "billion-laughs": 'l0: &l0 "lol"\n' + laughs + example.replace("covers: [", "covers: [*l9, ", 1),
        "aliases-through-subjects": alias_squared(300),
        "huge-number": example.replace("units: 60", "units: " + "9" * 100_000, 1),
        "merge-keys": example.replace("  - date: 2026-10-06", "  - <<: *x\n    date: 2026-10-06", 1)
        .replace("  - date: 2026-10-05\n", "  - &x\n    date: 2026-10-05\n", 1),
        "unclosed-quote": example.replace('note: "', 'note: "x', 1).replace('"\n', "\n", 1),
        "control-characters": example.replace("Sam Rivera", "Sam\x1b[31m\x07Rivera"),
        "crlf-bom": "\ufeff" + example.replace("\n", "\r\n"),
        "truncated": example[:1234],
        "long-id": example.replace("id: june", "id: " + "june-" * 60, 1),
    }
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def alias_squared(size: int) -> str:
    """`size` subjects that are one subject of `size` resources that are one resource: size² from a few lines."""
    resource = "&r {id: r, title: R, kind: book, units: 3, unit: chapters}"
    subject = f"&s {{id: s, title: S, resources: [{resource}{', *r' * (size - 1)}]}}"
    learner = "learner: {name: Sam, bio: Learning, timezone: UTC, started: 2026-10-05}\n"
    return learner + f"subjects: [{subject}{', *s' * (size - 1)}]\n"


def test_the_nastiest_plans_do_not_kill_inpublic_check(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    command = [sys.executable, "-m", "inpublic.cli.main", "check", "--plan"]
    running = []
    results = []
    plans = nasty(tmp_path)
    for path in plans:  # two at a time, for the two cores of CI
        running.append((path, subprocess.Popen([*command, str(path)], cwd=tmp_path, env=env,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        if len(running) == 2:
            results += [(p, proc.communicate(timeout=60), proc.returncode) for p, proc in running]
            running = []
    results += [(p, proc.communicate(timeout=60), proc.returncode) for p, proc in running]
    assert len(results) == len(plans) > 0
    for path, (out, err), code in results:
        assert code in (0, 1), f"{path.name}: exit {code}\n{out}\n{err}"
        assert "Traceback" not in err, f"{path.name}:\n{err}"
        lines = [line for line in (out + err).splitlines() if line.strip()]
        assert lines and all(line.startswith(str(path)) or "problems in" in line for line in lines), lines


def flow_depth(text: str) -> int:
    """The most lists and mappings in brackets open at once, as the pure parser reads the text (to its error)."""
    stack: list[bool] = []
    deepest = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                stack.append(bool(event.flow_style))
                deepest = max(deepest, sum(stack))
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                stack.pop()
    except (YAMLError, AssertionError):  # ruamel asserts on %YAML 1.3
        pass
    return deepest


def test_the_quick_bound_of_brackets_is_never_below_what_yaml_reads() -> None:
    """flow_bound lets libyaml read a text with many brackets: it must never count fewer than are open."""
    rng = random.Random(SEED)
    fuzzer = Fuzzer(SEED)
    texts = [bracketed(rng) for _ in range(1500)] + [fuzzer.case(i).text for i in range(0, CASES, 20)]
    checked = 0
    for i, text in enumerate(texts):
        text = text.translate(AS_NEWLINES)
        bound = flow_bound(text)
        if bound < MAX_DEPTH:
            assert flow_depth(text) <= 2 * bound, f"text {i} (bound {bound}): {text!r}"
            checked += 1
    assert checked > len(texts) // 4  # many texts are under the bound, so the check above ran on them (729 of 2000)


@pytest.mark.parametrize("index", range(3))
def test_a_case_is_made_again_from_its_seed_and_index(index: int) -> None:
    assert Fuzzer(SEED).case(index) == Fuzzer(SEED).case(index)

