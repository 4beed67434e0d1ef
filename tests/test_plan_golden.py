"""Golden tests of the plan loader: each plan in tests/plans loads to its dump, or fails with its exact messages.

After an intended change of wording or of the dump: pytest tests/test_plan_golden.py --regen-golden
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from golden import check_golden
from inpublic.plan.load import load_plan
from inpublic.problems import PlanError

PLANS = Path(__file__).parent / "plans"
NO_POSITION = {"not-utf8"}  # the file cannot be decoded, so there is no line to point at


def fixtures(kind: str) -> list[Path]:
    return sorted((PLANS / kind).glob("*.yaml"))


def dump(plan: object) -> str:
    return json.dumps(dataclasses.asdict(plan), indent=2, default=str, ensure_ascii=False)


@pytest.mark.parametrize("path", fixtures("good"), ids=lambda p: p.stem)
def test_good_plan_loads(path: Path, regen_golden: bool) -> None:
    check_golden(path.with_suffix(".expected"), dump(load_plan(path)) + "\n", regen_golden)


@pytest.mark.parametrize("path", fixtures("bad"), ids=lambda p: p.stem)
def test_bad_plan_reports(path: Path, regen_golden: bool) -> None:
    with pytest.raises(PlanError) as caught:  # any other exception fails the test
        load_plan(path)
    error = caught.value
    check_golden(path.with_suffix(".expected"), f"{error}\n", regen_golden)
    if path.stem not in NO_POSITION:
        assert all(p.line >= 1 and p.column >= 1 for p in error.problems), error.problems
    places = [(p.line, p.column) for p in error.problems]
    assert places == sorted(places), "problems are not in file order"
    assert str(error).splitlines()[: len(places)] == [str(p) for p in error.problems]


def test_fixtures_are_complete() -> None:
    assert len(fixtures("good")) >= 4 and len(fixtures("bad")) >= 45
    orphans = [e.name for e in PLANS.glob("*/*.expected") if not e.with_suffix(".yaml").exists()]
    assert not orphans, f"golden files without a plan: {orphans}"


def test_a_plan_that_is_a_folder_or_missing_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "progress.yaml").mkdir()
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path / "progress.yaml")
    assert str(caught.value) == "progress.yaml: cannot be read: Is a directory"
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path / "plan.yaml", name="plan.yaml")
    assert str(caught.value).startswith("plan.yaml: no such file; create it, or run `inpublic init`")
