"""`inpublic status` and `inpublic review`, run as a learner runs them, on a repository with a fixed history.

INPUBLIC_TODAY fixes the day. The expected outputs are golden files in tests/golden/status; after an intended
change: pytest tests/test_status.py --regen-golden
"""

from __future__ import annotations

import datetime as dt
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run_inpublic
from gitrepo import GitRepo
from golden import check_golden
from inpublic.activity.days import Run, Streaks
from inpublic.cli.status_view import CommitmentLine, StatusView, WeekSoFar, status_view
from inpublic.cli.terminal import format_status
from inpublic.plan.load import parse_plan

GOLDEN = Path(__file__).parent / "golden" / "status"
TODAY = "2026-11-20"

PLAN = """\
learner:
  name: Ada Example
  bio: Learning calculus in public
  timezone: America/New_York
  started: 2026-11-02
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {id: calc1, title: Calculus 1, kind: lectures, units: 20, unit: lectures}
      - {id: spivak, title: Calculus (Spivak), kind: book, units: 10, unit: chapters}
      - {id: calc-problems, title: Calculus problem book, kind: practice, units: 10, unit: chapters}
  - id: probability
    title: Probability
    resources:
      - {id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}
commitments:
  - {id: calculus, title: Calculus by March, made: 2026-11-02, due: 2027-03-31, covers: [calculus]}
  - {id: stats, title: Stat 110 by New Year, made: 2026-11-02, due: 2026-12-31, covers: [stat110]}
log:
  - {date: 2026-11-09, minutes: 60, resource: calc1, units: 2, note: Limits}
  - {date: 2026-11-12, minutes: 45, resource: stat110, units: 1}
  - {date: 2026-11-16, minutes: 90, resource: calc1, units: 2, note: Derivatives}
  - {date: 2026-11-17, minutes: 30, resource: spivak, kind: review, note: Spivak on derivatives}
  - {date: 2026-11-18, minutes: 60, resource: stat110, units: 1, note: "Lecture 2: story proofs"}
  - {date: 2026-11-19, minutes: 50, resource: calc1, units: 1, note: The chain rule}
  - {date: 2026-11-19, minutes: 20, resource: stat110, private: true}
"""

CONFIG = """\
site_name: Ada learns
theme: {name: material}
plugins:
  - inpublic
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three weeks of a learner in New York, with commits that count and commits that do not."""
    repo = GitRepo(tmp_path_factory.mktemp("status") / "notes")
    repo.write("mkdocs.yml", CONFIG)
    repo.write("progress.yaml", PLAN)
    repo.write("docs/index.md", "# Ada\n\n<!-- inpublic:home -->\n")
    repo.commit("Start", "2026-11-02T09:00:00-05:00")
    repo.write("docs/limits.md", "# Limits\n")
    repo.commit("Limits", "2026-11-09T20:00:00-05:00")
    repo.write("docs/derivatives.md", "# Derivatives\n")
    repo.commit("Derivatives", "2026-11-16T21:00:00-05:00")
    repo.write("docs/derivatives.md", "# Derivatives\n\nThe chain rule.\n")
    repo.commit("The chain rule", "2026-11-19T23:30:00-05:00")  # Friday in UTC, Thursday in New York
    repo.write("mkdocs.yml", CONFIG + "# a comment\n")
    repo.commit("Site settings only", "2026-11-20T08:00:00-05:00")  # not study: not counted
    repo.write("docs/private/diary.md", "# Diary\n")
    repo.commit("Diary", "2026-11-20T08:30:00-05:00")  # a private note: not counted
    return repo.root


def inpublic(*args: str, cwd: Path, today: str | None = TODAY) -> subprocess.CompletedProcess[str]:
    return run_inpublic(*args, cwd=cwd, env={"INPUBLIC_TODAY": today, "NO_COLOR": None})


def test_status_shows_the_week_the_commitments_and_the_streaks(project: Path, regen_golden: bool) -> None:
    done = inpublic("status", cwd=project)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    check_golden(GOLDEN / "status.txt", done.stdout, regen_golden)
    lines = done.stdout.splitlines()
    assert lines[0] == "Ada Example, Friday 20 November 2026"
    assert "  time          3 h 50 min over 4 sessions" in lines  # the private session is not counted
    assert "  commits       2" in lines  # settings and the private diary do not count
    assert "  active days   4 of 5: Mon Tue Wed Thu" in lines  # 23:30 in New York is still Thursday
    assert "  current   4 days, up to yesterday (nothing yet today)" in lines
    assert "\x1b" not in done.stdout  # no colour into a pipe


def test_review_lists_what_is_due(project: Path, regen_golden: bool) -> None:
    done = inpublic("review", cwd=project)
    assert done.returncode == 0, done.stderr
    check_golden(GOLDEN / "review.txt", done.stdout, regen_golden)
    assert "  Review    Calculus 1 (Calculus)" in done.stdout
    assert "            from Calculus (Spivak), or Calculus problem book" in done.stdout
    assert "            from your notes" in done.stdout  # Stat 110 is probability's only resource


def test_review_on_another_day(project: Path) -> None:
    done = inpublic("review", cwd=project, today="2026-11-17")
    assert done.returncode == 0, done.stderr
    assert "Reviews, Tuesday 17 November 2026" in done.stdout
    assert "The last 14 days: 2 done, 2 missed" in done.stdout
    assert "  Tue 17 Nov   done    review    Calculus 1 (Calculus)" in done.stdout  # studied on the 16th


def test_colour_only_in_a_terminal_and_never_with_no_color(project: Path) -> None:
    assert "\x1b[1m" in run_in_terminal(project)
    assert "\x1b" not in run_in_terminal(project, NO_COLOR="1")


def run_in_terminal(project: Path, **env: str) -> str:
    """`inpublic status` with its output on a pseudo-terminal, as in a learner's shell."""
    controller, terminal = pty.openpty()
    environ = {**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, "INPUBLIC_TODAY": TODAY, **env}
    process = subprocess.Popen([sys.executable, "-m", "inpublic.cli.main", "status"], stdout=terminal,
                               stderr=subprocess.DEVNULL, cwd=project, env=environ)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait() == 0
    return b"".join(chunks).decode()


def test_without_git_the_commits_are_unknown(tmp_path: Path) -> None:
    (tmp_path / "progress.yaml").write_text(PLAN, encoding="utf-8")  # no mkdocs.yml: ./progress.yaml
    done = inpublic("status", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "  commits       unknown: the git history could not be read" in done.stdout
    assert "Stat 110 by New Year" in done.stdout


def test_reviews_off_leaves_them_out_of_status(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("  - inpublic\n", "  - inpublic:\n      reviews: false\n"))
    (tmp_path / "progress.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    done = inpublic("status", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Reviews" not in done.stdout


def test_a_bad_inpublic_today_is_named(project: Path) -> None:
    done = inpublic("status", cwd=project, today="20 November")
    assert done.returncode == 2
    assert done.stderr == ("INPUBLIC_TODAY: expected a date like 2026-11-22, got '20 November'; "
                           "unset it to use today\n")


def test_without_inpublic_today_it_is_today(project: Path) -> None:
    done = inpublic("review", cwd=project, today=None)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"Reviews, [A-Z][a-z]+day [0-9]{1,2} [A-Z][a-z]+ [0-9]{4}", done.stdout.splitlines()[0])


def test_a_plan_with_mistakes_is_reported(tmp_path: Path) -> None:
    (tmp_path / "progress.yaml").write_text(PLAN.replace("kind: lectures", "kind: lecture", 1), encoding="utf-8")
    for command in ("status", "review"):
        done = inpublic(command, cwd=tmp_path)
        assert done.returncode == 1
        assert "progress.yaml:10:" in done.stderr and "did you mean 'lectures'?" in done.stderr
        assert done.stdout == ""


def test_a_missing_config_file_says_where_to_run(tmp_path: Path) -> None:
    done = inpublic("status", "-f", "site/mkdocs.yml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == ("site/mkdocs.yml: no such file; run this in your site's folder, or pass "
                           "-f path/to/mkdocs.yml\n")


def test_the_pace_needed_without_statuses() -> None:
    """Without commitment statuses, each commitment shows its progress, the days left and the pace needed."""
    today = dt.date(2026, 11, 20)
    view = StatusView(
        learner="Ada", today=today,
        week=WeekSoFar(dt.date(2026, 11, 16), today, 0, 0, 0, None, ()),
        commitments=(CommitmentLine("Calculus by March", dt.date(2027, 3, 31), 131, 15, 6, 40),
                     CommitmentLine("Done already", dt.date(2026, 12, 1), 11, 100, 5, 5)),
        streaks=Streaks(today, None, Run(dt.date(2026, 11, 2), dt.date(2026, 11, 3), 2)),
        reviews_due=None,
    )
    text = format_status(view)
    assert ("  Calculus by March\n"
            "    15% done · 6 / 40 units · due 31 March 2027 (131 days left)\n"
            "    needs 0.26 units a day (1.8 a week) for the 34 left\n") in text
    assert "  Done already\n    100% done · 5 / 5 units · due 1 December 2026 (11 days left)\n" in text
    assert "  current   0 days\n  longest   2 days, 2 November 2026 to 3 November 2026\n" in text
    assert "\x1b" not in text and "\x1b[1m" in format_status(view, colour=True)


def test_units_are_named_by_the_resources_unit() -> None:
    """One unit name: its own, also in the pace needed (one chapter, in the singular); several: each on its own."""
    today = dt.date(2026, 11, 20)
    view = StatusView(
        learner="Ada", today=today,
        week=WeekSoFar(dt.date(2026, 11, 16), today, 0, 0, 0, None, ()),
        commitments=(
            CommitmentLine("Spivak by March", dt.date(2027, 3, 31), 131, 20, 2, 7, units=(("chapters", 2, 7),)),
            CommitmentLine("Calculus", dt.date(2027, 3, 31), 131, 10, 5, 40,
                           units=(("lectures", 5, 20), ("chapters", 0, 20))),
            CommitmentLine("One paper", dt.date(2026, 11, 21), 1, 0, 0, 1, units=(("papers", 0, 1),)),
        ),
        streaks=Streaks(today, None, None),
        reviews_due=None,
    )
    text = format_status(view)
    assert ("    20% done · 2 / 7 chapters · due 31 March 2027 (131 days left)\n"
            "    needs 0.038 chapters a day (0.27 a week) for the 5 left\n") in text
    assert "    10% done · 5 / 20 lectures, 0 / 20 chapters · due 31 March 2027 (131 days left)\n" in text
    assert ("    0% done · 0 / 1 paper · due 21 November 2026 (1 day left)\n"
            "    needs 1 paper a day (7 a week) for the 1 left\n") in text


def test_the_weeks_units_are_named_by_unit() -> None:
    plan = parse_plan(PLAN + "  - {date: 2026-11-20, minutes: 30, resource: spivak, units: 1}\n"
                             "  - {date: 2026-11-21, minutes: 30, resource: spivak, units: 1}\n")  # tomorrow
    view = status_view(plan, dt.date(2026, 11, 20), None)
    assert view.week.units == 5
    assert view.week.units_by_name == (("lectures", 4), ("chapters", 1))
    assert "  units         4 lectures, 1 chapter\n" in format_status(view)
