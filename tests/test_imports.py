"""The import rules of the package, read from its source with `ast` (every import: at the top, inside functions,
and under `if TYPE_CHECKING:`):

- only the modules that read or write the learner's files (the plan, the Markdown, the git history) and the
  adapters (engines/, cli/) do I/O or start processes;
- nothing outside the adapters imports an adapter;
- derive never imports render: a module that computes values never imports one that turns them into text;
- no import circles.

Every module is placed in `LAYERS`, so a new module fails here until it is given its place. And every
third-party package imported is declared in pyproject.toml's `dependencies`.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "plugins" / "inpublic"

READS = "reads"  # reads or writes the learner's files, or starts git: may do I/O; derives, never renders
DERIVE = "derive"  # computes values from values (pure)
RENDER = "render"  # turns computed values into text through the templates (or another text format)
CORE = "core"  # runs derive, then render: may import both, does no I/O
ADAPTER = "adapter"  # the MkDocs plugin and the command line: may import and do anything

# Every module of plugins/inpublic, by its path there; a folder ending in "/" holds only modules of that layer.
LAYERS: Mapping[str, str] = {
    "__init__.py": DERIVE,  # the version
    "model.py": DERIVE,  # the frozen types every stage shares
    "problems.py": DERIVE,  # the plan's problems and their messages
    "privacy.py": DERIVE,  # what is private: patterns and the marker, applied to the history and the plan
    "sanitise.py": DERIVE,  # the learner's HTML made safe (nh3); the render modules call it
    "wording.py": DERIVE,  # numbers, plurals, day counts, percentages, dates, commit links: said one way
    "today.py": READS,  # reads the clock and the environment for today's date; only the adapters ask it
    "markdown_files.py": READS,  # reads the learner's Markdown and its front matter
    "kept_files.py": READS,  # writes the files a build keeps in .cache/inpublic for the next one, whole or not at all
    "render.py": RENDER,  # the Jinja2 environment, its filters, and the home page, note dates and shallow notice
    "site.py": CORE,  # the build core: derive, then render, for the pages a build adds
    "giscus.py": RENDER,  # comments: the option checked, the pages that get them, and the theme partial that shows them
    "plan/__init__.py": DERIVE,
    "plan/load.py": READS,  # reads progress.yaml
    "plan/save.py": READS,  # writes progress.yaml, under its lock
    "plan/checks.py": DERIVE,  # the checks across fields of a plan
    "plan/fields.py": DERIVE,  # the plan's fields, in the spec's terms
    "plan/spec.py": DERIVE,  # the spec that drives the loader and the schema
    "plan/syntax.py": DERIVE,  # YAML syntax problems, with their line and column
    "plan/schema.py": DERIVE,  # the JSON Schema made from the spec
    "plan/weekdays.py": DERIVE,  # the days of the week as the plan writes them (rest_days)
    "plan/log_entry.py": DERIVE,  # a log entry from the command line's words, and the plan text with it added
    "history/": READS,  # the git history: the only modules that start git
    "activity/": DERIVE,  # note lives, public commits, days of activity, progress
    "reports/__init__.py": DERIVE,
    "reports/weeks.py": DERIVE,  # what each week holds
    "reports/months.py": DERIVE,  # what each month holds
    "reports/pages.py": DERIVE,  # what each weekly and monthly report page shows, and how the index groups them
    "reports/render.py": RENDER,  # the report pages as Markdown, their index, weeks.json and months.json
    "commitments/__init__.py": DERIVE,
    "commitments/status.py": DERIVE,  # each commitment's status
    "commitments/reasons.py": DERIVE,  # the reason given for a status
    "commitments/deadlines.py": DERIVE,  # the deadline changes, from the plan's versions
    "commitments/burnup.py": DERIVE,  # the burn-up chart's points
    "commitments/at_close.py": DERIVE,  # the commitments as they stood when a day closed
    "commitments/addresses.py": DERIVE,  # where each commitment's page is
    "commitments/calendar.py": RENDER,  # the deadlines as an iCalendar file
    "commitments/pages.py": RENDER,  # the commitments pages
    "rhythm/__init__.py": DERIVE,
    "rhythm/heatmap.py": DERIVE,  # the heatmap's cells and the streaks
    "rhythm/reviews.py": DERIVE,  # the review schedule
    "rhythm/home.py": DERIVE,  # the rhythm's part of the home page
    "rhythm/pages.py": RENDER,  # the heatmap, the review page; the rhythm a site adds, rendered
    "home/": DERIVE,  # what the home page shows
    "feeds/__init__.py": DERIVE,
    "feeds/events.py": DERIVE,  # the commitment events and week deadlines the feeds tell, and items' categories
    "feeds/items.py": DERIVE,  # the feed items of weeks, commitment events and blog posts
    "feeds/commitments.py": DERIVE,  # the commitment events, from the plan's versions
    "feeds/month_items.py": DERIVE,  # the feed items of months
    "feeds/views.py": DERIVE,  # what an item shows before it is HTML: notes and commits with their addresses
    "feeds/html.py": RENDER,  # the HTML inside feed items, every link absolute
    "feeds/write.py": RENDER,  # the RSS, Atom and JSON Feed files
    "feeds/site.py": CORE,  # the feeds a build adds: items derived, then rendered
    "feeds/subjects.py": CORE,  # each subject's feeds: its weeks' items derived, then its files written
    "notelinks/__init__.py": DERIVE,
    "notelinks/scan.py": DERIVE,  # the links in a note's Markdown, outside code
    "notelinks/resolve.py": DERIVE,  # the note a wikilink names, by title or file name
    "notelinks/backlinks.py": DERIVE,  # which notes link to which, and the wikilinks that go nowhere
    "notelinks/render.py": RENDER,  # wikilinks written as Markdown links, and the "Linked from" section
    "moving_in/__init__.py": DERIVE,
    "moving_in/install.py": DERIVE,  # where this inpublic was installed from, read from its metadata
    "moving_in/notes.py": DERIVE,  # the notes found outside docs/, and their links rewritten
    "moving_in/starter.py": RENDER,  # the starter files of a new site, from their templates
    "mail/__init__.py": DERIVE,
    "mail/addresses.py": DERIVE,  # the recipients' addresses, checked
    "mail/text.py": RENDER,  # the plain-text part of a report's email, from its HTML
    "mail/message.py": CORE,  # a report's page as an email: picked from the build, then rendered
    "mail/record.py": READS,  # reads and writes .inpublic/sent.json, the record of the reports sent
    "mail/send.py": READS,  # sends through the learner's SMTP server: `inpublic mail`'s talk to the network
    "cohort/__init__.py": DERIVE,
    "cohort/data.py": DERIVE,  # what a peer's site publishes, checked field by field
    "cohort/view.py": DERIVE,  # what the cohort page shows of each peer
    "cohort/page.py": RENDER,  # the cohort page
    "cohort/fetch.py": READS,  # reads the peers' sites and keeps their last data: a build's only talk to the network
    "plan/peers.py": DERIVE,  # peers: in the plan, their addresses as sites' roots
    "engines/": ADAPTER,  # the MkDocs plugin
    "cli/": ADAPTER,  # the command line
}

IO_MODULES = frozenset({
    "subprocess", "git", "socket", "smtplib", "urllib.request", "http.client", "ftplib", "shutil", "tempfile",
    "filelock", "glob", "io", "multiprocessing", "requests",
})
# Calls that reach the file system or the terminal, on whatever object (a Path, os, os.path, a file)
IO_CALLS = frozenset({
    "open", "read_text", "read_bytes", "write_text", "write_bytes", "mkdir", "makedirs", "unlink", "remove",
    "rmdir", "rmtree", "rglob", "glob", "iterdir", "listdir", "scandir", "walk", "exists", "lexists", "is_file",
    "is_dir", "is_symlink", "stat", "lstat", "touch", "rename", "chmod", "symlink_to", "samefile", "getcwd", "cwd",
    "home", "expanduser", "realpath", "getmtime", "getsize", "fsync", "system", "popen", "print", "input",
})
# Calls of those names that touch nothing: (module, name, why)
IO_ALLOWED = frozenset({
    ("inpublic.feeds.html", "remove", "lxml: an element taken out of the parsed HTML, in memory"),
    ("inpublic.plan.spec", "read_text", "the spec's own method: a text field read from the plan's YAML node"),
})
# What the command line may import from the engines' adapters: the plugin's options, which `inpublic status` and
# `inpublic log` read from mkdocs.yml through MkDocs' own config loader, and `inpublic reference` documents; the
# project as every engine reads it, the choice of engine and the Zensical adapter (`inpublic build` and `serve`).
CLI_MAY_IMPORT = frozenset({"inpublic.engines.mkdocs.options", "inpublic.engines.project", "inpublic.engines.choice",
                            "inpublic.engines.notices", "inpublic.engines.zensical.build"})

@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted (a name imported from a module counts as the module)
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_path(module: str) -> str:
    """'inpublic.feeds.items' -> 'feeds/items.py', as LAYERS names it."""
    for path in PACKAGE.rglob("*.py"):
        if module_name(path) == module:
            return path.relative_to(PACKAGE).as_posix()
    raise KeyError(module)


def modules() -> dict[str, ast.Module]:
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def imports(module: str, tree: ast.Module, known: Set[str]) -> Iterator[Import]:
    """Every import in `tree`, wherever it is; `from a import b` counts as importing a.b when that is a module."""
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved from the importing module's package
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield Import(module, sub if sub in known else base, node.lineno)


def _is_package(module: str) -> bool:
    return (PACKAGE.parent / module.replace(".", "/") / "__init__.py").is_file()


def io_calls(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """The calls in `tree` whose name says they reach the file system, a process or the terminal."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in IO_CALLS:
                yield name, node.lineno


def layer(path: str, layers: Mapping[str, str] = LAYERS) -> str | None:
    """The layer of the module at `path` (relative to plugins/inpublic): its own entry, else its folder's."""
    if path in layers:
        return layers[path]
    folder = path.rpartition("/")[0]
    while folder:
        if folder + "/" in layers:
            return layers[folder + "/"]
        folder = folder.rpartition("/")[0]
    return None


def cycles(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """The strongly connected components of `graph` that are circles (more than one node, or a node that imports
    itself), each sorted, by Tarjan's algorithm (iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    found.append(sorted(component))
    return sorted(found)


@pytest.fixture(scope="module")
def package() -> tuple[dict[str, ast.Module], list[Import]]:
    trees = modules()
    known = set(trees)
    return trees, [i for m, t in trees.items() for i in imports(m, t, known)]


def where(module: str, line: int) -> str:
    return f"plugins/inpublic/{source_path(module)}:{line}"


def test_every_module_has_its_layer(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    trees, _ = package
    unplaced = [source_path(m) for m in trees if layer(source_path(m)) is None]
    assert not unplaced, f"modules in no layer: add them to LAYERS in tests/test_imports.py: {unplaced}"
    stale = [p for p in LAYERS if not (PACKAGE / p).exists()]
    assert not stale, f"LAYERS names what is not there: {stale}"


def test_only_the_readers_and_the_adapters_do_io(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    trees, found = package
    wrong = []
    for imp in found:
        if layer(source_path(imp.module)) not in (READS, ADAPTER) and _is_io_module(imp.target):
            wrong.append(f"{where(imp.module, imp.line)} imports {imp.target}")
    for module, tree in trees.items():
        if layer(source_path(module)) in (READS, ADAPTER):
            continue
        wrong += [f"{where(module, line)} calls {name}()" for name, line in io_calls(tree)
                  if (module, name) not in {(m, n) for m, n, _ in IO_ALLOWED}]
    assert not wrong, "I/O outside plan/load.py, plan/save.py, history/, markdown_files.py and the adapters:\n" + (
        "\n".join(wrong))


def _is_io_module(target: str) -> bool:
    return any(target == m or target.startswith(m + ".") for m in IO_MODULES)


def test_nothing_imports_an_adapter(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    _, found = package
    wrong = []
    for imp in found:
        if not imp.target.startswith(("inpublic.engines", "inpublic.cli")):
            continue
        here = imp.module
        if here.startswith("inpublic.cli") and (imp.target.startswith("inpublic.cli") or imp.target in CLI_MAY_IMPORT):
            continue
        if here.startswith("inpublic.engines") and imp.target.startswith("inpublic.engines"):
            continue
        wrong.append(f"{where(imp.module, imp.line)} imports {imp.target}")
    assert not wrong, "only an adapter imports an adapter (cli/ only CLI_MAY_IMPORT):\n" + "\n".join(wrong)


def test_derive_never_imports_render(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    trees, found = package
    wrong = [
        f"{where(imp.module, imp.line)} imports {imp.target}, which renders"
        for imp in found
        if imp.target in trees
        and layer(source_path(imp.module)) in (DERIVE, READS)
        and layer(source_path(imp.target)) == RENDER
    ]
    assert not wrong, "a derive module imports a render module:\n" + "\n".join(sorted(set(wrong)))


def test_no_import_circles(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    trees, found = package
    graph: dict[str, set[str]] = {m: set() for m in trees}
    lines: dict[tuple[str, str], int] = {}
    for imp in found:
        if imp.target in trees:
            graph[imp.module].add(imp.target)
            lines.setdefault((imp.module, imp.target), imp.line)
    circles = cycles(graph)
    described = []
    for circle in circles:
        edges = [f"{where(a, lines[a, b])} imports {b}" for a in circle for b in sorted(graph[a]) if b in circle]
        described.append("circle of " + ", ".join(circle) + ":\n  " + "\n  ".join(edges))
    assert not circles, "\n".join(described)


def test_the_rules_can_fail() -> None:
    """The checks themselves, on what they must catch."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}, "b": {"a"}}) == [["a"]]
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}) == [["a", "b"], ["c", "d"]]
    code = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from inpublic.x import y\n"
                     "def f(p):\n    import subprocess\n    return p.read_text() + open('f').read()\n")
    found = list(imports("inpublic.z", code, {"inpublic.x", "inpublic.x.y"}))
    assert [(i.target, i.line) for i in found] == [("typing", 1), ("inpublic.x.y", 3), ("subprocess", 5)]
    assert list(io_calls(code)) == [("read_text", 6), ("open", 6)] or sorted(io_calls(code)) == [
        ("open", 6), ("read_text", 6)]
    assert _is_io_module("urllib.request") and not _is_io_module("urllib.parse")
    assert layer("new.py") is None
    assert layer("history/new.py") == READS
    assert layer("cli/some/deeper.py") == ADAPTER


# The requirement name before any version, extra or marker: "ruamel.yaml.clib>=0.2.7; ..." -> "ruamel.yaml.clib"
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalised(name: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_package_is_declared(package: tuple[dict[str, ast.Module], list[Import]]) -> None:
    _, found = package
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # what inpublic needs, and the extras a learner may add for an engine (`inpublic[zensical]`), not the tests'
    needed = [*project["dependencies"]] + [r for extra, rs in project["optional-dependencies"].items()
                                           if extra != "test" for r in rs]
    declared = {normalised(m.group(1)) for r in needed if (m := REQUIREMENT_NAME.match(r))}
    distributions = packages_distributions()
    missing = []
    for imp in found:
        top = imp.target.partition(".")[0]
        if top == "inpublic" or top == "__future__":
            continue
        names = distributions.get(top)
        if names is None:  # the standard library (or a name nothing installed provides)
            continue
        if not {normalised(n) for n in names} & declared:
            missing.append(f"{where(imp.module, imp.line)} imports {imp.target}, from {', '.join(names)}")
    assert not missing, "imported but not in pyproject.toml's dependencies:\n" + "\n".join(sorted(set(missing)))
