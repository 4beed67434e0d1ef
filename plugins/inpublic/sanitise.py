"""HTML a learner wrote, made safe to republish: the one sanitiser, for the report pages and the feed items.

A reflection or a blog post is the learner's Markdown, and Markdown lets raw HTML through. Wherever inpublic
republishes it (a weekly report page, a feed item in someone's reader), it goes through `clean_html`:
an allowlist, applied by nh3 (the Python binding of the Rust crate ammonia), which parses the fragment as a
browser does (html5ever) and writes out only what it understood and allowed. What the allowlist keeps is what
Markdown, Python-Markdown's extensions and Material write: links, emphasis, code (with Pygments' classes), lists,
tables (with their alignment), images, headings with their ids, footnotes, admonitions and details, `class`
everywhere. Scripts, styles, frames, objects, forms, SVG and MathML go with their content; event handlers and
`style` go; an address that is not http(s), mailto or tel (`javascript:`, `vbscript:`, `data:`) goes.

Text from the plan is not sanitised but escaped, by the templates (Jinja2's autoescape) and the feed writer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = frozenset(nh3.ALLOWED_TAGS | {"tfoot"})
# removed with everything inside them (ammonia's default is script and style)
CLEARED = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
    "noframes", "template", "svg", "math", "title", "textarea", "select", "xmp",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "srcset", "alt", "width", "height", "loading"},
    "ol": {"start", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "details": {"open"},
    "abbr": {"title"},
}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLES = frozenset({"text-align"})  # Python-Markdown aligns table columns with style="text-align: ..."


def clean_html(html: str) -> str:
    """`html` (a fragment) with nothing that could run or restyle the page; its text and Markdown's markup kept."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(CLEARED),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute,
        url_schemes=set(SCHEMES),
        filter_style_properties=set(STYLES),
        link_rel=None,  # no target="_blank" is allowed, so no rel is needed; the learner's links stay as written
    )


def _attribute(tag: str, name: str, value: str) -> str | None:
    """What ammonia's allowlist cannot say: ids that would take the place of Material's own, and srcset."""
    if name == "id" and value.startswith("__"):  # Material's elements: __search, __drawer, __config...
        return None
    if name == "srcset":
        kept = [c.strip() for c in value.split(",") if c.strip() and _safe_url(c.split()[0])]
        return ", ".join(kept) or None
    return value


def _safe_url(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return not scheme or scheme in SCHEMES


# Around the learner's part of a generated page (a report's reflection), for an engine whose pages inpublic sees
# only whole, once built (Zensical): what lies between them is sanitised there (`clean_marked`). They are HTML
# comments, which Markdown keeps and clean_html drops; the learner's own text cannot end the part early, because
# `unmarked` breaks the marker's name wherever the learner wrote it.
MARK = "inpublic:reflection"
START = f"<!-- {MARK} -->"
END = f"<!-- /{MARK} -->"


def unmarked(text: str) -> str:
    """The learner's text with no marker in it: `inpublic:reflection` becomes `inpublic&#58;reflection`, which
    reads the same on the page."""
    return text.replace(MARK, "inpublic&#58;reflection")


def clean_marked(html: str) -> str:
    """A whole page with what lies between each START and its END sanitised, the markers taken out. A START
    whose END the learner's text swallowed (an unclosed code block shows it as text) is sanitised to the end of
    the page: a broken page is better than a script let through."""
    out, at = [], 0
    while (start := html.find(START, at)) >= 0:
        end = html.find(END, start)
        stop = len(html) if end < 0 else end
        out += [html[at:start], clean_html(html[start + len(START):stop])]
        at = len(html) if end < 0 else end + len(END)
    return "".join(out) + html[at:]
