"""Helpers to build real MkDocs sites in a temporary folder and read what they produced."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from gitrepo import GitRepo

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-22 12:00 UTC: the demo site's "today" in every test build
FIXED_EPOCH = "1795348800"

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
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=project)
    return Build(done.returncode, done.stdout + done.stderr, site)


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
