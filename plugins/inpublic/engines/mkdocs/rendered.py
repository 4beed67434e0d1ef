"""Pages inpublic adds, converted from Markdown once and kept (part of the MkDocs adapter).

MkDocs converts every page from Markdown at every build, and `mkdocs serve` at every saved edit. A weekly report
is the same text from one build to the next unless its week changed, so what its conversion gave (the HTML, the
table of contents, the anchors) is kept: in memory across the rebuilds of `mkdocs serve`, and in
`.cache/inpublic/mkdocs-pages.json` across builds, which the Pages workflow keeps with `actions/cache`.

A kept conversion is used only for the same text, at the same place, with the same Markdown extensions and their
options, the same MkDocs version and the same set of pages (their links are rewritten to those pages' addresses).
A conversion that logged a warning (a broken link, say) is not kept, so that `--strict` sees it at every build.
Everything is compared through one hash; a file that cannot be read is ignored, and the cache is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import __version__ as mkdocs_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from inpublic.engines.notices import warnings_logged
from inpublic.kept_files import write_kept

CACHE_FILE = "mkdocs-pages.json"
FORMAT = 1  # the file's layout: a file of another layout is ignored
SNIPPET = "--8<--"


@dataclass(frozen=True)
class Rendered:
    """What MkDocs' conversion of a page sets on it."""

    html: str
    toc: list[dict[str, Any]]
    anchors: list[str]  # the ids in the page, which links from other pages may name
    links: dict[str, dict[str, str]]  # links to anchors of other pages: {their path: {anchor: the link}}

    @staticmethod
    def of(page: Page) -> Rendered:
        links = {file.src_uri: dict(found) for file, found in (page.links_to_anchors or {}).items()}
        return Rendered(page.content or "", [token(link) for link in page.toc.items],
                        sorted(page.present_anchor_ids or ()), links)

    def restore(self, page: Page, files: Files) -> None:
        page.content = self.html
        page.toc = get_toc(self.toc)  # type: ignore[arg-type]  # the tokens' TypedDict is private to MkDocs
        page.present_anchor_ids = set(self.anchors)
        targets = ((files.get_file_from_path(uri), found) for uri, found in self.links.items())
        page.links_to_anchors = {file: dict(found) for file, found in targets if file is not None}


def token(link: AnchorLink) -> dict[str, Any]:
    """A table of contents entry as the token MkDocs builds it from."""
    return {"level": link.level, "id": link.id, "name": link.title, "children": [token(c) for c in link.children]}


class RenderedPages:
    """The conversions of one build, and those of the build before it (kept in memory and in a file)."""

    def __init__(self, kept: dict[str, Rendered] | None = None, saved: frozenset[str] = frozenset()) -> None:
        self.kept = kept or {}
        self.saved = saved  # the keys the cache file holds, as far as this process knows: it is not written again
        self.used: dict[str, Rendered] = {}
        self.converted = 0  # pages converted in this build, not taken from what was kept

    @staticmethod
    def load(folder: Path) -> RenderedPages:
        try:
            data = json.loads((folder / CACHE_FILE).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return RenderedPages()
            kept = {key: Rendered(**value) for key, value in data["pages"].items()}
            return RenderedPages(kept, frozenset(kept))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return RenderedPages()

    def next_build(self) -> RenderedPages:
        """What the next build starts from: this build's conversions, or those kept if this build used none."""
        return RenderedPages(self.used or self.kept, self.saved)

    def save(self, folder: Path) -> None:
        """Write this build's conversions (and only them), atomically, unless the file already holds them (a serve
        rebuild after a note's edit converts no report); a folder that cannot be written is skipped. The file is
        written a page at a time, so saving costs no more memory than the largest page."""
        if self.saved == self.used.keys() and (folder / CACHE_FILE).is_file():
            return
        if write_kept(folder / CACHE_FILE, self._parts()):
            self.saved = frozenset(self.used)

    def _parts(self) -> Iterator[str]:
        """The cache file's text, a page at a time."""
        yield f'{{"format":{FORMAT},"pages":{{'
        for number, (key, value) in enumerate(sorted(self.used.items())):
            yield ("," if number else "") + json.dumps(key) + ":"
            yield json.dumps(vars(value), ensure_ascii=False, separators=(",", ":"))
        yield "}}"

    def render(self, page: Page, convert: Callable[[MkDocsConfig, Files], None], build: str) -> Callable[..., None]:
        """A stand-in for `page.render`: the kept conversion of the page's text, or MkDocs' own, kept when it
        warned of nothing. `build` is `build_key` of this build."""

        def render(config: MkDocsConfig, files: Files) -> None:
            text = page.markdown or ""
            key = hashlib.sha256(f"{page.file.src_uri}\0{text}\0{build}".encode("utf-8", "surrogatepass")).hexdigest()
            if key in self.kept:
                self.kept[key].restore(page, files)
                self.used[key] = self.kept[key]
                return
            with warnings_logged("mkdocs") as warned:
                convert(config, files)
            self.converted += 1
            # a page whose title comes from its conversion, or that includes another file (pymdownx.snippets),
            # depends on more than its text
            if not warned and "title" in page.meta and SNIPPET not in text:
                self.used[key] = Rendered.of(page)

        return render


def build_key(config: MkDocsConfig, files: Iterable[Any]) -> str:
    """The hash of what every page's conversion depends on besides its text: MkDocs' version, the Markdown
    extensions and their options, the links' checks, and every file's path and address (a link in a page is
    rewritten to the address of its target)."""
    options = repr((mkdocs_version, list(config.markdown_extensions), config.mdx_configs, config.use_directory_urls,
                    config.validation))
    listed = sorted(f"{file.src_uri}\0{file.url}" for file in files)
    return hashlib.sha256("\n".join([options, *listed]).encode("utf-8", "surrogatepass")).hexdigest()
