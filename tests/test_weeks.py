"""weekly_reports against real git repositories with fixed dates, and the privacy patterns.

The golden report is rewritten after an intended change with: pytest tests/test_weeks.py --regen-golden
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gitrepo import GitRepo
from golden import check_golden
from inpublic.history.read import read_history
from inpublic.plan.load import parse_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.reports.weeks import CommitRef, NoteRef, Sources, WeekReport, weekly_reports

GOLDEN = Path(__file__).parent / "golden" / "weeks"
COUNTED_PATHS = (":(glob)docs/**/*.md", ":(exclude,glob)docs/private/**", "progress.yaml")
TITLES = {
    "calculus/limits.md": "Limits",
    "calculus/rant.md": "Work rant",
    "probability/counting.md": "Counting",
    "probability/conditional.md": "Conditional probability",
    "private/journal.md": "Secret journal",
}

PLAN = """\
learner:
  name: Sam Rivera
  bio: Learning the maths for machine learning
  timezone: {zone}
  started: 2026-10-05
{repo}subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: lectures, units: 10, unit: lectures}}
      - {{id: calc-intro, title: Why calculus, kind: lectures, units: 2, unit: videos}}
  - id: probability
    title: Probability
    resources:
      - {{id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}}
      - {{id: blitz, title: Blitzstein and Hwang, kind: book, units: 13, unit: chapters, done: 3}}
commitments:
  - {{id: autumn, title: Calculus by New Year, made: 2026-10-05, due: 2026-12-31, covers: [calculus]}}
  - {{id: stats, title: Probability by spring, made: 2026-10-20, due: 2027-03-31, covers: [probability]}}
log:
{log}
"""


def make_plan(log: str = "", zone: str = "UTC", repo: str | None = None) -> str:
    entries = "\n".join(f"  - {{{line}}}" for line in log.strip().splitlines())
    return PLAN.format(zone=zone, repo=f"  repo: {repo}\n" if repo else "", log=entries or "  []")


def reports(
    repo: GitRepo, today: str, log: str = "", zone: str = "UTC", repo_url: str | None = None
) -> list[WeekReport]:
    plan = public_plan(parse_plan(make_plan(log, zone, repo_url)))
    # every page counts as a note here
    sources = Sources(notes_dir="docs", plan_path="progress.yaml", titles=TITLES, privacy=Privacy(not_notes=()))
    return list(weekly_reports(plan, read_history(repo.root), dt.date.fromisoformat(today), sources))


def by_slug(weeks: list[WeekReport]) -> dict[str, WeekReport]:
    return {w.slug: w for w in weeks}


def messages(week: WeekReport) -> list[str]:
    return [c.message for c in week.commits]


def titles(notes: tuple[NoteRef, ...]) -> list[str]:
    return [n.title for n in notes]


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "notes")


# --- the semester: one repository over seven weeks, every kind of commit --------------------------

SEMESTER_LOG = """\
date: 2026-10-05, minutes: 90, resource: calc-intro, units: 1
date: 2026-10-06, minutes: 60, resource: calc1, units: 1
date: 2026-10-09, minutes: 45, resource: stat110, units: 1
date: 2026-10-10, minutes: 30, resource: calc1, private: true, note: Bad day
date: 2026-10-12, minutes: 40, resource: calc-intro, units: 1
date: 2026-10-12, minutes: 50, resource: calc1, units: 2
date: 2026-10-27, minutes: 60, resource: stat110, units: 1
date: 2026-10-28, minutes: 30, resource: calc1, kind: review
date: 2026-11-14, minutes: 60, resource: calc1, units: 7
date: 2026-11-15, minutes: 45, resource: stat110, units: 1
date: 2026-11-16, minutes: 30, resource: stat110, units: 1
date: 2026-11-17, minutes: 30, resource: stat110, units: 1
date: 2026-11-18, minutes: 20, resource: blitz, units: 0
"""


def build_semester(repo: GitRepo) -> dict[str, str]:
    """Seven ISO weeks in Europe/London (2026-W41 to W47); returns the shas by message."""
    sha: dict[str, str] = {}

    def commit(message: str, when: str) -> None:
        sha[message] = repo.commit(message, when)

    repo.write("progress.yaml", "learner: {}\n")
    repo.write("mkdocs.yml", "site_name: Notes\n")
    repo.write("docs/index.md", "# Notes\n")
    commit("Start the plan", "2026-10-05T09:00:00+01:00")
    repo.write("docs/calculus/limits.md", "# Limits\n")
    commit("Limits", "2026-10-06T20:00:00+01:00")
    repo.write("mkdocs.yml", "site_name: Notes\ntheme: material\n")
    commit("Site theme", "2026-10-07T21:00:00+01:00")
    repo.write("docs/private/journal.md", "# Secret journal\n")
    commit("Journal", "2026-10-08T22:00:00+01:00")
    repo.write("docs/calculus/limits.md", "# Limits\nepsilon-delta\n")
    commit("More limits", "2026-10-10T23:30:00+00:00")  # Sunday 00:30 in London
    repo.branch("probability")
    repo.write("docs/calculus/limits.md", "# Limits\nepsilon-delta\nexercises\n")
    commit("Limits exercises", "2026-10-14T08:00:00-04:00")  # written in New York
    repo.write("docs/calculus/limits.md", "# Limits\nepsilon-delta\nexercises\nwhy bother\n")
    repo.write("docs/calculus/rant.md", "# Work rant\n")
    commit("[Private] rant about work", "2026-10-15T21:00:00+01:00")
    repo.write(".github/workflows/site.yml", "on: push\n")
    commit("Workflow", "2026-10-16T12:00:00+01:00")
    repo.checkout("probability")
    repo.write("docs/probability/basics.md", "# Counting\n")
    commit("Probability basics", "2026-10-13T19:00:00+01:00")
    repo.write("docs/probability/conditional.md", "# Conditional probability\n")
    commit("Conditional probability", "2026-10-19T00:30:00+01:00")
    repo.checkout("main")
    sha["merge"] = repo.merge("probability", "2026-10-21T18:00:00+01:00")
    repo.write("progress.yaml", "learner: {name: Sam}\n")
    commit("Update progress", "2026-10-25T01:30:00+00:00")  # the hour that happens twice
    repo.move("docs/probability/basics.md", "docs/probability/counting.md")
    commit("Rename basics to counting", "2026-11-09T10:00:00+00:00")
    repo.delete("docs/index.md")
    commit("Drop the index page", "2026-11-10T10:00:00+00:00")
    return sha


def git_log_weeks(repo: GitRepo, zone: str) -> dict[str, list[str]]:
    """Counted commits per ISO week according to plain git log, not to inpublic: a commit whose only changes to
    those paths are renames of the very same blob (":100644 100644 <blob> <blob> R100") moved notes, and is left out."""
    out = repo.git("log", "--no-merges", "-M", "--raw", "--no-abbrev", "--format=%x00%H%x09%aI%x09%s",
                   "--", *COUNTED_PATHS)
    rows = []
    for entry in out.split("\0")[1:]:
        head, *raw = entry.strip("\n").split("\n")
        moves_only = all(line.split()[4].startswith("R") and line.split()[2] == line.split()[3] for line in raw if line)
        if not moves_only:
            rows.append(head.split("\t", 2))
    dated = sorted((dt.datetime.fromisoformat(when), sha) for sha, when, subject in rows
                   if "[private]" not in subject.lower())
    weeks: dict[str, list[str]] = defaultdict(list)
    for when, sha in dated:
        year, week, _ = when.astimezone(ZoneInfo(zone)).isocalendar()
        weeks[f"{year}-W{week:02d}"].append(sha)
    return weeks


def test_semester_commits_match_git_log_week_by_week(repo: GitRepo) -> None:
    sha = build_semester(repo)
    weeks = reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London")

    expected = git_log_weeks(repo, "Europe/London")
    assert [w.slug for w in weeks] == [f"2026-W{n}" for n in range(41, 48)]
    assert {w.slug: [c.sha for c in w.commits] for w in weeks} == {w.slug: expected.get(w.slug, []) for w in weeks}
    assert set(expected) <= {w.slug for w in weeks}
    # merge, theme, journal, rant, workflow, and the rename that changed nothing in the note
    assert sum(len(w.commits) for w in weeks) == len(sha) - 6


def test_semester_weeks(repo: GitRepo) -> None:
    build_semester(repo)
    weeks = by_slug(reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London"))

    w41, w42, w43 = weeks["2026-W41"], weeks["2026-W42"], weeks["2026-W43"]
    assert messages(w41) == ["Start the plan", "Limits", "More limits"]
    assert w41.commits[-1].authored == dt.datetime(2026, 10, 11, 0, 30, tzinfo=ZoneInfo("Europe/London"))
    assert titles(w41.notes_created) == ["index", "Limits"] and w41.notes_updated == ()
    assert w41.notes_created[0] == NoteRef(None, "docs/index.md", "index")  # deleted since: no link
    assert messages(w42) == ["Probability basics", "Limits exercises"]
    assert w42.notes_updated == (NoteRef("calculus/limits.md", "docs/calculus/limits.md", "Limits"),)
    assert titles(w42.notes_created) == ["Counting"]
    assert messages(w43) == ["Conditional probability", "Update progress"]  # not the merge
    assert dt.date(2026, 10, 21) not in w43.active_days
    assert weeks["2026-W46"].notes_updated == ()  # renamed, its content as it was: moved, not updated
    assert weeks["2026-W46"].reorganised == 1
    assert messages(weeks["2026-W46"]) == ["Drop the index page"]
    assert dt.date(2026, 11, 9) not in weeks["2026-W46"].active_days


def test_semester_leaves_no_trace_of_private_things(repo: GitRepo) -> None:
    build_semester(repo)
    weeks = reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London")

    text = repr(weeks).lower()
    for secret in ("journal", "rant", "bad day", "theme", "workflow"):
        assert secret not in text
    w41 = weeks[0]
    assert w41.active_days == (dt.date(2026, 10, 5), dt.date(2026, 10, 6), dt.date(2026, 10, 9), dt.date(2026, 10, 11))
    assert (w41.minutes, w41.units, w41.sessions) == (195, 3, 3)


def test_semester_log_figures(repo: GitRepo) -> None:
    build_semester(repo)
    weeks = by_slug(reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London"))

    w42 = weeks["2026-W42"]
    (calculus,) = w42.subjects
    assert (calculus.subject.id, calculus.minutes, calculus.units) == ("calculus", 90, 3)
    assert [(r.resource.id, r.minutes, r.units, r.sessions) for r in calculus.resources] == [
        ("calc1", 50, 2, 1), ("calc-intro", 40, 1, 1)]
    assert [r.id for r in w42.finished] == ["calc-intro"]
    assert [c.commitment.id for c in w42.commitments] == ["autumn"]  # stats is made on 2026-10-20
    autumn = w42.commitments[0]
    assert (autumn.units_done, autumn.units_total, autumn.fraction, autumn.percent) == (5, 12, Fraction(13, 20), 65)
    w43 = weeks["2026-W43"]
    assert w43.subjects == () and w43.finished == () and (w43.minutes, w43.sessions) == (0, 0)
    stats = w43.commitments[1]
    assert (stats.commitment.id, stats.units_done, stats.units_total) == ("stats", 4, 48)  # blitz counts its `done: 3`
    assert [r.id for r in weeks["2026-W46"].finished] == ["calc1"]
    assert weeks["2026-W46"].commitments[0].percent == 100


def test_semester_empty_weeks_in_progress_and_streaks(repo: GitRepo) -> None:
    build_semester(repo)
    weeks = reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London")

    assert [w.complete for w in weeks] == [True] * 6 + [False]
    w45 = by_slug(weeks)["2026-W45"]
    assert (w45.start, w45.end) == (dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    assert (w45.commits, w45.notes_created, w45.notes_updated, w45.active_days) == ((), (), (), ())
    assert (w45.minutes, w45.units, w45.sessions, w45.subjects, w45.streak) == (0, 0, 0, (), 0)
    assert [w.streak for w in weeks] == [1, 0, 1, 0, 0, 2, 5]  # W47 runs from Saturday of W46 to today


def test_semester_golden(repo: GitRepo, regen_golden: bool) -> None:
    build_semester(repo)
    weeks = reports(repo, "2026-11-18", SEMESTER_LOG, zone="Europe/London",
                    repo_url="https://github.com/samrivera/notes.git/")
    assert weeks[0].commits[0].url == f"https://github.com/samrivera/notes/commit/{weeks[0].commits[0].sha}"
    check_golden(GOLDEN / "semester.txt", "\n".join(dump_week(w) for w in weeks), regen_golden)


def dump_week(w: WeekReport) -> str:
    state = "complete" if w.complete else "in progress"
    lines = [f"{w.slug}  {w.title}  {w.start} to {w.end}  {state}  streak {w.streak}"]
    lines += [f"  commit  {dump_commit(c)}" for c in w.commits]
    lines += [f"  created {n.title} ({n.src_uri or 'deleted: ' + n.path})" for n in w.notes_created]
    lines += [f"  updated {n.title} ({n.src_uri or 'deleted: ' + n.path})" for n in w.notes_updated]
    lines += [f"  reorganised {w.reorganised} notes"] if w.reorganised else []
    lines.append("  active  " + (" ".join(d.strftime("%a") for d in w.active_days) or "-"))
    lines.append(f"  log     {w.minutes} min, {w.units} units, {w.sessions} sessions")
    for s in w.subjects:
        lines.append(f"    {s.subject.title}: {s.minutes} min, {s.units} units")
        lines += [f"      {r.resource.title}: {r.minutes} min, {r.units} units, {r.sessions} sessions"
                  for r in s.resources]
    lines += [f"  finished {r.title}" for r in w.finished]
    lines += [f"  promise {c.commitment.title}: {c.units_done}/{c.units_total}, {c.percent}%" for c in w.commitments]
    return "\n".join(lines) + "\n"


def dump_commit(c: CommitRef) -> str:
    link = "linked" if c.url and c.url.endswith(c.sha) else "no link"
    return f"{c.authored:%a %Y-%m-%d %H:%M %z}  {c.message}  ({link})"


# --- time zones and calendars --------------------------------------------------------------------


def test_dst_end_in_london_keeps_monday_half_past_midnight_in_its_week(repo: GitRepo) -> None:
    repo.write("docs/a.md", "1\n")
    repo.commit("Monday before the change", "2026-10-18T23:30:00+00:00")  # 00:30 BST on Monday 19
    repo.write("docs/a.md", "2\n")
    repo.commit("Sunday, second 01:30", "2026-10-25T01:30:00+00:00")  # clocks went back at 02:00 BST
    repo.write("docs/a.md", "3\n")
    repo.commit("Sunday night", "2026-10-25T23:30:00+00:00")
    repo.write("docs/a.md", "4\n")
    repo.commit("Monday after the change", "2026-10-26T00:30:00+00:00")  # 00:30 GMT on Monday 26

    weeks = by_slug(reports(repo, "2026-10-27", zone="Europe/London"))

    assert list(weeks) == ["2026-W43", "2026-W44"]
    assert messages(weeks["2026-W43"]) == ["Monday before the change", "Sunday, second 01:30", "Sunday night"]
    assert messages(weeks["2026-W44"]) == ["Monday after the change"]
    before, after = weeks["2026-W43"].commits[0].authored, weeks["2026-W44"].commits[0].authored
    assert (before.date(), before.hour, before.minute, before.utcoffset()) == (
        dt.date(2026, 10, 19), 0, 30, dt.timedelta(hours=1))
    assert (after.date(), after.hour, after.minute, after.utcoffset()) == (dt.date(2026, 10, 26), 0, 30, dt.timedelta())
    assert weeks["2026-W43"].active_days == (dt.date(2026, 10, 19), dt.date(2026, 10, 25))


def test_iso_week_53_across_the_year_boundary(repo: GitRepo) -> None:
    assert dt.date(2026, 12, 28).isocalendar()[:2] == (2026, 53) == dt.date(2027, 1, 3).isocalendar()[:2]
    assert dt.date(2027, 1, 4).isocalendar()[:2] == (2027, 1)
    for day in ("2026-12-22", "2026-12-31", "2027-01-03", "2027-01-04"):
        repo.write("docs/year.md", day)
        repo.commit(f"Notes of {day}", f"{day}T12:00:00+00:00")

    weeks = reports(repo, "2027-01-05")

    assert [(w.slug, w.title, w.start, w.end) for w in weeks] == [
        ("2026-W52", "Week 52, 2026", dt.date(2026, 12, 21), dt.date(2026, 12, 27)),
        ("2026-W53", "Week 53, 2026", dt.date(2026, 12, 28), dt.date(2027, 1, 3)),
        ("2027-W01", "Week 1, 2027", dt.date(2027, 1, 4), dt.date(2027, 1, 10)),
    ]
    assert [len(w.commits) for w in weeks] == [1, 2, 1]
    assert [w.complete for w in weeks] == [True, True, False]
    assert [titles(w.notes_created) for w in weeks] == [["year"], [], []]
    assert [titles(w.notes_updated) for w in weeks] == [[], ["year"], ["year"]]


def test_sunday_night_in_los_angeles_is_monday_in_utc(repo: GitRepo) -> None:
    repo.write("docs/a.md", "1\n")
    repo.commit("Sunday night", "2026-11-09T07:30:00+00:00")  # 23:30 PST on Sunday 8
    repo.write("docs/a.md", "2\n")
    repo.commit("Monday morning", "2026-11-09T09:00:00-08:00")

    weeks = by_slug(reports(repo, "2026-11-10", zone="America/Los_Angeles"))

    assert messages(weeks["2026-W45"]) == ["Sunday night"]
    assert weeks["2026-W45"].active_days == (dt.date(2026, 11, 8),)
    assert messages(weeks["2026-W46"]) == ["Monday morning"]
    assert weeks["2026-W46"].streak == 0  # today, Tuesday, had nothing
    assert weeks["2026-W45"].streak == 1


# --- notes: renames, privacy, what counts ----------------------------------------------------------


def test_moving_every_note_into_docs_keeps_them_created_in_their_week(repo: GitRepo) -> None:
    repo.write("algebra.md", "# Algebra\n")
    repo.commit("Algebra", "2026-01-05T10:00:00+00:00")
    repo.write("notes/calculus_one.md", "# Calculus\n")
    repo.commit("Calculus", "2026-01-13T10:00:00+00:00")
    repo.write("algebra.md", "# Algebra\nrings\n")
    repo.write("notes/calculus_one.md", "# Calculus\nlimits\n")
    repo.commit("Edit both", "2026-01-14T10:00:00+00:00")
    repo.write("README.md", "my notes\n")
    repo.commit("Readme", "2026-01-21T10:00:00+00:00")
    repo.move("algebra.md", "docs/algebra.md")
    repo.move("notes/calculus_one.md", "docs/calculus/calculus-one.md")
    move = repo.commit("Move everything into docs/", "2026-01-28T10:00:00+00:00")

    weeks = reports(repo, "2026-01-29")

    assert [titles(w.notes_created) for w in weeks] == [["algebra"], ["calculus one"], [], []]
    # the move changed no note's content: it reorganised them, and is not study
    assert [titles(w.notes_updated) for w in weeks] == [[], ["algebra"], [], []]
    assert [w.reorganised for w in weeks] == [0, 0, 0, 2]
    assert [messages(w) for w in weeks] == [["Algebra"], ["Calculus", "Edit both"], [], []]
    assert weeks[3].active_days == ()
    followed = {sha for path in ("docs/algebra.md", "docs/calculus/calculus-one.md")
                for sha in repo.git("log", "--follow", "--format=%H", "--", path).split()}
    assert move in followed
    assert followed - {move} == {c.sha for w in weeks for c in w.commits}


def test_private_paths_and_marker_hide_notes_and_commits(repo: GitRepo) -> None:
    repo.write("docs/private/draft.md", "# Draft\n")
    repo.commit("Draft in private", "2026-03-02T10:00:00+00:00")
    repo.write("docs/public.md", "# Public\n")
    repo.commit("Public note", "2026-03-03T10:00:00+00:00")
    repo.write("docs/public.md", "# Public\nmore\n")
    repo.commit("more [PRIVATE] thoughts", "2026-03-10T10:00:00+00:00")
    repo.write("docs/private/draft.md", "# Draft\nready\n")
    repo.commit("Polish the draft", "2026-03-17T10:00:00+00:00")
    repo.move("docs/private/draft.md", "docs/draft.md")
    repo.commit("Publish the draft", "2026-03-24T10:00:00+00:00")
    repo.write("mkdocs.yml", "site_name: x\n")
    repo.commit("Only mkdocs.yml", "2026-03-25T10:00:00+00:00")

    weeks = reports(repo, "2026-03-26")

    assert [messages(w) for w in weeks] == [["Public note"], [], [], ["Publish the draft"]]
    assert [titles(w.notes_created) for w in weeks] == [["public"], [], [], ["draft"]]
    assert all(w.notes_updated == () for w in weeks)
    assert weeks[1].active_days == weeks[2].active_days == ()
    assert weeks[3].active_days == (dt.date(2026, 3, 24),)


def test_note_moved_into_a_private_folder_disappears_from_every_week(repo: GitRepo) -> None:
    repo.write("docs/diary.md", "# Diary\n")
    repo.commit("Diary", "2026-03-02T10:00:00+00:00")
    repo.write("docs/other.md", "# Other\n")
    repo.commit("Other", "2026-03-03T10:00:00+00:00")
    repo.move("docs/diary.md", "docs/private/diary.md")
    repo.commit("Hide the diary", "2026-03-10T10:00:00+00:00")

    weeks = reports(repo, "2026-03-11")

    assert [messages(w) for w in weeks] == [["Other"], []]
    assert "diary" not in repr(weeks).lower()


def test_custom_privacy_patterns_and_marker(repo: GitRepo) -> None:
    repo.write("docs/journal/day1.md", "x\n")
    repo.write("docs/notes/a.md", "x\n")
    repo.commit("Two notes", "2026-03-02T10:00:00+00:00")
    repo.write("docs/notes/a.md", "y\n")
    repo.commit("secret: tweak", "2026-03-03T10:00:00+00:00")
    plan = parse_plan(make_plan())
    sources = Sources("docs", "progress.yaml", {}, Privacy(paths=("journal/**",), marker="SECRET:"))

    (week,) = weekly_reports(plan, read_history(repo.root), dt.date(2026, 3, 4), sources)

    assert messages(week) == ["Two notes"]
    assert week.notes_created == (NoteRef("notes/a.md", "docs/notes/a.md", "a"),)


def test_notes_at_the_repository_root(repo: GitRepo) -> None:
    repo.write("index.md", "# Home\n")
    repo.write("mkdocs.yml", "site_name: x\n")
    repo.commit("Home", "2026-03-02T10:00:00+00:00")
    plan = parse_plan(make_plan())
    sources = Sources("", "progress.yaml", {"index.md": "Welcome"}, Privacy(not_notes=()))

    (week,) = weekly_reports(plan, read_history(repo.root), dt.date(2026, 3, 2), sources)

    assert week.notes_created == (NoteRef("index.md", "index.md", "Welcome"),)
    assert week.streak == 1 and not week.complete


# --- which weeks appear ----------------------------------------------------------------------------


def test_no_activity_no_reports(repo: GitRepo) -> None:
    repo.write("mkdocs.yml", "site_name: x\n")
    repo.commit("Only mkdocs.yml", "2026-03-02T10:00:00+00:00")

    assert reports(repo, "2026-03-20") == []


def test_weeks_run_from_the_first_log_entry_to_today_and_never_beyond(repo: GitRepo) -> None:
    repo.write("docs/a.md", "x\n")
    repo.commit("A note", "2026-10-14T10:00:00+00:00")
    log = """\
date: 2026-10-05, minutes: 30, resource: calc1
date: 2026-10-30, minutes: 30, resource: calc1
"""
    weeks = reports(repo, "2026-10-21", log)

    assert [w.slug for w in weeks] == ["2026-W41", "2026-W42", "2026-W43"]
    assert [w.sessions for w in weeks] == [1, 0, 0]
    assert [w.complete for w in weeks] == [True, True, False]
    assert reports(repo, "2026-10-01", log) == []


def test_weeks_run_to_today_after_the_last_activity(repo: GitRepo) -> None:
    repo.write("docs/a.md", "x\n")
    repo.commit("A note", "2026-10-05T10:00:00+00:00")

    weeks = reports(repo, "2026-11-04")

    assert [w.slug for w in weeks] == [f"2026-W{n}" for n in range(41, 46)]
    assert [len(w.commits) for w in weeks] == [1, 0, 0, 0, 0]
    assert weeks[-1].complete is False and weeks[-1].streak == 0


# --- privacy patterns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "private"),
    [
        ("private/**", "private/a.md", True),
        ("private/**", "private/x/y.md", True),
        ("private/**", "privateer/a.md", False),
        ("private/**", "notes/private/a.md", False),
        ("**/draft.md", "draft.md", True),
        ("**/draft.md", "a/b/draft.md", True),
        ("**/draft.md", "a/b/mydraft.md", False),
        ("drafts/*", "drafts/a.md", True),
        ("drafts/*", "drafts/x/a.md", False),
        ("*.secret.md", "x.secret.md", True),
        ("*.secret.md", "a/x.secret.md", False),
        ("notes/?.md", "notes/a.md", True),
        ("notes/?.md", "notes/ab.md", False),
        ("a/**/b.md", "a/b.md", True),
        ("a/**/b.md", "a/x/y/b.md", True),
        ("[x]+.md", "[x]+.md", True),
        ("[x]+.md", "x.md", False),
        ("/top.md", "top.md", True),
    ],
)
def test_private_path_patterns(pattern: str, path: str, private: bool) -> None:
    assert Privacy(paths=(pattern,)).is_private_path(path) is private


def test_private_commit_marker() -> None:
    privacy = Privacy()
    assert privacy.is_private_commit("[private] notes on my manager")
    assert privacy.is_private_commit("Fix typo [PRIVATE]")
    assert privacy.is_private_commit("Fix typo\n\n[private] in the body only")
    assert not privacy.is_private_commit("private matters")
    assert Privacy(marker="#hide").is_private_commit("tweak #HIDE")
    assert not Privacy(paths=()).is_private_path("private/a.md")


def test_home_pages_and_reflections_are_not_notes_by_default() -> None:
    privacy = Privacy()
    assert not privacy.is_note("index.md") and not privacy.is_note("reports/2026-W45.md")
    assert privacy.is_note("calculus/index.md") and privacy.is_note("limits.md")
    assert not privacy.is_note("photo.png")
