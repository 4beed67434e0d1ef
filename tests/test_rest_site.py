"""A real build of a weekdays-only learner with breaks: the streak survives the weekend and a break, the week's
active days are counted of the days not resting, the heatmap shows the resting days, and a private break's note
reaches no page or feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sites import build_in_process
from test_review_site import PLAN, inline_svg, make_learner, text_of

REST = """\
rest_days: [sat, sun]
breaks:
  - {from: 2026-11-18, to: 2026-11-18, note: Exams at work}
  - {from: 2026-11-11, to: 2026-11-13, note: Hospital stay, private: true}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("rest")
    project = make_learner(folder / "project")
    plan = PLAN.format(zone="America/New_York").replace(
        "log:\n", "log:\n  - {date: 2026-11-10, minutes: 30, resource: calc1}\n"
                  "  - {date: 2026-11-09, minutes: 30, resource: calc1}\n  - {date: 2026-11-17, minutes: 30, "
                  "resource: calc1}\n")
    (project / "progress.yaml").write_text(plan + REST, encoding="utf-8")  # not committed: the working copy counts
    result = build_in_process(project, folder / "site")  # today: Sunday 22 November 2026 in New York
    assert result.returncode == 0, result.output
    return result


def test_a_rest_day_and_a_break_do_not_break_the_streak(site) -> None:
    text = text_of(site.page())
    # 9, 10, (11-13 private break), (weekend), 16, 17, (18 break), 19, 20 (a commit), 21 (a Saturday studied on)
    assert "7 days current streak, up to yesterday: nothing logged or committed today yet" in text
    assert "7 days longest streak, 9 November 2026 to 21 November 2026" in text


def test_the_week_counts_its_active_days_of_the_days_not_resting(site) -> None:
    report = text_of(site.page("reports/2026-W47/index.html"))
    assert "Active days 5 of 5 (2 rest days)" in report
    week46 = text_of(site.page("reports/2026-W46/index.html"))
    assert "Active days 2 of 2 (5 rest days)" in week46


def test_the_heatmap_shows_resting_days_and_only_public_notes(site) -> None:
    svg = inline_svg(site.page())
    rests = {r.get("data-date"): r.findtext("{http://www.w3.org/2000/svg}title")
             for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("data-rest")}
    assert rests["2026-11-18"] == "Wednesday 18 November 2026: Exams at work"
    assert rests["2026-11-12"] == "Thursday 12 November 2026: rest day"
    assert rests["2026-11-22"] == "Sunday 22 November 2026: rest day"
    assert "2026-11-21" not in rests  # studied on


def test_a_private_break_note_reaches_no_file_of_the_site(site) -> None:
    out = Path(site.site)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file()]
    assert len(texts) > 5
    assert not any("Hospital" in t for t in texts)
    assert any("Exams at work" in t for t in texts)
