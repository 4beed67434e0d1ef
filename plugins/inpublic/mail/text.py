"""The plain-text part of a report's email, from the HTML part: headings underlined, lists with dashes, a table a
row a line, and every link followed by its address, so that a reader without HTML loses nothing but the looks.

Written here on lxml, which inpublic already uses, rather than with a converter library: html2text is GPL, and the
few elements a report is made of do not need one (docs/inpublic/mail.md says what was weighed).
"""

from __future__ import annotations

import re
import textwrap

import lxml.html

WIDTH = 76  # the usual width of a plain-text email's lines
BREAK = "\x00"  # a <br> while the spaces of a paragraph are collapsed
SPACES = re.compile(r"[ \t\r\n\f\v]+")
HEADINGS = {"h1": "=", "h2": "-"}
BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "blockquote", "hr", "details",
    "summary", "dl", "dt", "dd", "section", "header", "footer", "figure", "figcaption", "article", "main", "aside",
})


def html_text(html: str) -> str:
    """A fragment of HTML (sanitised, links absolute) as readable plain text, ending with a line break."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return "\n\n".join(block for block in _blocks(root) if block.strip()) + "\n"


def _blocks(element: lxml.html.HtmlElement) -> list[str]:
    """The blocks (paragraphs, lists, tables...) inside `element`, its loose text a paragraph of its own."""
    out: list[str] = []
    loose = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            loose.append(child.tail or "")
            continue
        if child.tag in BLOCKS:
            out.append(_paragraph("".join(loose)))
            out += _block(child)
            loose = []
        else:
            loose.append(_inline(child))
        loose.append(child.tail or "")
    out.append(_paragraph("".join(loose)))
    return [block for block in out if block.strip()]


def _block(element: lxml.html.HtmlElement) -> list[str]:
    tag = element.tag
    if tag in ("h1", "h2"):
        text = _line(_inline_children(element))
        return [f"{text}\n{HEADINGS[tag] * min(len(text), WIDTH)}"]
    if tag in ("h3", "h4", "h5", "h6"):
        return [_line(_inline_children(element)).upper()]
    if tag in ("ul", "ol"):
        return [_list(element)]
    if tag == "table":
        return [_table(element)]
    if tag == "pre":
        return [textwrap.indent(element.text_content().rstrip("\n"), "    ")]
    if tag == "blockquote":
        return [textwrap.indent("\n\n".join(_blocks(element)), "> ", lambda _: True)]
    if tag == "hr":
        return ["-" * 20]
    if tag in ("p", "summary", "dt", "figcaption"):
        return [_paragraph(_inline_children(element))]
    return _blocks(element)


def _list(element: lxml.html.HtmlElement) -> str:
    items = []
    number = int(element.get("start") or 1) if (element.get("start") or "1").isdigit() else 1
    for item in element:
        if item.tag != "li":
            continue
        marker = f"{number}. " if element.tag == "ol" else "- "
        number += 1
        text = "\n".join(_blocks(item)) or ""
        items.append(marker + textwrap.indent(text, " " * len(marker)).lstrip())
    return "\n".join(items)


def _table(element: lxml.html.HtmlElement) -> str:
    rows = []
    for row in element.iter("tr"):
        cells = [_line(_inline_children(cell)) for cell in row if cell.tag in ("td", "th")]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _inline_children(element: lxml.html.HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        parts += [_inline(child) if isinstance(child.tag, str) else "", child.tail or ""]
    return "".join(parts)


def _inline(element: lxml.html.HtmlElement) -> str:
    """An element inside a paragraph as text: a link with its address after it, a line break kept."""
    tag = element.tag
    if tag == "br":
        return BREAK
    if tag == "img":
        return f"[{element.get('alt') or 'image'}]"
    text = _inline_children(element)
    if tag == "a":
        href = (element.get("href") or "").strip()
        shown = _line(text)
        if not href or href in (shown, f"mailto:{shown}"):
            return text
        return f"{text} ({href.removeprefix('mailto:')})" if shown else href
    if tag in BLOCKS:  # a block inside a paragraph's element (rare): its own line
        return f"{BREAK}{text}{BREAK}"
    return text


def _line(text: str) -> str:
    return SPACES.sub(" ", text.replace(BREAK, " ")).strip()


def _paragraph(text: str) -> str:
    """Inline text with its spaces collapsed, wrapped at WIDTH; a <br> starts a new line. A long address is never
    broken, so that it stays one link."""
    lines = [SPACES.sub(" ", part).strip() for part in text.split(BREAK)]
    return "\n".join(textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False)
                     for line in lines if line)
