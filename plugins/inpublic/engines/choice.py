"""Which engine builds a project, and whether an engine that would run it ignores inpublic.

Zensical reads mkdocs.yml as it is but runs none of the plugins it has not rewritten: `zensical build` of a site
that lists inpublic succeeds, with no plan, no reports, no commitments and no feeds, and says nothing. MkDocs 2
runs no plugins at all. So the project's own files are read for the commands that would build it that way.
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from inpublic.engines.notices import WARNING, Notice

MKDOCS = "mkdocs"
ZENSICAL = "zensical"
ENGINES = (MKDOCS, ZENSICAL)
WORKFLOWS = ".github/workflows"
# a command line that runs Zensical itself (`zensical build`, `python -m zensical serve`), not through inpublic
ZENSICAL_RUN = re.compile(r"^(?!\s*#).*?\bzensical\s+(build|serve)\b", re.MULTILINE)
NAMES_ZENSICAL = re.compile(r"^\s*(?!#)[^#\n]*\bzensical\b", re.MULTILINE | re.IGNORECASE)
REQUIREMENTS = ("requirements.txt", "requirements-docs.txt", "docs/requirements.txt")


def project_engine(folder: Path) -> str:
    """The engine the project uses: Zensical when it has a zensical.toml, or its requirements (a requirements file,
    or pyproject.toml's dependencies and dependency groups, not its optional extras) or its workflows name
    Zensical; MkDocs otherwise (when in doubt)."""
    if (folder / "zensical.toml").is_file():
        return ZENSICAL
    texts = [_text(folder / name) for name in REQUIREMENTS] + [_text(path) for path in _workflows(folder)]
    texts.append("\n".join(_pyproject_requirements(folder / "pyproject.toml")))
    return ZENSICAL if any(NAMES_ZENSICAL.search(text) for text in texts) else MKDOCS


def _pyproject_requirements(path: Path) -> list[str]:
    try:
        data = tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError:
        return []
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    groups = data.get("dependency-groups") if isinstance(data.get("dependency-groups"), dict) else {}
    found = [*(project or {}).get("dependencies", [])] + [r for group in (groups or {}).values()
                                                           if isinstance(group, list) for r in group]
    return [r for r in found if isinstance(r, str)]


def ignoring_engines(folder: Path, engine: str) -> list[Notice]:
    """A warning for each place that would build the site with an engine that ignores inpublic: a workflow that
    runs `zensical build` itself, and MkDocs 2 when it is the engine of this build."""
    found = []
    for path in _workflows(folder):
        for match in ZENSICAL_RUN.finditer(_text(path)):
            line = _text(path).count("\n", 0, match.start()) + 1
            found.append(Notice(WARNING, (
                f"{path.relative_to(folder).as_posix()}:{line}: `zensical {match.group(1)}` ignores the inpublic "
                "plugin without a word, so that site has no plan, reports, commitments or feeds; run "
                f"`inpublic {match.group(1)} --engine zensical` there instead")))
    if engine == MKDOCS and _major(MKDOCS) >= 2:
        found.append(Notice(WARNING, (
            f"MkDocs {importlib.metadata.version(MKDOCS)} runs no plugins, so it would build the site without "
            "inpublic; install `mkdocs<2`, or build with `inpublic build --engine zensical`")))
    return found


def _workflows(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / WORKFLOWS).glob("*.y*ml") if p.is_file())


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _major(package: str) -> int:
    try:
        return int(importlib.metadata.version(package).split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0
