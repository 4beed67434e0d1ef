"""Comments through giscus (GitHub Discussions): the `comments` option checked, which pages get comments, and the
theme partial that shows them.

Comments are off unless the learner sets `comments` in mkdocs.yml. When on, the core decides which pages get them
(`commented_pages`: the notes, the weekly and monthly reports, the commitments' pages, as chosen), and renders the
theme's `partials/comments.html` (`comments_partial`), which Material and Zensical include at the end of every
page's content: it shows the comments only on a page whose meta has `inpublic_comments` set, which each engine's
adapter sets on the pages the core chose. The partial holds a placeholder with giscus's settings; nothing is loaded
from giscus.app until the reader reaches or opens the comments (assets/comments.js).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from inpublic.problems import did_you_mean, quote

NOTES, REPORTS, COMMITMENTS = "notes", "reports", "commitments"
PAGE_KINDS = (NOTES, REPORTS, COMMITMENTS)
# giscus's ways of finding a page's discussion that need nothing set on each page
MAPPINGS = ("pathname", "url", "title", "og:title")
PER_PAGE_MAPPINGS = ("specific", "number")  # a term or a discussion number for each page: not for a whole site
REQUIRED = ("repo", "repo_id", "category", "category_id")
KEYS = (*REQUIRED, "mapping", "pages", "lang", "reactions")
REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
GITHUB = re.compile(r"^(?:https?://)?(?:www\.)?github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$")
META = "inpublic_comments"  # the page's meta that turns its comments on (set by the engine's adapter)
PARTIAL = "partials/comments.html"  # the theme's partial, included at the end of each page's content
SCRIPT = "assets/inpublic/comments.js"  # where the script that loads giscus goes in the site
CLIENT = "https://giscus.app/client.js"
OWN_PARTIAL = (f"comments: your theme's own {PARTIAL} (in theme.custom_dir) is used, not inpublic's: remove it to "
               "have inpublic's comments")
WHERE = "the ids giscus.app gives on its page, under Configuration"


class CommentsError(ValueError):
    """The `comments` option has mistakes: one line for each."""


@dataclass(frozen=True)
class CommentSettings:
    """giscus's settings for the site, checked."""

    repo: str  # owner/name of the public GitHub repository whose Discussions hold the comments
    repo_id: str
    category: str
    category_id: str
    mapping: str = "pathname"
    pages: tuple[str, ...] = PAGE_KINDS
    lang: str | None = None  # None: the site's language (theme.language), else English
    reactions: bool = True


def comment_settings(value: object) -> CommentSettings:
    """The `comments` option as the learner wrote it, checked; a CommentsError says every mistake found."""
    if not isinstance(value, Mapping):
        raise CommentsError(f"expected a mapping with {', '.join(REQUIRED)} ({WHERE}), like "
                            "{repo: samrivera/learning-ml, repo_id: R_kgDOAbCdEf, category: Comments, "
                            "category_id: DIC_kwDOAbCdEc4Cxyz}")
    problems: list[str] = []
    for key in value:
        if key not in KEYS:
            problems.append(f"unknown key {quote(str(key))}{did_you_mean(str(key), KEYS)}")
    for key in REQUIRED:
        if key not in value:
            problems.append(f"{key} is missing: {EXAMPLES[key]}")
    texts = {key: _text(value, key, problems) for key in (*REQUIRED, "lang")}
    repo = texts["repo"]
    if repo and not REPO.match(repo):
        found = GITHUB.match(repo)
        hint = f"; did you mean '{found.group(1)}'?" if found else ""
        problems.append(f"repo: expected owner/name, like samrivera/learning-ml; got {quote(repo)}{hint}")
    for key, other, prefix in (("repo_id", "category_id", "DIC_"), ("category_id", "repo_id", "R_")):
        if texts[key].startswith(prefix):
            problems.append(f"{key}: {quote(texts[key])} looks like the {other.replace('_', ' ')} "
                            f"(giscus gives {EXAMPLES[key].split('like ')[-1]}); are the two swapped?")
    mapping = value.get("mapping", "pathname")
    if mapping not in MAPPINGS:
        problems.append(_mapping_problem(mapping))
    pages = _pages(value.get("pages", list(PAGE_KINDS)), problems)
    reactions = value.get("reactions", True)
    if not isinstance(reactions, bool):
        problems.append(f"reactions: expected true or false; got {quote(str(reactions))}")
    if problems:
        raise CommentsError("\n".join(problems))
    return CommentSettings(repo, texts["repo_id"], texts["category"], texts["category_id"], str(mapping), pages,
                           texts["lang"] or None, bool(reactions))


EXAMPLES = {
    "repo": "the repository whose Discussions hold the comments, like samrivera/learning-ml",
    "repo_id": f"copy data-repo-id from {WHERE}, like R_kgDOAbCdEf",
    "category": "the Discussions category of the comments, like Comments",
    "category_id": f"copy data-category-id from {WHERE}, like DIC_kwDOAbCdEc4Cxyz",
}


def _text(value: Mapping[object, object], key: str, problems: list[str]) -> str:
    """The text at `key` ('' when missing or wrong, with the problem noted)."""
    if key not in value:
        return ""
    text = value[key]
    if not isinstance(text, str) or not text.strip():
        shown = quote(str(text)) if text is not None else "nothing"
        problems.append(f"{key}: expected text, {EXAMPLES.get(key, 'like en')}; got {shown}")
        return ""
    if key != "category" and any(c.isspace() for c in text.strip()):
        problems.append(f"{key}: expected no spaces, {EXAMPLES.get(key, 'like en')}; got {quote(text)}")
    return text.strip()


def _mapping_problem(mapping: object) -> str:
    choices = ", ".join(MAPPINGS)
    if mapping in PER_PAGE_MAPPINGS:
        return (f"mapping: {mapping!s} needs a term or a discussion number on each page, which inpublic does "
                f"not set; expected one of {choices}")
    return f"mapping: expected one of {choices}; got {quote(str(mapping))}{did_you_mean(str(mapping), MAPPINGS)}"


def _pages(pages: object, problems: list[str]) -> tuple[str, ...]:
    """The kinds of pages with comments, in PAGE_KINDS' order."""
    if isinstance(pages, str):
        pages = [pages]
    if not isinstance(pages, list):
        problems.append(f"pages: expected a list of {', '.join(PAGE_KINDS)}, like [notes, reports]")
        return ()
    if not pages:
        problems.append("pages: empty, so no page would have comments; list some of "
                        f"{', '.join(PAGE_KINDS)}, or remove `comments` to turn them off")
    for kind in pages:
        if kind not in PAGE_KINDS:
            problems.append(f"pages: expected {', '.join(PAGE_KINDS)}; got {quote(str(kind))}"
                            f"{did_you_mean(str(kind), PAGE_KINDS)}")
    return tuple(kind for kind in PAGE_KINDS if kind in pages)


def commented_pages(settings: CommentSettings | None, *, notes: Iterable[str], reports: Iterable[str],
                    commitments: Iterable[str]) -> frozenset[str]:
    """The src_uris of the pages that get comments: those of the kinds chosen, none when comments are off."""
    if settings is None:
        return frozenset()
    kinds = {NOTES: notes, REPORTS: reports, COMMITMENTS: commitments}
    return frozenset(uri for kind in settings.pages for uri in kinds[kind])


@dataclass(frozen=True)
class GiscusView:
    """What the comments partial shows: giscus's attributes (data-* name -> value) and the discussions' address."""

    attributes: tuple[tuple[str, str], ...]
    discussions: str
    repo: str


def giscus_view(settings: CommentSettings, language: str | None) -> GiscusView:
    """giscus's settings as the attributes of its script (https://giscus.app), without its theme: the script that
    loads giscus gives it, from the page's colour scheme."""
    attributes = (
        ("data-repo", settings.repo),
        ("data-repo-id", settings.repo_id),
        ("data-category", settings.category),
        ("data-category-id", settings.category_id),
        ("data-mapping", settings.mapping),
        ("data-strict", "0"),
        ("data-reactions-enabled", "1" if settings.reactions else "0"),
        ("data-emit-metadata", "0"),
        ("data-input-position", "bottom"),
        ("data-lang", settings.lang or language or "en"),
    )
    return GiscusView(attributes, f"https://github.com/{settings.repo}/discussions", settings.repo)


def comments_partial(settings: CommentSettings | None, language: str | None, env: Environment) -> str:
    """The theme's partials/comments.html ('' when comments are off): the comments on a page whose meta has
    `inpublic_comments`, nothing on the others."""
    if settings is None:
        return ""
    view = giscus_view(settings, language)
    return env.get_template("comments.html.j2").render(view=view, meta=META, client=CLIENT)


SCRIPT_SOURCE = Path(__file__).parent / "assets" / "comments.js"
