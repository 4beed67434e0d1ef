"""`peers:` in progress.yaml: the sites of other learners the cohort page follows, each a web address or a mapping
of `url` and `name`. An address is kept as the site's root, ending with "/", so that one site is never listed
twice under two spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ruamel.yaml.nodes import MappingNode, Node

from inpublic.model import Peer
from inpublic.plan.spec import INVALID, Fields, Key, Kind, Record, Report, Text, Url
from inpublic.problems import quote

EXAMPLE = "https://sam.github.io/learning/"
SITE = Url(doc="The address of their inpublic site", example=EXAMPLE)
PEER_RECORD = Record(
    doc="A peer's site, with the name to show for them.",
    keys=(
        Key("url", SITE, required=True),
        Key("name", Text(doc="Their name as the cohort page shows it (default: the name their site publishes)",
                         example="Sam Rivera")),
    ),
)


def site_root(url: str) -> str | None:
    """`url` as a site's root: scheme and host in lower case, the path ending with "/"; None when it has a query
    or a fragment, which no site's root has."""
    parts = urlsplit(url)
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


@dataclass(frozen=True)
class PeerSite(Kind):
    """A peer: the address of their site, or a mapping of `url` and `name`. Read into a `Peer`."""

    doc: str = "Another learner's inpublic site: its address, or {url: ..., name: ...}"
    example: str = EXAMPLE

    def expected(self) -> str:
        return f"a site's address like {quote(EXAMPLE)}, or a mapping like {{url: {EXAMPLE}, name: Sam Rivera}}"

    def read(self, node: Node, path: str, report: Report) -> Any:
        if isinstance(node, MappingNode):
            fields = PEER_RECORD.read(node, path, report)
            if not isinstance(fields, Fields) or not fields.valid:
                return INVALID
            url_node, url_path = fields.where("url")
            return self.peer(fields.get("url"), fields.get("name"), url_node, url_path, report)
        url = SITE.read(node, path, report)
        return INVALID if url is INVALID else self.peer(url, None, node, path, report)

    def peer(self, url: str, name: str | None, node: Node, path: str, report: Report) -> Any:
        root = site_root(url)
        if root is None:
            report(node, path, f"expected the address of a site, without '?' or '#', got {quote(url)}; "
                               f"for example {quote(EXAMPLE)}")
            return INVALID
        return Peer(root, name, node.start_mark.line + 1, node.start_mark.column + 1)

    def schema(self) -> dict[str, Any]:
        return self.annotate({"anyOf": [SITE.schema(), PEER_RECORD.schema()]})


PEERS_DOC = ("Other learners' inpublic sites, shown on the cohort page with their next deadline and last week "
             "(each an address, or a mapping of url and name)")


def check_peers(plan: Fields, report: Report) -> None:
    """A site listed twice, under any spelling of its address."""
    peers = plan.get("peers")
    if not isinstance(peers, list):
        return
    node = plan.value_nodes["peers"]
    seen: dict[str, Peer] = {}
    for i, peer in enumerate(peers):
        if not isinstance(peer, Peer):
            continue
        key = re.sub(r"^https?://", "", peer.url)  # http and https: one site
        if key in seen:
            report(node.value[i], f"peers[{i}]", f"{quote(peer.url)} is listed twice (first on line "
                                                 f"{seen[key].line}); keep one")
        else:
            seen[key] = peer


def own_site(peers: tuple[Peer, ...], site_url: str) -> Peer | None:
    """The peer whose address is the learner's own site (site_url), if one is."""
    own = site_root(site_url) if site_url else None
    if own is None:
        return None
    key = re.sub(r"^https?://", "", own)
    return next((p for p in peers if re.sub(r"^https?://", "", p.url) == key), None)
