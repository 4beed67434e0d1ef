"""benchmarks/generate.py: a tiny synthetic learner repository has what the benchmarks rely on, and is reproducible."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import run_git
from inpublic.plan.load import load_plan

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "generate.py"
NOTES, COMMITS, SEED = 20, 60, 3
LINK = re.compile(r"\]\(([^)#]+\.md)\)")


def load_generator():
    spec = importlib.util.spec_from_file_location("benchmark_generate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dest = tmp_path_factory.mktemp("bench") / "repo"
    head = load_generator().generate(dest, NOTES, COMMITS, SEED)
    return dest, head


def notes_at_head(root: Path) -> list[str]:
    return [p for p in run_git(root, "ls-files", "docs").split() if p.endswith(".md") and p != "docs/index.md"]


def test_the_repository_has_the_commits_and_the_notes_asked_for(repo) -> None:
    root, head = repo
    assert run_git(root, "rev-list", "--count", "HEAD").strip() == str(COMMITS)
    assert run_git(root, "rev-parse", "HEAD").strip() == head
    assert len(notes_at_head(root)) == NOTES
    assert not run_git(root, "status", "--porcelain").strip()  # the work tree is materialised
    for name in ("mkdocs.yml", "progress.yaml", "README.md", "docs/index.md"):
        assert (root / name).is_file()
    assert "<!-- inpublic:home -->" in (root / "docs/index.md").read_text()
    config = (root / "mkdocs.yml").read_text()
    assert "navigation.prune" in config and "inpublic" in config and "site_url:" in config


def test_the_plan_is_valid_and_was_edited_over_time(repo) -> None:
    root, _ = repo
    plan = load_plan(root / "progress.yaml")
    assert 5 <= len(plan.subjects) <= 10
    assert all(2 <= len(s.resources) <= 5 for s in plan.subjects)
    assert 2 <= len(plan.commitments) <= 4
    assert plan.log and plan.milestones
    assert int(run_git(root, "rev-list", "--count", "HEAD", "--", "progress.yaml")) >= 8
    messages = run_git(root, "log", "--format=%s")
    assert "move the" in messages and "drop the" in messages  # a due date moved, a commitment removed


def test_history_has_renames_deletions_private_commits_and_two_years_of_dates(repo) -> None:
    root, _ = repo
    renames = [line.split("\t") for line in run_git(root, "log", "-M", "--diff-filter=R", "--name-status",
                                                    "--format=").splitlines() if line.startswith("R")]
    moved_folders = {(old.split("/")[1], new.split("/")[1]) for _, old, new in renames}
    assert len(renames) >= 2 and any(a != b for a, b in moved_folders)
    assert run_git(root, "log", "--diff-filter=D", "--format=%H").strip()
    assert run_git(root, "log", "-F", "--grep=[private]", "--format=%H").strip()
    assert any(p.startswith("docs/private/") for p in notes_at_head(root))
    dates = run_git(root, "log", "--format=%ad %cd", "--date=iso-strict").split()
    assert min(dates)[:10] >= "2024-11-01" and max(dates)[:10] <= "2026-10-31"
    offsets = {d[-6:] for d in dates}
    assert {"+00:00", "+01:00"} <= offsets


def test_every_link_in_the_notes_points_to_a_note_at_head(repo) -> None:
    root, _ = repo
    links = 0
    for path in notes_at_head(root):
        note = root / path
        lines = note.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ") and 20 <= len(lines) <= 200
        for target in LINK.findall("\n".join(lines)):
            links += 1
            assert (note.parent / target).resolve().is_file(), f"{path} links to {target}"
    assert links > 0


def test_the_same_size_and_seed_give_the_same_repository(repo, tmp_path: Path) -> None:
    """A second run, in another process with another hash seed, gives the same HEAD sha."""
    _, head = repo
    env = dict(os.environ, PYTHONHASHSEED="12345")
    done = subprocess.run([sys.executable, str(SCRIPT), "--notes", str(NOTES), "--commits", str(COMMITS),
                           "--seed", str(SEED), str(tmp_path / "again")], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"HEAD {head}")
    assert f"notes {NOTES}, commits {COMMITS}" in done.stdout


def test_a_destination_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit, match="not empty"):
        load_generator().generate(tmp_path, NOTES, COMMITS, SEED)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
