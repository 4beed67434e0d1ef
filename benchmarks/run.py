#!/usr/bin/env python3
"""Measure what inpublic costs, against the floor and against the tools users would pick instead.

    python benchmarks/run.py [--sizes S,M,L] [--runs 3] [--others S,M] [--docs docs/inpublic/benchmarks.md]

For each size it generates a synthetic learner repository (benchmarks/generate.py) and measures, on that same
repository, the median wall time and peak memory (the mkdocs process's maximum resident set) of:

1. `mkdocs build` with Material and no plugins: the floor;
2. the same with the inpublic plugin, every feature on: cold (no `.cache/inpublic`, as in a first build or a
   workflow without `actions/cache`) and warm (the reports as the build before converted them);
3. the same with mkdocs-rss-plugin + mkdocs-git-revision-date-localized-plugin (with --others; they are
   installed in their own environment, benchmarks/.work/venv-others, so their pins cannot clash with ours);
4. inpublic's history read alone (`read_history`), against one raw `git log --name-status` pass;
5. a `mkdocs serve` rebuild after a note is edited (and not committed): the whole rebuild, against the floor's
   rebuild of the same edit, and the time spent in inpublic's hooks on that second build of a serve session
   (the plugin instance lives across rebuilds, as under `mkdocs serve`).

It prints the ratios (2/1, 2/3, 4) and, with --docs, writes the results table and the machine into that file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
PYTHON = sys.executable
OTHERS = ["mkdocs-material>=9.7,<10", "mkdocs-rss-plugin", "mkdocs-git-revision-date-localized-plugin"]


@dataclass
class Figure:
    seconds: float  # median wall time
    peak_mb: float  # median peak resident memory of the process


@dataclass
class Setup:
    runs: int  # counted runs of each command
    warmup: int  # runs not counted before them
    work: Path  # where repositories, sites and the other tools' environment go


def measure(args: list[str], setup: Setup, cwd: Path, env: dict[str, str] | None = None,
            before: Callable[[], None] | None = None) -> Figure:
    """Median wall time and peak memory of a whole command over the counted runs (after the warm-up runs);
    `before` runs before each run, untimed."""
    times, peaks = [], []
    for i in range(setup.runs + setup.warmup):
        if before is not None:
            before()
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{proc.stderr.read().decode()[-3000:]}")
        proc.stderr.close()
        if i >= setup.warmup:  # the first runs warm the file cache
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    return Figure(statistics.median(times), statistics.median(peaks))


def site_config(repo: Path, name: str, plugins: str) -> Path:
    """A copy of the repository's mkdocs.yml with another `plugins:` list, next to it."""
    text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, tail = text.partition("plugins:")
    rest = tail.split("\n", 1)[1] if "\n" in tail else ""
    rest = "\n".join(line for line in rest.splitlines() if not line.startswith((" ", "-", "\t")) or not line.strip())
    path = repo / f"mkdocs.{name}.yml"
    path.write_text(f"{head}plugins:{plugins}\n{rest}\n", encoding="utf-8")
    return path


def build_command(python: str, config: Path, site: Path) -> list[str]:
    return [python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1793404800"}  # 2026-11-01


def others_python(work: Path) -> str:
    """The Python of a separate environment holding the plugins users pick today."""
    venv = work / "venv-others"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *OTHERS], check=True)
    return str(python)


def generate(size: str, work: Path) -> Path:
    repo = work / f"repo-{size}"
    if not (repo / ".git").exists():
        subprocess.run([PYTHON, str(HERE / "generate.py"), "--size", size, str(repo)], check=True,
                       stdout=subprocess.DEVNULL)
    return repo


HISTORY = """
import sys, time
from pathlib import Path
from inpublic.history.read import read_history
start = time.perf_counter()
read_history(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def history_read(repo: Path, runs: int) -> float:
    """Median seconds of `read_history` itself (in a fresh process each time, imports not counted)."""
    return statistics.median(
        float(subprocess.run([PYTHON, "-c", HISTORY, str(repo)], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    )

REBUILD = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
spent = {}
def timed(name, method):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return run
def session_build(first):
    config = load_config(sys.argv[1], site_dir=sys.argv[2])
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins.get("inpublic")
    for name, methods in config.plugins.events.items():
        methods[:] = [timed(name, m) if plugin and getattr(m, "__self__", None) is plugin else m for m in methods]
    spent.clear()
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start
note = Path(sys.argv[3])
text = note.read_text(encoding="utf-8")
session_build(True)
try:
    note.write_text(text + "\\nOne more line, saved in the editor.\\n", encoding="utf-8")  # as under `mkdocs serve`
    total = session_build(False)
finally:
    note.write_text(text, encoding="utf-8")
print(f"{sum(spent.values()):.6f} {total:.6f}")
"""


def rebuild_cost(config: Path, site: Path, note: Path, runs: int) -> tuple[float, float]:
    """Median seconds in inpublic's hooks on a serve rebuild after an edit of `note` (not committed), and the
    whole rebuild."""
    hooks, totals = [], []
    for _ in range(runs):
        out = subprocess.run([PYTHON, "-c", REBUILD, str(config), str(site), str(note)], capture_output=True,
                             text=True, env=environment(), check=True).stdout.split()
        hooks.append(float(out[0]))
        totals.append(float(out[1]))
    return statistics.median(hooks), statistics.median(totals)


def bench_size(size: str, setup: Setup, with_others: bool) -> dict[str, object]:
    repo = generate(size, setup.work)
    env = environment()
    sites = setup.work / f"site-{size}"
    runs = setup.runs
    floor_cfg = site_config(repo, "floor", " []")
    inpublic_cfg = site_config(repo, "inpublic", "\n  - inpublic")
    result: dict[str, object] = {"size": size}
    notes = sum(1 for _ in (repo / "docs").rglob("*.md"))
    commits = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, capture_output=True,
                                 text=True, check=True).stdout)
    result.update(notes=notes, commits=commits)
    result["floor"] = measure(build_command(PYTHON, floor_cfg, sites / "floor"), setup, repo, env)
    inpublic = build_command(PYTHON, inpublic_cfg, sites / "inpublic")
    cache = repo / ".cache" / "inpublic"
    result["inpublic_cold"] = measure(inpublic, setup, repo, env,
                                      before=lambda: shutil.rmtree(cache, ignore_errors=True))
    result["inpublic"] = measure(inpublic, setup, repo, env)
    if with_others:
        others_cfg = site_config(repo, "others", "\n  - rss\n  - git-revision-date-localized")
        others = build_command(others_python(setup.work), others_cfg, sites / "others")
        result["others"] = measure(others, setup, repo, env)
    result["history"] = Figure(history_read(repo, runs), 0.0)
    result["git_log"] = measure(["git", "log", "--name-status", "-M", "--format=%H %P %an %aI %cI %s"], setup,
                                repo, env)
    note = min(p for p in (repo / "docs").rglob("*.md") if "private" not in p.parts and p.name != "index.md")
    result["rebuild_hooks"], result["rebuild_total"] = rebuild_cost(inpublic_cfg, sites / "serve", note, runs)
    result["rebuild_floor"] = rebuild_cost(floor_cfg, sites / "serve-floor", note, runs)[1]
    return result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    git = subprocess.run(["git", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return (f"{os.cpu_count()} cores ({cpu}), {memory} GiB of memory, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, {git}")


def ratio(a: Figure, b: Figure) -> str:
    return f"{a.seconds / b.seconds:.2f}×"


def table(results: list[dict[str, object]]) -> str:
    rows = [
        "| size | notes | commits | floor | inpublic, cold | cold / floor | inpublic, warm | warm / floor "
        "| memory inpublic / floor "
        "| rss + git-dates | inpublic / rss + git-dates | history read | raw git log | history / git log "
        "| serve rebuild after an edit: inpublic / floor | inpublic's hooks in it |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for r in results:
        floor, cold, inp, hist, log = r["floor"], r["inpublic_cold"], r["inpublic"], r["history"], r["git_log"]
        others = r.get("others")
        rows.append(
            f"| {r['size']} | {r['notes']:,} | {r['commits']:,} | {floor.seconds:.2f} s | {cold.seconds:.2f} s "
            f"| {ratio(cold, floor)} | {inp.seconds:.2f} s | {ratio(inp, floor)} "
            f"| {inp.peak_mb / floor.peak_mb:.2f}× ({inp.peak_mb:.0f} / {floor.peak_mb:.0f} MB) "
            f"| {f'{others.seconds:.2f} s' if others else 'not run'} | {ratio(inp, others) if others else '-'} "
            f"| {hist.seconds:.3f} s | {log.seconds:.3f} s | {ratio(hist, log)} "
            f"| {r['rebuild_total'] / r['rebuild_floor']:.2f}× ({r['rebuild_total']:.2f} / {r['rebuild_floor']:.2f} s) "
            f"| {r['rebuild_hooks'] * 1000:.0f} ms |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--others", default="", metavar="SIZES",
                        help="also measure mkdocs-rss-plugin + git dates at these sizes (e.g. S,M: at L they "
                             "take tens of minutes, one git process per page)")
    parser.add_argument("--docs", type=Path, help="write the results table into this Markdown file")
    parser.add_argument("--json", type=Path, help="write the raw figures as JSON")
    parser.add_argument("--warmup", type=int, default=1, help="runs not counted before each measure (default 1)")
    parser.add_argument("--work", type=Path, default=WORK, help="where repositories and sites go")
    args = parser.parse_args()
    setup = Setup(args.runs, args.warmup, args.work)
    setup.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes.split(","):
        print(f"size {size}...", file=sys.stderr, flush=True)
        results.append(bench_size(size, setup, size in args.others.split(",")))
        print(table(results[-1:]).splitlines()[-1], flush=True)
    print(table(results))
    print(f"\nMachine: {machine()}")
    if args.json:
        args.json.write_text(json.dumps(results, default=lambda f: f.__dict__, indent=2) + "\n")
    if args.docs:
        write_docs(args.docs, results, args.runs)


def write_docs(path: Path, results: list[dict[str, object]], runs: int) -> None:
    marker = "<!-- results -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{marker}\n{marker}\n"
    before, _, rest = text.partition(marker)
    _, _, after = rest.partition(marker)
    body = (f"\n{table(results)}\n\nMedians of {runs} runs after a warm-up, all from one run of "
            f"`python benchmarks/run.py`, on {machine()}.\n")
    path.write_text(f"{before}{marker}{body}{marker}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
