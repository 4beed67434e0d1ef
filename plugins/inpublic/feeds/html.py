"""The HTML inside feed items: rendered through templates, every link made absolute, nothing that could run.

A feed reader shows an item away from the site, so a relative link or image there is broken
(Guts/mkdocs-rss-plugin#263): every `href`, `src` and `srcset` is made absolute. Links in the learner's
Markdown are resolved as MkDocs resolves them, from the file's place in the docs folder (`../limits.md` is
the page `limits/`). Then the whole item goes through `sanitise.clean_html`, the sanitiser the report pages
use too, so nothing a learner pasted, nor any commit message (which the templates escape anyway), can run in a
reader.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
import markdown as python_markdown
from jinja2 import Environment
from markupsafe import Markup

from inpublic.feeds.events import CommitmentEvent
from inpublic.feeds.month_items import MonthView
from inpublic.feeds.views import SubjectWeekView, WeekView, page_path
from inpublic.render import environment
from inpublic.sanitise import clean_html

URL_ATTRIBUTES = ("href", "src", "poster", "cite", "background", "longdesc", "action")
SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # the addresses sanitise.py keeps
# characters XML 1.0 cannot carry: a commit message with one must not break the feed
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return NOT_XML.sub("", text)


def markdown_html(text: str) -> str:
    """The learner's Markdown as HTML, with Python-Markdown's usual extensions (the adapter may pass the site's)."""
    return str(python_markdown.markdown(text, extensions=["extra", "sane_lists"]))


def render_week_html(view: WeekView, env: Environment | None = None) -> str:
    html = (env or environment()).get_template("feed_week.html.j2").render(
        view=view, reflection=Markup(view.reflection_html) if view.reflection_html else None,
    )
    return absolute_html(html, view.url)


def render_subject_week_html(view: SubjectWeekView, env: Environment | None = None) -> str:
    html = (env or environment()).get_template("feed_subject_week.html.j2").render(view=view)
    return absolute_html(html, view.url)


def render_event_html(event: CommitmentEvent, url: str, commit_url: str | None, env: Environment | None = None) -> str:
    html = (env or environment()).get_template("feed_event.html.j2").render(
        event=event, url=url, commit_url=commit_url,
    )
    return absolute_html(html, url)


@dataclass(frozen=True)
class FeedHtml:
    """The HTML inside the items (feeds/items.py's `ItemHtml`), made with one build's templates and the site's
    Markdown: the core makes one and hands it to the item makers, which compute and never render."""

    env: Environment
    markdown: Callable[[str], str] = markdown_html

    def week(self, view: WeekView) -> str:
        return render_week_html(view, self.env)

    def event(self, event: CommitmentEvent, url: str, commit_url: str | None) -> str:
        return render_event_html(event, url, commit_url, self.env)

    def month(self, view: MonthView) -> str:
        html = self.env.get_template("feed_month.html.j2").render(
            view=view, reflection=Markup(view.reflection_html) if view.reflection_html else None,
        )
        return absolute_html(html, view.url)

    def subject_week(self, view: SubjectWeekView) -> str:
        """One subject's part of a week, in that subject's feed."""
        return render_subject_week_html(view, self.env)

    def reflection(self, markdown: str, url: str, *, site_url: str, source: str, url_of: Callable[[str], str]) -> str:
        """The learner's reflection, from its Markdown, its links resolved from its file `source`."""
        return absolute_html(self.markdown(markdown), url, site_url=site_url, source=source, url_of=url_of)

    def post(self, html: str, url: str) -> str:
        """A blog post as the site rendered it, its links made absolute."""
        return absolute_html(html, url)


def absolute_html(
    html: str,
    page_url: str,
    *,
    site_url: str | None = None,
    source: str | None = None,
    url_of: Callable[[str], str] | None = None,
) -> str:
    """`html` with every link and image absolute, and sanitised (`sanitise.clean_html`).

    Without `source`, links are relative to the page at `page_url` (HTML that MkDocs rendered). With it, they
    are relative to the Markdown file `source` in the docs folder, as the learner wrote them: `../limits.md`
    stands for the page made from it (`url_of` gives its address; by default MkDocs' usual one), and `site_url`
    is the docs folder's address. `#anchor` points into `page_url`.
    """
    base = site_url or page_url

    def resolve(href: str) -> str | None:
        return _absolute(href, page_url, base, source, url_of or (lambda src: base + page_path(src)))

    root = lxml.html.fragment_fromstring(xml_text(html), create_parent="div")
    for element in list(root.iter()):
        if element is root or element.getparent() is None:
            continue
        if not isinstance(element.tag, str) or "headerlink" in (element.get("class") or "").split():
            _drop(element)  # a comment, or the permalink of a heading: noise in a reader
            continue
        for name in list(element.attrib):
            lower = name.lower()
            if lower in URL_ATTRIBUTES:
                url = resolve(element.attrib[name])
                if url is None:
                    del element.attrib[name]
                else:
                    element.attrib[name] = url
            elif lower == "srcset":
                element.attrib[name] = _srcset(element.attrib[name], resolve)
    out = str(lxml.html.tostring(root, encoding="unicode"))
    return clean_html(out.removeprefix("<div>").removesuffix("</div>"))  # last: what it writes is what goes out


def _drop(element: lxml.html.HtmlElement) -> None:
    """Remove an element and what it holds, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _absolute(
    href: str, page_url: str, site_url: str, source: str | None, url_of: Callable[[str], str]
) -> str | None:
    href = href.strip()
    parts = urlsplit(href)
    if parts.scheme:
        return href if parts.scheme.lower() in SCHEMES else None
    if not href or href.startswith("#"):
        return page_url.split("#", 1)[0] + href
    if source is None or href.startswith("/") or parts.netloc:
        return urljoin(page_url, href)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path)) if parts.path else source
    while path.startswith("../"):
        path = path[3:]
    if path in (".", ".."):
        path = ""
    if parts.path.endswith("/") and path and not path.endswith("/"):
        path += "/"
    absolute = url_of(path) if path.endswith(".md") else site_url + path
    if parts.query:
        absolute += "?" + parts.query
    if parts.fragment:
        absolute += "#" + parts.fragment
    return absolute


def _srcset(value: str, resolve: Callable[[str], str | None]) -> str:
    out = []
    for candidate in value.split(","):
        bits = candidate.strip().split()
        if not bits:
            continue
        url = resolve(bits[0])
        if url is not None:
            out.append(" ".join([url, *bits[1:]]))
    return ", ".join(out)
