"""Read the learner's Markdown files: titles of notes and the links in them, and the front matter and text of weekly
reflections."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from inpublic.notelinks.scan import FoundLink, scan_links

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class MarkdownFile:
    meta: Mapping[str, Any] = field(default_factory=dict)
    body: str = ""

    @property
    def title(self) -> str | None:
        """The title MkDocs would give the page: front matter `title`, else the first level-1 heading."""
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        heading = HEADING.search(FENCE.sub("", self.body))
        return heading.group(1) if heading else None


def parse_markdown(text: str) -> MarkdownFile:
    """Split YAML front matter (between `---` lines) from the body; front matter that is not a mapping is text."""
    match = FRONT_MATTER.match(text)
    if not match:
        return MarkdownFile({}, text)
    try:
        meta = YAML(typ="safe", pure=True).load(match.group(1) or "")
    except YAMLError:
        return MarkdownFile({}, text)
    if not isinstance(meta, dict):
        return MarkdownFile({}, text)
    return MarkdownFile(meta, text[match.end():])


def read_markdown(path: Path) -> MarkdownFile:
    return parse_markdown(path.read_text(encoding="utf-8-sig", errors="replace"))


def title_from_name(src_uri: str) -> str:
    """'notes/chain-rule.md' -> 'Chain rule'."""
    stem = src_uri.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").replace("_", " ")
    return stem[:1].upper() + stem[1:]


@dataclass(frozen=True)
class PageFacts:
    """What a build needs of one of the learner's pages, read once: its title and the links in it."""

    title: str
    links: tuple[FoundLink, ...] = ()


def read_pages(files: Mapping[str, Path], known: dict[Path, tuple[int, int, PageFacts]] | None = None,
               ) -> dict[str, PageFacts]:
    """src_uri -> title and links of every page, each file read once: the title from the front matter, else the
    first heading, else the file name as MkDocs does. `known` is what earlier calls read (a file -> its modification
    time, size and facts), for an adapter that builds again and again (a preview): a file whose time and size have
    not changed is not read again. It is updated."""
    pages = {}
    for src_uri, path in files.items():
        if known is None:
            pages[src_uri] = page_facts(src_uri, path)
            continue
        try:
            status = path.stat()
        except OSError:
            pages[src_uri] = page_facts(src_uri, path)
            continue
        seen = known.get(path)
        if seen is None or seen[:2] != (status.st_mtime_ns, status.st_size):
            seen = known[path] = (status.st_mtime_ns, status.st_size, page_facts(src_uri, path))
        pages[src_uri] = seen[2]
    return pages


def page_facts(src_uri: str, path: Path) -> PageFacts:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    page = parse_markdown(text)
    first_line = text.count("\n", 0, len(text) - len(page.body)) + 1
    return PageFacts(page.title or title_from_name(src_uri), scan_links(page.body, first_line))
