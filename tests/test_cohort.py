"""The cohort page: a learner lists two peers' sites under `peers:`, each built for real and served on 127.0.0.1,
and the page shows each with their name, next deadline and status, and last week. A peer whose site stops
answering is shown as last read, with the day; `--offline` sends no request; a site serving garbage or hostile
text is read for what fits and escaped; mistakes in `peers:` are messages with their line and column.

Every build is on sites.FIXED_EPOCH (Sunday 22 November 2026: last week is 2026-W46) unless it says otherwise.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from cli_runner import environment, run_inpublic
from feedsites import make_learner
from inpublic.cohort.data import PeerRead, peer_data
from inpublic.cohort.fetch import read_peers
from inpublic.cohort.view import cohort_view
from inpublic.model import Peer
from inpublic.plan.load import parse_plan
from inpublic.problems import PlanError
from sites import FIXED_EPOCH, MINIMAL_CONFIG, MINIMAL_PLAN, build_in_process, make_site, zensical_or_skip

NEXT_DAY = str(int(FIXED_EPOCH) + 86400)  # Monday 23 November 2026
TODAY = dt.date(2026, 11, 22)
BO_PLAN = MINIMAL_PLAN.replace("name: Ada Example", 'name: "Bo <script>steal</script> Zhang"')


@dataclass
class Served:
    """A folder served on 127.0.0.1, counting the requests it is sent."""

    folder: Path
    server: ThreadingHTTPServer
    thread: threading.Thread
    requests: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


class _Counted(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, requests: list[str], **kwargs: Any) -> None:
        self.requests = requests
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> Served:
    requests: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counted, directory=str(folder),
                                                                     requests=requests))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return Served(folder, server, thread, requests)


@pytest.fixture(scope="module")
def peers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Served]]:
    """Ada (tests/feedsites.py: four commitments, weeks W44 to W47) and Bo (one commitment, a hostile name), each
    built for real and served."""
    root = tmp_path_factory.mktemp("peers")
    ada = build_in_process(make_learner(root / "ada").root, root / "ada-site")
    assert ada.returncode == 0, ada.output
    bo = build_in_process(make_site(root / "bo", BO_PLAN), root / "bo-site")
    assert bo.returncode == 0, bo.output
    served = serve(ada.site), serve(bo.site)
    try:
        yield served
    finally:
        for s in served:
            s.stop()


def follower_plan(*urls: str) -> str:
    listed = "".join(f"  - {url}\n" for url in urls)
    return MINIMAL_PLAN.replace("name: Ada Example", "name: Cy Follower") + f"peers:\n{listed}"


def peer_sections(html: str) -> dict[str, str]:
    """The cohort page's sections: the heading's text -> the section's text."""
    article = lxml.html.fromstring(html).cssselect("article")[0]
    out: dict[str, str] = {}
    name = None
    for element in article:
        if element.tag == "h2":
            name = element.text_content().replace("¶", "").strip()  # Zensical adds a permalink
            out[name] = ""
        elif name is not None:
            out[name] += " ".join(element.text_content().split()) + " "
    return out


def test_the_cohort_page_lists_two_local_peers_then_keeps_one_from_the_cache(
    peers: tuple[Served, Served], tmp_path: Path
) -> None:
    ada, bo = peers[0], serve(peers[1].folder)  # Bo's own server for this test, which stops it
    project = make_site(tmp_path / "cy", follower_plan(ada.url, f"{{url: '{bo.url}'}}"))
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    html = built.page("cohort/index.html")
    sections = peer_sections(html)
    bo_name = "Bo <script>steal</script> Zhang"
    assert list(sections) == ["Ada Example", bo_name]  # by name; Bo's name is text, never markup
    assert "<script>steal" not in html and "&lt;script&gt;steal&lt;/script&gt;" in html
    # Ada: the earliest deadline still ahead, its status, W46's figures (one log entry, one commit), the streak
    assert "Next deadline: Calculus by spring, due 31 March 2027: on track" in sections["Ada Example"]
    assert "Last week (2026-W46): 1 commit, 1 active day, 30 min logged." in sections["Ada Example"]
    assert "Streak:" in sections["Ada Example"]
    assert "Next deadline: Calculus by spring, due 31 March 2027" in sections[bo_name]
    assert "Last week (2026-W46): 0 commits, 0 active days." in sections[bo_name]
    assert "could not be reached" not in html
    links = lxml.html.fromstring(html).xpath("//article//a/@href")
    assert ada.url in links and bo.url in links and f"{ada.url}reports/2026-W46/" in links
    # in the navigation beside Commitments and Reports
    nav = [" ".join(a.text_content().split()) for a in lxml.html.fromstring(built.page()).cssselect("nav a")]
    assert {"Cohort", "Commitments", "Reports"} <= set(nav)
    kept = json.loads((project / ".cache" / "inpublic" / "peers.json").read_text(encoding="utf-8"))
    assert sorted(kept["peers"]) == sorted([ada.url, bo.url])
    assert {e["read_on"] for e in kept["peers"].values()} == {"2026-11-22"}

    # Bo's site goes down: the next day's build still passes --strict, and shows Bo as read the day before
    bo.stop()
    again = build_in_process(project, tmp_path / "site2", epoch=NEXT_DAY)
    assert again.returncode == 0, again.output
    assert re.search(rf"INFO.*could not read {re.escape(bo.url)}commitments\.json", again.output)
    sections = peer_sections(again.page("cohort/index.html"))
    assert "As of 22 November 2026: their site could not be reached on 23 November 2026." in sections[bo_name]
    assert "Next deadline: Calculus by spring" in sections[bo_name]  # what was last read
    assert "could not be reached" not in sections["Ada Example"]


def test_offline_sends_no_request_and_shows_what_was_last_read(peers: tuple[Served, Served], tmp_path: Path) -> None:
    ada, _ = peers
    project = make_site(tmp_path / "cy", follower_plan(ada.url, "https://unknown.example.org/learning"))
    with environment({"INPUBLIC_OFFLINE": "1"}):
        before = len(ada.requests)
        first = build_in_process(project, tmp_path / "site")
        assert first.returncode == 0, first.output
        assert len(ada.requests) == before  # no request at all
    sections = peer_sections(first.page("cohort/index.html"))  # never read: named by their address
    assert "This build did not read their site, and nothing was read" in sections[ada.url.split("//")[1].rstrip("/")]
    online = build_in_process(project, tmp_path / "site2")  # the unknown site cannot be reached: info only
    assert online.returncode == 0, online.output
    assert len(ada.requests) == before + 2  # commitments.json and reports/weeks.json
    ran = run_inpublic("build", "--offline", "--strict", "-f", str(project / "mkdocs.yml"), "-d",
                       str(tmp_path / "site3"), cwd=project)
    assert ran.returncode == 0, ran.stderr
    assert len(ada.requests) == before + 2
    sections = peer_sections((tmp_path / "site3" / "cohort" / "index.html").read_text(encoding="utf-8"))
    assert "This build did not read their site: as of 22 November 2026." in sections["Ada Example"]
    assert "Next deadline: Calculus by spring" in sections["Ada Example"]


def test_a_site_without_peers_has_no_cohort_page(tmp_path: Path) -> None:
    built = build_in_process(make_site(tmp_path / "cy"), tmp_path / "site")
    assert built.returncode == 0, built.output
    assert (tmp_path / "site" / "commitments" / "index.html").is_file()
    assert not (tmp_path / "site" / "cohort").exists()


# --- a peer's site serving what it should not ---------------------------------------------------


HOSTILE_COMMITMENTS = {
    "learner": {"name": "Eve\u202e<img src=x onerror=alert(1)>" + "x" * 500},
    "as_of": "2026-11-22",
    "commitments": [
        {"title": "<script>steal()</script>", "due": "2026-12-01", "status": "on-track",
         "url": "javascript:alert(1)"},
        {"title": "Bad status", "due": "2026-11-30", "status": "<b>", "url": None},
        {"title": "Bad date", "due": "tomorrow", "status": "at-risk"},
        "not an object",
    ],
}


def test_garbage_and_hostile_text_from_a_peer_is_dropped_or_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "eve"
    (folder / "reports").mkdir(parents=True)
    (folder / "commitments.json").write_text(json.dumps(HOSTILE_COMMITMENTS), encoding="utf-8")
    (folder / "reports" / "weeks.json").write_text(json.dumps([
        {"week": "2026-W46", "start": "2026-11-09", "end": "2026-11-15", "complete": True, "commits": -3,
         "active_days": 1, "minutes": 0},
        {"week": "2026-W45", "start": "2026-11-02", "end": "2026-11-08", "complete": True, "commits": True,
         "active_days": 1, "minutes": 0},
    ]), encoding="utf-8")
    huge = tmp_path / "huge"
    (huge / "reports").mkdir(parents=True)
    (huge / "commitments.json").write_text('{"commitments": [' + '"x",' * 800_000 + '"x"]}', encoding="utf-8")
    wrong = tmp_path / "wrong"
    (wrong / "reports").mkdir(parents=True)
    (wrong / "commitments.json").write_text("<html>not JSON</html>", encoding="utf-8")
    (wrong / "reports" / "weeks.json").write_text('{"not": "a list"}', encoding="utf-8")
    servers = [serve(folder), serve(huge), serve(wrong)]
    try:
        eve, big, bad = (Peer(s.url) for s in servers)
        reads, said = read_peers([eve, big, bad], tmp_path / "kept" / "peers.json", TODAY, offline=False)
    finally:
        for s in servers:
            s.stop()
    by_url = {r.peer.url: r for r in reads}
    got = by_url[eve.url].data
    assert got is not None and by_url[eve.url].reached
    assert got.name is not None and len(got.name) == 80 and "\u202e" not in got.name
    assert [d.title for d in got.deadlines] == ["<script>steal()</script>"]  # text, escaped by the page
    assert got.deadlines[0].url is None  # never a link out of their site
    assert got.weeks == ()  # a negative count, a boolean for a count
    assert not by_url[big.url].reached and not by_url[bad.url].reached
    assert any("larger than 2 MB" in s for s in said)
    assert any(f"{bad.url} publishes no commitments.json" in s for s in said)
    page_view = cohort_view([eve, big, bad], reads, TODAY)
    from inpublic.cohort.page import render_cohort

    text = render_cohort(page_view)
    assert "<script>" not in text and "&lt;script&gt;steal()&lt;/script&gt;" in text
    assert "<img" not in text and "javascript:" not in text


def test_older_sites_without_a_learner_are_named_by_their_address() -> None:
    peer = Peer("https://old.example.org/learning/")
    data = peer_data(peer, json.dumps({"as_of": "2026-11-20", "commitments": []}), None)
    assert data is not None and data.name is None
    view = cohort_view([peer], [PeerRead(peer, data, TODAY, reached=True)], TODAY)
    assert view.rows[0].name == "old.example.org/learning"
    assert peer_data(peer, None, None) is None and peer_data(peer, "[1, 2]", '"text"') is None


# --- mistakes in peers: --------------------------------------------------------------------------


def plan_problems(peers: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(MINIMAL_PLAN + peers)
    return [str(p) for p in caught.value.problems]


def test_peers_mistakes_have_a_line_a_column_and_a_hint() -> None:
    lines = len(MINIMAL_PLAN.splitlines())
    problems = plan_problems("peers:\n  - https://Sam.example.org/learning\n  - http://sam.example.org/learning/\n"
                             "  - sam.github.io\n  - https://x.org/a?page=2\n  - {ur: https://x.org/}\n")
    assert problems == [
        f"progress.yaml:{lines + 3}:5: peers[1]: 'http://sam.example.org/learning/' is listed twice (first on line "
        f"{lines + 2}); keep one",
        f"progress.yaml:{lines + 4}:5: peers[2]: expected a web address like 'https://sam.github.io/learning/', got "
        "'sam.github.io'; start it with https://",
        f"progress.yaml:{lines + 5}:5: peers[3]: expected the address of a site, without '?' or '#', got "
        "'https://x.org/a?page=2'; for example 'https://sam.github.io/learning/'",
        f"progress.yaml:{lines + 6}:6: peers[4].ur: unknown key 'ur'; did you mean 'url'?",
    ]
    plan = parse_plan(MINIMAL_PLAN + "peers:\n  - https://Sam.example.org/learning\n"
                      "  - {url: 'https://bo.example.org', name: Bo}\n")
    assert [(p.url, p.name) for p in plan.peers] == [("https://sam.example.org/learning/", None),
                                                      ("https://bo.example.org/", "Bo")]


def test_listing_ones_own_site_is_a_mistake(tmp_path: Path) -> None:
    own = MINIMAL_CONFIG.split("site_url: ")[1].split("\n")[0]
    project = make_site(tmp_path / "cy", follower_plan(own.rstrip("/")))
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 1
    line = len(MINIMAL_PLAN.splitlines()) + 2
    assert f"progress.yaml:{line}:5: peers[0]: {own} is this site's own address" in built.output
    assert "Traceback" not in built.output


def test_zensical_builds_the_same_cohort_page(peers: tuple[Served, Served], tmp_path: Path) -> None:
    zensical_or_skip()
    ada, bo = peers
    project = make_site(tmp_path / "cy", follower_plan(ada.url, bo.url))
    sections = {}
    for engine in ("mkdocs", "zensical"):
        ran = run_inpublic("build", "--engine", engine, "--strict", "-f", str(project / "mkdocs.yml"), "-d",
                           str(tmp_path / engine), cwd=project)
        assert ran.returncode == 0, ran.stderr
        html = (tmp_path / engine / "cohort" / "index.html").read_text(encoding="utf-8")
        sections[engine] = peer_sections(html)
        nav = [" ".join(a.text_content().split())
               for a in lxml.html.fromstring((tmp_path / engine / "index.html").read_bytes()).cssselect("nav a")]
        assert "Cohort" in nav
    assert list(sections["zensical"]) == ["Ada Example", "Bo <script>steal</script> Zhang"]
    assert sections["zensical"] == sections["mkdocs"]


def test_a_site_that_never_answers_costs_one_short_budget(tmp_path: Path) -> None:
    import socket
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    try:
        peer = Peer(f"http://127.0.0.1:{silent.getsockname()[1]}/")
        began = time.monotonic()
        reads, said = read_peers([peer], tmp_path / "peers.json", TODAY, offline=False, timeout=0.5, budget=1.0)
        took = time.monotonic() - began
    finally:
        silent.close()
    assert took < 3
    assert not reads[0].reached and reads[0].data is None
    assert len(said) == 1 and "it shows nothing of them yet" in said[0]
    assert not (tmp_path / "peers.json").exists()  # nothing good was read: nothing kept
