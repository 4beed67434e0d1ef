"""benchmarks/generate.py: a tiny learner repository of each shape, synthetic and realistic, has what the benchmarks
rely on, and is reproducible."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import struct
import subprocess
import sys
import tarfile
import zlib
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


# ---- the realistic shape: a TIL repository whose notes move into docs/ late in its history

REALISTIC_NOTES, REALISTIC_COMMITS = 20, 100  # XS
MOVE_MESSAGE = "Move my notes into docs/ for the site (inpublic init --move-notes)"
FENCE = re.compile(r"^```(\w+)$", re.MULTILINE)
IMAGE = re.compile(r"!\[[^\]]+\]\(([^)]+\.png)\)")


@pytest.fixture(scope="module")
def til(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The repository, its HEAD and its move-in commit."""
    dest = tmp_path_factory.mktemp("bench") / "til"
    head = load_generator().generate(dest, REALISTIC_NOTES, REALISTIC_COMMITS, SEED, "realistic")
    moves = run_git(dest, "log", "-F", f"--grep={MOVE_MESSAGE}", "--format=%H").split()
    assert len(moves) == 1
    return dest, head, moves[0]


def tree(root: Path, commit: str) -> list[str]:
    return run_git(root, "ls-tree", "-r", "--name-only", commit).split()


def test_the_realistic_repository_has_the_notes_and_commits_asked_for_and_is_reproducible(til, tmp_path: Path) -> None:
    root, head, _ = til
    assert run_git(root, "rev-list", "--count", "HEAD").strip() == str(REALISTIC_COMMITS)
    assert len(notes_at_head(root)) == REALISTIC_NOTES
    assert not run_git(root, "status", "--porcelain").strip()
    env = dict(os.environ, PYTHONHASHSEED="54321")
    done = subprocess.run([sys.executable, str(SCRIPT), "--size", "XS", "--shape", "realistic", "--seed", str(SEED),
                           str(tmp_path / "again")], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"HEAD {head}")
    synthetic = load_generator().generate(tmp_path / "synthetic", REALISTIC_NOTES, REALISTIC_COMMITS, SEED)
    assert synthetic != head


def test_the_notes_live_in_folders_at_the_root_until_the_move_in_then_under_docs(til) -> None:
    root, _, move = til
    before = run_git(root, "rev-list", "--count", f"{move}^").strip()
    assert int(before) >= 0.75 * REALISTIC_COMMITS  # a late move: most of the history is a TIL repository
    assert not run_git(root, "log", "--format=%H", f"{move}^", "--", "docs", "mkdocs.yml", "progress.yaml").strip()
    old = tree(root, f"{move}^")
    notes = [p for p in old if p.endswith(".md") and p != "README.md"]
    assert len(notes) >= 10 and all(p.count("/") == 1 for p in notes)  # python/decorators.md
    assert len({p.split("/")[0] for p in notes}) >= 3
    after = tree(root, move)
    assert [p for p in after if p.endswith(".md") and not p.startswith("docs/")] == ["README.md"]
    head = tree(root, "HEAD")
    assert {"mkdocs.yml", "progress.yaml", "docs/index.md", "README.md"} <= set(head)
    assert [p for p in head if p.endswith(".md") and not p.startswith("docs/")] == ["README.md"]
    # inpublic init's files come in the next commit, and the plan is edited after it
    starter = run_git(root, "log", "--format=%H", "--reverse", f"{move}..HEAD").split()
    assert set(run_git(root, "show", "--name-only", "--format=", starter[0]).split()) >= {
        "mkdocs.yml", "progress.yaml", "docs/index.md", ".github/workflows/pages.yml"}
    assert "<!-- inpublic:home -->" in (root / "docs/index.md").read_text()
    plan = load_plan(root / "progress.yaml")
    moved_on = run_git(root, "show", "-s", "--format=%ad", "--date=short", move).strip()
    assert plan.log and min(entry.date for entry in plan.log).isoformat() >= moved_on
    assert int(run_git(root, "rev-list", "--count", "HEAD", "--", "progress.yaml")) >= 4
    assert run_git(root, "log", "--format=%H", f"{starter[0]}..HEAD", "--", "docs/*.md").strip()  # notes go on


def test_the_move_in_is_what_inpublic_init_move_notes_would_commit(til, tmp_path: Path) -> None:
    """Pure renames of whole folders, README.md's links rewritten: the same as `plan_move` decides on that tree."""
    from inpublic.cli.move_notes import plan_move

    root, _, move = til
    raw = [line.split("\t") for line in run_git(root, "log", "-M", "--raw", "--format=", "-1", move).splitlines()]
    changed = [entry for entry in raw if not entry[0].endswith(" R100")]
    assert [entry[1] for entry in changed] == ["README.md"] and changed[0][0].endswith(" M")
    renames = {entry[1]: entry[2] for entry in raw if entry[0].endswith(" R100")}
    assert all(new == f"docs/{old}" for old, new in renames.items())
    old = tree(root, f"{move}^")
    assert {p for p in old if p.endswith(".md")} - set(renames) == {"README.md"}  # every note moves
    with_notes = {p.split("/")[0] for p in old if p.endswith(".md") and "/" in p}
    assert {p for p in old if p.split("/")[0] in with_notes} <= set(renames)  # with its folder's images
    assert any(p.startswith("images/") for p in renames)  # a folder of images the notes link into moves too
    archive = subprocess.run(["git", "archive", f"{move}^"], cwd=root, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path, filter="data")
    planned = plan_move(tmp_path, old, "docs", None)
    assert sorted(entry.name for entry in planned.survey.moved) == sorted({p.split("/")[0] for p in renames})
    rewritten = [links for links in planned.links if links.changed]
    assert [links.path for links in rewritten] == ["README.md"]
    assert rewritten[0].text == run_git(root, "show", f"{move}:README.md")


def test_the_realistic_notes_have_code_blocks_images_tables_and_links(til) -> None:
    root, _, _ = til
    languages: set[str] = set()
    images = tables = links = 0
    for path in notes_at_head(root):
        note = root / path
        text = note.read_text(encoding="utf-8")
        assert text.startswith("# ") and text.count("```") % 2 == 0
        languages |= set(FENCE.findall(text))
        tables += "\n| --- |" in text
        for target in IMAGE.findall(text):
            images += 1
            data = (note.parent / target).read_bytes()
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
            width, height = struct.unpack(">II", data[16:24])
            start = data.index(b"IDAT") + 4
            assert len(zlib.decompress(data[start:start + struct.unpack(">I", data[start - 8:start - 4])[0]])) == (
                height * (width + 1))
        for target in LINK.findall(text):
            links += 1
            assert (note.parent / target).resolve().is_file(), f"{path} links to {target}"
    assert len(languages - {"text"}) >= 3 and "python" in languages
    assert images >= 2 and tables >= 1 and links >= 5


@pytest.mark.heavy
def test_the_realistic_repository_builds_strictly_with_and_without_inpublic(til, tmp_path: Path) -> None:
    root, _, _ = til
    spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = run  # for its dataclasses
    spec.loader.exec_module(run)
    floor = run.site_config(root, "floor", " []")  # as benchmarks/run.py measures it, next to mkdocs.yml
    try:
        text = floor.read_text()
        assert text.partition("plugins:")[2].startswith(" []\n") and "pymdownx.superfences" in text  # the rest kept
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        for config in (root / "mkdocs.yml", floor):
            done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
                                   str(tmp_path / config.stem)], capture_output=True, text=True, env=env, check=False)
            assert done.returncode == 0, done.stderr[-3000:]
    finally:
        floor.unlink()
    assert (tmp_path / "mkdocs" / "reports").is_dir() and not (tmp_path / "mkdocs.floor" / "reports").exists()
    assert list((tmp_path / "mkdocs.floor" / "images").glob("*.png"))
