"""Reads the sites of the plan's peers for the cohort page: the only module of a build that goes to the network.

Each peer's `commitments.json` and `reports/weeks.json` are fetched at once, all peers together, over http or https
only, each with a short timeout, all within one budget, and each at most `LIMIT` bytes. What a site gives is
checked by `cohort.data`. The last good data of each peer is kept in `.cache/inpublic/peers.json`, with the day it
was read: a peer that cannot be reached is shown as it was then, and `--offline` reads nothing but that file.
A peer's site being down is never the learner's mistake: it is said as information, and never stops a build.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from inpublic import __version__
from inpublic.cohort.data import PeerRead, peer_data
from inpublic.kept_files import write_kept
from inpublic.model import Peer

FILES = ("commitments.json", "reports/weeks.json")
CACHE = "peers.json"  # in the folder a build keeps its files in (.cache/inpublic)
TIMEOUT = 5.0  # seconds for each request to answer
BUDGET = 10.0  # seconds for all of them
LIMIT = 2_000_000  # bytes of one file
USER_AGENT = f"inpublic/{__version__} (the cohort page of a learner's site; reads commitments.json and weeks.json)"


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Redirects followed to http and https addresses only."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.URLError(f"redirected to {newurl[:80]!r}, which is not http or https")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class Fetched:
    text: str | None = None  # None: not found, or failed
    failed: str = ""  # why it could not be read ("" when it was read, or is not there)


def fetch(url: str, *, timeout: float, deadline: float, limit: int) -> Fetched:
    """One file of a peer's site: its text, nothing (404 or 410: the site does not publish it), or why not."""
    if not url.lower().startswith(("http://", "https://")):
        return Fetched(failed="not an http or https address")
    opener = urllib.request.build_opener(_HttpOnly())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    try:
        with opener.open(request, timeout=timeout) as answer:
            data = bytearray()
            while chunk := answer.read(65536):
                data += chunk
                if len(data) > limit:
                    return Fetched(failed=f"it is larger than {limit // 1_000_000} MB")
                if time.monotonic() > deadline:
                    return Fetched(failed="it took too long to answer")
    except urllib.error.HTTPError as err:
        err.close()
        return Fetched() if err.code in (404, 410) else Fetched(failed=f"HTTP error {err.code}")
    except urllib.error.URLError as err:
        return Fetched(failed=str(err.reason)[:200])
    except (OSError, ValueError) as err:  # a timeout, a connection reset, an address urllib cannot read
        return Fetched(failed=(str(err) or type(err).__name__)[:200])
    try:
        return Fetched(bytes(data).decode("utf-8"))
    except UnicodeDecodeError:
        return Fetched(failed="it is not UTF-8 text")


def read_peers(peers: Sequence[Peer], kept: Path, today: dt.date, *, offline: bool, timeout: float = TIMEOUT,
               budget: float = BUDGET, limit: int = LIMIT) -> tuple[tuple[PeerRead, ...], tuple[str, ...]]:
    """What can be read of each peer's site (`today`: the day it is read on), from the cache `kept` where their
    site cannot be reached or `offline`; and a sentence for each peer that could not be reached."""
    cache = load_cache(kept)
    if not peers:
        return (), ()
    if offline:
        return tuple(cached(peer, cache, offline=True) for peer in peers), ()
    pool = ThreadPoolExecutor(max_workers=min(8, 2 * len(peers)), thread_name_prefix="inpublic-peers")
    deadline = time.monotonic() + budget
    futures = {(peer.url, name): pool.submit(fetch, peer.url + name, timeout=timeout, deadline=deadline,
                                             limit=limit) for peer in peers for name in FILES}
    wait(futures.values(), timeout=budget)
    pool.shutdown(wait=False, cancel_futures=True)  # a request still running ends at its own timeout
    reads: list[PeerRead] = []
    said: list[str] = []
    changed = False
    for peer in peers:
        got = [_result(futures[peer.url, name]) for name in FILES]
        why = next((f"{peer.url}{name}: {g.failed}" for name, g in zip(FILES, got, strict=True) if g.failed), "")
        data = None if why else peer_data(peer, got[0].text, got[1].text)
        if not why and data is None:
            why = f"{peer.url} publishes no commitments.json or reports/weeks.json that an inpublic site would"
        if why:
            read = cached(peer, cache, offline=False)
            when = f"it shows what was read on {read.read_on}" if read.read_on else "it shows nothing of them yet"
            said.append(f"inpublic: the cohort page could not read {why}; {when}.")
            reads.append(read)
            continue
        cache[peer.url] = {"read_on": today.isoformat(), "commitments": got[0].text, "weeks": got[1].text}
        changed = True
        reads.append(PeerRead(peer, data, today, reached=True))
    if changed:
        save_cache(kept, cache, [p.url for p in peers])
    return tuple(reads), tuple(said)


def _result(future: Future[Fetched]) -> Fetched:
    if not future.done():
        return Fetched(failed="no answer in time")
    return future.result()


def cached(peer: Peer, cache: dict[str, dict[str, Any]], *, offline: bool) -> PeerRead:
    """A peer as last read from their site (nothing, when it never was)."""
    entry = cache.get(peer.url)
    if entry is None:
        return PeerRead(peer, offline=offline)
    data = peer_data(peer, entry["commitments"], entry["weeks"])
    return PeerRead(peer, data, dt.date.fromisoformat(entry["read_on"]) if data else None, offline=offline)


def load_cache(path: Path) -> dict[str, dict[str, Any]]:
    """peers.json: url -> {read_on, commitments, weeks}; what does not fit is left out, a file that cannot be read
    is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    peers = data.get("peers") if isinstance(data, dict) else None
    if not isinstance(peers, dict):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for url, entry in peers.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("read_on"), str):
            continue
        try:
            dt.date.fromisoformat(entry["read_on"])
        except ValueError:
            continue
        if all(entry.get(k) is None or isinstance(entry.get(k), str) for k in ("commitments", "weeks")):
            out[url] = {"read_on": entry["read_on"], "commitments": entry.get("commitments"),
                        "weeks": entry.get("weeks")}
    return out


def save_cache(path: Path, cache: dict[str, dict[str, Any]], listed: list[str]) -> None:
    """peers.json written whole, with the peers still listed only."""
    kept = {url: cache[url] for url in sorted(cache) if url in listed}
    write_kept(path, [json.dumps({"version": 1, "peers": kept}, indent=1, ensure_ascii=False), "\n"])
