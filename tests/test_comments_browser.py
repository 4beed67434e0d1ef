"""Comments in a real browser: nothing is asked of giscus.app when a page loads, giscus is loaded once the reader
scrolls to the comments or presses the button, and its theme follows the site's scheme, at load and when the reader
switches it.

A learner's site with comments on its notes (one of them long, so that its comments are below the fold) is built,
served from 127.0.0.1 and opened in headless Chromium; requests to other hosts are refused at once, as in
test_browser.py, except in the test of the theme switch, where giscus.app's client and widget are stood in for by
two small files answered in the browser (the widget records the messages it gets).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import launched_chromium, offline, serve
from feedsites import CONFIG, make_learner
from sites import build_in_process
from test_comments import IDS, with_comments

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.heavy

CLIENT = "https://giscus.app/client.js"
PALETTE = """\
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/weather-night, name: Switch to dark mode}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/weather-sunny, name: Switch to light mode}
"""
LONG = "# A long note\n\n" + "".join(f"Paragraph {n}: what I learnt, at length.\n\n" for n in range(120))
# giscus's client and widget, stood in for: the client puts the widget's iframe where giscus's does (in .giscus),
# and the widget keeps the messages it gets in its title
FAKE_CLIENT = """
var frame = document.createElement("iframe");
frame.className = "giscus-frame";
frame.src = "https://giscus.app/widget";
document.querySelector(".giscus").appendChild(frame);
"""
FAKE_WIDGET = """<!doctype html><title>[]</title><script>
var got = [];
addEventListener("message", function (e) { got.push(e.data); document.title = JSON.stringify(got); });
</script>"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("comments")
    config = with_comments(CONFIG, {**IDS, "pages": ["notes"]}).replace("  name: material\n",
                                                                          "  name: material\n" + PALETTE)
    repo = make_learner(folder / "repo", config)
    repo.write("docs/long.md", LONG)
    repo.commit("A long note", "2026-11-12T07:00:00-05:00")
    result = build_in_process(repo.root, folder / "site")
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as browser:
        yield browser


def open_page(browser: Any, url: str, scheme: str = "light") -> tuple[Any, list[str]]:
    """A new tab, offline, at `url`, and the list the addresses it asks for go into."""
    context = offline(browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme))
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_load_state("networkidle")
    return page, asked


def giscus_asked(asked: list[str]) -> list[str]:
    return [url for url in asked if url.startswith("https://giscus.app/")]


def test_nothing_is_asked_of_giscus_until_the_reader_scrolls_to_the_comments(browser: Any, base_url: str) -> None:
    page, asked = open_page(browser, base_url + "long/")
    try:
        assert page.locator(".inpublic-giscus").count() == 1
        page.wait_for_timeout(500)
        assert giscus_asked(asked) == []
        assert [u for u in asked if u.endswith("assets/inpublic/comments.js")]  # the script is there, waiting
        button = page.get_by_role("button", name="Show comments")
        assert button.is_visible()  # shown by the script (hidden without it)
        assert button.bounding_box()["y"] > 5 * 800  # far below the fold
        with page.expect_request(CLIENT):
            page.mouse.wheel(0, 20_000)
        assert giscus_asked(asked) == [CLIENT]
        script = page.locator(f'.inpublic-giscus script[src="{CLIENT}"]')
        assert script.get_attribute("data-theme") == "light"
        assert script.get_attribute("data-repo") == IDS["repo"]
        assert script.get_attribute("data-category-id") == IDS["category_id"]
        assert page.locator(".inpublic-giscus .giscus").count() == 1  # where giscus puts its iframe
        assert page.get_by_role("button", name="Show comments").count() == 0
    finally:
        page.context.close()


def test_the_button_loads_giscus_in_the_dark_scheme(browser: Any, base_url: str) -> None:
    page, asked = open_page(browser, base_url + "long/", scheme="dark")
    try:
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        button = page.get_by_role("button", name="Show comments")
        assert button.count() == 1
        page.wait_for_timeout(300)
        assert giscus_asked(asked) == []
        with page.expect_request(CLIENT):
            button.dispatch_event("click")  # pressed from the keyboard, say: the page does not scroll
        script = page.locator(f'.inpublic-giscus script[src="{CLIENT}"]')
        assert script.get_attribute("data-theme") == "dark"
        assert giscus_asked(asked) == [CLIENT]
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_comments_pass_axe_in_both_schemes(browser: Any, base_url: str, scheme: str) -> None:
    axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
    page, _ = open_page(browser, base_url + "long/", scheme=scheme)
    try:
        violations = axe_api.Axe().run(page).response["violations"]
        ours = [f"{v['id']} at {node['target'][0]}" for v in violations for node in v["nodes"]
                if page.evaluate("t => !!document.querySelector(t)?.closest('.inpublic-comments')", node["target"][0])]
        assert ours == []
        assert page.locator(".inpublic-comments h2").inner_text().strip("¶ ") == "Comments"
    finally:
        page.context.close()


def test_a_page_without_comments_never_asks_giscus(browser: Any, base_url: str) -> None:
    page, asked = open_page(browser, base_url + "reports/2026-W45/")
    try:
        page.mouse.wheel(0, 20_000)
        page.wait_for_timeout(500)
        assert page.locator(".inpublic-giscus").count() == 0
        assert giscus_asked(asked) == []
    finally:
        page.context.close()


def test_giscus_is_told_the_new_theme_when_the_reader_switches_the_palette(browser: Any, base_url: str) -> None:
    context = offline(browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light"))
    context.route(CLIENT, lambda route: route.fulfill(body=FAKE_CLIENT, content_type="text/javascript"))
    context.route("https://giscus.app/widget", lambda route: route.fulfill(body=FAKE_WIDGET,
                                                                            content_type="text/html"))
    page = context.new_page()
    try:
        page.goto(base_url + "limits/")  # a short note: its comments are in view, and load at once
        widget = page.wait_for_selector("iframe.giscus-frame").content_frame()
        assert widget is not None
        widget.wait_for_url("https://giscus.app/widget")  # the frame starts blank, then loads the widget
        widget.wait_for_load_state()
        page.locator('label[title="Switch to dark mode"]').click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.wait_for_function("() => document.querySelector('iframe.giscus-frame') !== null")
        widget.wait_for_function("() => document.title !== '[]'")
        assert json.loads(widget.title()) == [{"giscus": {"setConfig": {"theme": "dark"}}}]
        page.locator('label[title="Switch to light mode"]').click()
        widget.wait_for_function("() => JSON.parse(document.title).length === 2")
        assert json.loads(widget.title())[-1] == {"giscus": {"setConfig": {"theme": "light"}}}
    finally:
        context.close()


def test_the_site_without_comments_loads_no_script_of_them(tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    result = build_in_process(repo.root, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "comments.js" not in result.page("limits/index.html")
