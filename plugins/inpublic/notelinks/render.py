"""Links between notes as the page shows them: each wikilink as an ordinary relative Markdown link to the note's file
(`[[limits#One side]]` -> `[limits › One side](../calculus/limits.md#one-side)`), which the engine then checks and
turns into an address as it does any link, or as text marked broken; and the "Linked from" section."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment

from inpublic.notelinks.backlinks import Backlink
from inpublic.notelinks.resolve import NoteIndex, relative_link, resolve, shown_text
from inpublic.notelinks.scan import Wikilink, wikilinks
from inpublic.render import environment, markdown_text

BROKEN = '<span class="inpublic-broken-link" title="No such note">{text}</span>'  # the build's log says why


def rewrite_wikilinks(markdown: str, source: str, index: NoteIndex) -> str:
    """`markdown` (of the page `source`) with every wikilink outside code made an ordinary relative link, and one
    that goes nowhere made text marked as broken."""
    if "[[" not in markdown:
        return markdown
    out, last = [], 0
    for link in wikilinks(markdown):
        out.append(markdown[last:link.start])
        out.append(_link_markdown(link, source, index))
        last = link.end
    out.append(markdown[last:])
    return "".join(out)


def _link_markdown(link: Wikilink, source: str, index: NoteIndex) -> str:
    found = resolve(index, source, link.note, link.heading)
    text = markdown_text(shown_text(link))
    if found.src_uri is None:
        return BROKEN.format(text=text)
    return f"[{text}]({relative_link(source, found.src_uri, found.anchor)})"


def render_backlinks(linking: Sequence[Backlink], env: Environment | None = None) -> str:
    """The "Linked from" section under a note: the notes that link to it, linked."""
    return (env or environment()).get_template("backlinks.html.j2").render(linking=linking)
