"""Find the links in a note's Markdown: wikilinks (`[[note]]`, `[[note#heading|text]]`), inline links
(`[text](../other.md)`) and reference definitions (`[id]: other.md`), outside code and HTML comments. Pure.

A small scanner rather than a Markdown parser: it has to agree with what Python-Markdown (MkDocs) and Zensical
will treat as code, and give each link's line and column in the learner's file for the warnings."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

WIKILINK = re.compile(r"(?<![\\!\[])\[\[([^\[\]\n|]*)(?:\|([^\[\]\n]*))?\]\](?!\])")
INLINE_LINK = re.compile(r"(?<![!\\])\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+[^)]*)?\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")


@dataclass(frozen=True)
class FoundLink:
    """A link in a note: where it starts (1-based line and column in the file), what it points at, and whether
    it is a wikilink (`target` is then what is inside the brackets before `|`: `limits#One side`)."""

    line: int
    column: int
    target: str
    wiki: bool = False


@dataclass(frozen=True)
class Wikilink:
    """A wikilink as written: its place in the text (`start`, `end`), its target, heading and text."""

    start: int
    end: int
    note: str  # '' for a heading of the same note ([[#Heading]])
    heading: str
    text: str | None  # after `|`

    @property
    def written(self) -> str:
        return f"[[{self.note}{'#' + self.heading if self.heading else ''}]]"


def masked(text: str) -> str:
    """`text` with its code (fenced and indented blocks, code spans) and HTML comments blanked out, every
    character kept in its place and every line break kept."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    offset, fence, previous_blank, in_list = 0, "", True, False
    for line in text.splitlines(keepends=True):
        start, stripped = offset, line.strip()
        offset += len(line)
        if fence:
            blank(start, offset)
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        opening = FENCE_OPEN.match(line)
        if opening:
            fence = opening.group(1)
            blank(start, offset)
            continue
        if not stripped:
            previous_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if LIST_ITEM.match(line):
            in_list = True
        elif not indented:
            in_list = in_list and not previous_blank
        if indented and previous_blank and not in_list:
            blank(start, offset)  # an indented code block (previous_blank stays: the block goes on)
            continue
        previous_blank = False
    text = "".join(chars)
    for pattern in (COMMENT, CODE_SPAN):
        for match in pattern.finditer(text):
            blank(match.start(), match.end())
        text = "".join(chars)
    return text


def wikilinks(text: str, code_free: str | None = None) -> Iterator[Wikilink]:
    """The wikilinks of `text` outside code, in order; `code_free` is `masked(text)` when the caller has it."""
    for match in WIKILINK.finditer(masked(text) if code_free is None else code_free):
        inside = text[match.start(1):match.end(1)]
        note, _, heading = inside.removesuffix("\\").partition("#")  # [[note\|text]] in a table
        alias = text[match.start(2):match.end(2)].strip() if match.group(2) is not None else None
        if note.strip() or heading.strip():
            yield Wikilink(match.start(), match.end(), note.strip(), heading.strip(), alias or None)


def scan_links(body: str, first_line: int = 1) -> tuple[FoundLink, ...]:
    """Every link of a note's `body` (the text after its front matter, which starts at line `first_line` of the
    file), wikilinks and Markdown links, in order."""
    if "[" not in body:
        return ()
    code_free = masked(body)
    starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def place(at: int) -> tuple[int, int]:
        row = bisect_right(starts, at) - 1
        return first_line + row, at - starts[row] + 1

    found = [FoundLink(*place(w.start), target=f"{w.note}#{w.heading}" if w.heading else w.note, wiki=True)
             for w in wikilinks(body, code_free)]
    for pattern in (INLINE_LINK, REFERENCE):
        for match in pattern.finditer(code_free):
            target = body[match.start(1):match.end(1)].strip("<>")
            found.append(FoundLink(*place(match.start()), target=target))
    return tuple(sorted(found, key=lambda link: (link.line, link.column)))
