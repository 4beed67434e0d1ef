"""A count written by hand when a commitment is made is where it starts (its baseline), not pace: the chart and the
page start there, and say there has been no progress since."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from gitrepo import GitRepo
from inpublic.cli.main import main
from inpublic.commitments.burnup import BOTTOM, TOP, burnup
from inpublic.commitments.pages import CommitmentPage, Links, render_page
from inpublic.commitments.status import CommitmentStatus, commitment_statuses
from inpublic.home.view import home_view
from inpublic.model import PlanHistory
from inpublic.plan.load import parse_plan
from test_commitments_status import GOLDEN, history, plan_text

# a learner and one subject, whose resources a test adds after it
ONE_SUBJECT = """\
learner: {name: Test, bio: Testing, timezone: UTC, started: 2026-11-01}
subjects:
  - id: s
    title: S
    resources:
"""


def _status(case_name: str) -> CommitmentStatus:
    case = YAML(typ="safe", pure=True).load((GOLDEN / f"{case_name}.yaml").read_text(encoding="utf-8"))
    (status,) = commitment_statuses(parse_plan(plan_text(case)), history(case), case["today"])
    return status


def _y(fraction: Fraction) -> float:
    return round(BOTTOM - (BOTTOM - TOP) * float(fraction), 1)


def test_the_chart_of_a_commitment_made_today_starts_at_its_baseline() -> None:
    status = _status("hand-count-baseline")
    chart = burnup(status)
    assert status.start == Fraction(2, 7)
    assert chart.done_path.split(" ")[1] == str(_y(Fraction(2, 7))), chart.done_path
    assert f"V{_y(Fraction(0))}" not in chart.done_path
    assert chart.required.y1 == _y(Fraction(2, 7))
    assert chart.forecast is None
    assert [(r.note, r.done) for r in chart.rows if r.done is not None] == [("made, today", 29)]
    assert "stands at 29% now, as it stood when the commitment was made" in chart.desc
    assert "Progress rises" not in chart.desc


def test_a_week_later_the_chart_rises_from_the_baseline_by_the_one_unit_done_since() -> None:
    status = _status("hand-count-baseline-then-one-more")
    chart = burnup(status)
    assert chart.done_path.startswith(f"M{chart.required.x1} {_y(Fraction(2, 7))}")
    assert chart.done_path.endswith(f"V{_y(Fraction(3, 7))}")
    assert [r.done for r in chart.rows if r.done is not None] == [29, 43]


def test_work_logged_before_a_commitment_gives_no_forecast_until_some_is_done_after() -> None:
    text = ONE_SUBJECT + """\
      - {id: book, title: Book, kind: book, units: 10, unit: chapters}
commitments:
  - {id: c, title: Finish the book, made: 2026-12-02, due: 2027-02-01, covers: [book]}
log:
  - {date: 2026-11-25, minutes: 60, resource: book, units: 3}
"""
    (status,) = commitment_statuses(parse_plan(text), PlanHistory(), dt.date(2026, 12, 2))
    assert status.forecast is None
    assert "No progress yet since" in "".join(str(p) for p in status.reason)


def test_inpublic_status_says_no_progress_yet_and_gives_no_forecast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = GitRepo(tmp_path / "notes")
    repo.write("mkdocs.yml", "site_name: Sam learns\nplugins:\n  - inpublic\n")
    repo.write("progress.yaml", """\
learner: {name: Sam, bio: Learning ML, timezone: UTC, started: 2026-11-01}
subjects:
  - id: ml
    title: ML
    resources:
      - {id: book, title: The book, kind: book, units: 7, unit: chapters, done: 2}
commitments:
  - {id: book, title: The book by January, made: 2026-12-02, due: 2027-01-13, covers: [book]}
log: []
""")
    repo.write("docs/index.md", "# Sam\n")
    repo.commit("Start", "2026-12-02T09:00:00+00:00")
    monkeypatch.chdir(repo.root)
    monkeypatch.setenv("INPUBLIC_TODAY", "2026-12-02")
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "No progress yet since 2 December 2026, when 2 of 7 chapters were done" in out
    assert "should be finished" not in out and "on track" not in out


@pytest.mark.parametrize(("case_name", "shown", "hidden"), [
    ("hand-count-baseline", "No pace yet: nothing done since it was made on", "forecast finish"),
    ("hand-count-baseline-then-one-more", "Pace over the last 14 days: 0.5 chapters a week", "No pace yet"),
])
def test_the_commitment_page_gives_a_pace_only_from_progress_since_it_was_made(
    case_name: str, shown: str, hidden: str
) -> None:
    status = _status(case_name)
    page = CommitmentPage(status, burnup(status))
    text = render_page(page, [page], Links(None, None), history_incomplete=False)
    assert shown in text and hidden not in text


def test_the_home_page_and_the_commitment_give_the_same_percentage_at_a_half() -> None:
    """One progress model: a mean of exactly 57.5% (shares 1 and 0.15) rounds the same on the home page and on
    the commitment's own page (in floats, 0.575 * 100 is 57.49999..., which once put 57% beside 58%)."""
    text = ONE_SUBJECT + """\
      - {id: book, title: Book, kind: book, units: 20, unit: chapters}
      - {id: course, title: Course, kind: course, units: 20, unit: lectures}
commitments:
  - {id: c, title: Book and course, made: 2026-11-01, due: 2027-02-01, covers: [book, course]}
log:
  - {date: 2026-11-25, minutes: 60, resource: book, units: 20}
  - {date: 2026-11-26, minutes: 60, resource: course, units: 3}
"""
    plan, today = parse_plan(text), dt.date(2026, 12, 2)
    (status,) = commitment_statuses(plan, PlanHistory(), today)
    (row,) = home_view(plan, today, [status]).commitments
    assert (status.percent, row.percent) == (58, 58)
