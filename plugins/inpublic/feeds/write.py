"""Write the feeds: RSS 2.0 (`feed.xml`) and Atom (`atom.xml`) through feedgen, JSON Feed 1.1 (`feed.json`).

The only module that knows feedgen, so it could be replaced. The output depends on the items alone: the feed's
`lastBuildDate` and `updated` are its newest item's date (feedgen's default is the build time), the generator
carries no version, and every string is cleared of characters XML cannot hold. Two builds of the same commit
give the same bytes.

What a reader takes for HTML is HTML: `content_html` (sanitised by `sanitise.clean_html`) everywhere, and in RSS
the titles and descriptions too, because readers render those as HTML whatever the specification says; there the
learner's text is escaped (`<` as `&lt;`), so "June <img ...>" is shown as typed. Atom's titles and summaries
are plain text (no `type`: Atom's default is text), and so are JSON Feed's `title` and `summary`: they carry
the text as it is.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedgen.feed import FeedGenerator

from inpublic.feeds.html import xml_text
from inpublic.feeds.items import FeedItem

RSS, ATOM, JSON_FEED = "feed.xml", "atom.xml", "feed.json"
TYPES = {RSS: "application/rss+xml", ATOM: "application/atom+xml", JSON_FEED: "application/feed+json"}
GENERATOR = "inpublic"


@dataclass(frozen=True)
class Channel:
    """The feed itself: what a reader shows as the subscription."""

    title: str
    description: str
    site_url: str  # absolute, ends with "/"
    id: str  # a tag: URI that never changes
    author: str
    updated: dt.datetime  # the newest item's date
    language: str | None = None
    folder: str = ""  # where the files are, from the site's root: "" or "subjects/probability/"
    link: str | None = None  # the page the feed stands for, absolute; None: the site's home

    @property
    def home(self) -> str:
        return self.link or self.site_url


def feed_files(
    channel: Channel, items: Sequence[FeedItem], formats: Sequence[str] = (RSS, ATOM, JSON_FEED)
) -> dict[str, bytes]:
    """Each feed file of `formats` by its path from the site's root (`channel.folder` and its name), newest item
    first."""
    return {channel.folder + name: _file(channel, items, name) for name in formats}


def _file(channel: Channel, items: Sequence[FeedItem], name: str) -> bytes:
    if name == JSON_FEED:
        return json_feed(channel, items)
    fg = _generator(channel, items, name)
    return bytes(fg.rss_str(pretty=True) if name == RSS else fg.atom_str(pretty=True))


def _generator(channel: Channel, items: Sequence[FeedItem], name: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(xml_text(channel.id))
    text = _html_text if name == RSS else xml_text  # RSS's titles and descriptions are read as HTML
    fg.title(text(channel.title))
    fg.subtitle(text(channel.description))  # also RSS's description
    fg.link(href=channel.site_url + channel.folder + name, rel="self", type=TYPES[name])
    fg.link(href=channel.home, rel="alternate")  # last: feedgen makes the last link RSS's <link>
    fg.author({"name": xml_text(channel.author)})
    if channel.language:
        fg.language(channel.language)
    fg.generator(GENERATOR)
    fg.updated(channel.updated)  # both atom:updated and RSS lastBuildDate, instead of the build time
    for item in items:
        entry = fg.add_entry(order="append")
        entry.id(item.guid)
        entry.guid(item.guid, permalink=False)
        entry.title(text(item.title))
        entry.link(href=item.url, rel="alternate")
        entry.content(xml_text(item.content_html), type="html")
        entry.summary(text(item.summary))  # RSS description; content goes to content:encoded
        entry.published(item.published)
        entry.updated(item.updated)
        entry.author({"name": xml_text(item.author)})
        entry.dc.dc_creator(xml_text(item.author))
        for category in item.categories:
            entry.category(term=xml_text(category.term), label=xml_text(category.label))
    return fg


def _html_text(text: str) -> str:
    """Plain text as HTML that shows it: '<', '>' and '&' escaped."""
    return html.escape(xml_text(text), quote=False)


def json_feed(channel: Channel, items: Sequence[FeedItem]) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    data: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": channel.title,
        "home_page_url": channel.home,
        "feed_url": channel.site_url + channel.folder + JSON_FEED,
        "description": channel.description,
        "authors": [{"name": channel.author}],
    }
    if channel.language:
        data["language"] = channel.language
    data["items"] = [
        {
            "id": item.guid,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html,
            "summary": item.summary,
            "date_published": item.published.isoformat(),
            "date_modified": item.updated.isoformat(),
            "authors": [{"name": item.author}],
            "tags": [c.label for c in item.categories],
        }
        for item in items
    ]
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # '<', '>' and '&' as \u escapes: the file stays safe even if someone serves it as HTML
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("utf-8")
