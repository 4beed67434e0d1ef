"""Monthly reports: a learner in New York over October to December 2026, built on 3 December, in this process
(the core, through the adapters' own inputs) and in a real MkDocs build (pages, index, home, feeds, months.json)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html

from core_inputs import inputs_of
from gitrepo import GitRepo
from inpublic.model import Break, Rest
from inpublic.reports.months import _weeks, first_of_month, last_of_month, month_of_week
from inpublic.site import Site, SiteFacts, build_site
from sites import MINIMAL_CONFIG, build_in_process

TODAY = dt.date(2026, 12, 3)
EPOCH = str(int(dt.datetime(2026, 12, 3, 17, 0, tzinfo=dt.UTC).timestamp()))
SITE_URL = "https://example.org/learning/"
TAG = "tag:github.com,2026:ada/learning/inpublic/"


def plan(due: str, log: str) -> str:
    return f"""\
learner:
  name: Ada Example
  bio: Learning calculus
  timezone: America/New_York
  started: 2026-10-05
  repo: https://github.com/ada/learning
subjects:
  - id: calculus
    title: Calculus <fast> & "slow"
    resources:
      - id: calc1
        title: Calculus 1
        kind: course
        units: 20
        unit: lectures
commitments:
  - id: spring
    title: Calculus by spring
    made: 2026-10-05
    due: {due}
    covers: [calculus]
log:
{log}"""


OCTOBER_LOG = """\
  - date: 2026-10-06
    minutes: 60
    resource: calc1
    units: 2
  - date: 2026-10-20
    minutes: 30
    resource: calc1
    units: 1
"""
NOVEMBER_LOG = OCTOBER_LOG + """\
  - date: 2026-11-03
    minutes: 90
    resource: calc1
    units: 3
  - date: 2026-11-30
    minutes: 45
    resource: calc1
    units: 2
"""
DECEMBER_LOG = NOVEMBER_LOG + """\
  - date: 2026-12-02
    minutes: 20
    resource: calc1
    units: 1
"""
REFLECTION = """\
---
title: Limits, then derivatives
---

Talked with my mentor <script>alert(1)</script> about **pace**.
"""
WEEK_REFLECTION = "# Epsilon at last\n\nThe idea clicked.\n\n## What next\n\n```\n# not a heading\n```\n"


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("months") / "repo")
    repo.write("mkdocs.yml", MINIMAL_CONFIG + "repo_url: https://github.com/ada/learning\n")
    repo.write("progress.yaml", plan("2027-03-31", OCTOBER_LOG))
    repo.write("docs/limits.md", "# Limits\n\nFirst go.\n")
    repo.commit("Plan and a first note", "2026-10-06T20:00:00-04:00")
    repo.write("docs/derivatives.md", "# Derivatives\n\nSlopes.\n")
    repo.commit("Derivatives", "2026-10-20T21:00:00-04:00")
    repo.write("docs/limits.md", "# Limits\n\nSecond go.\n")
    repo.write("progress.yaml", plan("2027-03-31", NOVEMBER_LOG[: -len("  - date: 2026-11-30\n    minutes: 45\n"
                                                                       "    resource: calc1\n    units: 2\n")]))
    repo.commit("Limits again, and the log", "2026-11-03T21:00:00-05:00")
    repo.write("progress.yaml", plan("2027-04-30", NOVEMBER_LOG[: -len("  - date: 2026-11-30\n    minutes: 45\n"
                                                                       "    resource: calc1\n    units: 2\n")]))
    repo.commit("Move my spring deadline a month", "2026-11-10T08:00:00-05:00")
    repo.move("docs/derivatives.md", "docs/calculus/derivatives.md")
    repo.commit("File derivatives under calculus", "2026-11-12T08:00:00-05:00")
    repo.write("docs/reports/2026-W46.md", WEEK_REFLECTION)
    repo.commit("Reflection on week 46", "2026-11-15T19:00:00-05:00")
    repo.write("docs/chain-rule.md", "# The chain rule\n\nOutside, then inside.\n")
    repo.write("progress.yaml", plan("2027-04-30", NOVEMBER_LOG))
    repo.commit("The chain rule, late on the last day of November", "2026-11-30T22:30:00-05:00")  # 1 Dec in UTC
    repo.write("docs/reports/2026-11.md", REFLECTION)
    repo.write("progress.yaml", plan("2027-05-31", DECEMBER_LOG))
    repo.commit("My November, and the deadline moved again", "2026-12-02T09:00:00-05:00")
    return repo


@pytest.fixture(scope="module")
def core(learner: GitRepo) -> Site:
    return build_site(inputs_of(learner.root, SiteFacts(url=SITE_URL, name="Ada"), today=TODAY))


def test_months_run_from_the_first_activity_to_today_and_only_past_ones_are_complete(core: Site) -> None:
    months = [m.report for m in core.month_pages]
    assert [(m.slug, m.title, m.complete) for m in months] == [
        ("2026-10", "October 2026", True), ("2026-11", "November 2026", True), ("2026-12", "December 2026", False),
    ]
    assert [m.figures.days for m in months] == [31, 30, 3]  # the month in progress counts its days up to today


def test_a_months_figures_count_by_the_learners_calendar_beside_the_month_before(core: Site) -> None:
    october, november, december = (m.report for m in core.month_pages)
    # October: the plan with a first note, and Derivatives. November: limits again, the move of the deadline and
    # the chain rule at 22:30 in New York on the 30th, which is 1 December in UTC; not the move of derivatives
    # (unchanged) nor the reflection on week 46 (a report's, not a note)
    assert (october.figures.commits, october.figures.notes_created, october.figures.notes_updated) == (2, 2, 0)
    assert november.figures.commits == 3
    assert november.figures.notes_updated == 1  # limits; derivatives was moved, unchanged: not an update
    assert november.figures.reorganised == 1
    assert {n.title for n in november.notes_created} >= {"The chain rule"}
    assert (november.figures.minutes, november.figures.units, november.figures.sessions) == (135, 5, 2)
    assert november.figures.active_days == 3  # the 3rd, 10th and 30th
    assert november.previous == october.figures
    assert december.previous == november.figures
    assert (december.figures.commits, december.figures.minutes) == (1, 20)


def test_a_months_commitments_stand_as_the_plan_stood_at_its_end(core: Site) -> None:
    october, november, december = (m.report for m in core.month_pages)
    [spring] = november.commitments
    assert spring.due == dt.date(2027, 4, 30)  # moved on 10 November; the move of 2 December is not November's
    assert (spring.units_start, spring.units_end, spring.units_total) == (3, 8, 20)
    assert (spring.start_percent, spring.end_percent) == (15, 40)
    assert not spring.made_in_month
    assert [c.due for c in december.commitments] == [dt.date(2027, 5, 31)]
    assert [(m.change.kind, m.change.before, m.change.after) for m in november.moves] == [
        ("due", dt.date(2027, 3, 31), dt.date(2027, 4, 30)),
    ]
    assert [m.change.after for m in december.moves] == [dt.date(2027, 5, 31)]
    assert [m.change.kind for m in october.moves] == ["added"] and october.moves[0].new
    assert november.moves[0].url is not None and november.moves[0].url.startswith("https://github.com/ada/learning/")
    nxt = november.next
    assert nxt is not None and nxt.due == dt.date(2027, 4, 30) and nxt.days_left == 151
    assert nxt.needed is not None and nxt.needed.endswith("lectures a week")


def test_an_iso_week_belongs_to_the_month_of_its_thursday() -> None:
    assert _weeks(dt.date(2026, 11, 1)) == ("2026-W45", "2026-W46", "2026-W47", "2026-W48")
    assert _weeks(dt.date(2026, 12, 1)) == ("2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53")
    assert _weeks(dt.date(2027, 1, 1)) == ("2027-W01", "2027-W02", "2027-W03", "2027-W04")
    assert month_of_week(dt.date(2026, 10, 26)) == dt.date(2026, 10, 1)  # W44: Thursday 29 October
    assert (first_of_month(dt.date(2028, 2, 29)), last_of_month(dt.date(2028, 2, 3))) == (
        dt.date(2028, 2, 1), dt.date(2028, 2, 29))


def test_the_months_weekly_reflections_are_folded_in_with_their_headings_lowered(core: Site) -> None:
    november = core.month_pages[1]
    [week] = november.reflections
    assert week.slug == "2026-W46" and week.heading == "Week 46, 2026: Epsilon at last"
    assert "# Epsilon at last" not in week.body  # its title is the section's heading
    assert "### What next" in week.body and "\n# not a heading\n" in week.body  # code blocks as they are
    assert [w.report.slug for w in november.weeks] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]


@pytest.fixture(scope="module")
def built(learner: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (learner.root / "mkdocs.yml").write_text(MINIMAL_CONFIG + "repo_url: https://github.com/ada/learning\n",
                                              encoding="utf-8")
    result = build_in_process(learner.root, tmp_path_factory.mktemp("built") / "site", epoch=EPOCH)
    assert result.returncode == 0, result.output
    return result.site


def text_of(page: Path) -> str:
    return " ".join(lxml_html.parse(str(page)).getroot().xpath("//article")[0].text_content().split())


def test_the_monthly_report_page_reads_as_a_mentor_would_want(built: Path) -> None:
    page = built / "reports/2026-11/index.html"
    text = text_of(page)
    assert "November 2026: Limits, then derivatives" in text
    for section in ("The month in figures", "Commitments at the end of the month", "Deadlines changed this month",
                    "What comes next", "Weeks", "Weekly reflections", "Reflection"):
        assert section in text, section
    assert "Active days 3 of 30 2 of 31" in text
    assert "15% → 40% (3 → 8 of 20 units)" in text
    assert "moved “Calculus by spring” from 31 March 2027 to 30 April 2027 (30 days later)" in text
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<strong>pace</strong>" in raw  # the learner's HTML sanitised
    assert re.search(r"<h4[^>]*>What next", raw)  # the weekly reflection's level-2 heading, two levels down
    assert "← October 2026" in text and "December 2026 →" in text


def test_the_index_the_home_and_months_json_point_at_the_months(built: Path) -> None:
    index = (built / "reports/index.html").read_text(encoding="utf-8")
    assert 'href="2026-11/"' in index and "The month's report" in index
    home = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(r'Monthly report: <a href="reports/2026-11/">November 2026: Limits, then derivatives</a>', home)
    months = json.loads((built / "reports/months.json").read_text(encoding="utf-8"))
    assert [(m["month"], m["complete"], m["commits"]) for m in months] == [
        ("2026-10", True, 2), ("2026-11", True, 3), ("2026-12", False, 1)]
    assert months[1]["url"] == SITE_URL + "reports/2026-11/"


def test_each_completed_month_is_one_feed_item_and_the_month_in_progress_none(built: Path) -> None:
    feed = feedparser.parse((built / "atom.xml").read_bytes())
    assert not feed.bozo
    months = {e.id: e for e in feed.entries if "/month/" in e.id}
    assert set(months) == {TAG + "month/2026-10", TAG + "month/2026-11"}
    november = months[TAG + "month/2026-11"]
    assert november.link == SITE_URL + "reports/2026-11/"
    assert november.title == ("November 2026: Limits, then derivatives "
                              "(2 notes, 2 h 15 min, 3 commits, reorganised 1 note)")
    assert november.published.startswith("2026-11-30T23:59:59-05:00")
    # the reflection was written on 2 December, after the month closed: the item says it was updated then
    assert november.updated.startswith("2026-12-02T09:00:00-05:00")
    body = november.content[0].value
    assert "<script" not in body and "Talked with my mentor" in body
    assert all(href.startswith("https://") for href in re.findall(r'href="([^"]+)"', body))


def test_a_months_active_days_are_counted_of_the_days_that_were_not_resting(learner: GitRepo) -> None:
    inputs = inputs_of(learner.root, SiteFacts(url=SITE_URL, name="Ada"), today=TODAY)
    weekends = replace(inputs.plan, rest=Rest(weekdays=frozenset({5, 6}),
                                              breaks=(Break(dt.date(2026, 11, 23), dt.date(2026, 11, 25)),)))
    november = build_site(replace(inputs, plan=weekends)).month_pages[1]
    # 30 days: 9 of them Saturdays and Sundays, 3 more of a break; the learner was active on none of them
    assert (november.report.figures.active_days, november.report.figures.possible_days) == (3, 18)
    assert november.report.figures.resting == 12
