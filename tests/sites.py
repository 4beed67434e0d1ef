"""Helpers to build real MkDocs sites in a temporary folder and read what they produced."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cli_runner import environment, working_folder
from gitrepo import GitRepo

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-22 12:00 UTC: "today" in every test (tests/conftest.py) and every build of a made-up learner
FIXED_EPOCH = "1795348800"
# 2026-12-03 20:00 UTC: the demo site's "today" in every test build of it, after Sam's latest commit (a build on an
# earlier day would leave Sam's later commits out, and warn). Moved forward when Sam commits on a later day.
DEMO_EPOCH = "1796328000"


def epoch_of(project: Path) -> str:
    """The day a test builds `project` on: the demo's own day for this repository, FIXED_EPOCH for the others."""
    return DEMO_EPOCH if project.resolve() == ROOT else FIXED_EPOCH

MINIMAL_PLAN = """\
learner:
  name: Ada Example
  bio: Learning <b>maths</b> & "ML"
  timezone: America/New_York
  started: 2026-09-07
subjects:
  - id: calculus
    title: Calculus
    resources:
      - id: calc1
        title: Calculus 1
        kind: course
        units: 10
        unit: weeks
commitments:
  - id: spring
    title: Calculus by spring
    made: 2026-09-07
    due: 2027-03-31
    covers: [calculus]
log:
  - date: 2026-09-08
    minutes: 60
    resource: calc1
    units: 3
"""

MINIMAL_CONFIG = """\
site_name: Test site
site_url: https://example.org/learning/
theme:
  name: material
  features: [navigation.prune]
plugins:
  - inpublic
"""


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, path: str = "index.html") -> str:
        return (self.site / path).read_text(encoding="utf-8")


def build(project: Path, site: Path, *, command: str = "mkdocs", strict: bool = True) -> Build:
    """Run a real `mkdocs build` (or `properdocs build`) of `project` into `site`."""
    args = [sys.executable, "-m", command, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        args.append("--strict")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch_of(project), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=project)
    return Build(done.returncode, done.stdout + done.stderr, site)


def build_in_process(project: Path, site: Path, *, strict: bool = True, epoch: str | None = None,
                     config: Mapping[str, Any] | None = None) -> Build:
    """What `build` gives, without a process: `mkdocs build` as its command line runs it, in `project`; `config`:
    settings that take the place of mkdocs.yml's (e.g. `plugins`), as `load_config` takes them.

    As `mkdocs build` does: load the config (strict: every warning counts), on_startup, build, on_shutdown, with
    the "mkdocs" log printed by level and name and a strict build's Abort as its status 1. The log handler, the
    environment and the current folder are put back after each build, so that nothing carries into the next one;
    the plugins MkDocs keeps across loads (those with on_startup) start afresh in on_startup, as in a new process.
    Python's warnings stay errors, as pytest sets them, where the command line would only log them.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.utils import DuplicateFilter

    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger, build_log = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    duplicates = DuplicateFilter()  # as the command line adds to the build's log
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)  # as the command line's State sets it
    logger.propagate = False
    logger.addHandler(handler)
    build_log.addFilter(duplicates)
    returncode = 0
    try:
        with environment({"SOURCE_DATE_EPOCH": epoch or epoch_of(project), "NO_MKDOCS_2_WARNING": "1"}), \
                working_folder(project):
            loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict,
                                 **(config or {}))
            loaded.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(loaded)
            finally:
                loaded.plugins.on_shutdown()
    except Abort as abort:  # a strict build's warnings, a configuration error, a plugin's error
        output.write(f"\n{abort.format_message()}\n")
        returncode = 1
    except Exception:  # noqa: BLE001  # what the command line would print before it exits 1
        output.write(traceback.format_exc())
        returncode = 1
    finally:
        build_log.removeFilter(duplicates)
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    return Build(returncode, output.getvalue(), site)


def make_site(folder: Path, plan: str = MINIMAL_PLAN, config: str = MINIMAL_CONFIG, index: str | None = None) -> Path:
    """A small site in a git repository with one commit: mkdocs.yml, progress.yaml, docs/ with one note."""
    repo = GitRepo(folder)
    repo.write("mkdocs.yml", config)
    repo.write("progress.yaml", plan)
    repo.write("docs/limits.md", "# Limits\n\nWhat a limit is.\n")
    if index is not None:
        repo.write("docs/index.md", index)
    repo.commit("A first note", "2026-09-08T20:00:00-04:00")
    return folder


def zensical_or_skip() -> None:
    """Skip a test that runs Zensical when it is not installed, or under libfaketime (`make test-year-ahead`), which
    fakes the clocks of Zensical's runtime too: its build then waits on a timer a year away (test_zensical.py)."""
    import pytest

    pytest.importorskip("zensical")
    if "FAKETIME" in os.environ:
        pytest.skip("Zensical's runtime hangs under libfaketime (make test-year-ahead)")
