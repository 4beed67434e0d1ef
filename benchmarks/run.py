#!/usr/bin/env python3
"""Measure what inpublic costs, against the floor and against the tools users would pick instead.

    python benchmarks/run.py [--sizes S,M,L] [--shapes synthetic,realistic] [--runs 3] [--others S,M]
                             [--docs docs/inpublic/benchmarks.md]

For each size and shape it generates a learner repository (benchmarks/generate.py: the synthetic shape, and the
realistic one, a TIL repository whose notes moved into docs/ late in its history, in rows named "S realistic") and
measures, on that same repository, the median wall time and peak memory (the process's maximum resident set) of:

1. `mkdocs build` with Material and no plugins: the floor;
2. the same with the inpublic plugin, every feature on: cold (no `.cache/inpublic`, as in a first build or a
   workflow without `actions/cache`) and warm (the reports as the build before converted them);
3. the same with mkdocs-rss-plugin + mkdocs-git-revision-date-localized-plugin (with --others; they are
   installed in their own environment, benchmarks/.work/venv-others, so their pins cannot clash with ours);
4. inpublic's history read alone (`read_history`), against one raw `git log --name-status` pass; the imports it
   needs and the interpreter's start are measured apart;
5. a `mkdocs serve` rebuild after a note is edited (and not committed): the whole rebuild, against the floor's
   rebuild of the same edit, and the time spent in inpublic's hooks on that second build of a serve session
   (the plugin instance lives across rebuilds, as under `mkdocs serve`);
6. when Zensical is installed: a bare `zensical build` of the floor's mkdocs.yml, against `inpublic build --engine
   zensical` of the site with inpublic, both cold (no Zensical cache, no `.cache/inpublic`, no site) and warm (the
   caches and the site of the build before).

It prints the ratios (2/1, 2/3, 4, 6) and, with --docs, writes the results tables and the machine into that file:
between its two `<!-- results -->` markers, and the Zensical table between two `<!-- zensical results -->`
markers when the file has them (else after the first table).
"""

from __future__ import annotations

import argparse
import importlib.util
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
SHAPES = ("synthetic", "realistic")
ZENSICAL = importlib.util.find_spec("zensical") is not None
RESULTS, ZENSICAL_RESULTS = "<!-- results -->", "<!-- zensical results -->"


@dataclass
class Figure:
    seconds: float  # median wall time
    peak_mb: float  # median peak resident memory of the process


@dataclass
class Setup:
    runs: int  # counted runs of each command
    warmup: int  # runs not counted before them
    work: Path  # where repositories, sites and the other tools' environment go
    zensical: bool = ZENSICAL  # measure the Zensical builds too


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
    """A copy of the repository's mkdocs.yml with another `plugins:` list, next to it; the keys after the list
    (markdown_extensions, validation...) are kept."""
    out, inside = [], False
    for line in (repo / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("plugins:"):
            out.append(f"plugins:{plugins}")
            inside = True
        elif inside and line.startswith((" ", "\t", "-")):
            continue  # an item of the list replaced
        else:
            inside = inside and not line.strip()
            out.append(line)
    path = repo / f"mkdocs.{name}.yml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def build_command(python: str, config: Path, site: Path) -> list[str]:
    return [python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def zensical_command(config: Path) -> list[str]:
    """A bare Zensical build: its cache in .cache/ and its site in site/, next to the config (it has no -d)."""
    return [PYTHON, "-m", "zensical", "build", "-f", str(config)]


def inpublic_zensical_command(config: Path, site: Path) -> list[str]:
    """`inpublic build --engine zensical`: its staging copy and Zensical's cache of it in .cache/inpublic/."""
    return [PYTHON, "-m", "inpublic.cli", "build", "--engine", "zensical", "-f", str(config), "-d", str(site)]


def environment() -> dict[str, str]:
    """The builds' environment: 2026-11-01, and Python's bytecode written and read again, as where a learner
    installs inpublic (a shell that sets PYTHONDONTWRITEBYTECODE would compile inpublic's modules at every run)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1793404800"}


def others_python(work: Path) -> str:
    """The Python of a separate environment holding the plugins users pick today."""
    venv = work / "venv-others"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *OTHERS], check=True)
    return str(python)


def row_name(size: str, shape: str) -> str:
    return size if shape == "synthetic" else f"{size} {shape}"


def generate(size: str, shape: str, work: Path) -> Path:
    repo = work / f"repo-{row_name(size, shape).replace(' ', '-')}"
    if not (repo / ".git").exists():
        subprocess.run([PYTHON, str(HERE / "generate.py"), "--size", size, "--shape", shape, str(repo)], check=True,
                       stdout=subprocess.DEVNULL)
    return repo


HISTORY = """
import time
start = time.perf_counter()
import sys
from pathlib import Path
import git  # GitPython, which read_history loads as it first runs
from inpublic.history.read import read_history
imported = time.perf_counter()
read_history(Path(sys.argv[1]))
print(imported - start, time.perf_counter() - imported)
"""


def history_read(repo: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds of `read_history` itself, of the imports it needs (GitPython, inpublic's model), and of the
    interpreter's start (`python -c pass`, timed from outside), each in a fresh process."""
    imports, reads, starts = [], [], []
    for _ in range(runs):
        out = subprocess.run([PYTHON, "-c", HISTORY, str(repo)], capture_output=True, text=True, env=environment(),
                             check=True)
        imported, read = out.stdout.split()
        imports.append(float(imported))
        reads.append(float(read))
        start = time.perf_counter()
        subprocess.run([PYTHON, "-c", "pass"], env=environment(), check=True)
        starts.append(time.perf_counter() - start)
    return statistics.median(reads), statistics.median(imports), statistics.median(starts)


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


def bench_size(size: str, shape: str, setup: Setup, with_others: bool) -> dict[str, object]:
    repo = generate(size, shape, setup.work)
    name = row_name(size, shape)
    env = environment()
    sites = setup.work / f"site-{name.replace(' ', '-')}"
    runs = setup.runs
    floor_cfg = site_config(repo, "floor", " []")
    inpublic_cfg = site_config(repo, "inpublic", "\n  - inpublic")
    result: dict[str, object] = {"size": name, "shape": shape}
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
    read, imports, start = history_read(repo, runs)
    result["history"] = Figure(read, 0.0)
    result["history_imports"], result["interpreter_start"] = imports, start
    result["git_log"] = measure(["git", "log", "--name-status", "-M", "--format=%H %P %an %aI %cI %s"], setup,
                                repo, env)
    note = min(p for p in (repo / "docs").rglob("*.md") if "private" not in p.parts and p.name != "index.md")
    result["rebuild_hooks"], result["rebuild_total"] = rebuild_cost(inpublic_cfg, sites / "serve", note, runs)
    result["rebuild_floor"] = rebuild_cost(floor_cfg, sites / "serve-floor", note, runs)[1]
    if setup.zensical:
        result.update(zensical_figures(repo, floor_cfg, inpublic_cfg, sites, setup, env))
    return result


def zensical_figures(repo: Path, floor_cfg: Path, inpublic_cfg: Path, sites: Path, setup: Setup,
                     env: dict[str, str]) -> dict[str, Figure]:
    """A bare Zensical build of the floor's config against `inpublic build --engine zensical`, cold and warm."""
    caches = repo / ".cache"
    staged, site = caches / "inpublic", sites / "zensical"

    def floor_cold() -> None:  # Zensical's cache of the floor, whatever it names its entries in .cache/
        for entry in caches.glob("*"):
            if entry == staged:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        shutil.rmtree(repo / "site", ignore_errors=True)

    def inpublic_cold() -> None:  # the staging copy, Zensical's cache of it, its site, and the site copied out
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)

    floor, inpublic = zensical_command(floor_cfg), inpublic_zensical_command(inpublic_cfg, site)
    return {"zensical_floor_cold": measure(floor, setup, repo, env, before=floor_cold),
            "zensical_floor": measure(floor, setup, repo, env),
            "zensical_cold": measure(inpublic, setup, repo, env, before=inpublic_cold),
            "zensical": measure(inpublic, setup, repo, env)}


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
        "| repository | notes | commits | floor | inpublic, cold | cold / floor | inpublic, warm | warm / floor "
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
            f"| {hist.seconds:.3f} s (imports {r['history_imports']:.3f} s, start {r['interpreter_start']:.3f} s) "
            f"| {log.seconds:.3f} s | {ratio(hist, log)} "
            f"| {r['rebuild_total'] / r['rebuild_floor']:.2f}× ({r['rebuild_total']:.2f} / {r['rebuild_floor']:.2f} s) "
            f"| {r['rebuild_hooks'] * 1000:.0f} ms |"
        )
    return "\n".join(rows)


ZENSICAL_CAPTION = ("With Zensical: a bare `zensical build` of the floor's mkdocs.yml, against `inpublic build "
                    "--engine zensical` of the site with inpublic. Cold: no cache (Zensical's, `.cache/inpublic`) and "
                    "no site; warm: the caches and the site of the build before.")


def zensical_table(results: list[dict[str, object]]) -> str:
    """The Zensical figures of the rows that have them ('' when none has)."""
    rows = [
        "| repository | notes | commits | Zensical, cold | inpublic, cold | cold / Zensical | Zensical, warm "
        "| inpublic, warm | warm / Zensical | memory inpublic / Zensical, cold |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        if "zensical" not in r:
            continue
        floor_cold, floor, cold, warm = r["zensical_floor_cold"], r["zensical_floor"], r["zensical_cold"], r["zensical"]
        rows.append(
            f"| {r['size']} | {r['notes']:,} | {r['commits']:,} | {floor_cold.seconds:.2f} s | {cold.seconds:.2f} s "
            f"| {ratio(cold, floor_cold)} | {floor.seconds:.2f} s | {warm.seconds:.2f} s | {ratio(warm, floor)} "
            f"| {cold.peak_mb / floor_cold.peak_mb:.2f}× ({cold.peak_mb:.0f} / {floor_cold.peak_mb:.0f} MB) |"
        )
    return "\n".join(rows) if len(rows) > 2 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="S,M,L", metavar="SIZES",
                        help="sizes, each in every shape of --shapes; SIZE:SHAPE for one shape only (M:realistic)")
    parser.add_argument("--shapes", default="synthetic", metavar="SHAPES",
                        help="synthetic (the default), realistic, or both (synthetic,realistic): each size is "
                             "measured in each shape, a realistic one in a row named like 'S realistic'")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--others", default="", metavar="ROWS",
                        help="also measure mkdocs-rss-plugin + git dates in these rows (e.g. S,M or 'S realistic': "
                             "at L they take tens of minutes, one git process per page)")
    parser.add_argument("--docs", type=Path, help="write the results table into this Markdown file")
    parser.add_argument("--json", type=Path, help="write the raw figures as JSON")
    parser.add_argument("--warmup", type=int, default=1, help="runs not counted before each measure (default 1)")
    parser.add_argument("--work", type=Path, default=WORK, help="where repositories and sites go")
    parser.add_argument("--no-zensical", action="store_true",
                        help="leave the Zensical builds out (its runtime hangs under libfaketime, for one)")
    args = parser.parse_args()
    shapes = args.shapes.split(",")
    rows = [(size, shape) for item in args.sizes.split(",")
            for size, shape in ([item.split(":", 1)] if ":" in item else [(item, s) for s in shapes])]
    if unknown := sorted({shape for _, shape in rows if shape not in SHAPES}):
        parser.error(f"unknown shape {', '.join(unknown)}; the shapes are {', '.join(SHAPES)}")
    setup = Setup(args.runs, args.warmup, args.work, ZENSICAL and not args.no_zensical)
    setup.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size, shape in rows:
        name = row_name(size, shape)
        print(f"{name}...", file=sys.stderr, flush=True)
        results.append(bench_size(size, shape, setup, name in args.others.split(",")))
        print(table(results[-1:]).splitlines()[-1], flush=True)
        if zensical := zensical_table(results[-1:]):
            print(zensical.splitlines()[-1], flush=True)
    print(table(results))
    if zensical := zensical_table(results):
        print(f"\n{zensical}")
    elif not ZENSICAL:
        print("\nZensical is not installed: its builds were not measured (pip install zensical).")
    else:
        print("\nWith --no-zensical: the Zensical builds were not measured.")
    print(f"\nMachine: {machine()}")
    if args.json:
        args.json.write_text(json.dumps(results, default=lambda f: f.__dict__, indent=2) + "\n")
    if args.docs:
        write_docs(args.docs, results, args.runs, args.warmup)


def write_docs(path: Path, results: list[dict[str, object]], runs: int, warmup: int = 1) -> None:
    """The tables written between the file's markers: the results between its two `<!-- results -->`, the Zensical
    table between its two `<!-- zensical results -->` when it has them, else after the results."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{RESULTS}\n{RESULTS}\n"
    after = f" after {warmup} not counted" if warmup else ", none left out as a warm-up"
    where = f"Medians of {runs} runs{after}, all from one run of `python benchmarks/run.py`, on {machine()}."
    body = f"\n{table(results)}\n\n{where}\n"
    zensical = zensical_table(results)
    if zensical and ZENSICAL_RESULTS in text:
        text = between(text, ZENSICAL_RESULTS, f"\n{ZENSICAL_CAPTION}\n\n{zensical}\n\nFrom the same run as the "
                                               "results above.\n")
    elif zensical:
        body = f"\n{table(results)}\n\n{ZENSICAL_CAPTION}\n\n{zensical}\n\n{where}\n"
    elif ZENSICAL_RESULTS in text:  # no figures of an earlier run beside this one's
        text = between(text, ZENSICAL_RESULTS, "\nThe Zensical builds were not measured in this run.\n")
    path.write_text(between(text, RESULTS, body), encoding="utf-8")


def between(text: str, marker: str, body: str) -> str:
    """`text` with `body` between its first two `marker`s (both added at its end when it has none)."""
    before, _, rest = text.partition(marker)
    _, _, after = rest.partition(marker)
    return f"{before}{marker}{body}{marker}{after}"


if __name__ == "__main__":
    main()
