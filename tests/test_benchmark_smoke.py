"""CI runs the S benchmark once: it must still work (its figures are not judged here; see benchmarks/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sites import ROOT


def test_the_s_benchmark_runs_and_prints_its_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "S", "--runs", "1", "--warmup", "0",
         "--work", str(tmp_path), "--json", str(tmp_path / "figures.json")],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    row = next(line for line in done.stdout.splitlines() if line.startswith("| S |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == "201" and cells[2] == "1,000"  # 200 notes and the home page; 1,000 commits
    assert cells[3].endswith(" s") and cells[4].endswith(" s") and cells[5].endswith("×")
    assert (tmp_path / "figures.json").is_file()
