"""A follower with a real feed reader (the `reader` library) subscribed to the built feeds, served over HTTP on
127.0.0.1: each completed week arrives once, a rebuild changes nothing it should not, and moving the site to
another address re-delivers nothing."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from reader import Reader, make_reader

from feedsites import CONFIG, LOG_W45, LOG_W46, SITE_URL, build_at, make_learner, plan
from gitrepo import GitRepo
from sites import FIXED_EPOCH

FEEDS = ("feed.xml", "atom.xml", "feed.json")
MONDAY_30_NOV = "1796040000"  # 2026-11-30 12:00 UTC: weeks 47 and 48 are over
TUESDAY_1_DEC = "1796126400"  # 2026-12-01 12:00 UTC
WEDNESDAY_2_DEC = "1796212800"
TAG = "tag:github.com,2026:ada/learning/inpublic/"


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map, ".json": "application/feed+json", ".xml": "application/xml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class Follower:
    """A feed reader subscribed to the three feeds of a site served from `folder`."""

    def __init__(self, folder: Path, address: str) -> None:
        self.folder, self.address = folder, address
        self.reader: Reader = make_reader(":memory:")
        self.published = 0

    def publish(self, site: Path) -> None:
        """Copy a build's feeds to where the follower reads them, newer than the last ones."""
        self.published += 1
        for name in FEEDS:
            target = self.folder / name
            shutil.copyfile(site / name, target)
            stamp = 1_800_000_000 + 100 * self.published  # so that If-Modified-Since sees a new file
            os.utime(target, (stamp, stamp))

    def update(self) -> dict[str, tuple[int, int]]:
        """(new, modified) entries per feed."""
        out = {}
        for name in FEEDS:
            url = self.address + name
            if self.reader.get_feed(url, None) is None:
                self.reader.add_feed(url)
            result = self.reader.update_feed(url)
            out[name] = (result.new, result.modified) if result is not None else (0, 0)
        return out

    def ids(self, name: str) -> list[str]:
        return [e.id for e in self.reader.get_entries(feed=self.address + name)]

    def entry(self, name: str, guid: str):
        return self.reader.get_entry((self.address + name, guid))


@pytest.fixture
def follower(tmp_path: Path) -> Iterator[Follower]:
    folder = tmp_path / "served"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    follower = Follower(folder, f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        yield follower
    finally:
        follower.reader.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def build(repo: GitRepo, site: Path, epoch: str) -> Path:
    result = build_at(repo.root, site, epoch)
    assert result.returncode == 0, result.output
    return site


def test_a_follower_sees_each_completed_week_once_and_only_real_changes(
    follower: Follower, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    repo = make_learner(tmp_path / "repo")
    follower.publish(build(repo, tmp_path / "site1", FIXED_EPOCH))
    assert follower.update() == dict.fromkeys(FEEDS, (12, 0))  # with October's month; November is in progress

    # a rebuild of the same commit: nothing new, nothing changed
    follower.publish(build(repo, tmp_path / "site1-again", FIXED_EPOCH))
    assert follower.update() == dict.fromkeys(FEEDS, (0, 0))

    # another week and a half of study, then a build on the Monday after: weeks 47 and 48 arrive, nothing else
    repo.write("docs/integrals.md", "# Integrals\n\nAreas.\n")
    repo.commit("Integrals, a first look", "2026-11-17T19:00:00-05:00")
    repo.write("docs/chain-rule.md", "# The chain rule\n\nOutside, then inside; with examples.\n")
    repo.write("progress.yaml", plan("2027-03-31", gone=False, more_log=LOG_W45 + LOG_W46
                                     + "  - {date: 2026-11-24, minutes: 40, resource: derivs, units: 1}\n"))
    repo.commit("Chain rule examples", "2026-11-24T20:00:00-05:00")
    follower.publish(build(repo, tmp_path / "site2", MONDAY_30_NOV))
    assert follower.update() == dict.fromkeys(FEEDS, (2, 0))
    for name in FEEDS:
        ids = follower.ids(name)
        assert len(ids) == len(set(ids)) == 14
        assert {TAG + "week/2026-W47", TAG + "week/2026-W48"} <= set(ids)
        assert TAG + "week/2026-W49" not in ids  # in progress
        assert TAG + "month/2026-11" not in ids  # in progress until the end of Monday 30 November
    w47 = follower.entry("atom.xml", TAG + "week/2026-W47")
    assert w47.title == "Week 47, 2026: 1 note, 1 commit, March 2027 deadline on track"
    assert w47.link == SITE_URL + "reports/2026-W47/"
    assert w47.published == dt.datetime(2026, 11, 23, 4, 59, 59, tzinfo=dt.UTC)

    # the learner writes a reflection on week 46 after it ended: that week, and only it, is updated; and November,
    # over now, arrives once
    repo.write("docs/reports/2026-W46.md", "Looking back: the chain rule clicked.\n")
    repo.commit("Reflection on week 46", "2026-12-01T09:00:00-05:00")
    follower.publish(build(repo, tmp_path / "site3", TUESDAY_1_DEC))
    assert follower.update() == dict.fromkeys(FEEDS, (1, 1))
    assert follower.entry("atom.xml", TAG + "month/2026-11").link == SITE_URL + "reports/2026-11/"
    for name in ("atom.xml", "feed.json"):
        w46 = follower.entry(name, TAG + "week/2026-W46")
        assert w46.updated == dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)
        assert w46.published == dt.datetime(2026, 11, 16, 4, 59, 59, tzinfo=dt.UTC)
        assert "the chain rule clicked" in w46.content[0].value
    # reader hands feedparser its caching headers without Content-Type, which feedparser notes for any server
    problems = [r.getMessage() for r in caplog.records if r.name.startswith("reader") and r.levelno >= logging.WARNING
                and "NonXMLContentType: no Content-type specified" not in r.getMessage()]
    assert not problems, "the reader found fault with a feed"


def test_moving_the_site_to_another_address_delivers_nothing_again(follower: Follower, tmp_path: Path) -> None:
    repo = make_learner(tmp_path / "repo")
    follower.publish(build(repo, tmp_path / "site1", FIXED_EPOCH))
    assert follower.update() == dict.fromkeys(FEEDS, (12, 0))
    repo.write("mkdocs.yml", CONFIG.replace(SITE_URL, "https://ada.example.net/"))
    repo.commit("My own domain", "2026-11-21T10:00:00-05:00")
    follower.publish(build(repo, tmp_path / "site2", FIXED_EPOCH))
    for name, (new, _) in follower.update().items():
        assert new == 0, name
        assert len(follower.ids(name)) == 12
    assert follower.entry("atom.xml", TAG + "week/2026-W46").link == "https://ada.example.net/reports/2026-W46/"
