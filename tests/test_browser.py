"""The example site in a real browser: what a follower sees on a laptop and on a phone, in light and dark mode,
and what axe-core finds for people using assistive technology.

The site is built once (`mkdocs build --strict` in this process, with the fixed date of tests/sites.py), served from
127.0.0.1, and opened in headless Chromium through Playwright. Requests to other hosts are refused at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import launched_chromium, offline, serve
from gitrepo import GitRepo
from inpublic.cli.init import init_site
from inpublic.moving_in.starter import Settings
from sites import ROOT, build_in_process, make_site

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = pytest.mark.heavy

LAPTOP = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"}
PHONE = {"viewport": {"width": 375, "height": 812}, "color_scheme": "light", "is_mobile": True,
         "has_touch": True, "device_scale_factor": 2}
PHONE_DARK = {**PHONE, "color_scheme": "dark"}
# Material follows the system's scheme (the palette's media queries): light is `default`, dark is `slate`
DEVICES = {
    "laptop": LAPTOP, "laptop-dark": {**LAPTOP, "color_scheme": "dark"}, "phone": PHONE, "phone-dark": PHONE_DARK,
}
COMMITMENTS = "commitments/"
COMMITMENT = "commitments/august/"  # a commitment with a deadline history: links to commits
MONTH = "reports/2026-11/"  # November 2026, for Sam's mentor
PAGES = {"home": "", "report": "reports/2026-W47/", "month": MONTH, "reports": "reports/", "commitments": COMMITMENTS,
         "commitment": COMMITMENT, "review": "review/"}

# Violations in Material for MkDocs' own markup, which inpublic does not write. Each is (axe rule, the CSS
# selector of Material's element, why it is left to Material). A violation elsewhere fails the test.
MATERIAL = [
    ("aria-dialog-name", ".md-search",
     "Material's search overlay has role=dialog without a name (its input is labelled instead)"),
    ("color-contrast", ".md-footer",
     "Material's footer credit is #7f7f7f on #171717: 4.47:1, a hair under 4.5:1"),
    ("color-contrast", ".highlight",
     "the code highlighting palette of Material (comments and some tokens at 4.4 to 4.5:1)"),
    ("scrollable-region-focusable", ".md-typeset__scrollwrap",
     "Material wraps every table in a scrolling div without tabindex (Chromium makes such scrollers "
     "keyboard-focusable by itself)"),
]
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build_in_process(ROOT, tmp_path_factory.mktemp("browser") / "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def starter_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A new learner's site, as `inpublic init` makes it, committed once and built."""
    folder = tmp_path_factory.mktemp("starter")
    init_site(folder / "project", Settings(today=dt.date(2026, 11, 22), version="0.1.0", name="Ada Example"))
    GitRepo(folder / "project").commit("Start learning in public", "2026-11-22T10:00:00+00:00")
    result = build_in_process(folder / "project", folder / "site")
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture(scope="module")
def february_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small learner's site built on 10 February 2027, when most of the current year's weeks are still to come."""
    folder = tmp_path_factory.mktemp("february")
    repo = GitRepo(make_site(folder / "project"))
    for day in ("2026-12-15", "2027-01-20", "2027-02-09", "2027-02-10"):
        repo.write(f"docs/{day}.md", f"# Notes of {day}\n\nWhat I learnt.\n")
        repo.commit(f"Notes of {day}", f"{day}T09:00:00-05:00")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("INPUBLIC_TODAY", "2027-02-10")
        result = build_in_process(folder / "project", folder / "site")
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def tabs(browser: Any) -> Iterator[Callable[..., Any]]:
    """The tab of a device (a key of DEVICES), after opening a URL in it if one is given.

    Each device has one browser context and one tab for the whole module, as a reader who goes from page to page:
    a page opened in a tab that is already open costs half the processor time of one in a new tab, whose renderer
    process must start first. Each visit is a whole new document; only what the site keeps in the browser's storage
    carries over, as it would for that reader.
    """
    opened: dict[str, Any] = {}

    def tab(device: str, url: str | None = None) -> Any:
        if device not in opened:
            opened[device] = offline(browser.new_context(**DEVICES[device])).new_page()
        page = opened[device]
        if url is not None:
            response = page.goto(url)
            assert response is not None and response.ok, url
        return page

    yield tab
    for page in opened.values():
        page.context.close()


@pytest.fixture
def laptop(tabs: Callable[..., Any]) -> Any:
    """The laptop's tab."""
    return tabs("laptop")


def require(site: Path, path: str, what: str) -> None:
    assert (site / path / "index.html").is_file(), f"{what} is missing from the example site ({path})"


def test_the_home_page_shows_the_plan_and_the_next_deadline(laptop: Any, base_url: str) -> None:
    laptop.goto(base_url)
    assert heading(laptop) == "Sam learns ML in public"
    next_deadline = laptop.locator(".inpublic-next")
    assert next_deadline.is_visible()
    assert next_deadline.inner_text().startswith("Next deadline: 30 June 2027, in 209 days")
    commitments = laptop.locator(".inpublic-commitment")
    assert commitments.count() == 2
    assert all(commitments.nth(i).is_visible() for i in range(2))
    # the plugin's stylesheet is there: each commitment has its coloured rule on the left
    assert commitments.first.evaluate("e => parseFloat(getComputedStyle(e).borderLeftWidth)") > 0
    assert laptop.locator(".inpublic-subject h3").all_inner_texts()[:2] == ["Calculus", "Probability"]
    bar = laptop.locator(".inpublic-subject progress").first
    assert bar.is_visible() and bar.bounding_box()["width"] > 40


def test_a_weekly_report_shows_the_week_and_links_to_its_notes(laptop: Any, base_url: str) -> None:
    laptop.goto(base_url + PAGES["report"])
    assert heading(laptop) == "Week 47, 2026: Going public"  # with the title of Sam's reflection
    table = laptop.locator("article table").first
    assert table.is_visible()
    assert "Commits" in table.inner_text() and "Active days" in table.inner_text()
    laptop.get_by_role("link", name="All weekly reports").click()
    assert laptop.url == base_url + PAGES["reports"]
    assert heading(laptop) == "Reports"


@pytest.mark.parametrize("device", ["laptop", "laptop-dark"])
def test_a_monthly_report_prints_as_a_clean_document(tabs: Callable[..., Any], base_url: str, device: str) -> None:
    page = tabs(device, base_url + MONTH)
    assert heading(page) == "November 2026: Calculus 1 past halfway, and my first month in public"
    assert page.locator(".md-sidebar--primary").first.is_visible()  # on a screen, the navigation
    page.emulate_media(media="print")
    try:
        for frame in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
            assert not page.locator(frame).first.is_visible(), f"{frame} is printed"
        article = page.locator("article")
        assert article.bounding_box()["width"] > 0.9 * page.viewport_size["width"]  # the page's whole width
        colours = page.evaluate("""() => [getComputedStyle(document.querySelector('article')).color,
                                          getComputedStyle(document.body).backgroundColor]""")
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]  # black on white, in the dark scheme too
        assert "Questions for our call" in article.inner_text()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    finally:
        page.emulate_media(media="screen")


def test_the_commitments_page_shows_its_chart(laptop: Any, base_url: str, site: Path) -> None:
    require(site, COMMITMENTS, "The commitments page")
    laptop.goto(base_url + COMMITMENTS)
    chart = laptop.locator("article svg, article img[src$='.svg'], article canvas").first
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] >= 200 and box["height"] >= 100


def test_the_feeds_are_discoverable_in_the_head(laptop: Any, base_url: str, site: Path) -> None:
    feeds = [p for p in site.rglob("*.xml") if re.search(r"<(rss|feed)\b", p.read_text(encoding="utf-8")[:500])]
    assert feeds, "the example site has no RSS or Atom feed"
    laptop.goto(base_url)
    links = laptop.locator("head link[rel=alternate]")
    types = links.evaluate_all("links => links.map(l => [l.type, l.href])")
    assert {"application/rss+xml", "application/atom+xml"} <= {t for t, _ in types}
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    for _, href in types:
        assert href.startswith(site_url), href  # absolute, so that a feed reader can follow it
        assert laptop.request.get(base_url + href.removeprefix(site_url)).ok, href


def test_dark_mode_follows_the_system_setting(tabs: Callable[..., Any], base_url: str) -> None:
    page = tabs("phone-dark", base_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert luminance(background) < 0.1, background
    meta = page.locator(".inpublic-meta").first
    assert luminance(meta.evaluate("e => getComputedStyle(e).color")) > 0.2  # light text on the dark page


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("device", list(DEVICES))
def test_each_page_fits_the_screen_and_passes_axe(tabs: Callable[..., Any], base_url: str, site: Path, name: str,
                                                  device: str) -> None:
    require(site, PAGES[name], f"The {name} page")
    page = tabs(device, base_url + PAGES[name])
    scheme = "slate" if DEVICES[device]["color_scheme"] == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    assert_fits_and_passes_axe(page)


def test_on_a_phone_the_heatmap_shows_its_labels_and_the_latest_weeks(tabs: Callable[..., Any],
                                                                      base_url: str) -> None:
    page = tabs("phone", base_url)
    figure = page.locator(".inpublic-heatmap-figure")
    figure.scroll_into_view_if_needed()
    scroller = box(page.locator(".inpublic-heatmap-scroll").first)
    width = page.viewport_size["width"]
    for text in ("2026", "Mon", "Wed", "Fri"):
        shown = [box(label) for label in page.locator(".inpublic-heatmap-figure text").all()
                 if label.text_content() == text and on_top(label)]
        assert shown, f"{text} is hidden under something else"
        left, _, right, _ = shown[0]
        assert left >= 0 and right <= width, f"{text} is outside the {width} px screen: {left} to {right}"
    newest = page.locator(".inpublic-heatmap rect[data-date]").last
    assert newest.get_attribute("data-date") == "2026-12-03"  # the latest active day, today
    left, _, right, _ = box(newest)
    assert scroller[0] <= left and right <= min(scroller[2], width), "the latest weeks are scrolled out of sight"


def test_in_february_a_phone_shows_this_years_weeks_up_to_today_first(tabs: Callable[..., Any],
                                                                       february_url: str) -> None:
    """The current year's row ends at today's week, at the calendar's right end where the phone starts: not at the
    empty weeks of the months to come."""
    page = tabs("phone", february_url)
    page.locator(".inpublic-heatmap-figure").scroll_into_view_if_needed()
    scroller = box(page.locator(".inpublic-heatmap-scroll").first)
    width = page.viewport_size["width"]
    for text in ("2027", "2026", "Mon", "Wed", "Fri"):
        shown = [box(label) for label in page.locator(".inpublic-heatmap-figure text").all()
                 if label.text_content() == text and on_top(label)]
        assert shown, f"{text} is hidden under something else"
        left, _, right, _ = shown[0]
        assert left >= 0 and right <= width, f"{text} is outside the {width} px screen: {left} to {right}"
    for day in ("2027-02-10", "2027-01-20", "2026-12-15"):  # today, last month, and last year's December below
        left, _, right, _ = box(page.locator(f'.inpublic-heatmap rect[data-date="{day}"]'))
        assert scroller[0] <= left and right <= min(scroller[2], width), f"{day} is scrolled out of sight"
    months = [box(label)[0] for label in page.locator(".inpublic-heatmap-row[data-year='2027'] text").all()
              if label.text_content() == "Feb"]
    assert months and scroller[0] <= months[0] <= width, "this February's label is out of sight"


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_phone_no_table_of_inpublic_is_wider_than_its_container(tabs: Callable[..., Any], base_url: str,
                                                                   name: str) -> None:
    page = tabs("phone", base_url + PAGES[name])
    too_wide = page.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
        const outer = t.closest(".md-typeset__scrollwrap") || t.parentElement;
        return [t.rows[0].innerText.replace(/\\s+/g, " "), t.scrollWidth, t.clientWidth, outer.scrollWidth,
                outer.clientWidth];
      }).filter(([, sw, cw, osw, ocw]) => sw > cw + 1 || osw > ocw + 1)""")
    assert too_wide == [], "tables cut off on a 375 px screen: (header, width, shown, outer width, outer shown)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_burnup_chart_reads_in_both_schemes(tabs: Callable[..., Any], base_url: str, scheme: str) -> None:
    """The chart's lines (progress, required pace, forecast, markers) stand out from the page as text must, by
    4.5:1, since they are thin and dashed; the grid, quieter, still by 2:1 (Material's own is 1.2:1 to 1.4:1)."""
    page = tabs("laptop-dark" if scheme == "dark" else "laptop", base_url + "commitments/june/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    lines = page.evaluate("""() => [...document.querySelectorAll(".inpublic-burnup svg :is(line, path)")].map(e => {
        const style = getComputedStyle(e);
        return [e.getAttribute("class"), style.stroke, parseFloat(style.strokeOpacity) * parseFloat(style.opacity)];
      })""")
    kinds = {cls.split()[0] for cls, _, _ in lines}
    assert {"inpublic-burnup-grid", "inpublic-burnup-forecast", "inpublic-burnup-required"} <= kinds
    faint = [(cls, stroke, round(ratio(blend(stroke, alpha, background), background), 2))
             for cls, stroke, alpha in lines
             if ratio(blend(stroke, alpha, background), background) < (2 if "grid" in cls else 4.5)]
    assert faint == []


def test_a_new_learners_site_fits_a_phone_and_passes_axe(tabs: Callable[..., Any], starter_url: str) -> None:
    page = tabs("phone-dark", starter_url)
    assert "Next deadline" in page.locator(".inpublic-next").inner_text()
    assert_fits_and_passes_axe(page)


def assert_fits_and_passes_axe(page: Any) -> None:
    """No sideways scrolling, and no serious or critical axe violation outside Material's own markup."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} px of content in {widths[1]} px"
    violations = axe_api.Axe().run(page).response["violations"]
    problems = [problem for v in violations if v["impact"] in SERIOUS for problem in ours(page, v)]
    assert problems == []


def heading(page: Any) -> str:
    """The page's title, without the permalink sign after it."""
    return page.locator("h1").inner_text().rstrip("¶").strip()


def ours(page: Any, violation: dict[str, Any]) -> list[str]:
    """The nodes of an axe violation that are not inside Material's own markup listed in MATERIAL."""
    allowed = [selector for rule, selector, _ in MATERIAL if rule == violation["id"]]
    targets = [node["target"][0] for node in violation["nodes"]]
    inside = page.evaluate("([targets, sels]) => targets.map(t => { const e = document.querySelector(t);"
                           " return !!e && sels.some(s => e.closest(s)); })", [targets, allowed])
    return [f"{violation['id']} ({violation['impact']}) at {node['target'][0]}: {node['failureSummary']}"
            for node, material in zip(violation["nodes"], inside) if not material]


def box(locator: Any) -> tuple[float, float, float, float]:
    """left, top, right, bottom of an element on the screen."""
    b = locator.bounding_box()
    assert b is not None
    return b["x"], b["y"], b["x"] + b["width"], b["y"] + b["height"]


def on_top(label: Any) -> bool:
    """Whether the middle of `label` is on the screen and what is seen there (not under another element)."""
    return bool(label.evaluate("""(label) => {
        const r = label.getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return r.width > 0 && (top === label || label.contains(top));
      }"""))


def rgb(css_color: str) -> list[float]:
    return [float(v) for v in css_color[css_color.index("(") + 1:-1].split(",")[:3]]


def blend(css_color: str, alpha: float, background: str) -> str:
    """`css_color` (rgb or rgba) drawn at `alpha` over the opaque `background`, as an rgb() colour."""
    parts = css_color[css_color.index("(") + 1:-1].split(",")
    alpha *= float(parts[3]) if len(parts) > 3 else 1.0
    mixed = [alpha * c + (1 - alpha) * b for c, b in zip(rgb(css_color), rgb(background))]
    return f"rgb({', '.join(str(round(c)) for c in mixed)})"


def ratio(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def luminance(css_color: str) -> float:
    """The relative luminance (WCAG) of an `rgb(r, g, b)` or `rgba(...)` colour."""
    values = [float(v) for v in css_color[css_color.index("(") + 1:-1].split(",")[:3]]
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
