"""Which notes link to which, by Markdown links and wikilinks, and the problems of the wikilinks that go nowhere.
Pure: the links were found as the notes were read (`markdown_files.read_pages`)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from inpublic.feeds.views import page_path
from inpublic.notelinks.resolve import NoteIndex, resolve
from inpublic.notelinks.scan import FoundLink
from inpublic.problems import Problem

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # https:, mailto:


@dataclass(frozen=True)
class Backlink:
    """A note that links to the one shown: its title and its address from the page shown."""

    title: str
    url: str


def linked_notes(source: str, links: Sequence[FoundLink], index: NoteIndex) -> Iterator[str]:
    """The notes (src_uris) the note `source` links to, by a wikilink or by a Markdown link to its file, in order,
    each once, itself left out."""
    seen = {source}
    for link in links:
        if link.wiki:
            note, _, heading = link.target.partition("#")
            target = resolve(index, source, note, heading).src_uri
        else:
            target = _file_of(source, link.target)
        if target is not None and target in index.titles and target not in seen:
            seen.add(target)
            yield target


def _file_of(source: str, url: str) -> str | None:
    """The docs-relative file a Markdown link from `source` points at, None for an address elsewhere."""
    if SCHEME.match(url) or url.startswith(("/", "#")):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) if path.endswith(".md") else None


def backlinks(links: Mapping[str, Sequence[FoundLink]], index: NoteIndex) -> dict[str, tuple[str, ...]]:
    """Every linked note (src_uri) -> the notes that link to it, by title. Only notes are counted: the pages that
    are not notes (a home, an about page) are not backlinks, and private notes are not read at all."""
    linking: dict[str, set[str]] = {}
    for source, found in links.items():
        if source in index.titles:
            for target in linked_notes(source, found, index):
                linking.setdefault(target, set()).add(source)
    return {target: tuple(sorted(sources, key=lambda uri: (index.titles[uri].casefold(), uri)))
            for target, sources in linking.items()}


def backlink_views(page_url: str, sources: Sequence[str], titles: Mapping[str, str],
                   use_directory_urls: bool) -> tuple[Backlink, ...]:
    """The notes `sources` (src_uris) with their addresses relative to `page_url`: the address of the page they
    are shown on, or (for an engine that reads a link as relative to the Markdown file) its file's folder."""
    return tuple(Backlink(titles[uri], _relative(page_path(uri, use_directory_urls), page_url)) for uri in sources)


def _relative(target: str, page_url: str) -> str:
    """The address `target` (from the site's root) from the page at `page_url`, a folder's with its slash."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    url = posixpath.relpath(target or ".", folder or ".")
    return url + "/" if (not target or target.endswith("/")) and not url.endswith("/") else url


def wikilink_problems(links: Mapping[str, Sequence[FoundLink]], index: NoteIndex,
                      notes_dir: str = "") -> tuple[Problem, ...]:
    """Each wikilink that names no note, or more than one, with its file (as the repository names it), line and
    column, in file order."""
    prefix = f"{notes_dir}/" if notes_dir else ""
    problems = []
    for source in sorted(links):
        for link in links[source]:
            if link.wiki:
                note, _, heading = link.target.partition("#")
                found = resolve(index, source, note, heading)
                if found.src_uri is None:
                    problems.append(Problem(link.line, link.column, f"wikilink [[{link.target}]]", found.problem,
                                            file=prefix + source))
    return tuple(problems)
