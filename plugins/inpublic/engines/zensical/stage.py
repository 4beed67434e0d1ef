"""The Zensical adapter's staging copy: the learner's docs as the site shows them, with every page and file the core
adds, and a copy of mkdocs.yml that points Zensical at it.

Zensical runs no plugin it has not rewritten, so what the MkDocs plugin does in its hooks is done here, ahead of
the build, on a copy in `.cache/inpublic/zensical/` (next to Zensical's own `.cache`, which `inpublic init`
ignores): the private notes are left out, the note dates, the home and the Subscribe block go into the Markdown,
the generated pages, the calendar and the data files are added, and the navigation is the one the plugin gives
MkDocs. A file is written only when its bytes change, so Zensical's cache, which knows pages by their content,
stays warm. Zensical wants its docs_dir and site_dir inside the folder of its config, so the site is built there
too; `engines/zensical/build.py` writes the feeds into it and copies it to where it is wanted.
"""

from __future__ import annotations

import io
import json
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Section, get_navigation
from mkdocs.structure.pages import Page
from ruamel.yaml import YAML

from inpublic.engines.mkdocs.nav import place_pages
from inpublic.engines.notices import ProjectError
from inpublic.engines.project import Project, ProjectInputs
from inpublic.giscus import META, PARTIAL
from inpublic.markdown_files import FRONT_MATTER
from inpublic.site import STYLESHEET, Site

STAGE = Path(".cache") / "inpublic" / "zensical"  # in the project's folder
EDIT_URL = "inpublic_edit_url"  # front matter of a generated page: its edit link, "" for none (partials/actions.html)
ACTIONS = "partials/actions.html"


@dataclass(frozen=True)
class Stage:
    """Where the staging copy lives: its config, its docs and the site Zensical builds from them."""

    folder: Path

    @property
    def config_file(self) -> Path:
        return self.folder / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    @property
    def overrides(self) -> Path:
        return self.folder / "overrides"

    @property
    def site(self) -> Path:
        return self.folder / "site"


def stage_of(project: Project) -> Stage:
    """The project's staging folder; a ProjectError when the one asked for would hold the learner's files, which
    the staging copy, kept to exactly what it wants, would remove."""
    folder = (project.cache_dir or project.folder / STAGE).resolve()
    for kept in (project.folder.resolve(), project.docs_dir.resolve()):
        if folder == kept or folder in kept.parents or folder.is_relative_to(project.docs_dir.resolve()):
            raise ProjectError(f"the cache folder {folder} holds the project's files (or is inside its docs): "
                               "give a folder of its own, like .cache/inpublic/zensical")
    return Stage(folder)


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The page's address from the site's root, as MkDocs and Zensical name it ('' for the home)."""
    return File(src_uri, None, "", use_directory_urls).url


def docs_files(read: ProjectInputs, site: Site, edit_url: Callable[[str], str]) -> dict[str, bytes]:
    """src_uri -> bytes of every file of the staged docs: the learner's public files (the Markdown as the site shows
    it), the pages and files the core adds, and the stylesheet. A generated page carries its own edit link in its
    front matter (`edit_url(path)`, to the learner's file it shows), or none."""
    files: dict[str, bytes] = {}
    for uri, path in read.files.items():
        if uri in site.replaced:
            continue
        data = path.read_bytes()
        if uri.endswith(".md"):
            text = _shown(site, uri, data.decode("utf-8-sig", errors="replace"))
            data = (_with_comments(text) if uri in site.commented else text).encode()
        files[uri] = data
    generated = list(site.files) + ([] if "index.md" in files else [site.home])
    for page in generated:
        if page.src_uri.endswith(".md"):
            text = _shown(site, page.src_uri, page.content)
            meta: dict[str, Any] = {EDIT_URL: edit_url(page.edit_path) if page.edit_path else ""}
            if page.src_uri in site.commented:
                meta[META] = True
            files[page.src_uri] = _with_meta(text, meta).encode()
        else:
            files[page.src_uri] = page.content.encode()
    files[site.stylesheet.src_uri] = site.stylesheet.source.read_bytes()
    for script in site.scripts:
        files[script.src_uri] = script.source.read_bytes()
    return files


def _with_comments(text: str) -> str:
    """A learner's page with `inpublic_comments: true` in its front matter, the rest of it left as written (a line
    added on top of a YAML block; a front matter written as a {flow} mapping is read and written again)."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return f"---\n{META}: true\n---\n{text}"
    if (match.group(1) or "").lstrip().startswith("{"):
        return _with_meta(text, {META: True})
    first = text.index("\n") + 1
    return f"{text[:first]}{META}: true\n{text[first:]}"


def _shown(site: Site, src_uri: str, text: str) -> str:
    """A page's Markdown with what the plugin adds in `on_page_markdown`, its front matter kept as it was.

    The Subscribe block's links are made relative to the Markdown file's folder, not to the page's address as
    for MkDocs: MkDocs leaves a link to a file it does not know (the feeds are written after it) as it is, but
    Zensical reads every relative link as relative to the file, and adds the `../` a page in its own folder
    needs (feeds.md is at inpublic/feeds/)."""
    match = FRONT_MATTER.match(text)
    head, body = (text[:match.end()], text[match.end():]) if match else ("", text)
    folder = posixpath.dirname(src_uri)
    return head + site.page_markdown(src_uri, body, folder + "/" if folder else "")


def _with_meta(text: str, meta: Mapping[str, Any]) -> str:
    """`text` with `meta` added to its front matter (which the core writes as JSON, a kind of YAML)."""
    match = FRONT_MATTER.match(text)
    old: dict[str, Any] = {}
    if match:
        loaded = _front_matter(match.group(1) or "")
        old = dict(loaded) if isinstance(loaded, dict) else {}
        text = text[match.end():]
    return "---\n" + json.dumps({**old, **meta}, ensure_ascii=False) + "\n---\n" + text


def _front_matter(text: str) -> Any:
    """Front matter as JSON, the way the core writes it (a thousand times faster to read than YAML), else as YAML."""
    try:
        return json.loads(text)
    except ValueError:
        return YAML(typ="safe", pure=True).load(text)


def edit_link(config: MkDocsConfig) -> Callable[[str], str]:
    """path -> the edit link of the learner's file at `path` (docs-relative), made by MkDocs' own rule."""
    def link(path: str) -> str:
        return Page(None, File(path, None, "", config.use_directory_urls), config).edit_url or ""
    return link


def navigation(config: MkDocsConfig, site: Site, uris: Iterable[str]) -> list[Any]:
    """The navigation the MkDocs plugin gives the site, written out as a `nav:` for Zensical: MkDocs' own (from
    the learner's `nav:`, or from the folders), with inpublic's index pages after the home and its other pages
    left out, as `engines/mkdocs/nav.py` places them."""
    ours = {f.src_uri for f in site.files if f.in_nav}
    hidden = {f.src_uri for f in site.files if not f.in_nav}
    files = Files([])
    for uri in sorted(uris):
        file = File(uri, None, "", config.use_directory_urls)
        if uri in hidden or (config.not_in_nav and config.not_in_nav.match_file(uri)):
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    nav = get_navigation(files, config)
    nav = place_pages(nav, sorted(ours), files, explicit=config.nav is not None)
    return [_nav_item(item) for item in nav.items]


def _nav_item(item: Any) -> Any:
    if isinstance(item, Section):
        return {item.title: [_nav_item(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    page: Page = item  # its title is the learner's, from `nav:`; None for a page found in the folders
    return {page.title: page.file.src_uri} if page.title else page.file.src_uri


def overrides(config: MkDocsConfig, templates: Path | None, comments: str = "") -> dict[str, bytes]:
    """The theme's overrides for the staging copy: the learner's own (theme.custom_dir), Zensical's edit button
    taught to read a generated page's `inpublic_edit_url`, and the comments partial (`comments`, '' for none),
    each unless the learner overrides that partial too. `templates` is the folder of Zensical's theme, None when it
    cannot be found."""
    files: dict[str, bytes] = {}
    custom = config.theme.custom_dir
    if custom:
        found = sorted(p for p in Path(custom).rglob("*") if p.is_file())
        files = {p.relative_to(custom).as_posix(): p.read_bytes() for p in found}
    if ACTIONS not in files and templates is not None and (templates / ACTIONS).is_file():
        patched = edit_actions((templates / ACTIONS).read_text(encoding="utf-8"))
        if patched is not None:
            files[ACTIONS] = patched.encode()
    if comments and PARTIAL not in files:
        files[PARTIAL] = comments.encode()
    return files


EDIT_IF = "{% if page.edit_url %}"
EDIT_SET = (f'{{% set edit_url = page.meta.{EDIT_URL} if page.meta and "{EDIT_URL}" in page.meta '
            "else page.edit_url %}")


def edit_actions(template: str) -> str | None:
    """Zensical's partials/actions.html with its edit link taken from the page's front matter when it has one;
    None when the template is not the one this was made for (the edit buttons are then left as Zensical makes
    them, a known gap)."""
    if EDIT_IF not in template:
        return None
    return EDIT_SET + template.replace(EDIT_IF, "{% if edit_url %}").replace("page.edit_url", "edit_url")


def staged_config(project: Project, nav: list[Any], custom_dir: bool, scripts: Iterable[str] = ()) -> str:
    """The learner's mkdocs.yml (its comments, tags and order kept) pointed at the staging copy: docs and site in
    the stage's folder, the navigation the plugin gives, inpublic's stylesheet, and the theme's overrides."""
    yaml = YAML()  # round trip: !ENV and !!python/name tags are kept for Zensical to read
    data = yaml.load(project.config_file.read_text(encoding="utf-8"))
    data["docs_dir"] = "docs"
    data["site_dir"] = "site"
    data["nav"] = nav
    css = list(data.get("extra_css") or [])
    data["extra_css"] = [*css, STYLESHEET] if STYLESHEET not in css else css
    if scripts:
        javascript = list(data.get("extra_javascript") or [])
        data["extra_javascript"] = javascript + [s for s in scripts if s not in javascript]
    if custom_dir:
        data.setdefault("theme", {})["custom_dir"] = "overrides"
    out = io.StringIO()
    out.write("# Written by `inpublic build --engine zensical` from mkdocs.yml: edit that, not this.\n")
    yaml.dump(data, out)
    return out.getvalue()


def write_tree(folder: Path, files: Mapping[str, bytes]) -> int:
    """`folder` holding exactly `files` (path -> bytes): a file is written only when its bytes change, and a file
    no longer wanted is removed. The number of files written."""
    written = 0
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.rglob("*"), reverse=True):  # children before their folder
        relative = path.relative_to(folder).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif relative not in files:
            path.unlink()
    for relative, data in files.items():
        written += write_file(folder / relative, data)
    return written


def write_file(path: Path, data: bytes) -> int:
    """`data` written to `path` unless it holds them already: 1 when written, else 0."""
    try:
        if path.read_bytes() == data:
            return 0
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return 1
