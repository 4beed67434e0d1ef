"""The feeds' pure parts: GUIDs, addresses, the HTML of items, dates of blog posts, the choice of items, the files."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest

from inpublic.feeds.events import Category
from inpublic.feeds.html import absolute_html, xml_text
from inpublic.feeds.items import FeedIdError, FeedItem, post_dates, select_items, tag_base
from inpublic.feeds.site import SUBSCRIBE_MARKER, add_head_links, blog_post_dirs, place_subscribe, relative_url
from inpublic.feeds.views import page_path
from inpublic.feeds.write import Channel, feed_files

NEW_YORK = ZoneInfo("America/New_York")
STARTED = dt.date(2026, 10, 26)
SITE = "https://example.org/learning/"


@pytest.mark.parametrize(("feed_id", "repo", "expected"), [
    (None, "https://github.com/ada/learning", "tag:github.com,2026:ada/learning/inpublic/"),
    (None, "https://GitHub.com/ada/learning.git/", "tag:github.com,2026:ada/learning/inpublic/"),
    (None, "git@github.com:ada/learning.git", "tag:github.com,2026:ada/learning/inpublic/"),
    ("ada.example.org,2026-11-22", None, "tag:ada.example.org,2026-11-22:inpublic/"),
    ("tag:ada@example.org,2026:learning/", "https://github.com/ada/learning",
     "tag:ada@example.org,2026:learning/inpublic/"),
])
def test_guids_come_from_the_repository_or_feed_id_never_from_site_url(feed_id, repo, expected) -> None:
    assert tag_base(feed_id, repo, STARTED, SITE) == (expected, True)
    assert tag_base(feed_id, repo, STARTED, "https://moved.example.net/") == (expected, True)


def test_without_repository_or_feed_id_the_guids_fall_back_to_site_url_and_say_so() -> None:
    assert tag_base(None, None, STARTED, SITE) == ("tag:example.org,2026:learning/inpublic/", False)


@pytest.mark.parametrize("feed_id", ["example.org", "https://example.org/,2026", "example.org,26", "a b,2026"])
def test_a_bad_feed_id_says_what_is_expected(feed_id: str) -> None:
    with pytest.raises(FeedIdError, match=r"feed_id: samrivera\.github\.io,2026"):
        tag_base(feed_id, None, STARTED, SITE)


@pytest.mark.parametrize(("src_uri", "directory", "expected"), [
    ("limits.md", True, "limits/"),
    ("calculus/limits.md", False, "calculus/limits.html"),
    ("index.md", True, ""),
    ("calculus/index.md", True, "calculus/"),
    ("index.md", False, "index.html"),
    ("img/a.png", True, "img/a.png"),
])
def test_page_paths_are_the_addresses_mkdocs_gives(src_uri: str, directory: bool, expected: str) -> None:
    assert page_path(src_uri, directory) == expected


def links(html: str) -> list[tuple[str, str]]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(el.tag, el.get("href") or el.get("src")) for el in root.iter() if el.get("href") or el.get("src")]


def test_the_learners_markdown_links_are_resolved_from_its_file_and_made_absolute() -> None:
    html = (
        '<p><a href="../limits.md#proofs">a</a> <a href="#top">b</a> <a href="other.md">c</a> '
        '<img src="../img/x.png" srcset="../img/x.png 1x, ../img/x2.png 2x"> <a href="https://w.org/?q=1">d</a> '
        '<a href="/elsewhere/">e</a> <a href="mailto:ada@example.org">f</a> <a href="../calculus/">g</a></p>'
    )
    page = SITE + "reports/2026-W45/"
    out = absolute_html(html, page, site_url=SITE, source="reports/2026-W45.md")
    assert links(out) == [
        ("a", SITE + "limits/#proofs"),
        ("a", page + "#top"),
        ("a", SITE + "reports/other/"),
        ("img", SITE + "img/x.png"),
        ("a", "https://w.org/?q=1"),
        ("a", "https://example.org/elsewhere/"),
        ("a", "mailto:ada@example.org"),
        ("a", SITE + "calculus/"),
    ]
    assert f'srcset="{SITE}img/x.png 1x, {SITE}img/x2.png 2x"' in out


def test_rendered_html_is_resolved_from_its_page() -> None:
    out = absolute_html('<a href="../../limits/">a</a><img src="chart.png">', SITE + "blog/2026/11/10/first/")
    assert links(out) == [("a", SITE + "blog/2026/11/limits/"), ("img", SITE + "blog/2026/11/10/first/chart.png")]


def test_nothing_that_could_run_survives() -> None:
    hostile = (
        '<p onclick="x()">Hi <script>alert(1)</script>there<style>p{}</style> '
        '<a href="javascript:alert(2)">j</a> <a href=" JaVaScRiPt:alert(3)">k</a> <img src="data:text/html,x" '
        'onerror="alert(4)"><iframe src="https://evil.example/"></iframe><svg><script>alert(5)</script></svg>'
        '<form action="https://evil.example/"><input name="p"></form><h2 id="x">T<a class="headerlink" '
        'href="#x">¶</a></h2><a href="vbscript:msgbox">v</a> <span style="background:url(javascript:x)">s</span></p>'
    )
    out = absolute_html(hostile, SITE + "p/", site_url=SITE, source="p.md")
    root = lxml.html.fragment_fromstring(out, create_parent="div")
    assert not [el for el in root.iter() if el.tag in ("script", "style", "iframe", "svg", "form", "input")]
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.startswith("on") and name != "style"
            assert "script:" not in value.lower() and not value.startswith("data:")
    assert "¶" not in out
    assert root.text_content().startswith("Hi there")


def test_characters_xml_cannot_hold_are_removed() -> None:
    assert xml_text("a\x00b\x01c\x0bd\te\nf\ufffeg") == "abcd\te\nfg"


@pytest.mark.parametrize(("meta", "created", "updated"), [
    ({"date": dt.date(2026, 11, 10)}, "2026-11-10T00:00:00-05:00", None),
    ({"date": dt.datetime(2026, 11, 10, 9, 30)}, "2026-11-10T09:30:00-05:00", None),
    ({"date": dt.datetime(2026, 11, 10, 9, 30, tzinfo=dt.UTC)}, "2026-11-10T04:30:00-05:00", None),
    ({"date": "2026-07-01"}, "2026-07-01T00:00:00-04:00", None),
    ({"date": {"created": dt.date(2026, 11, 10), "updated": dt.date(2026, 11, 12)}},
     "2026-11-10T00:00:00-05:00", "2026-11-12T00:00:00-05:00"),
])
def test_blog_post_dates_are_read_as_material_reads_them_in_the_learners_zone(meta, created, updated) -> None:
    dates = post_dates(meta, NEW_YORK)
    assert dates is not None
    assert dates[0].isoformat() == created
    assert dates[1].isoformat() == (updated or created)


@pytest.mark.parametrize("meta", [{}, {"date": "soon"}, {"date": {"updated": dt.date(2026, 1, 1)}}, {"date": 3}])
def test_a_post_without_a_readable_date_has_none(meta) -> None:
    assert post_dates(meta, NEW_YORK) is None


def item(guid: str, kind: str, day: int, updated: int | None = None, title: str = "T") -> FeedItem:
    when = dt.datetime(2026, 11, day, 23, 59, 59, tzinfo=NEW_YORK)
    later = dt.datetime(2026, 11, updated, 12, tzinfo=NEW_YORK) if updated else when
    return FeedItem(kind, f"tag:example.org,2026:inpublic/{guid}", title, SITE + guid + "/", when, later,
                    "summary", "<p>Hi</p>", "Ada", (Category("calculus", "Calculus"),))


def test_items_are_chosen_by_kind_newest_first_up_to_the_limit() -> None:
    items = [item("a", "reports", 1), item("b", "blog", 8), item("c", "commitments", 8), item("d", "reports", 15)]
    assert [i.guid[-1] for i in select_items(items, ("reports", "blog", "commitments"), 20)] == ["d", "b", "c", "a"]
    assert [i.guid[-1] for i in select_items(items, ("reports",), 20)] == ["d", "a"]
    assert [i.guid[-1] for i in select_items(items, ("reports", "blog", "commitments"), 2)] == ["d", "b"]


def channel(updated: dt.datetime) -> Channel:
    return Channel("Ada's <notes> & ]]>", "What I learn", SITE, "tag:example.org,2026:inpublic", "Ada", updated, "en")


def test_the_feed_files_depend_on_the_items_alone() -> None:
    items = [item("week/2026-W45", "reports", 8, updated=10), item("week/2026-W44", "reports", 1)]
    newest = items[0].updated
    files = feed_files(channel(newest), items)
    assert files == feed_files(channel(newest), items)
    rss = files["feed.xml"].decode()
    assert "<lastBuildDate>Tue, 10 Nov 2026 12:00:00 -0500</lastBuildDate>" in rss
    assert "<generator>inpublic</generator>" in rss and "python-feedgen" not in rss
    assert '<guid isPermaLink="false">tag:example.org,2026:inpublic/week/2026-W45</guid>' in rss
    assert "<pubDate>Sun, 08 Nov 2026 23:59:59 -0500</pubDate>" in rss
    assert f"<link>{SITE}</link>" in rss
    atom = files["atom.xml"].decode()
    assert "<updated>2026-11-10T12:00:00-05:00</updated>" in atom and "python-feedgen" not in atom
    assert "<title>Ada's &amp;lt;notes&amp;gt; &amp;amp; ]]&amp;gt;</title>" in rss  # RSS titles are read as HTML
    for name, version, kind in (("feed.xml", "rss20", "text/html"), ("atom.xml", "atom10", "text/plain")):
        parsed = feedparser.parse(files[name])
        assert parsed.bozo == 0 and parsed.version == version
        title = parsed.feed.title_detail
        assert title.type == kind
        assert (title.value if kind == "text/plain" else lxml.html.fromstring(title.value).text_content()) == (
            "Ada's <notes> & ]]>")
    data = json.loads(files["feed.json"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["id"] for i in data["items"]] == [i.guid for i in items]
    assert data["items"][0]["date_modified"] == "2026-11-10T12:00:00-05:00"
    assert b"<" not in files["feed.json"]


def test_an_empty_feed_is_valid_too() -> None:
    files = feed_files(channel(dt.datetime(2026, 10, 26, tzinfo=NEW_YORK)), [])
    for name in ("feed.xml", "atom.xml"):
        assert feedparser.parse(files[name]).bozo == 0
    assert json.loads(files["feed.json"])["items"] == []


def test_the_subscribe_block_goes_where_its_marker_is_or_under_the_reports_index() -> None:
    assert place_subscribe(f"# Home\n\n{SUBSCRIBE_MARKER}\n\nMore", "index.md", "<div>S</div>") == (
        "# Home\n\n\n<div>S</div>\n\n\nMore")
    assert place_subscribe("# Reports", "reports/index.md", "<div>S</div>") == "# Reports\n\n<div>S</div>"
    assert place_subscribe("# A note", "limits.md", "<div>S</div>") == "# A note"
    assert place_subscribe(f"A {SUBSCRIBE_MARKER} B", "index.md", "") == "A  B"


@pytest.mark.parametrize(("page", "expected"), [
    ("", "feed.xml"), ("reports/", "../feed.xml"), ("a/b/", "../../feed.xml"), ("a/b.html", "../feed.xml"),
])
def test_subscribe_links_are_relative_to_the_page(page: str, expected: str) -> None:
    assert relative_url("feed.xml", page) == expected


def test_discovery_links_go_at_the_end_of_the_head_once() -> None:
    page = "<html><head><title>x</title></HEAD><body>a</head></body></html>"
    once = add_head_links(page, "<link rel=alternate>")
    assert once == "<html><head><title>x</title><link rel=alternate></HEAD><body>a</head></body></html>"
    assert add_head_links(once, "<link rel=alternate>") == once
    assert add_head_links("<p>no head</p>", "<link>") == "<p>no head</p>"


class _Blog:
    def __init__(self, **options: object) -> None:
        self.config = {"enabled": True, "blog_dir": "blog", "post_dir": "{blog}/posts", **options}


def test_the_blog_plugins_post_folders_are_found() -> None:
    plugins = {"search": object(), "material/blog": _Blog(), "material/blog 1": _Blog(blog_dir="news/",
               post_dir="{blog}/articles"), "blog 2": _Blog(enabled=False), "inpublic": object()}
    assert blog_post_dirs(plugins) == ("blog/posts/", "news/articles/")
