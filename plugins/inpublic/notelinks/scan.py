"""Find the links in a note's Markdown: wikilinks (`[[note]]`, `[[note#heading|text]]`), inline links
(`[text](../other.md)`) and reference definitions (`[id]: other.md`), outside code and HTML comments. Pure.

A small scanner rather than a Markdown parser: it has to agree with what Python-Markdown (MkDocs) and Zensical
will treat as code, and give each link's line and column in the learner's file for the warnings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# each starts with a literal, which the regular expression engine looks for fast, then looks behind it
WIKILINK = re.compile(r"\[\[(?<![\\!\[]\[\[)([^\[\]\n|]*)(?:\|([^\[\]\n]*))?\]\](?!\])")
INLINE_LINK = re.compile(r"\[(?<![!\\]\[)[^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*\]"  # [text], brackets in it
                         r"\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+[^)]*)?\)")  # (url "title")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
# a fenced block, to its closing fence (as long, of the same character) or to the end; any indentation (in a list)
FENCE = re.compile(r"^[ \t]*((`|~)\2{2,})[^\n]*\n.*?(?:^[ \t]*\1\2*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
# an indented block after a blank line (after a list item or in a list, not code but the item's)
BLANK_THEN_INDENTED = re.compile(r"\n(?:[ \t]*\n)+(?= {4}|\t)")
INDENTED = re.compile(r"(?:(?: {4}|\t)[^\n]*(?:\n|\Z)(?:[ \t]*\n)*)+")
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")

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
    blocks = [m.span() for m in FENCE.finditer(text)] if "```" in text or "~~~" in text else []
    if "<!--" in text:
        blocks += [m.span() for m in COMMENT.finditer(text)]
    for blank in BLANK_THEN_INDENTED.finditer(text):
        before = text[text.rfind("\n", 0, blank.start()) + 1:blank.start()]
        if not (before.startswith((" ", "\t")) or LIST_ITEM.match(before)):
            code = INDENTED.match(text, blank.end())
            if code:
                blocks.append(code.span())
    text = _blanked(text, blocks)
    return _blanked(text, [m.span() for m in CODE_SPAN.finditer(text)]) if "`" in text else text


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if start < end:
            out += [text[last:start], "\n".join(" " * len(line) for line in text[start:end].split("\n"))]
            last = end
    out.append(text[last:])
    return "".join(out)


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

    def place(at: int) -> tuple[int, int]:
        return first_line + body.count("\n", 0, at), at - body.rfind("\n", 0, at)

    found = [FoundLink(*place(w.start), target=f"{w.note}#{w.heading}" if w.heading else w.note, wiki=True)
             for w in wikilinks(body, code_free)]
    for pattern in (INLINE_LINK, REFERENCE):
        for match in pattern.finditer(code_free):
            target = body[match.start(1):match.end(1)].strip("<>")
            found.append(FoundLink(*place(match.start()), target=target))
    return tuple(sorted(found, key=lambda link: (link.line, link.column)))
