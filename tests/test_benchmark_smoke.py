"""The suite runs the benchmark once, at its smallest size (XS: 20 notes, 100 commits), in both shapes: it must still
work. Its figures are not judged here (see benchmarks/), so the smallest repositories that go through every step
will do."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sites import ROOT

ZENSICAL = importlib.util.find_spec("zensical") is not None
FAKETIME = "FAKETIME" in os.environ  # `make test-year-ahead`: Zensical's runtime hangs under libfaketime


def row(output: str, name: str, header: str) -> list[str]:
    """The cells of the row `name` of the table whose header starts with `header`."""
    table = output.split(header, 1)[1]
    line = next(line for line in table.splitlines() if line.startswith(f"| {name} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.heavy
def test_the_benchmark_runs_and_prints_its_tables(tmp_path: Path) -> None:
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n<!-- results -->\nstale figures\n<!-- results -->\n\n## Zensical\n\n"
                    "<!-- zensical results -->\nstale figures\n<!-- zensical results -->\n\nThe end.\n",
                    encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "XS", "--shapes", "synthetic,realistic",
         "--runs", "1", "--warmup", "0", "--work", str(tmp_path), "--json", str(tmp_path / "figures.json"),
         "--docs", str(docs), *(["--no-zensical"] if FAKETIME else [])],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = "| repository | notes | commits | floor |"
    for name in ("XS", "XS realistic"):
        cells = row(done.stdout, name, results)
        assert cells[1] == "21" and cells[2] == "100"  # 20 notes and the home page; 100 commits
        assert cells[3].endswith(" s") and cells[4].endswith(" s") and cells[5].endswith("×")
        assert " s (imports " in cells[11] and ", start " in cells[11]  # the history read, its imports apart
    figures = json.loads((tmp_path / "figures.json").read_text())
    assert [(f["size"], f["shape"]) for f in figures] == [("XS", "synthetic"), ("XS realistic", "realistic")]
    written = docs.read_text(encoding="utf-8")
    assert "stale figures" not in written and written.endswith("<!-- zensical results -->\n\nThe end.\n")
    assert written.split("<!-- results -->")[1].count("| XS") == 2
    zensical = written.split("<!-- zensical results -->")[1]
    if not ZENSICAL or FAKETIME:
        said = "Zensical is not installed" if not ZENSICAL else "With --no-zensical"
        assert said in done.stdout and "| XS" not in zensical
        return
    for name in ("XS", "XS realistic"):
        cells = row(done.stdout, name, "| repository | notes | commits | Zensical, cold |")
        assert all(cells[i].endswith(" s") for i in (3, 4, 6, 7))
        assert all(cells[i].endswith("×") for i in (5, 8)) and " MB)" in cells[9]
        assert f"| {name} |" in zensical
    assert all(figure["zensical_cold"]["seconds"] > 0 and figure["zensical_floor"]["peak_mb"] > 0
               for figure in figures)


def load_run():
    spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # for its dataclasses
    spec.loader.exec_module(module)
    return module


def test_without_its_own_markers_the_zensical_table_follows_the_results(tmp_path: Path) -> None:
    run = load_run()
    figure = run.Figure(2.0, 100.0)
    result = {"size": "S realistic", "shape": "realistic", "notes": 201, "commits": 1000, "floor": figure,
              "inpublic_cold": figure, "inpublic": figure, "history": figure, "git_log": figure,
              "history_imports": 0.1, "interpreter_start": 0.02, "rebuild_hooks": 0.05, "rebuild_total": 3.0,
              "rebuild_floor": 2.5, "zensical_floor_cold": figure,
              "zensical_floor": run.Figure(1.0, 50.0), "zensical_cold": run.Figure(2.2, 150.0),
              "zensical": run.Figure(1.05, 120.0)}
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n<!-- results -->\nstale figures\n<!-- results -->\n\nThe end.\n", encoding="utf-8")
    run.write_docs(docs, [result], 3)
    block = docs.read_text(encoding="utf-8").split("<!-- results -->")
    assert len(block) == 3 and block[2] == "\n\nThe end.\n" and "stale figures" not in block[1]
    results, zensical = block[1].split(run.ZENSICAL_CAPTION)
    assert "| S realistic | 201 | 1,000 | 2.00 s |" in results
    assert ("| S realistic | 201 | 1,000 | 2.00 s | 2.20 s | 1.10× | 1.00 s | 1.05 s | 1.05× | 1.50× (150 / 100 MB) |"
            in zensical)
    assert "Medians of 3 runs" in zensical and "Medians" not in results  # the machine's line ends the block
    without = {k: v for k, v in result.items() if not k.startswith("zensical")}
    assert run.zensical_table([without]) == ""


def test_an_unknown_shape_is_refused_before_any_work(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "XS", "--shapes",
                           "synthetic,tidy", "--work", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "unknown shape tidy" in done.stderr
    one = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "XS,M:tidy", "--work",
                          str(tmp_path)], capture_output=True, text=True, timeout=60)  # one size in one shape
    assert one.returncode == 2 and "unknown shape tidy" in one.stderr
    assert not list(tmp_path.iterdir())
