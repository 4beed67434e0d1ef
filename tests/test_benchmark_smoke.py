"""The suite runs the benchmark once, at its smallest size (XS: 20 notes, 100 commits): it must still work. Its
figures are not judged here (see benchmarks/), so the smallest repository that goes through every step will do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sites import ROOT


@pytest.mark.heavy
def test_the_benchmark_runs_and_prints_its_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "XS", "--runs", "1", "--warmup", "0",
         "--work", str(tmp_path), "--json", str(tmp_path / "figures.json")],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    row = next(line for line in done.stdout.splitlines() if line.startswith("| XS |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == "21" and cells[2] == "100"  # 20 notes and the home page; 100 commits
    assert cells[3].endswith(" s") and cells[4].endswith(" s") and cells[5].endswith("×")
    assert (tmp_path / "figures.json").is_file()
