"""The plan history read from real git repositories (fixed dates), and the deadline record derived from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import git
import pytest

from gitrepo import GitRepo
from inpublic.commitments.deadlines import ADDED, DUE, REPLACES, SCOPE, TITLE, WITHDRAWN, deadline_records
from inpublic.commitments.status import commitment_statuses
from inpublic.history.plan_versions import read_plan_history, without_log
from inpublic.model import PlanHistory
from inpublic.plan.load import parse_plan

PLAN = """\
learner: {{name: Sam, bio: Learning, timezone: Europe/London, started: 2027-01-04}}
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: lectures, units: {calc_units}, unit: lectures}}
      - {{id: calc2, title: Calculus 2, kind: lectures, units: 20, unit: lectures}}
  - id: probability
    title: Probability
    resources:
      - {{id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}}
commitments:
  - {{id: june, title: {title}, made: 2027-01-04, due: {due}, covers: [{covers}]}}
{stats}log:
{log}
"""
STATS = "  - {id: stats, title: Probability by autumn, made: 2027-01-04, due: 2027-09-30, covers: [probability]}\n"


def plan(due: str = "2027-06-30", *, stats: bool = True, log: int = 1, title: str = "Calculus by June",
         covers: str = "calculus", calc_units: int = 40) -> str:
    entries = "\n".join(f"  - {{date: 2027-01-{i + 5:02d}, minutes: 30, resource: calc1, units: 1}}"
                        for i in range(log))
    return PLAN.format(due=due, stats=STATS if stats else "", log=entries, title=title, covers=covers,
                       calc_units=calc_units)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """Two moves of june's due date, a log-only commit, a broken version, and stats deleted."""
    r = GitRepo(tmp_path / "notes")
    r.write("progress.yaml", plan())
    r.commit("Start the plan", "2027-01-04T09:00:00+00:00")
    r.write("progress.yaml", plan(log=2))
    r.commit("Log", "2027-01-06T21:00:00+00:00")
    r.write("progress.yaml", plan("2027-07-15", log=2))
    r.commit("Give myself two more weeks", "2027-06-28T22:30:00+01:00")
    r.write("progress.yaml", plan("2027-07-15", log=2).replace("due: 2027-07-15", "due: mid july"))
    r.commit("Oops", "2027-07-01T10:00:00+01:00")
    r.write("progress.yaml", plan("2027-07-31", log=3))
    r.commit("And two more", "2027-07-20T10:00:00+01:00")
    r.write("progress.yaml", plan("2027-07-31", log=3, stats=False))
    r.commit("Drop probability for now", "2027-07-22T10:00:00+01:00")
    return r


def test_every_version_is_read_and_a_broken_one_is_skipped_with_a_warning(repo: GitRepo) -> None:
    history = read_plan_history(repo.root, "progress.yaml")
    assert [v.plan.commitments[0].due.isoformat() for v in history.versions] == [
        "2027-06-30", "2027-06-30", "2027-07-15", "2027-07-31", "2027-07-31"]
    assert all(v.plan.log == () for v in history.versions)  # the log is not read
    oops = repo.log("%H")[3]
    [warning] = history.warnings
    assert f"commit {oops[:7]} (2027-07-01)" in warning
    assert f"progress.yaml@{oops[:7]}:13:" in warning and "expected a date like" in warning
    assert history.versions[2].authored == dt.datetime.fromisoformat("2027-06-28T22:30:00+01:00")
    assert not history.shallow


def test_the_record_shows_both_moves_and_the_withdrawal(repo: GitRepo) -> None:
    history = read_plan_history(repo.root, "progress.yaml")
    current = parse_plan(plan("2027-07-31", log=3, stats=False))
    records = {r.id: r for r in deadline_records(history, current, dt.date(2027, 7, 25))}
    shas = repo.log("%H")
    june = records["june"]
    assert [c.kind for c in june.changes] == [ADDED, DUE, DUE]
    first, second = june.moves
    assert (first.before, first.after, first.on, first.sha) == (
        dt.date(2027, 6, 30), dt.date(2027, 7, 15), dt.date(2027, 6, 28), shas[2])
    assert first.last_minute and not first.after_due and first.days_to_due == 2
    assert (second.before, second.after, second.sha) == (dt.date(2027, 7, 15), dt.date(2027, 7, 31), shas[4])
    assert second.after_due and second.days_to_due == -5
    assert june.original_due == dt.date(2027, 6, 30)
    stats = records["stats"]
    assert stats.withdrawn is not None and stats.withdrawn.kind == WITHDRAWN
    assert (stats.withdrawn.on, stats.withdrawn.sha) == (dt.date(2027, 7, 22), shas[5])


def test_a_move_after_the_due_date_keeps_the_commitment_missed(repo: GitRepo) -> None:
    history = read_plan_history(repo.root, "progress.yaml")
    current = parse_plan(plan("2027-07-31", log=3, stats=False))
    june, stats = commitment_statuses(current, history, dt.date(2027, 7, 25))
    assert (june.id, june.status, june.judged_by) == ("june", "missed", dt.date(2027, 7, 15))
    assert (stats.id, stats.status, stats.as_of) == ("stats", "withdrawn", dt.date(2027, 7, 22))


def test_uncommitted_changes_are_recorded_as_of_today(repo: GitRepo) -> None:
    history = read_plan_history(repo.root, "progress.yaml")
    current = parse_plan(plan("2027-08-31", log=3, stats=False))
    june = next(r for r in deadline_records(history, current, dt.date(2027, 7, 25)) if r.id == "june")
    last = june.changes[-1]
    assert (last.kind, last.on, last.sha, last.after) == (DUE, dt.date(2027, 7, 25), None, dt.date(2027, 8, 31))


def test_scope_title_and_units_changes_are_recorded(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "notes")
    r.write("progress.yaml", plan(stats=False))
    r.commit("Start", "2027-01-04T09:00:00+00:00")
    r.write("progress.yaml", plan(stats=False, covers="calc1", title="Calculus 1 by June", calc_units=30))
    r.commit("Less", "2027-03-01T09:00:00+00:00")
    history = read_plan_history(r.root, "progress.yaml")
    [june] = deadline_records(history, history.versions[-1].plan, dt.date(2027, 3, 2))
    scope, title = june.changes[1:]
    assert scope.kind == SCOPE and [i.id for i in scope.removed] == ["calc2"] and scope.easier
    assert [(a.units, b.units) for a, b in scope.resized] == [(40, 30)]
    assert (title.kind, title.before, title.after) == (TITLE, "Calculus by June", "Calculus 1 by June")


def test_deleting_and_adding_again_under_a_new_id_is_linked(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "notes")
    r.write("progress.yaml", plan(stats=False))
    r.commit("Start", "2027-01-04T09:00:00+00:00")
    r.write("progress.yaml", plan("2027-09-30", stats=False).replace("id: june", "id: september"))
    r.commit("A fresh start", "2027-06-29T09:00:00+01:00")
    history = read_plan_history(r.root, "progress.yaml")
    records = {x.id: x for x in deadline_records(history, history.versions[-1].plan, dt.date(2027, 7, 1))}
    assert records["june"].replaced_by == ("september",)
    replaces = records["september"].changes[-1]
    assert (replaces.kind, replaces.other, replaces.before, replaces.after) == (
        REPLACES, "june", dt.date(2027, 6, 30), dt.date(2027, 9, 30))
    assert replaces.last_minute


def test_a_merged_change_is_dated_by_the_merge(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "notes")
    r.write("progress.yaml", plan(stats=False))
    r.commit("Start", "2027-01-04T09:00:00+00:00")
    r.branch("later")
    r.checkout("later")
    r.write("progress.yaml", plan("2027-07-31", stats=False))
    r.commit("Move it on a branch", "2027-05-01T09:00:00+01:00")
    r.checkout("main")
    r.write("notes.md", "# Notes\n")
    r.commit("A note", "2027-05-02T09:00:00+01:00")
    merge = r.merge("later", "2027-05-10T09:00:00+01:00")
    history = read_plan_history(r.root, "progress.yaml")
    assert [(v.sha, v.plan.commitments[0].due.isoformat()) for v in history.versions][1:] == [(merge, "2027-07-31")]


def test_each_distinct_blob_is_read_once(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    original = git.Git.get_object_data

    def counting(self: git.Git, ref: str) -> object:
        read.append(ref)
        return original(self, ref)

    monkeypatch.setattr(git.Git, "get_object_data", counting)
    repo.write("progress.yaml", plan())  # the first version again: its blob is already known
    repo.commit("Back to the start", "2027-07-23T10:00:00+01:00")
    history = read_plan_history(repo.root, "progress.yaml")
    assert len(history.versions) == 6
    assert len(read) == len(set(read)) == 6  # seven commits, six distinct blobs


def test_a_broken_version_committed_again_is_named_by_each_commit(repo: GitRepo) -> None:
    # the broken blob is read and parsed once, but each commit that left it gets a warning naming it
    broken = plan("2027-07-15", log=2).replace("due: 2027-07-15", "due: mid july")
    repo.write("progress.yaml", broken)
    again = repo.commit("Back to the broken one", "2027-07-24T10:00:00+01:00")
    history = read_plan_history(repo.root, "progress.yaml")
    oops = repo.log("%H")[3]
    first, second = history.warnings
    assert f"commit {oops[:7]} (2027-07-01)" in first and f"progress.yaml@{oops[:7]}:13:" in first
    assert f"commit {again[:7]} (2027-07-24)" in second and f"progress.yaml@{again[:7]}:13:" in second
    assert len(history.versions) == 5


def test_a_shallow_clone_is_marked(repo: GitRepo, tmp_path: Path) -> None:
    clone = GitRepo.clone(repo, tmp_path / "clone", depth=1)
    history = read_plan_history(clone.root, "progress.yaml")
    assert history.shallow and len(history.versions) == 1


def test_a_repository_without_commits_has_no_versions(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "empty")
    assert read_plan_history(r.root, "progress.yaml") == PlanHistory()


def test_without_log_blanks_the_log_and_the_milestones_and_keeps_line_numbers() -> None:
    text = ("learner: {}\nlog:\n- date: 2027-01-01\n  note: |\n    log: not a key\n\n# a comment\n"
            "commitments: []\nmilestones:\n  - {date: 2027-01-01}\n---\n")
    assert without_log(text) == "learner: {}\n\n\n\n\n\n\ncommitments: []\n\n\n---\n"


def test_versions_that_differ_in_their_log_only_are_parsed_once(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import inpublic.history.plan_versions as module

    calls: list[str] = []
    original = module.parse_plan

    def counting(text: str, label: str = "progress.yaml") -> object:
        calls.append(label)
        return original(text, label)

    monkeypatch.setattr(module, "parse_plan", counting)
    r = GitRepo(tmp_path / "notes")
    for day in range(1, 6):
        r.write("progress.yaml", plan(log=day).replace("log:\n", "log:\n# a comment that moves\n" * day))
        r.commit(f"Day {day}", f"2027-01-{day + 5:02d}T20:00:00+00:00")
    history = read_plan_history(r.root, "progress.yaml")
    assert len(history.versions) == 5 and len(calls) == 1
    read_plan_history(r.root, "progress.yaml")  # nothing kept from one reading to the next
    assert len(calls) == 2
