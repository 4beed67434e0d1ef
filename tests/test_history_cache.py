"""The histories kept in .cache/inpublic for the next build at the same commit (history/cache.py), against real git
repositories: what is kept is what git gives, and anything that changes the histories is read from git again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitrepo import GitRepo
from inpublic.history.cache import CACHE_FILE
from inpublic.history.load import NO_PLAN_HISTORY, OLD_PLAN, Histories, read_histories
from sites import MINIMAL_PLAN, build_in_process, make_site

MARKER = "[private]"
BROKEN = MINIMAL_PLAN.replace("2026-", "the year 2026-", 1)  # a version of the plan that is not valid


def git_commands(trace: Path) -> list[str]:
    if not trace.exists():
        return []
    events = [json.loads(line) for line in trace.read_text().splitlines()]
    return [e["name"] for e in events if e["event"] == "cmd_name"]


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """Renames, a merge, a private commit, a broken version of the plan, and offsets of their own."""
    r = GitRepo(make_site(tmp_path / "notes"))
    r.write("docs/derivatives.md", "# Derivatives\n")
    r.commit("Derivatives", "2026-09-10T21:00:00+05:30")
    r.move("docs/limits.md", "docs/calculus/limits.md")
    r.commit("Calculus in a folder of its own", "2026-09-11T08:00:00-07:00")
    r.write("progress.yaml", BROKEN)
    r.commit("Plan: oops", "2026-09-12T10:00:00+00:00")
    r.write("progress.yaml", MINIMAL_PLAN)
    r.commit("Plan: fixed", "2026-09-12T11:00:00+00:00")
    r.branch("side")
    r.checkout("side")
    r.write("docs/side.md", "# A side note\n")
    r.commit(f"{MARKER} A side note, with a body\n\nMore words.", "2026-09-13T09:00:00+02:00")
    r.checkout("main")
    r.write("docs/derivatives.md", "# Derivatives\n\nThe rules.\n")
    r.commit("Derivatives: the rules", "2026-09-14T09:00:00+02:00")
    r.merge("side", "2026-09-15T09:00:00+02:00")
    return r


def read(repo: GitRepo, cache: Path | None, trace: Path,
         monkeypatch: pytest.MonkeyPatch) -> tuple[Histories, list[str]]:
    trace.unlink(missing_ok=True)
    monkeypatch.setenv("GIT_TRACE2_EVENT", str(trace))
    histories = read_histories(repo.root, repo.root / "progress.yaml", MARKER, cache)
    monkeypatch.delenv("GIT_TRACE2_EVENT")
    return histories, git_commands(trace)


def test_a_second_read_at_the_same_commit_starts_no_git_and_gives_the_same_histories(
        repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, trace = tmp_path / "cache", tmp_path / "trace.json"
    fresh, _ = read(repo, None, trace, monkeypatch)
    first, first_git = read(repo, cache, trace, monkeypatch)
    second, second_git = read(repo, cache, trace, monkeypatch)
    assert "log" in first_git and second_git == []
    assert first == second == fresh
    commits = second.history.commits
    assert [c.sha for c in commits] == repo.log("%H") and second.history.head == repo.head()
    assert sum(c.private for c in commits) == 1 and sum(c.is_merge for c in commits) == 1
    renamed = next(f for c in commits for f in c.changes if f.status == "R")
    assert (renamed.old_path, renamed.path, renamed.pure_rename) == ("docs/limits.md", "docs/calculus/limits.md", True)
    assert [c.authored.isoformat() for c in commits] == repo.log("%aI")
    assert commits[1].authored.tzinfo is not None and commits[1].authored.utcoffset().total_seconds() == 19800
    oops = repo.log("%H")[3]
    assert [w.kind for w in second.warnings] == [OLD_PLAN] and f"commit {oops[:7]}" in second.warnings[0].text
    assert len(second.plan_history.versions) == 2  # the first and the fixed one; the broken one is a warning


def test_a_new_commit_a_new_marker_or_a_deeper_clone_is_read_from_git_again(
        repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, trace = tmp_path / "cache", tmp_path / "trace.json"
    read(repo, cache, trace, monkeypatch)
    repo.write("docs/chain-rule.md", "# The chain rule\n")
    repo.commit("The chain rule", "2026-09-16T09:00:00+02:00")
    after, git = read(repo, cache, trace, monkeypatch)
    assert "log" in git and after.history.commits[-1].message == "The chain rule"
    assert read(repo, cache, trace, monkeypatch)[1] == []
    other = read_histories(repo.root, repo.root / "progress.yaml", "[secret]", cache)  # another marker
    assert not any(c.private for c in other.history.commits)

    shallow = GitRepo.clone(repo, tmp_path / "shallow", depth=2)
    cut, _ = read(shallow, cache, trace, monkeypatch)
    assert cut.history.shallow and len(cut.history.commits) == 2
    shallow.git("fetch", "-q", "--deepen", "3")  # the same HEAD, more history
    deeper, git = read(shallow, cache, trace, monkeypatch)
    assert "log" in git and len(deeper.history.commits) > 2


def test_a_damaged_or_foreign_file_is_read_from_git_and_replaced(
        repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, trace = tmp_path / "cache", tmp_path / "trace.json"
    good, _ = read(repo, cache, trace, monkeypatch)
    kept = cache / CACHE_FILE
    whole = kept.read_text(encoding="utf-8")
    first, *commits = whole.splitlines(keepends=True)
    head = json.loads(first)
    assert head["commits"] == len(commits) == 8
    for damaged in ("{not json", first + "[1]\n" + "".join(commits[1:]), first + "".join(commits[:-1]),
                    json.dumps({**head, "key": "another commit"}) + "\n" + "".join(commits), "[1, 2]\n", ""):
        kept.write_text(damaged, encoding="utf-8")
        again, git = read(repo, cache, trace, monkeypatch)
        assert again == good and "log" in git
        assert kept.read_text(encoding="utf-8") == whole  # written again, whole


def test_a_cache_folder_that_cannot_be_written_or_a_plan_outside_the_repository_costs_nothing(
        repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    histories, git = read(repo, blocked, tmp_path / "trace.json", monkeypatch)
    assert "log" in git and len(histories.history.commits) == 8
    outside = read_histories(repo.root, tmp_path / "progress.yaml", MARKER, tmp_path / "cache")
    assert len(outside.history.commits) == 8 and [w.kind for w in outside.warnings] == [NO_PLAN_HISTORY]


def test_a_build_at_the_same_commit_reads_the_histories_kept_and_builds_the_same_site(
        repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_in_process(repo.root, tmp_path / "first")
    assert first.returncode == 0, first.output
    assert (repo.root / ".cache" / "inpublic" / CACHE_FILE).is_file()
    trace = tmp_path / "trace.json"
    monkeypatch.setenv("GIT_TRACE2_EVENT", str(trace))
    second = build_in_process(repo.root, tmp_path / "second")
    assert second.returncode == 0, second.output
    assert git_commands(trace) == []
    pages = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
    assert pages and pages == sorted(p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file())
    assert [p for p in pages if (first.site / p).read_bytes() != (second.site / p).read_bytes()] == []
    assert "Derivatives: the rules" in second.page("reports/2026-W38/index.html")
