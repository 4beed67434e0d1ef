"""The activity heatmap: its SVG is well-formed, accessible and stable (golden), and every cell is in its place.

After an intended change of the SVG: pytest tests/test_heatmap.py --regen-golden
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from golden import check_golden
from inpublic.activity.days import daily_activity, streaks
from inpublic.model import Break, Learner, LogEntry, Plan, Rest
from inpublic.privacy import public_plan
from inpublic.rhythm.heatmap import COLUMNS, PITCH, Heatmap, heatmap
from inpublic.rhythm.pages import render_heatmap

GOLDEN = Path(__file__).parent / "golden" / "heatmap"
SVG = "{http://www.w3.org/2000/svg}"


def make(log: list[tuple[str, int]], commits: list[str], today: str, zone: str = "UTC",
         started: str = "2026-10-05") -> Heatmap:
    entries = [LogEntry(dt.date.fromisoformat(d), minutes, "calc1") for d, minutes in log]
    tz = ZoneInfo(zone)
    commit_days = [dt.datetime.fromisoformat(c).astimezone(tz).date() for c in commits]
    day = dt.date.fromisoformat(today)
    days = daily_activity(entries, commit_days, day)
    return heatmap(days, dt.date.fromisoformat(started), day, streaks(days, day))


def across_the_year() -> Heatmap:
    """A learner in Los Angeles from October 2026 into January 2027: two ISO years, a streak over New Year."""
    log = [("2026-10-05", 90), ("2026-10-06", 30), ("2026-12-29", 45), ("2026-12-30", 120), ("2026-12-31", 60),
           ("2027-01-01", 20), ("2027-01-05", 25), ("2027-01-06", 61)]
    commits = ["2026-10-06T20:00:00-07:00", "2027-01-01T07:30:00+00:00", "2027-01-03T23:30:00-08:00",
               "2027-01-06T09:00:00-08:00"]
    return make(log, commits, "2027-01-06", zone="America/Los_Angeles")


def cells(svg: ET.Element) -> list[ET.Element]:
    return [r for r in svg.iter(f"{SVG}rect") if r.get("data-date")]


@pytest.mark.parametrize("name, build", [
    ("across-the-year.svg", across_the_year),
    ("no-activity.svg", lambda: make([], [], "2026-11-22")),
    ("late-start.svg", lambda: make([("2027-12-27", 10)], [], "2028-01-03", started="2027-12-27")),
], ids=lambda v: v if isinstance(v, str) else "")
def test_heatmap_golden_and_well_formed(name: str, build, regen_golden: bool) -> None:
    svg = render_heatmap(build())
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg"
    check_golden(GOLDEN / name, svg, regen_golden)


def test_the_svg_is_accessible() -> None:
    root = ET.fromstring(render_heatmap(across_the_year()))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text == ("9 active days from 5 October 2026 to 6 January 2027. Current streak: 2 days. "
                         "Longest streak: 4 days.")
    tips = {r.get("data-date"): r.find(f"{SVG}title").text for r in cells(root) if r.find(f"{SVG}title") is not None}
    assert tips["2026-12-30"] == "Wednesday 30 December 2026: 2 h over 1 session"
    assert tips["2026-10-06"] == "Tuesday 6 October 2026: 30 min over 1 session, 1 commit"
    assert tips["2026-12-31"] == "Thursday 31 December 2026: 1 h over 1 session, 1 commit"  # 07:30 UTC on the 1st


def test_a_row_per_iso_year_newest_first_monday_on_top() -> None:
    hm = across_the_year()
    assert [row.year for row in hm.rows] == [2027, 2026]
    new, old = hm.rows
    assert (old.first, old.last) == (dt.date(2025, 12, 29), dt.date(2027, 1, 3))  # weeks 1 to 53 of 2026
    assert [(b.width, b.height) for b in old.blank] == [(53 * PITCH, 7 * PITCH)]
    assert (new.first, new.last) == (dt.date(2027, 1, 4), dt.date(2027, 1, 6))  # up to today, a Wednesday
    assert [(b.width, b.height) for b in new.blank] == [(PITCH, 3 * PITCH)]
    for row in hm.rows:
        x0, y0 = row.blank[0].x, row.blank[0].y
        assert row.position(row.first) == (x0, y0)
        for cell in row.cells:
            week, weekday = divmod((cell.day - row.first).days, 7)
            assert (cell.x, cell.y) == (x0 + week * PITCH, y0 + weekday * PITCH) == row.position(cell.day)
            assert weekday == cell.day.weekday()  # Monday first
        assert (y0 - hm.pattern[1]) % PITCH == 0, "the pattern of empty squares lines up with every row"
    assert old.position(old.last)[0] == hm.pattern[0] + (COLUMNS - 1) * PITCH
    assert old.position(old.last)[0] + hm.cell <= hm.width


@pytest.mark.parametrize("today", ["2027-01-06", "2027-02-10", "2027-06-30", "2027-12-31"])
def test_every_row_ends_at_the_right_edge_this_year_at_todays_week(today: str) -> None:
    """A phone starts at the calendar's right end: there stand today's week, and each past year's last week."""
    hm = make([("2027-01-05", 25)], [today + "T09:00:00+00:00"], today, started="2025-03-03")
    right = hm.pattern[0] + (COLUMNS - 1) * PITCH  # the x of the last column
    for row in hm.rows:
        assert row.position(row.last)[0] == right, row.year
        assert row.blank[-1].x + row.blank[-1].width == right + PITCH
        assert all(hm.pattern[0] <= m.x < right + PITCH for m in row.months)
        assert (row.left - hm.pattern[0]) % PITCH == 0, "the pattern of empty squares lines up with every row"
    this_year = hm.rows[0]
    assert this_year.last == dt.date.fromisoformat(today)
    assert [c.x for c in this_year.cells if c.day == this_year.last] == [right]  # today's square, in the last column
    assert this_year.months[-1].text == f"{this_year.last:%b}" or this_year.last.day < 7
    assert [r.year for r in hm.rows] == [2027, 2026, 2025] and hm.rows[2].left == hm.pattern[0] + PITCH  # 52 weeks


def test_cells_are_dated_in_the_learners_time_zone() -> None:
    """23:30 on Sunday 3 January in Los Angeles is Monday in UTC: the square is the Sunday of 2026's last week."""
    la = [(row.year, c.day) for row in across_the_year().rows for c in row.cells]
    assert (2026, dt.date(2027, 1, 3)) in la and all(day != dt.date(2027, 1, 4) for _, day in la)
    tokyo = make([], ["2027-01-03T23:30:00-08:00"], "2027-01-06", zone="Asia/Tokyo")
    assert [(row.year, [c.day for c in row.cells]) for row in tokyo.rows] == [(2027, [dt.date(2027, 1, 4)]), (2026, [])]


def test_levels_and_legend() -> None:
    root = ET.fromstring(render_heatmap(across_the_year()))
    levels = {r.get("data-date"): r.get("class") for r in cells(root)}
    assert levels["2026-10-05"] == "inpublic-level-3"  # 90 minutes
    assert levels["2026-10-06"] == "inpublic-level-2"  # 30 minutes and a commit
    assert levels["2026-12-30"] == "inpublic-level-4"  # two hours
    assert levels["2027-01-05"] == "inpublic-level-1"  # 25 minutes
    assert "2026-11-11" not in levels  # an empty day is the pattern's
    pattern = root.find(f"{SVG}defs/{SVG}pattern")
    assert pattern is not None and pattern.find(f"{SVG}rect").get("class") == "inpublic-level-0"
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("class") == "inpublic-heatmap-days"]
    assert fills == [f"url(#{pattern.get('id')})"] * 2
    legend = [r.get("class") for r in root.find(f"{SVG}g[@class='inpublic-heatmap-legend']").iter(f"{SVG}rect")]
    assert legend == [f"inpublic-level-{n}" for n in range(5)]


def test_month_labels_stand_over_the_first_week_starting_in_the_month() -> None:
    hm = across_the_year()
    old = hm.rows[1]
    mondays = [old.first + dt.timedelta(weeks=n) for n in range(53)]
    first_mondays = {d.month: old.position(d)[0] for d in reversed(mondays) if d.year == 2026}
    expected = [(dt.date(2026, n, 1).strftime("%b"), first_mondays[n]) for n in range(1, 13)]
    assert [(m.text, m.x) for m in old.months] == expected
    assert old.months[0].x == old.position(dt.date(2026, 1, 5))[0]  # week 1 starts on 29 December: January is week 2
    assert [m.text for m in hm.rows[0].months] == ["Jan"]  # 4 January 2027, the first Monday of 2027


def test_months_summarise_the_active_days() -> None:
    hm = across_the_year()
    assert [(m.month.isoformat(), m.active_days, m.minutes, m.commits) for m in hm.months] == [
        ("2027-01-01", 4, 106, 2),  # the 1st, the 3rd (a commit), the 5th and the 6th
        ("2026-12-01", 3, 225, 1),
        ("2026-11-01", 0, 0, 0),  # a month without activity is listed too
        ("2026-10-01", 2, 120, 1),
    ]
    assert (hm.streaks.longest.start, hm.streaks.longest.end) == (dt.date(2026, 12, 29), dt.date(2027, 1, 1))


def test_ids_are_unique_and_every_active_day_once() -> None:
    root = ET.fromstring(render_heatmap(across_the_year()))
    ids = Counter(e.get("id") for e in root.iter() if e.get("id"))
    assert all(n == 1 for n in ids.values())
    dates = Counter(r.get("data-date") for r in cells(root))
    assert all(n == 1 for n in dates.values()) and len(dates) == 9


def test_the_svg_grows_with_the_active_days_not_the_years() -> None:
    one = len(render_heatmap(make([], [], "2026-11-22")))
    ten = len(render_heatmap(make([], [], "2036-11-22", started="2026-01-05")))
    assert one < 2_500 and ten < 10 * one


def test_the_template_escapes_what_it_writes() -> None:
    """heatmap.svg.j2 is autoescaped as XML: a label with markup in it stays text, and the SVG stays well-formed."""
    hm = across_the_year()
    row = replace(hm.rows[0], label=replace(hm.rows[0].label, text='<b a="1">&</b>'))
    svg = render_heatmap(replace(hm, rows=(row, *hm.rows[1:])))
    root = ET.fromstring(svg)
    years = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "inpublic-heatmap-year"]
    assert years[0] == '<b a="1">&</b>'
    assert "&lt;b a=&#34;1&#34;&gt;&amp;&lt;/b&gt;" in svg


def test_resting_days_are_outlined_hatched_and_titled_with_a_legend() -> None:
    """A weekdays-only learner with a break: resting days are drawn apart, their title says what they are (text,
    not colour alone), a rest day studied on is drawn as an active day, and a private note never shows."""
    rest = Rest(frozenset({5, 6}), (Break(dt.date(2026, 11, 11), dt.date(2026, 11, 12), "Exams <elsewhere> & more"),
                                    Break(dt.date(2026, 11, 16), dt.date(2026, 11, 16), "hospital", private=True)))
    plan_rest = public_plan(Plan(Learner("A", "b", "UTC", dt.date(2026, 11, 2)), (), rest=rest)).rest
    today = dt.date(2026, 11, 17)
    entries = [LogEntry(dt.date(2026, 11, 2) + dt.timedelta(days=n), 30, "calc1") for n in (0, 1, 2, 5, 7)]
    days = daily_activity(entries, (), today)
    svg = render_heatmap(heatmap(days, dt.date(2026, 11, 2), today, streaks(days, today, plan_rest), plan_rest))
    root = ET.fromstring(svg)
    rests = {r.get("data-date"): r for r in root.iter(f"{SVG}rect") if r.get("data-rest")}
    titles = {d: r.findtext(f"{SVG}title") for d, r in rests.items()}
    assert titles == {
        "2026-11-08": "Sunday 8 November 2026: rest day",
        "2026-11-11": "Wednesday 11 November 2026: Exams <elsewhere> & more",
        "2026-11-12": "Thursday 12 November 2026: Exams <elsewhere> & more",
        "2026-11-14": "Saturday 14 November 2026: rest day",
        "2026-11-15": "Sunday 15 November 2026: rest day",
        "2026-11-16": "Monday 16 November 2026: rest day",
    }  # Saturday 7 was studied on: an active cell
    assert all(r.get("class") == "inpublic-rest" and r.get("fill") == "url(#inpublic-heatmap-hatch)"
               for r in rests.values())
    assert [c.get("data-date") for c in cells(root) if not c.get("data-rest")][3] == "2026-11-07"
    assert "hospital" not in svg and "Exams &lt;elsewhere&gt; &amp; more" in svg
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "inpublic-heatmap-legend")
    assert [t.text for t in legend.iter(f"{SVG}text")] == ["Rest day", "Less", "More"]
    assert "Rest days and breaks are outlined and hatched" in (root.findtext(f"{SVG}desc") or "")
    assert "Rest day" not in render_heatmap(heatmap(days, dt.date(2026, 11, 2), today, streaks(days, today)))
