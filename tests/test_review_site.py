"""Real builds: the heatmap, the streaks and the milestones timeline on the home page, the review page, and the
reviews of each week in the weekly reports."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from gitrepo import GitRepo
from sites import MINIMAL_CONFIG, build_in_process

PLAN = """\
learner:
  name: Ada Example
  bio: Learning calculus in public
  timezone: {zone}
  started: 2026-10-26
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: lectures, units: 20, unit: lectures}}
      - {{id: spivak, title: Calculus <Spivak>, kind: book, units: 10, unit: chapters}}
log:
  - {{date: 2026-11-09, minutes: 45, resource: calc1, units: 1}}
  - {{date: 2026-11-16, minutes: 90, resource: calc1, units: 2, note: Derivatives}}
  - {{date: 2026-11-17, minutes: 30, resource: spivak, kind: review}}
  - {{date: 2026-11-19, minutes: 150, resource: calc1, units: 1, note: The chain rule}}
  - {{date: 2026-11-21, minutes: 60, resource: calc1, units: 1, note: Implicit differentiation}}
milestones:
  - {{date: 2026-10-26, title: Started, note: The first lecture}}
  - {{date: 2026-11-21, title: A tenth of Calculus 1}}
"""


def make_learner(folder: Path, zone: str = "America/New_York", config: str = MINIMAL_CONFIG) -> Path:
    repo = GitRepo(folder)
    repo.write("mkdocs.yml", config)
    repo.write("progress.yaml", PLAN.format(zone=zone))
    repo.write("docs/limits.md", "# Limits\n")
    repo.commit("Limits", "2026-10-27T20:00:00-04:00")
    repo.write("docs/limits.md", "# Limits\n\nMore.\n")
    repo.commit("More limits", "2026-11-20T23:30:00-05:00")  # 04:30 on the 21st in UTC
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("rhythm")
    result = build_in_process(make_learner(folder / "project"), folder / "site")  # today: 22 November 2026 in New York
    assert result.returncode == 0, result.output
    return result


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def inline_svg(html: str) -> ET.Element:
    match = re.search(r'<svg [^>]*class="inpublic-heatmap".*?</svg>', html, re.DOTALL)
    assert match, "no inline SVG"
    return ET.fromstring(match.group(0))


def test_the_home_page_shows_the_heatmap_and_the_streaks(site) -> None:
    home = site.page()
    svg = inline_svg(home)
    assert svg.get("role") == "img"
    rects = svg.iter("{http://www.w3.org/2000/svg}rect")
    dated = {r.get("data-date"): r.get("class") for r in rects if r.get("data-date")}
    assert dated["2026-11-19"] == "inpublic-level-4"
    assert dated["2026-11-20"] == "inpublic-level-1"  # the commit at 23:30 in New York
    assert "2026-11-22" not in dated  # today, nothing yet: an empty square of the pattern
    blank = [(r.get("width"), r.get("height")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")
             if r.get("class") == "inpublic-heatmap-days"]
    assert blank == [(str(47 * 12), str(7 * 12))]  # 29 December 2025 to today, Sunday 22 November: 47 weeks
    text = text_of(home)
    assert "3 days current streak, up to yesterday: nothing logged or committed today yet" in text
    assert "3 days longest streak, 19 November 2026 to 21 November 2026" in text
    assert "Active days per month" in text
    assert re.search(r"<tr><td>November 2026</td><td>6</td><td>6 h 15 min</td><td>1</td></tr>", home)


def test_the_milestones_are_a_timeline_with_dates(site) -> None:
    home = site.page()
    timeline = re.search(r'<ol class="inpublic-milestones inpublic-timeline" reversed>(.*?)</ol>', home, re.DOTALL)
    assert timeline
    assert re.findall(r'<time datetime="([0-9-]+)">', timeline.group(1)) == ["2026-11-21", "2026-10-26"]
    assert "<strong>A tenth of Calculus 1</strong>" in timeline.group(1)


def test_the_review_page_lists_what_is_due_and_what_was_missed(site) -> None:
    page = site.page("review/index.html")
    text = text_of(page)
    assert "Due today" in text
    assert ("Review: Calculus 1 (Calculus) Studied 21 November 2026: Implicit differentiation. "
            "Go over it again from Calculus <Spivak>.") in text
    assert "Calculus &lt;Spivak&gt;" in page  # the learner's text is escaped
    assert "The last 14 days" in text and "2 done, 1 missed." in text
    assert re.search(r'<p><a href="review/">Reviews</a>: 2 due today · 2 done and 1 missed in the last 14 days\.</p>',
                     site.page())  # linked from the home page
    nav = re.search(r'<a href="../review/" class="md-nav__link">(.*?)</a>', site.page("limits/index.html"), re.DOTALL)
    assert nav and text_of(nav.group(1)).strip() == "Reviews"  # in the navigation


def test_each_weekly_report_counts_the_reviews_due_that_week(site) -> None:
    report = text_of(site.page("reports/2026-W47/index.html"))
    assert "Reviews and practice due 2 done, 0 missed, 2 still open" in report
    assert "Reviews and practice due 0 done, 1 missed" in text_of(site.page("reports/2026-W46/index.html"))
    assert "Reviews and practice due none" in text_of(site.page("reports/2026-W44/index.html"))


def test_reviews_off(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG.replace("  - inpublic\n", "  - inpublic:\n      reviews: false\n")
    result = build_in_process(make_learner(tmp_path / "project", config=config), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not (tmp_path / "site" / "review").exists()
    assert "Reviews and practice" not in result.page("reports/2026-W47/index.html")
    assert "inpublic-heatmap" in result.page() and "review/" not in result.page()


def test_today_is_the_learners_day(tmp_path: Path) -> None:
    """The build's moment, 12:00 UTC on 22 November, is already the 23rd at Kiritimati (UTC+14)."""
    result = build_in_process(make_learner(tmp_path / "project", zone="Pacific/Kiritimati"), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert 'As of <time datetime="2026-11-23">23 November 2026</time>' in result.page("review/index.html")
    blank = re.findall(r'<rect class="inpublic-heatmap-days" x="[0-9]+" y="[0-9]+" width="([0-9]+)" height="([0-9]+)"',
                       result.page())
    assert blank == [(str(47 * 12), str(7 * 12)), ("12", "12")]  # 47 weeks, and Monday the 23rd


def test_without_weekly_reports_the_heatmap_reads_the_history_itself(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG.replace("  - inpublic\n", "  - inpublic:\n      reports: false\n")
    result = build_in_process(make_learner(tmp_path / "project", config=config), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not (tmp_path / "site" / "reports").exists()
    dated = {r.get("data-date"): r.get("class") for r in inline_svg(result.page()).iter("{http://www.w3.org/2000/svg}rect")
             if r.get("data-date")}
    assert dated["2026-10-27"] == dated["2026-11-20"] == "inpublic-level-1"  # the two commits, in New York
    assert (tmp_path / "site" / "review" / "index.html").is_file()
