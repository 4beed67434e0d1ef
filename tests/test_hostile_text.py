"""Hostile text from a learner, for real: one site built with HTML in every field a learner writes.

Text from the plan, commit messages and note titles must come out *escaped*: visible as the characters typed,
never as markup. HTML a learner writes in a reflection must come out *sanitised* wherever inpublic republishes
it (the weekly report page and the feed items): no script, no event handler, no `javascript:` address. The
feeds are parsed with feedparser's own sanitiser off, so what is checked is what the feeds deliver, not what
one careful reader would make of it.
"""

from __future__ import annotations

import json

import feedparser
import icalendar
import lxml.html
import pytest

from feedsites import build_at
from gitrepo import GitRepo
from sites import Build

SITE_URL = "https://example.org/learning/"
TITLE = "June <img src=x onerror=alert(1)>"  # the commitment's title, as in the issue
NAME = "Ada <b onmouseover=alert(2)>Example</b>"
BIO = 'Learning <script>alert(3)</script> & <a href="javascript:alert(4)">maths</a>'
NOTE = "Because <img src=x onerror=alert(5)> & why not"  # the commitment's note
LOG_NOTE = "Worked on <svg onload=alert(6)></svg> limits"  # a study session's topic, on the review page
MILESTONE = "First proof <a href=javascript:alert(20)>done</a>"
NOTE_TITLE = "Limits <img src=x onerror=alert(7)>"
MESSAGE = "Notes on limits <script>alert(8)</script> & <i onclick=alert(9)>more</i>"
REFLECTION_TITLE = "A week <img src=x onerror=alert(10)>"
REFLECTION = """\
I finally *got* [epsilon-delta](../limits.md) and `lim f(x)`.

## What went well

| Day | Minutes |
| --- | --- |
| Monday | 60 |

- one
- two

![A sketch](../img/limits.png)

[a link out](https://example.com/page)

<p onclick="alert(11)">Raw paragraph <a href="javascript:alert(12)">click</a>
<a href=" JaVaScRiPt:alert(13)">again</a> <a href="vbscript:msgbox(14)">vb</a>
<img src="x" onerror="alert(15)"> <img src="data:image/svg+xml,<svg onload=alert(16)>"></p>

[markdown link](javascript:alert(17))

<script>alert(18)</script>

<iframe src="https://evil.example/"></iframe>
<object data="https://evil.example/x.swf"></object>
<embed src="https://evil.example/x.swf">
<form action="https://evil.example/"><input name="p"></form>
<style>body { display: none }</style>
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0; url=https://evil.example/">

Kept after all that.

## Heading <img src=x onerror=alert(19)>
"""

PLAN = f"""\
learner:
  name: {json.dumps(NAME)}
  bio: {json.dumps(BIO)}
  timezone: America/New_York
  started: 2026-10-26
  repo: https://github.com/ada/learning
subjects:
  - id: calculus
    title: Calculus
    resources:
      - {{id: calc1, title: Calculus 1, kind: course, units: 10, unit: weeks}}
commitments:
  - {{id: june, title: {json.dumps(TITLE)}, made: 2026-10-27, due: 2027-06-30, covers: [calculus],
     note: {json.dumps(NOTE)}}}
log:
  - {{date: 2026-10-28, minutes: 60, resource: calc1, units: 1, note: {json.dumps(LOG_NOTE)}}}
  - {{date: 2026-11-20, minutes: 30, resource: calc1, units: 1, note: {json.dumps(LOG_NOTE)}}}
milestones:
  - {{date: 2026-11-01, title: {json.dumps(MILESTONE)}, note: {json.dumps(MILESTONE)}}}
"""
CONFIG = f"""\
site_name: Ada learns calculus
site_url: {SITE_URL}
repo_url: https://github.com/ada/learning
theme:
  name: material
markdown_extensions:
  - tables
  - toc:
      permalink: true
nav:
  - index.md
plugins:
  - search
  - inpublic
"""
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005ff02fe0b4fd5a40000000049454e44ae426082"
)
REPORT = "reports/2026-W44/index.html"
PAYLOADS = (TITLE, NAME, BIO, NOTE, LOG_NOTE, NOTE_TITLE, MESSAGE, REFLECTION_TITLE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    repo = GitRepo(tmp_path_factory.mktemp("hostile-text") / "repo")
    repo.write("mkdocs.yml", CONFIG)
    repo.write("progress.yaml", PLAN)
    repo.write("docs/limits.md", f"---\ntitle: {json.dumps(NOTE_TITLE)}\n---\n\nWhat a limit is.\n")
    (repo.root / "docs" / "img").mkdir(parents=True)
    (repo.root / "docs" / "img" / "limits.png").write_bytes(PNG)
    repo.commit(MESSAGE, "2026-10-27T20:00:00-04:00")
    repo.write("docs/reports/2026-W44.md", f"---\ntitle: {json.dumps(REFLECTION_TITLE)}\n---\n\n{REFLECTION}")
    repo.commit("Reflection on week 44", "2026-10-31T10:00:00-04:00")
    built = build_at(repo.root, tmp_path_factory.mktemp("hostile-site") / "site")
    assert built.returncode == 0, built.output
    return built


def assert_inert(root: lxml.html.HtmlElement, where: str) -> None:
    """Nothing in `root` can run: no script, frame, object or form, no handler, no script address."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag.lower() not in ("script", "iframe", "object", "embed", "form", "base", "meta"), (where, el.tag)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (where, el.tag, name, value)
            if name.lower() in ("href", "src", "action", "formaction", "data"):
                scheme = value.strip().lower().split(":", 1)[0]
                assert scheme not in ("javascript", "vbscript", "data"), (where, el.tag, name, value)


def fragment(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def shown(value: str, kind: str) -> str:
    """What a reader shows of one feed field: HTML as its text, plain text as it is."""
    return str(fragment(value).text_content()) if "html" in kind else value


def test_every_feed_format_shows_the_text_as_typed_and_delivers_nothing_that_runs(site: Build) -> None:
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse(site.site / name, sanitize_html=False, resolve_relative_uris=False)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        seen = []
        for entry in parsed.entries:
            for detail in (entry.title_detail, entry.summary_detail, *entry.get("content", [])):
                if "html" in detail.type:
                    assert_inert(fragment(detail.value), f"{name} {entry.id} {detail.type}")
                seen.append(shown(detail.value, detail.type))
        for payload in (TITLE, NOTE, NOTE_TITLE, MESSAGE, REFLECTION_TITLE):
            assert payload in "\n".join(seen), (name, payload)
        made = next(e for e in parsed.entries if e.id.endswith("commitment/june/made"))
        assert shown(made.title, made.title_detail.type) == f"Commitment made: {TITLE}", name
        assert TITLE in shown(made.summary, made.summary_detail.type), name
    data = json.loads(site.page("feed.json"))
    for item in data["items"]:
        assert_inert(fragment(item["content_html"]), f"feed.json {item['id']}")
    made = next(i for i in data["items"] if i["id"].endswith("commitment/june/made"))
    assert made["title"] == f"Commitment made: {TITLE}"  # JSON Feed's title and summary are plain text
    assert TITLE in made["summary"] and TITLE in fragment(made["content_html"]).text_content()
    calendar = icalendar.Calendar.from_ical(site.page("commitments.ics"))
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]).startswith(f"Due: {TITLE} (")
    assert "&lt;" not in str(event["summary"]) and "&lt;" not in str(event.get("description", ""))
    # the week's item: the reflection sanitised, its Markdown kept, every link still absolute
    week = fragment(next(i for i in data["items"] if i["id"].endswith("week/2026-W44"))["content_html"])
    for payload in (NOTE_TITLE, MESSAGE, "Raw paragraph", "Kept after all that."):
        assert payload in week.text_content(), payload
    assert week.xpath("//em[.='got']") and week.xpath("//code[.='lim f(x)']") and week.xpath("//td[.='Monday']")
    links = {a.text_content(): a.get("href") for a in week.iter("a")}
    assert links["epsilon-delta"] == SITE_URL + "limits/"
    assert links["a link out"] == "https://example.com/page"
    assert [i.get("src") for i in week.iter("img") if i.get("alt") == "A sketch"] == [SITE_URL + "img/limits.png"]


def test_the_report_page_sanitises_the_reflection_and_keeps_its_markdown(site: Build) -> None:
    whole = lxml.html.fromstring(site.page(REPORT))
    [page] = whole.xpath("//article")
    assert_inert(page, REPORT)
    assert not page.xpath(".//style | .//input")
    [toc] = whole.xpath("//nav[contains(@class, 'md-nav--secondary')]")  # the reflection's headings are there
    assert_inert(toc, f"{REPORT}, table of contents")
    assert "What went well" in toc.text_content() and "Heading" in toc.text_content()
    assert page.xpath(".//em[.='got']") and page.xpath(".//code[.='lim f(x)']")
    assert page.xpath(".//table//td[.='Monday']") and page.xpath(".//li[.='two']")
    assert page.xpath(".//h2[@id='what-went-well']/a[@class='headerlink']")
    links = {a.text_content(): a.get("href") for a in page.iter("a")}
    assert links["epsilon-delta"] == "../../limits/"  # relative links still resolved by MkDocs
    assert links["a link out"] == "https://example.com/page"
    assert [i.get("src") for i in page.iter("img") if i.get("alt") == "A sketch"] == ["../../img/limits.png"]
    text = page.text_content()
    assert "Raw paragraph" in text and "Kept after all that." in text and "display: none" not in text
    for payload in (REFLECTION_TITLE, NOTE_TITLE, MESSAGE, TITLE):  # escaped, not dropped
        assert payload in text, payload
    assert whole.findtext("./head/title").startswith(f"Week 44, 2026: {REFLECTION_TITLE} - ")


PAGES = {  # every page inpublic writes, and the learner's text each must show as typed
    "index.html": (NAME, BIO, TITLE, NOTE, MILESTONE),
    "commitments/index.html": (TITLE,),
    "commitments/june/index.html": (TITLE, NOTE),
    "reports/index.html": (),
    REPORT: (REFLECTION_TITLE, NOTE_TITLE, MESSAGE, TITLE),
    "review/index.html": (LOG_NOTE,),
}


def test_every_page_inpublic_writes_shows_the_text_as_typed_and_runs_nothing(site: Build) -> None:
    for path, payloads in PAGES.items():
        html = site.page(path)
        for markup in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "<i onclick"):
            assert markup not in html, (path, markup)
        page = lxml.html.fromstring(html)
        [content] = page.xpath("//article")
        assert_inert(content, path)
        for payload in payloads:
            assert payload in content.text_content(), (path, payload)
    home = lxml.html.fromstring(site.page("index.html"))
    assert home.xpath("string(//article//h1)").startswith(f"{NAME}: learning in public")
    june = lxml.html.fromstring(site.page("commitments/june/index.html"))
    assert june.findtext("./head/title").startswith(f"{TITLE} - ")
