"""Wikilinks resolved to the notes they name: the note's file, the anchor of a heading, or why it goes nowhere, and
the relative link from one note's file to another's. Pure: the notes' titles are given (notelinks/render.py writes
the links into the page).

A wikilink names a note by its title (in any letter case) or by its file name, with or without `.md` and with as
much of its folder as it takes to tell it from another (`limits`, `calculus/limits`, `../calculus/limits.md`)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from markdown.extensions.toc import slugify as toc_slugify

from inpublic.notelinks.scan import Wikilink
from inpublic.problems import did_you_mean
from inpublic.problems import quote as quoted

Slugify = Callable[[str, str], str]  # MkDocs' toc `slugify(text, separator)`


@dataclass(frozen=True)
class NoteIndex:
    """The public notes, found by what a wikilink may call them."""

    titles: Mapping[str, str]  # src_uri -> title
    names: Mapping[str, frozenset[str]]  # a title, a path without .md, or its last parts, casefolded -> src_uris
    paths: Mapping[str, str]  # a whole path without .md, casefolded -> src_uri
    slugify: Slugify = toc_slugify
    separator: str = "-"


@dataclass(frozen=True)
class Resolution:
    """Where a wikilink goes: a note's src_uri and the anchor of its heading ('' for the note's top), or, when
    it goes nowhere, why (`problem`)."""

    src_uri: str | None
    anchor: str = ""
    problem: str = ""


def note_index(titles: Mapping[str, str], slugify: Slugify | None = None, separator: str = "-") -> NoteIndex:
    names: dict[str, set[str]] = {}
    paths = {}
    for uri, title in titles.items():
        stem = uri.removesuffix(".md").casefold()
        paths[stem] = uri
        parts = stem.split("/")
        for key in {title.strip().casefold(), *("/".join(parts[i:]) for i in range(len(parts)))}:
            names.setdefault(key, set()).add(uri)
    return NoteIndex(titles, {k: frozenset(v) for k, v in names.items()}, paths, slugify or toc_slugify, separator)


def resolve(index: NoteIndex, source: str, note: str, heading: str = "") -> Resolution:
    """The note a wikilink in the page `source` (src_uri) names, by title or file name, and the anchor of
    `heading` as the site's table of contents makes it."""
    anchor = index.slugify(heading, index.separator) if heading else ""
    if not note:
        return Resolution(source, anchor)  # [[#Heading]]: a heading of the same page
    key = note.strip().removesuffix(".md").removeprefix("/")
    if key.startswith(("./", "../")):
        key = posixpath.normpath(posixpath.join(posixpath.dirname(source), key))
    key = key.casefold()
    found = index.names.get(key, frozenset())
    if len(found) == 1:
        return Resolution(next(iter(found)), anchor)
    if len(found) > 1:
        if key in index.paths:  # a whole path says which
            return Resolution(index.paths[key], anchor)
        first, second, *more = sorted(found)
        others = f" (and {len(more)} more)" if more else ""
        return Resolution(None, problem=f"{quoted(note)} is both {first} and {second}{others}; write the folder "
                                        f"too, like [[{first.removesuffix('.md')}]]")
    choices = sorted({*index.titles.values(), *(uri.rsplit('/', 1)[-1].removesuffix('.md') for uri in index.titles)})
    return Resolution(None, problem=f"no note is called {quoted(note)}{did_you_mean(note, choices)}")


def relative_link(source: str, target: str, anchor: str = "") -> str:
    """The Markdown link from the page `source` to `target` (both src_uris), with `#anchor` when there is one."""
    path = "" if target == source and anchor else posixpath.relpath(target, posixpath.dirname(source) or ".")
    return quote(path) + (f"#{anchor}" if anchor else "")


def shown_text(link: Wikilink) -> str:
    """What a wikilink shows: its text after `|`, else the note and heading as written ('limits › One side')."""
    if link.text is not None:
        return link.text
    return " › ".join(part for part in (link.note, link.heading) if part)
