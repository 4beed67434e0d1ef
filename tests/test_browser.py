"""The example site in a real browser: what a follower sees on a laptop and on a phone, in light and dark mode,
and what axe-core finds for people using assistive technology.

The site is built once (a real `mkdocs build --strict`, with the fixed date of tests/sites.py), served from
127.0.0.1, and opened in headless Chromium through Playwright. Requests to other hosts are refused at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium_path, launch, offline, serve
from gitrepo import GitRepo
from inpublic.init import Settings, init_site
from sites import ROOT, build

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

LAPTOP = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"}
PHONE_DARK = {"viewport": {"width": 375, "height": 812}, "color_scheme": "dark", "is_mobile": True,
              "has_touch": True, "device_scale_factor": 2}
COMMITMENTS = "commitments/"
PAGES = {"home": "", "report": "reports/2026-W47/", "reports": "reports/", "commitments": COMMITMENTS}

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
    result = build(ROOT, tmp_path_factory.mktemp("browser") / "site")
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
    result = build(folder / "project", folder / "site")
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium: .ci/run installs Debian's `chromium` (or set $CHROMIUM to a Chrome)")
        pytest.skip("no Chromium found: `apt-get install chromium`, or set $CHROMIUM")
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright, executable)
        yield browser
        browser.close()


def open_page(browser: Any, url: str, **options: Any) -> Any:
    context = offline(browser.new_context(**options))
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.ok, url
    return page


@pytest.fixture
def laptop(browser: Any) -> Iterator[Any]:
    context = offline(browser.new_context(**LAPTOP))
    yield context.new_page()
    context.close()


def require(site: Path, path: str, what: str) -> None:
    assert (site / path / "index.html").is_file(), f"{what} is missing from the example site ({path})"


def test_the_home_page_shows_the_plan_and_the_next_deadline(laptop: Any, base_url: str) -> None:
    laptop.goto(base_url)
    assert heading(laptop) == "Sam learns ML in public"
    next_deadline = laptop.locator(".inpublic-next")
    assert next_deadline.is_visible()
    assert next_deadline.inner_text().startswith("Next deadline: 30 June 2027, in 220 days")
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
    assert heading(laptop) == "Week 47, 2026"
    table = laptop.locator("article table").first
    assert table.is_visible()
    assert "Commits" in table.inner_text() and "Active days" in table.inner_text()
    laptop.get_by_role("link", name="All weekly reports").click()
    assert laptop.url == base_url + PAGES["reports"]
    assert heading(laptop) == "Weekly reports"


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


def test_dark_mode_follows_the_system_setting(browser: Any, base_url: str) -> None:
    page = open_page(browser, base_url, **PHONE_DARK)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert luminance(background) < 0.1, background
    meta = page.locator(".inpublic-meta").first
    assert luminance(meta.evaluate("e => getComputedStyle(e).color")) > 0.2  # light text on the dark page
    page.context.close()


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("device", ["laptop", "phone-dark"])
def test_each_page_fits_the_screen_and_passes_axe(browser: Any, base_url: str, site: Path, name: str,
                                                  device: str) -> None:
    if name == "commitments":
        require(site, COMMITMENTS, "The commitments page")
    page = open_page(browser, base_url + PAGES[name], **(LAPTOP if device == "laptop" else PHONE_DARK))
    assert_fits_and_passes_axe(page)


def test_a_new_learners_site_fits_a_phone_and_passes_axe(browser: Any, starter_url: str) -> None:
    page = open_page(browser, starter_url, **PHONE_DARK)
    assert "Next deadline" in page.locator(".inpublic-next").inner_text()
    assert_fits_and_passes_axe(page)


def assert_fits_and_passes_axe(page: Any) -> None:
    """No sideways scrolling, and no serious or critical axe violation outside Material's own markup."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} px of content in {widths[1]} px"
    violations = axe_api.Axe().run(page).response["violations"]
    problems = [problem for v in violations if v["impact"] in SERIOUS for problem in ours(page, v)]
    page.context.close()
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


def luminance(css_color: str) -> float:
    """The relative luminance (WCAG) of an `rgb(r, g, b)` or `rgba(...)` colour."""
    values = [float(v) for v in css_color[css_color.index("(") + 1:-1].split(",")[:3]]
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
