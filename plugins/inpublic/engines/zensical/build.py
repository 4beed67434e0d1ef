"""Build or serve a site with Zensical: the core's site staged (stage.py), built by Zensical in this process, then
finished as the MkDocs plugin finishes its pages (the feeds' links in every <head>, the learner's HTML in a report
sanitised) and copied to the site folder.

Zensical is called through its Python API, `zensical.build(config_file, options)`, and `python -m zensical serve`
for the preview; nothing of it is patched. Its theme's edit button is overridden in the staging copy only.
"""

from __future__ import annotations

import contextlib
import importlib.util
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from inpublic.engines.notices import INFO, WARNING, Notice, ProjectError, say_notices
from inpublic.engines.project import Project, ProjectInputs, read_inputs, read_project
from inpublic.engines.zensical.stage import (
    Stage,
    docs_files,
    edit_link,
    navigation,
    overrides,
    page_url,
    stage_of,
    staged_config,
    write_file,
    write_tree,
)
from inpublic.feeds import site as feeds
from inpublic.giscus import OWN_PARTIAL, PARTIAL
from inpublic.history.read import head_sha
from inpublic.sanitise import clean_marked
from inpublic.site import Site, build_site

NOT_INSTALLED = "Zensical is not installed: `pip install zensical`, or build with `--engine mkdocs`"
NO_BLOG = ("with Zensical, the blog's posts are not in the feeds yet: Zensical's blog plugin builds them where "
           "inpublic cannot read them; build with MkDocs to have them in the feeds")


@dataclass(frozen=True)
class Staged:
    """A staging copy written for one build: what the core made, where it lies, and what reading it found."""

    site: Site
    stage: Stage
    notices: tuple[Notice, ...]
    written: int  # files of the staging copy written (the others were already as wanted)
    feeds: Mapping[str, bytes]  # feed.xml, atom.xml and feed.json, for the site's root once it is built


def stage_project(project: Project) -> Staged:
    """Read the project, build the core's site and write the staging copy that Zensical builds."""
    read: ProjectInputs = read_inputs(project)
    site = build_site(read.inputs)
    config, stage = project.config, stage_of(project)
    docs = docs_files(read, site, edit_link(config))
    urls = {uri: page_url(uri, config.use_directory_urls) for uri in docs if uri.endswith(".md")}
    # the feeds go into the site once it is built, not into the docs: Zensical would take the Subscribe block's
    # links, relative to the page as MkDocs leaves them, for links relative to the Markdown file
    feed_files = site.feed_files([], urls, feeds.markdown_converter(config.markdown_extensions, config.mdx_configs))
    notices = read.notices + tuple(Notice(WARNING, str(problem)) for problem in site.link_problems)
    if feed_files and "blog" in project.options.feed_items and feeds.blog_post_dirs(config.plugins):
        notices += (Notice(INFO, f"{NO_BLOG}."),)
    templates = zensical_templates()
    themed = overrides(config, templates, site.comments_partial)
    if site.comments_partial and themed.get(PARTIAL, b"") != site.comments_partial.encode():
        notices += (Notice(INFO, f"{OWN_PARTIAL}."),)
    text = staged_config(project, navigation(config, site, urls), custom_dir=bool(themed),
                         scripts=[script.src_uri for script in site.scripts])
    written = write_tree(stage.docs, docs) + write_tree(stage.overrides, themed)
    written += write_file(stage.config_file, text.encode())
    return Staged(site, stage, notices, written, feed_files)


def zensical_templates() -> Path | None:
    """The folder of Zensical's theme: in zensical-ui from Zensical 0.0.74 on, in the zensical package before."""
    try:
        import zensical_ui  # type: ignore[import-not-found, unused-ignore]

        return Path(zensical_ui.get_theme_dir())
    except (ImportError, AttributeError):
        pass
    try:
        import zensical
    except ImportError:
        return None
    folder = Path(zensical.__file__).parent / "templates"
    return folder if folder.is_dir() else None


def run_zensical(config_file: Path, *, strict: bool) -> str | None:
    """Build with Zensical in this process: None when it built, else why it did not."""
    try:
        import zensical
    except ImportError:
        return NOT_INSTALLED
    try:
        zensical.build(str(config_file), {"clean": False, "strict": strict})
    except RuntimeError as err:  # --strict and a warning: the site is written, the build has failed
        return f"Zensical stopped the build: {err}"
    except Exception as err:  # noqa: BLE001 - Zensical's own errors (its config's) have no common type of theirs
        return f"Zensical could not build the staging copy {config_file}: {err}"
    return None


def finish_page(site: Site, src_uri: str | None, html: str) -> str:
    """A page Zensical built, as the MkDocs plugin leaves it: the feeds' <link>s in its <head>, and the learner's
    part of a report sanitised."""
    if src_uri is not None and src_uri in site.sanitised:
        html = clean_marked(html)
    return site.with_head_links(html)


def finish_site(staged: Staged, seen: dict[str, int] | None = None) -> int:
    """Zensical's site finished: the feeds written at its root, and every HTML page finished; with `seen`
    (path -> mtime), only the pages written since it was last seen. The number of pages finished."""
    site, folder = staged.site, staged.stage.site
    for name, data in staged.feeds.items():
        write_file(folder / name, data)
    directory_urls = site.inputs.site.use_directory_urls
    sources = {_dest(uri, directory_urls): uri for uri in site.sanitised}
    done = 0
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        stamp = path.stat().st_mtime_ns
        if seen is not None and seen.get(relative) == stamp:
            continue
        html = path.read_text(encoding="utf-8")
        finished = finish_page(site, sources.get(relative), html)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
            done += 1
        if seen is not None:
            seen[relative] = path.stat().st_mtime_ns
    return done


def _dest(src_uri: str, directory_urls: bool) -> str:
    from mkdocs.structure.files import File

    return File(src_uri, None, "", directory_urls).dest_uri


def copy_site(source: Path, project: Project) -> None:
    """Zensical's site copied to the project's site folder (only what changed), which then holds nothing else."""
    target = site_folder(project)
    files = {p.relative_to(source).as_posix(): p.read_bytes() for p in sorted(source.rglob("*")) if p.is_file()}
    target.mkdir(parents=True, exist_ok=True)
    write_tree(target, files)


def site_folder(project: Project) -> Path:
    """The project's site folder; a ProjectError when it holds the project or its docs, or is inside them."""
    target = project.site_dir.resolve()
    for kept in (project.folder.resolve(), project.docs_dir.resolve()):
        if target == kept or target in kept.parents:
            raise ProjectError(f"site_dir {target} holds the project or its docs: the site would be written over them")
    if target.is_relative_to(project.docs_dir.resolve()):
        raise ProjectError(f"site_dir {target} is inside docs_dir: the site would be built into its own source")
    return target


def build(project: Project, *, strict: bool) -> tuple[Staged | None, list[str]]:
    """Build the site with Zensical into the project's site folder: what was staged, and the errors (none when it
    built)."""
    site_folder(project)
    staged = stage_project(project)
    failed = run_zensical(staged.stage.config_file, strict=strict)
    if failed:
        return staged, [failed]
    finish_site(staged)
    copy_site(staged.stage.site, project)
    return staged, []


def fingerprint(project: Project) -> tuple[object, ...]:
    """What a change of shows in: mkdocs.yml, the plan, every file of the docs, and HEAD."""
    def stamp(path: Path) -> tuple[int, int] | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    docs = tuple((p.as_posix(), stamp(p)) for p in sorted(project.docs_dir.rglob("*")))
    return stamp(project.config_file), stamp(project.plan_path), docs, head_sha(project.folder)


def serve(config_file: Path, address: str, *, cache_dir: Path | None = None, poll: float = 0.5) -> int:
    """Preview the site with `zensical serve` from the staging copy, staged again whenever a note, the plan,
    mkdocs.yml or HEAD changes; Zensical sees the changed files and rebuilds those pages. Ends with Zensical."""
    if importlib.util.find_spec("zensical") is None:
        raise ProjectError(NOT_INSTALLED)
    project = read_project(config_file, cache_dir=cache_dir)
    staged = stage_project(project)
    say_notices(staged.notices)
    command = [sys.executable, "-m", "zensical", "serve", "-f", str(staged.stage.config_file), "-a", address]
    server = subprocess.Popen(command, cwd=project.folder)
    handlers = {signum: signal.signal(signum, _interrupt)  # stopped as by Ctrl+C, so that Zensical is stopped too
                for signum in (signal.SIGTERM, signal.SIGHUP)}
    seen: dict[str, int] = {}
    last = fingerprint(project)
    try:
        while server.poll() is None:
            time.sleep(poll)
            now = fingerprint(project)
            if now != last:
                last = now
                try:
                    project = read_project(config_file, cache_dir=cache_dir)
                    staged = stage_project(project)
                except ProjectError as err:
                    print(f"ERROR   -  {err}", file=sys.stderr)  # the last good copy stays served
                    continue
                say_notices(staged.notices)
                print(f"INFO    -  inpublic: staged again ({staged.written} files changed)", file=sys.stderr)
            if staged.stage.site.is_dir():
                finish_site(staged, seen)
    except KeyboardInterrupt:
        pass
    finally:
        with contextlib.suppress(ProcessLookupError):
            server.terminate()  # Zensical stops on SIGTERM; SIGINT it may ignore
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    return 0 if server.returncode in (0, -signal.SIGTERM) else 1


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


