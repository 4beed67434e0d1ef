"""read_history and note_dates against real git repositories built in tmp_path."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import GitRepo
from inpublic.activity.notes import note_dates
from inpublic.history.read import HistoryError, read_history, repo_relative, repo_root
from inpublic.model import FileChange, History

T0 = "2024-03-01T09:00:00+01:00"


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "notes")


def changes(history: History) -> list[tuple[FileChange, ...]]:
    return [c.changes for c in history.commits]


def test_dates_with_different_offsets_survive_exactly(repo: GitRepo) -> None:
    repo.write("a.md", "# Alpha\n")
    repo.commit("Start", "2024-03-01T23:30:00+05:30")
    repo.write("a.md", "# Alpha\nmore\n")
    repo.commit("West", "2024-03-02T01:15:00-08:00")
    repo.write("a.md", "# Alpha\nmore\nagain\n")
    repo.commit("UTC", "2024-03-03T12:00:00+00:00", author="Émilie du Châtelet")

    history = read_history(repo.root)

    first, second, third = history.commits
    assert first.authored == dt.datetime(2024, 3, 1, 23, 30, tzinfo=tz(5.5))
    assert first.authored.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert second.committed.utcoffset() == dt.timedelta(hours=-8)
    assert third.author == "Émilie du Châtelet"
    assert [c.authored.isoformat() for c in history.commits] == repo.log("%aI")
    assert [c.committed.isoformat() for c in history.commits] == repo.log("%cI")
    assert [c.sha for c in history.commits] == repo.log("%H")
    assert [c.message for c in history.commits] == ["Start", "West", "UTC"]
    assert history.head == third.sha == repo.head()
    assert first.parents == () and second.parents == (first.sha,)
    assert changes(history) == [
        (FileChange("A", "a.md"),),
        (FileChange("M", "a.md"),),
        (FileChange("M", "a.md"),),
    ]
    assert history.shallow is False


def test_a_history_holds_each_path_sha_author_and_timezone_once(repo: GitRepo) -> None:
    # a long history is mostly the same few strings: the reader shares them, so memory grows with what differs
    for day in (1, 2, 3):
        repo.write("notes/limits.md", f"# Limits\n{day}\n")
        repo.commit(f"Day {day}", f"2024-03-0{day}T09:00:00+02:00")
    repo.write("notes/limits.md", "# Limits\nlater\n")
    repo.commit("Later", "2024-03-04T09:00:00+02:00", committed="2024-03-05T10:00:00+02:00")

    first, second, third, fourth = read_history(repo.root).commits

    assert [c.changes[0].path for c in (first, second, third, fourth)] == ["notes/limits.md"] * 4
    assert first.changes[0].path is second.changes[0].path is fourth.changes[0].path
    assert second.parents[0] is first.sha and third.parents[0] is second.sha
    assert first.author is third.author
    assert first.authored.tzinfo is fourth.authored.tzinfo is fourth.committed.tzinfo
    assert first.committed is first.authored  # the same moment, one object
    assert fourth.committed - fourth.authored == dt.timedelta(days=1, hours=1)
    assert not hasattr(first, "__dict__") and not hasattr(first.changes[0], "__dict__")  # slots, no dict each


def test_moving_every_note_into_docs_keeps_creation_dates(repo: GitRepo) -> None:
    repo.write("algebra.md", "# Algebra\ngroups, rings and fields\n")
    repo.commit("Algebra", "2024-01-05T10:00:00+01:00")
    repo.write("notes/calculus.md", "# Calculus\nlimits and derivatives\n")
    repo.commit("Calculus", "2024-01-12T10:00:00+01:00")
    repo.write("algebra.md", "# Algebra\ngroups, rings and fields\nideals\n")
    repo.commit("More algebra", "2024-01-20T10:00:00+01:00")
    repo.move("algebra.md", "docs/algebra.md")
    repo.move("notes/calculus.md", "docs/notes/calculus.md")
    move = repo.commit("Move everything into docs/", "2024-02-01T10:00:00+01:00")

    history = read_history(repo.root)

    assert set(history.commits[-1].changes) == {
        FileChange("R", "docs/algebra.md", "algebra.md", pure_rename=True),
        FileChange("R", "docs/notes/calculus.md", "notes/calculus.md", pure_rename=True),
    }
    dates = note_dates(history, ["docs/algebra.md", "docs/notes/calculus.md", "algebra.md"])
    assert set(dates) == {"docs/algebra.md", "docs/notes/calculus.md"}
    algebra = dates["docs/algebra.md"]
    assert algebra.created == dt.datetime(2024, 1, 5, 10, tzinfo=tz(1))
    assert algebra.updated == dt.datetime(2024, 1, 20, 10, tzinfo=tz(1))  # the move changed nothing in it
    assert algebra.commits == tuple(c.sha for c in history.commits if c.message != "Calculus")
    assert dates["docs/notes/calculus.md"].created == dt.datetime(2024, 1, 12, 10, tzinfo=tz(1))
    assert dates["docs/notes/calculus.md"].commits[-1] == move


def test_file_renamed_twice(repo: GitRepo) -> None:
    repo.write("draft.md", "# Topology\nopen sets, closed sets, continuity\n")
    first = repo.commit("Draft", T0)
    repo.move("draft.md", "topology.md")
    second = repo.commit("Rename", "2024-03-02T09:00:00+01:00")
    repo.move("topology.md", "docs/math/topology.md")
    third = repo.commit("Rename again", "2024-03-03T09:00:00+01:00")

    history = read_history(repo.root)

    assert changes(history)[1:] == [
        (FileChange("R", "topology.md", "draft.md", pure_rename=True),),
        (FileChange("R", "docs/math/topology.md", "topology.md", pure_rename=True),),
    ]
    dates = note_dates(history, ["docs/math/topology.md", "topology.md", "draft.md"])
    assert list(dates) == ["docs/math/topology.md"]
    assert dates["docs/math/topology.md"].commits == (first, second, third)
    assert dates["docs/math/topology.md"].created.isoformat() == T0
    assert dates["docs/math/topology.md"].updated.isoformat() == T0  # renamed twice, never changed


def test_delete_then_re_add_starts_fresh(repo: GitRepo) -> None:
    repo.write("probability.md", "# Probability\nfirst attempt at measure theory\n")
    repo.commit("First try", T0)
    repo.delete("probability.md")
    repo.commit("Drop it", "2024-03-05T09:00:00+01:00")
    repo.write("probability.md", "# Probability\nsecond attempt, with examples\n")
    again = repo.commit("Second try", "2024-04-01T09:00:00+02:00")

    history = read_history(repo.root)

    assert [c.changes[0].status for c in history.commits] == ["A", "D", "A"]
    dates = note_dates(history, ["probability.md"])["probability.md"]
    assert dates.commits == (again,)
    assert dates.created == dates.updated == dt.datetime(2024, 4, 1, 9, tzinfo=tz(2))


def test_merge_has_two_parents_and_no_changes(repo: GitRepo) -> None:
    repo.write("docs/index.md", "# My notes\n")
    base = repo.commit("Start", "2024-03-01T09:00:00+00:00")
    repo.branch("linear-algebra")
    repo.checkout("linear-algebra")
    repo.write("docs/linear.md", "# Linear algebra\nvector spaces\n")
    side1 = repo.commit("Vector spaces", "2024-03-02T09:00:00+00:00")
    repo.write("docs/linear.md", "# Linear algebra\nvector spaces\neigenvalues\n")
    side2 = repo.commit("Eigenvalues", "2024-03-04T09:00:00+00:00")
    repo.checkout("main")
    repo.write("docs/index.md", "# My notes\nwelcome\n")
    main2 = repo.commit("Welcome", "2024-03-03T09:00:00+00:00")
    merge = repo.merge("linear-algebra", "2024-03-05T09:00:00+00:00")

    history = read_history(repo.root)

    by_sha = {c.sha: c for c in history.commits}
    assert [c.sha for c in history.commits] == repo.log("%H")
    assert history.commits[0].sha == base and history.commits[-1].sha == merge == history.head
    assert by_sha[merge].parents == (main2, side2)
    assert by_sha[merge].is_merge and by_sha[merge].changes == ()
    assert by_sha[side1].changes == (FileChange("A", "docs/linear.md"),)
    assert by_sha[side2].changes == (FileChange("M", "docs/linear.md"),)
    assert by_sha[main2].changes == (FileChange("M", "docs/index.md"),)
    dates = note_dates(history, ["docs/linear.md", "docs/index.md"])
    assert dates["docs/linear.md"].commits == (side1, side2)
    assert dates["docs/index.md"].commits == (base, main2)
    assert dates["docs/linear.md"].updated == dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)


def test_paths_with_spaces_and_non_ascii(repo: GitRepo) -> None:
    name = "docs/notes/équations différentielles.md"
    repo.write(name, "# Équations\n")
    repo.write("docs/my notes/a  b.md", "# Two spaces\n")
    repo.commit("Accents", T0)
    repo.move(name, "docs/notes/théorème de Cauchy–Lipschitz.md")
    repo.commit("Déplacer", "2024-03-02T09:00:00+01:00")

    history = read_history(repo.root)

    assert set(history.commits[0].changes) == {
        FileChange("A", name),
        FileChange("A", "docs/my notes/a  b.md"),
    }
    assert history.commits[1].changes == (
        FileChange("R", "docs/notes/théorème de Cauchy–Lipschitz.md", name, pure_rename=True),
    )
    assert history.commits[1].message == "Déplacer"
    on_disk = {p.relative_to(repo.root).as_posix() for p in repo.root.rglob("*.md")}
    assert on_disk == set(note_dates(history, on_disk))


def test_latin1_commit_message_is_reencoded(repo: GitRepo) -> None:
    repo.write("a.md", "# A\n")
    repo.commit("Leçon sur les équations", T0, encoding="ISO-8859-1")

    (commit,) = read_history(repo.root).commits

    assert commit.message == "Leçon sur les équations"


def test_undecodable_message_does_not_crash(repo: GitRepo) -> None:
    # git cannot re-encode from an unknown charset, so the raw bytes reach the parser
    repo.write("a.md", "# A\n")
    repo.commit(b"Le\xe7on \xff\xfe end", T0, encoding="x-no-such-charset")

    (commit,) = read_history(repo.root).commits

    assert commit.message.startswith("Le") and commit.message.endswith(" end")
    assert "\ufffd" in commit.message
    assert commit.changes == (FileChange("A", "a.md"),)


def test_many_commits_in_the_same_second_keep_their_order(repo: GitRepo) -> None:
    shas = []
    for i in range(25):
        repo.write(f"n{i % 3}.md", f"note {i % 3}\n" + "line\n" * i)
        shas.append(repo.commit(f"Commit {i}", T0))

    history = read_history(repo.root)

    assert [c.sha for c in history.commits] == shas
    assert [c.message for c in history.commits] == [f"Commit {i}" for i in range(25)]
    assert all(c.parents == (p.sha,) for p, c in zip(history.commits, history.commits[1:]))


def test_the_private_marker_in_a_message_body_is_read_in_the_same_pass(repo: GitRepo) -> None:
    # bodies hold anything but NUL: the log's own separators, newlines, lines that look like name-status output
    repo.write("docs/a.md", "# A\n")
    repo.commit("Add a\n\nA body with \x1f and \x1e, and lines like\nM\tdocs/b.md\n\x1eR100\n\n", T0)
    repo.write("docs/a.md", "# A\n\nmore\n")
    repo.commit("Update limits\n\nThe salary talk went badly.\nKeep this [Private], please.\n",
                "2024-03-02T09:00:00+01:00")
    repo.write("docs/b.md", "# B\n")
    repo.commit("Add b [private]", "2024-03-03T09:00:00+01:00")
    repo.write("docs/b.md", "# B\n\nmore\n")
    repo.commit("Add more to b\n\n#hide", "2024-03-04T09:00:00+01:00")

    history = read_history(repo.root)

    assert [c.message for c in history.commits] == ["Add a", "Update limits", "Add b [private]", "Add more to b"]
    assert [c.private for c in history.commits] == [False, True, True, False]
    assert changes(history) == [(FileChange("A", "docs/a.md"),), (FileChange("M", "docs/a.md"),),
                                (FileChange("A", "docs/b.md"),), (FileChange("M", "docs/b.md"),)]
    assert [c.private for c in read_history(repo.root, private_marker="#HIDE").commits] == [False] * 3 + [True]
    assert [c.private for c in read_history(repo.root, private_marker="").commits] == [False] * 4


def test_empty_repository_gives_empty_history(repo: GitRepo) -> None:
    assert read_history(repo.root) == History(commits=(), head=None, shallow=False)
    assert note_dates(read_history(repo.root), ["a.md"]) == {}


def test_not_a_repository_raises(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()

    with pytest.raises(HistoryError) as err:
        read_history(folder)

    assert str(err.value) == (
        f"{folder} is not inside a git repository: run `git init` and commit your notes, "
        "or point inpublic at a folder inside one"
    )


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="does not exist"):
        read_history(tmp_path / "nowhere")


def test_git_missing_at_run_time(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    import git

    repo.write("a.md", "# A\n")
    repo.commit("A", T0)
    monkeypatch.setattr(git.Git, "GIT_PYTHON_GIT_EXECUTABLE", "/nonexistent/bin/git")

    with pytest.raises(HistoryError, match=r"^git is not installed"):
        read_history(repo.root)


def test_git_missing_at_import_time(repo: GitRepo) -> None:
    code = (
        "import sys\nfrom inpublic.history.read import HistoryError, read_history\n"
        "try:\n    read_history(sys.argv[1])\nexcept HistoryError as e:\n    print(e)\n"
    )
    env = {"PATH": "", "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(repo.root)], env=env, capture_output=True, text=True
    )
    assert done.stdout.startswith("git is not installed"), done.stderr


def test_shallow_clone_is_reported(repo: GitRepo, tmp_path: Path) -> None:
    for i in range(3):
        repo.write("a.md", f"# A\n{i}\n")
        repo.commit(f"Commit {i}", f"2024-03-0{i + 1}T09:00:00+01:00")
    clone = GitRepo.clone(repo, tmp_path / "clone", depth=1)

    history = read_history(clone.root)

    assert history.shallow is True
    assert [c.message for c in history.commits] == ["Commit 2"]
    assert history.head == repo.head()
    assert read_history(repo.root).shallow is False


def test_detached_head(repo: GitRepo) -> None:
    repo.write("a.md", "# A\n")
    first = repo.commit("A", T0)
    repo.write("b.md", "# B\n")
    repo.commit("B", "2024-03-02T09:00:00+01:00")
    repo.checkout(first, detach=True)

    history = read_history(repo.root)

    assert [c.sha for c in history.commits] == [first] and history.head == first


def test_subfolder_and_repo_paths(repo: GitRepo) -> None:
    repo.write("site/docs/a.md", "# A\n")
    repo.commit("A", T0)
    site = repo.root / "site"

    history = read_history(site)

    assert history.commits[0].changes == (FileChange("A", "site/docs/a.md"),)
    assert repo_root(site) == repo.root.resolve()
    assert repo_relative(repo_root(site), site / "docs" / "a.md") == "site/docs/a.md"
    with pytest.raises(HistoryError, match="outside the git repository"):
        repo_relative(repo.root, repo.root.parent)


@pytest.mark.parametrize("count", [1, 12])
def test_one_git_log_process(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    for i in range(count):
        repo.write(f"n{i}.md", f"# Note {i}\n")
        repo.commit(f"Note {i}", f"2024-03-01T09:{i:02d}:00+01:00")
    trace = tmp_path / "trace2.json"
    monkeypatch.setenv("GIT_TRACE2_EVENT", str(trace))

    history = read_history(repo.root)

    events = [json.loads(line) for line in trace.read_text().splitlines()]
    commands = [e["name"] for e in events if e["event"] == "cmd_name"]
    assert len(history.commits) == count
    assert commands == ["log"]


def test_head_sha_reads_loose_packed_and_detached_heads_without_git(tmp_path: Path) -> None:
    from inpublic.history.read import head_sha

    repo = GitRepo(tmp_path / "notes")
    assert head_sha(repo.root) is None  # no commit yet: the branch does not exist
    repo.write("docs/a.md", "# A\n")
    first = repo.commit("A", "2026-11-02T10:00:00+00:00")
    assert head_sha(repo.root / "docs") == first
    repo.git("pack-refs", "--all")
    assert head_sha(repo.root) == first
    repo.write("docs/b.md", "# B\n")
    second = repo.commit("B", "2026-11-03T10:00:00+00:00")
    assert head_sha(repo.root) == second
    repo.checkout(first, detach=True)
    assert head_sha(repo.root) == first
    assert head_sha(tmp_path / "elsewhere") is None
