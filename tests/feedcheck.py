"""Is a feed valid? Atom against RFC 4287's schema (tests/schemas/atom.rng) and the rules its text adds; RSS
against the RSS 2.0 specification (rssboard.org/rss-specification) and its best practices (a helper, not a test
module). Each check returns the problems found, so that a test shows them all at once: an empty list is a valid
feed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM = f"{{{ATOM_NS}}}"
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
SCHEMA = Path(__file__).parent / "schemas" / "atom.rng"
RSS_CHANNEL_ONCE = ("title", "link", "description", "language", "copyright", "managingEditor", "webMaster",
                    "pubDate", "lastBuildDate", "docs", "generator", "ttl", "image", "rating", "textInput",
                    "skipHours", "skipDays", "cloud")
RSS_ITEM_ONCE = ("title", "link", "description", "author", "comments", "enclosure", "guid", "pubDate", "source")


@cache
def atom_schema() -> lxml.etree.RelaxNG:
    return lxml.etree.RelaxNG(lxml.etree.parse(str(SCHEMA)))


def atom_problems(data: bytes, self_url: str) -> list[str]:
    """What makes `data` not a valid Atom 1.0 feed published at `self_url`."""
    root = lxml.etree.fromstring(data)
    schema = atom_schema()
    problems = [] if schema.validate(root) else [f"schema: {e.message} (line {e.line})" for e in schema.error_log]
    if root.tag != f"{ATOM}feed":
        return [*problems, f"the root is {root.tag}, not atom:feed"]
    problems += _date_problems(root, "feed")
    problems += _link_problems(root, "feed")
    selves = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [self_url]:
        problems.append(f"feed: its self link is {selves}, not [{self_url!r}] (RFC 4287 4.2.7.2: SHOULD)")
    feed_has_author = root.find(f"{ATOM}author") is not None
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        entry_id = entry.findtext(f"{ATOM}id") or ""
        ids.append(entry_id)
        where = f"entry {entry_id}"
        problems += _date_problems(entry, where)
        problems += _link_problems(entry, where)
        if not feed_has_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{where}: no author, and the feed has none (4.1.1)")
        content = entry.find(f"{ATOM}content")
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if content is None and not alternate:
            problems.append(f"{where}: neither content nor an alternate link (4.1.2)")
        if content is not None and content.get("src") and entry.find(f"{ATOM}summary") is None:
            problems.append(f"{where}: content by reference without a summary (4.1.2)")
    for ident in [*ids, root.findtext(f"{ATOM}id") or ""]:
        if not urlsplit(ident).scheme:
            problems.append(f"the id {ident!r} is not an absolute IRI (4.2.6)")
    if len(set(ids)) != len(ids):
        problems.append("two entries have the same id (4.1.1)")
    return problems


def _date_problems(element: lxml.etree._Element, where: str) -> list[str]:
    """RFC 3339 dates with an offset or Z (3.3), and an entry never updated before it was published."""
    out = []
    dates = {}
    for tag in ("updated", "published"):
        text = element.findtext(f"{ATOM}{tag}")
        if text is None:
            continue
        if not RFC_3339.fullmatch(text):
            out.append(f"{where}: {tag} {text!r} is not an RFC 3339 date-time with an offset (3.3)")
            continue
        dates[tag] = dt.datetime.fromisoformat(text)
    if "published" in dates and "updated" in dates and dates["updated"] < dates["published"]:
        out.append(f"{where}: updated before it was published")
    return out


def _link_problems(element: lxml.etree._Element, where: str) -> list[str]:
    """At most one alternate link per type and hreflang (4.1.1, 4.1.2), every link absolute (no xml:base here)."""
    out = []
    alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(f"{ATOM}link")
                  if link.get("rel", "alternate") == "alternate"]
    if len(set(alternates)) != len(alternates):
        out.append(f"{where}: two alternate links of the same type and language")
    for link in element.findall(f"{ATOM}link"):
        if urlsplit(link.get("href", "")).scheme not in ("http", "https"):
            out.append(f"{where}: the link {link.get('href')!r} is not absolute")
    return out


def rss_problems(data: bytes, self_url: str) -> list[str]:
    """What makes `data` not a valid RSS 2.0 feed published at `self_url`."""
    root = lxml.etree.fromstring(data)
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"the root is <{root.tag} version={root.get('version')!r}>, not <rss version='2.0'>"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} channels, not one"]
    [channel] = channels
    problems = []
    for tag in ("title", "link", "description"):
        if not (channel.findtext(tag) or "").strip():
            problems.append(f"channel: no {tag} (required)")
    problems += _once(channel, RSS_CHANNEL_ONCE, "channel")
    problems += _rss_dates(channel, ("pubDate", "lastBuildDate"), "channel")
    if urlsplit(channel.findtext("link") or "").scheme not in ("http", "https"):
        problems.append("channel: its link is not an absolute http(s) address")
    selves = [link.get("href") for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [self_url]:
        problems.append(f"channel: its atom:link rel=self is {selves}, not [{self_url!r}] (best practice)")
    guids = []
    for n, item in enumerate(channel.findall("item")):
        where = f"item {n + 1}"
        if not (item.findtext("title") or item.findtext("description")):
            problems.append(f"{where}: neither title nor description (one is required)")
        problems += _once(item, RSS_ITEM_ONCE, where)
        problems += _rss_dates(item, ("pubDate",), where)
        link = item.findtext("link")
        if link is not None and urlsplit(link).scheme not in ("http", "https"):
            problems.append(f"{where}: its link {link!r} is not absolute")
        guid = item.find("guid")
        if guid is None:
            problems.append(f"{where}: no guid (best practice)")
            continue
        guids.append(guid.text)
        if guid.get("isPermaLink", "true") == "true" and urlsplit(guid.text or "").scheme not in ("http", "https"):
            problems.append(f"{where}: a permalink guid {guid.text!r} that is not an address")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append(f"{where}: an empty category")
    if len(set(guids)) != len(guids):
        problems.append("two items have the same guid")
    return problems


def _once(element: lxml.etree._Element, tags: tuple[str, ...], where: str) -> list[str]:
    return [f"{where}: {tag} appears {count} times" for tag in tags if (count := len(element.findall(tag))) > 1]


def _rss_dates(element: lxml.etree._Element, tags: tuple[str, ...], where: str) -> list[str]:
    out = []
    for tag in tags:
        text = element.findtext(tag)
        if text is None:
            continue
        try:
            email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            out.append(f"{where}: {tag} {text!r} is not an RFC 822 date")
    return out
