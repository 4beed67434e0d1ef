"""Real `mkdocs build`s of a repository whose plan moved a due date twice and deleted a commitment.

The build date is 22 November 2026 (tests/sites.py), in the learner's time zone (America/New_York).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import icalendar
import pytest

from gitrepo import GitRepo
from sites import MINIMAL_CONFIG, MINIMAL_PLAN, ROOT, Build, build_in_process

HOSTILE = """<script>alert("x")</script> & 'quotes' ]]> \\ end"""
PLAN = """\
learner:
  name: Ada Example
  bio: Learning maths
  timezone: America/New_York
  started: 2026-09-07
  repo: https://github.com/ada/learning
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: course, units: 10, unit: weeks}}
  - id: probability
    title: Probability
    resources:
      - {{id: stat110, title: Stat 110, kind: lectures, units: 35, unit: lectures}}
commitments:
  - id: autumn
    title: '{title}'
    made: 2026-09-07
    due: {due}
    covers: [calculus]
    note: '<img src=x onerror=alert(1)> & notes'
{stats}log:
  - {{date: 2026-09-08, minutes: 60, resource: calc1, units: 3}}
  - {{date: 2026-11-02, minutes: 60, resource: calc1, units: 2}}
  - {{date: 2026-11-16, minutes: 60, resource: calc1, units: 2}}
"""
STATS = """\
  - {id: stats, title: Probability by spring, made: 2026-09-07, due: 2027-03-31, covers: [probability]}
"""
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def plan(due: str, stats: bool = True) -> str:
    return PLAN.format(title=HOSTILE.replace("'", "''"), due=due, stats=STATS if stats else "")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Build]:
    root = tmp_path_factory.mktemp("commitments")
    repo = GitRepo(root / "notes")
    repo.write("mkdocs.yml", MINIMAL_CONFIG)
    repo.write("docs/limits.md", "# Limits\n\nWhat a limit is.\n")
    repo.write("progress.yaml", plan("2026-11-15"))
    repo.commit("Start", "2026-09-07T09:00:00-04:00")
    repo.write("progress.yaml", plan("2026-11-30"))
    repo.commit("Two more weeks", "2026-11-10T21:00:00-05:00")
    repo.write("progress.yaml", plan("soon"))
    repo.commit("A mistake", "2026-11-12T21:00:00-05:00")
    repo.write("progress.yaml", plan("2026-11-30"))
    repo.commit("Fix it", "2026-11-12T21:10:00-05:00")
    repo.write("progress.yaml", plan("2026-11-30", stats=False))
    repo.commit("Probability later", "2026-11-18T08:00:00-05:00")
    repo.write("progress.yaml", plan("2026-12-20", stats=False))
    repo.commit("Three more weeks", "2026-11-20T08:00:00-05:00")
    result = build_in_process(repo.root, root / "site")
    assert result.returncode == 0, result.output
    return repo, result


def shas(repo: GitRepo, fmt: str = "%h") -> dict[str, str]:
    """Commit subject -> sha."""
    return dict(line.split("\t") for line in repo.log(f"%s\t{fmt}"))


def charts(html: str) -> list[str]:
    return re.findall(r'<figure class="inpublic-burnup">\s*(<svg .*?</svg>)', html, re.DOTALL)


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_the_page_shows_both_moves_and_the_withdrawal(project: tuple[GitRepo, Build]) -> None:
    repo, site = project
    sha = shas(repo)
    page = article(site.page("commitments/autumn/index.html"))
    assert ('Due date moved from <time datetime="2026-11-15">15 November 2026</time> to '
            '<time datetime="2026-11-30">30 November 2026</time> on <time datetime="2026-11-10">10 November 2026'
            '</time>, 15 days later (commit <a href="https://github.com/ada/learning/commit/') in page
    assert f"<code>{sha['Two more weeks']}</code>" in page and f"<code>{sha['Three more weeks']}</code>" in page
    assert '<strong class="inpublic-flag">5 days before it was due</strong>' in page
    assert ('Due date moved from <time datetime="2026-11-30">30 November 2026</time> to '
            '<time datetime="2026-12-20">20 December 2026</time> on <time datetime="2026-11-20">') in page
    index = article(site.page("commitments/index.html"))
    assert ("Due date moved 2 times; first due 15 November 2026. 1 change made it easier within 7 days of its due "
            "date, or after it.") in text_of(index)
    assert "Withdrawn" in index and 'href="stats/"' in index
    stats = text_of(article(site.page("commitments/stats/index.html")))
    assert "withdrawn Withdrawn on 18 November 2026, 133 days before it was due, at 0% done." in stats
    assert f"Withdrawn from the plan on 18 November 2026 (commit {sha['Probability later']})." in stats


def test_an_old_mistake_in_the_plan_is_logged_and_does_not_fail_the_strict_build(
        project: tuple[GitRepo, Build]) -> None:
    repo, site = project
    mistake = shas(repo)["A mistake"]
    assert f"INFO    -  inpublic: the version of progress.yaml in commit {mistake} (2026-11-12) cannot be read" \
        in site.output
    problem = "commitments[0].due: expected a date like 2027-06-30, got 'soon'"
    assert f"progress.yaml@{mistake}:20:10: {problem}" in site.output


def test_each_commitment_has_a_status_a_reason_and_a_chart(project: tuple[GitRepo, Build]) -> None:
    _, site = project
    index = text_of(article(site.page("commitments/index.html")))
    assert ("on track Needs 0.75 weeks a week to finish by 20 December 2026; the recent pace is 1 week a week "
            "(last 14 days), so it should be finished around 13 December 2026.") in index
    assert "subscribe" in index and "download commitments.ics" in index
    html = site.page("commitments/index.html")
    assert 'href="webcal://example.org/learning/commitments.ics"' in html
    assert len(charts(html)) == 1  # the withdrawn one is listed without a chart


def test_every_chart_is_well_formed_accessible_svg(project: tuple[GitRepo, Build]) -> None:
    _, site = project
    for path in ("commitments/index.html", "commitments/autumn/index.html", "commitments/stats/index.html"):
        svgs = charts(site.page(path))
        assert svgs, path
        for svg in svgs:
            root = ET.fromstring(svg)
            ns = "{http://www.w3.org/2000/svg}"
            title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
            assert title is not None and desc is not None
            assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert title.text == f"Burn-up chart: {HOSTILE}" or title.text == "Burn-up chart: Probability by spring"
            assert root.find(f"{ns}path[@class='inpublic-burnup-done']") is not None


def test_every_date_on_the_pages_is_a_time_element(project: tuple[GitRepo, Build]) -> None:
    _, site = project
    home = article(site.page())
    home = home[home.index('<div class="admonition info inpublic-next">'):home.index("Every commitment, with")]
    pages = ("commitments/index.html", "commitments/autumn/index.html", "commitments/stats/index.html")
    for path, html in [*((p, article(site.page(p))) for p in pages), ("the home page's commitments", home)]:
        assert "<time " in html, path  # there are dates to check
        outside = re.sub(r"<time [^>]*>.*?</time>", "", html)
        assert not re.findall(rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}", outside), path
        assert not re.findall(r"\d{4}-\d{2}-\d{2}", re.sub(r'(datetime|id|href)="[^"]*"', "", outside)), path


def test_hostile_text_is_escaped_in_the_pages_the_json_and_the_calendar(project: tuple[GitRepo, Build]) -> None:
    _, site = project
    for path in ("commitments/index.html", "commitments/autumn/index.html", "index.html"):
        html = site.page(path)
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;alert(" in html, path
    raw = (site.site / "commitments.json").read_text(encoding="utf-8")
    assert "<script>" not in raw and "]]>" not in raw
    data = json.loads(raw)
    assert data["commitments"][0]["title"] == HOSTILE
    ics = (site.site / "commitments.ics").read_text(encoding="utf-8")
    assert "<script>alert(\"x\")</script> & 'quotes' ]]> \\\\ end" in ics  # TEXT escapes only '\', ';', ','
    [event] = [e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT") if "autumn" in str(e["url"])]
    assert str(event["summary"]) == f"Due: {HOSTILE} (on track)"


def test_the_json_holds_status_progress_forecast_and_history(project: tuple[GitRepo, Build]) -> None:
    repo, site = project
    data = json.loads((site.site / "commitments.json").read_text(encoding="utf-8"))
    autumn, stats = data["commitments"]
    assert {k: autumn[k] for k in ("id", "made", "due", "first_due", "status", "forecast")} == {
        "id": "autumn", "made": "2026-09-07", "due": "2026-12-20", "first_due": "2026-11-15",
        "status": "on-track", "forecast": "2026-12-13"}
    assert autumn["progress"]["resources"][0] == {
        "id": "calc1", "title": "Calculus 1", "unit": "weeks", "done": 7, "total": 10, "finished_on": None}
    moves = [h for h in autumn["history"] if h["change"] == "due"]
    assert [(m["from"], m["to"], m["date"], m["commit"], m["last_minute"]) for m in moves] == [
        ("2026-11-15", "2026-11-30", "2026-11-10", shas(repo, "%H")["Two more weeks"], True),
        ("2026-11-30", "2026-12-20", "2026-11-20", shas(repo, "%H")["Three more weeks"], False)]
    assert (stats["status"], stats["withdrawn"]) == ("withdrawn", "2026-11-18")


def test_the_calendar_parses_and_keeps_its_uids_across_builds(project: tuple[GitRepo, Build],
                                                              tmp_path: Path) -> None:
    repo, first = project
    repo.write("progress.yaml", plan("2027-01-10", stats=False))
    repo.commit("And again", "2026-11-21T08:00:00-05:00")
    second = build_in_process(repo.root, tmp_path / "again")
    assert second.returncode == 0, second.output
    calendars = [icalendar.Calendar.from_ical((b.site / "commitments.ics").read_bytes()) for b in (first, second)]
    events = [{str(e["url"]).split("/")[-2]: e for e in c.walk("VEVENT")} for c in calendars]
    assert set(events[0]) == set(events[1]) == {"autumn", "stats"}
    for ident in ("autumn", "stats"):
        assert str(events[0][ident]["uid"]) == str(events[1][ident]["uid"])
    assert events[0]["autumn"]["dtstart"].dt.isoformat() == "2026-12-20"
    assert events[1]["autumn"]["dtstart"].dt.isoformat() == "2027-01-10"
    assert int(events[1]["autumn"]["sequence"]) == 3
    assert str(events[0]["stats"]["status"]) == "CANCELLED"
    assert "Status: on track." in str(events[0]["autumn"]["description"])
    assert events[0]["autumn"]["dtstamp"].dt.isoformat() == "2026-11-20T00:00:00+00:00"
    rebuilt = build_in_process(repo.root, tmp_path / "same")
    assert (rebuilt.site / "commitments.ics").read_bytes() == (second.site / "commitments.ics").read_bytes()


def test_the_home_page_shows_the_next_deadline_with_its_status(project: tuple[GitRepo, Build]) -> None:
    _, site = project
    home = site.page()
    assert re.search(r'Next deadline: .*?</p>\s*<p><strong>.*?</strong>: 70% done. '
                     r'<span class="inpublic-status inpublic-status--on-track">on track</span> Needs', home)
    assert '<a href="commitments/">Every commitment, with its chart and deadline history</a>' in home


def test_a_site_outside_git_still_lists_its_commitments(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    (project / "progress.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    # strict would stop at the warning: no git history
    site = build_in_process(project, tmp_path / "site", strict=False)
    assert site.returncode == 0, site.output
    page = text_of(article(site.page("commitments/spring/index.html")))
    assert "Not in the git history yet" in page


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_in_process(ROOT, tmp_path_factory.mktemp("demo") / "site")
    assert result.returncode == 0, result.output
    return result


def test_the_demo_site_shows_each_commitment_with_status_reason_and_chart(demo: Build) -> None:
    index = demo.page("commitments/index.html")
    assert index.count('<span class="inpublic-status inpublic-status--') == 2
    assert len(charts(index)) == 2
    text = text_of(article(index))
    assert "at risk Needs 2.9% of the work a week from now on to finish by 30 June 2027" in text
    assert "nav" in demo.page("commitments/june/index.html")
    assert (demo.site / "commitments.ics").is_file() and (demo.site / "commitments.json").is_file()
