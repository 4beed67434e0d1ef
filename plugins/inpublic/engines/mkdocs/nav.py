"""Where inpublic's pages stand in MkDocs' navigation: together, right after the home page (part of the adapter).

Without a `nav:` in mkdocs.yml, MkDocs sorts the pages inpublic adds (Commitments, Reports, Review, and any added
later) among the learner's folders, alphabetically: Commitments between "Cocktails" and "Cookiecutter". They are
taken out and put after the home page, in the order of their paths; a section that holds nothing but one of them
(a folder's index page) becomes that page. A section that holds the learner's pages too stays where it is.

With a `nav:`, the pages the learner placed stay where they are; the others are added after the home page.
Only the index pages are in the navigation (the weekly reports and the commitments' pages are not), so that with
`navigation.prune` each page's menu stays small.

The pages inpublic adds outside the navigation (a weekly report, a commitment's page) are drawn with a short
navigation (`short_navigation`): the site's first level, each section a link to its first page. Material renders
the whole navigation into every page, every section and every note, which on a site of a hundred sections is most
of a page's cost; a report is read from the reports' index or a feed, and one click on a section opens it whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page


def place_pages(nav: Navigation, ours: Sequence[str], files: Files, *, explicit: bool) -> Navigation:
    """`nav` with the pages of `ours` (their src_uri) after the home page."""
    wanted = sorted(ours)
    items: list[Any] = list(nav.items)
    if explicit:
        placed = {page.file.src_uri for page in nav.pages}
        found = (files.get_file_from_path(uri) for uri in wanted if uri not in placed)
        moved: list[Any] = [file.page for file in found if file is not None and file.page is not None]
    else:
        taken = [item for item in items if only_ours(item, set(wanted))]
        items = [item for item in items if item not in taken]
        moved = sorted((flatten(item) for item in taken), key=lambda item: min(uris(item)))
    if not moved:
        return nav
    for item in moved:
        item.parent = None
    at = 1 if items and isinstance(items[0], Page) and items[0].is_homepage else 0
    items[at:at] = moved
    pages = list(pages_in(items))
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return Navigation(items, pages)


def only_ours(item: Any, ours: set[str]) -> bool:
    """Whether a navigation item is one of our pages, or a section of nothing else."""
    found = set(uris(item))
    return bool(found) and found <= ours and not any(not isinstance(i, (Page, Section)) for i in walk(item))


def flatten(item: Any) -> Any:
    """A section of one page becomes the page."""
    while isinstance(item, Section) and len(item.children) == 1:
        item = item.children[0]
    return item


def walk(item: Any) -> Iterator[Any]:
    yield item
    if isinstance(item, Section):
        for child in item.children:
            yield from walk(child)


def uris(item: Any) -> list[str]:
    return [i.file.src_uri for i in walk(item) if isinstance(i, Page)]


def pages_in(items: Sequence[Any]) -> Iterator[Page]:
    for item in items:
        yield from (i for i in walk(item) if isinstance(i, Page))


def short_navigation(nav: Navigation) -> Navigation:
    """The first level of `nav`, with each section made a link to its first page (a section of no page goes)."""
    items: list[Any] = []
    for item in nav.items:
        if isinstance(item, Section):
            first = next(pages_in([item]), None)
            if first is not None:
                items.append(Link(item.title, first.url))
        else:
            items.append(item)
    short = Navigation(items, [item for item in items if isinstance(item, Page)])
    short.homepage = nav.homepage
    return short
