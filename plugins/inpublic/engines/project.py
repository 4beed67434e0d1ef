"""A project as every engine adapter reads it, whatever engine then lays out the site.

`read_project` reads mkdocs.yml with MkDocs' own config machinery, which checks every inpublic option the way a
`mkdocs build` does; `read_inputs` reads the plan, the two histories as they stand today, the docs' files and the
learner's reflections into the core's `BuildInputs`. The MkDocs plugin reads the same things in its hooks (to keep
what does not change between the rebuilds of `mkdocs serve`) and makes its `BuildInputs` with `build_inputs`, so
both engines build from the same inputs. What goes wrong is returned as `Notice`s or raised as one `ProjectError`:
each adapter says it its own way (engines/notices.py).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel, get_files

from inpublic.activity.public import may_count
from inpublic.cohort import OFFLINE_VARIABLE
from inpublic.cohort.data import PeerRead
from inpublic.cohort.fetch import CACHE, read_peers
from inpublic.engines.compiled_templates import FOLDER as TEMPLATES
from inpublic.engines.compiled_templates import CompiledTemplates
from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.engines.notices import INFO, WARNING, Notice, ProjectError, warnings_logged
from inpublic.feeds import site as feeds
from inpublic.feeds.items import FeedIdError
from inpublic.history.load import OLD_PLAN, Histories, histories_as_of, read_histories
from inpublic.history.read import repo_relative
from inpublic.markdown_files import PageFacts, read_markdown, read_pages
from inpublic.model import Plan
from inpublic.plan.load import load_plan
from inpublic.plan.peers import own_site
from inpublic.privacy import Privacy, public_plan
from inpublic.problems import PlanError
from inpublic.reports.weeks import Sources
from inpublic.site import BuildInputs, BuildOptions, SiteFacts, reflection_slugs
from inpublic.today import TodayError, learner_today


@dataclass(frozen=True)
class Project:
    """A site's mkdocs.yml, every option checked, and the inpublic plugin's options in it."""

    config_file: Path
    config: MkDocsConfig
    options: InpublicConfig
    cache_dir: Path | None = None  # where an engine adapter keeps its copies (None: its own place in the project)
    warnings: tuple[str, ...] = ()  # what MkDocs warned of in mkdocs.yml, each line naming the file

    @property
    def folder(self) -> Path:
        return self.config_file.parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    @property
    def plan_path(self) -> Path:
        return self.folder / self.options.plan

    @property
    def kept_dir(self) -> Path:
        """Where a build keeps what the next one can use (the histories read from git, the compiled templates):
        where the MkDocs plugin keeps them, or a folder of its own in the cache folder given."""
        return self.folder / ".cache" / "inpublic" if self.cache_dir is None else self.cache_dir / "kept"

    def privacy(self) -> Privacy:
        return privacy_of(self.options)


@dataclass(frozen=True)
class ProjectInputs:
    """What a build is made of, and the docs' files that reach the site (src_uri -> file), in MkDocs' order."""

    inputs: BuildInputs
    files: Mapping[str, Path]
    notices: tuple[Notice, ...]


def read_project(config_file: Path, *, site_dir: Path | None = None, cache_dir: Path | None = None,
                 strict: bool = False) -> Project:
    """mkdocs.yml read and checked by MkDocs, with `site_dir` in place of its own when given; `strict`: a warning
    is a mistake, as in a strict build."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise ProjectError(f"{config_file}: no such file; run this in your site's folder, "
                           "or pass -f path/to/mkdocs.yml")
    overrides = {} if site_dir is None else {"site_dir": str(site_dir.absolute())}
    with warnings_logged("mkdocs.config") as said:
        try:
            config = load_config(str(config_file), strict=strict, **overrides)
        except (Abort, ConfigurationError) as err:
            raise ProjectError("\n".join(f"{config_file}: {line}" for line in [*said, str(err)])) from None
    plugin = config.plugins.get("inpublic")
    if plugin is None:
        raise ProjectError(f"{config_file}: the inpublic plugin is not enabled; add it under `plugins:` (- inpublic)")
    return Project(config_file.absolute(), config, plugin.config, cache_dir and cache_dir.absolute(),
                   tuple(f"{config_file}: {line}" for line in said))


def privacy_of(options: InpublicConfig) -> Privacy:
    return Privacy(tuple(options.private), options.private_marker, tuple(options.not_notes))


def load_public_plan(path: Path, name: str) -> tuple[Plan, str]:
    """The plan with what is private taken out, and the learner's time zone; a mistake is one ProjectError."""
    try:
        plan = load_plan(path, name=name)
    except PlanError as err:
        raise ProjectError(f"inpublic: {name} has mistakes:\n{err}") from None
    return public_plan(plan), plan.learner.timezone


def today_in(timezone: str) -> dt.date:
    """Today in the learner's time zone (INPUBLIC_TODAY, else SOURCE_DATE_EPOCH, else the clock)."""
    try:
        return learner_today(timezone)
    except TodayError as err:
        raise ProjectError(f"inpublic: {err}") from None


def feed_settings(options: InpublicConfig, site_url: str, site_name: str,
                  plan: Plan) -> tuple[feeds.FeedSettings | None, tuple[Notice, ...]]:
    """What the feeds hold, or None (with the notice saying why) when there are none to write."""
    if not options.feed_items:
        return None, ()
    if not site_url:
        return None, (Notice(WARNING, f"{feeds.NO_SITE_URL}."),)
    settings = feeds.FeedSettings(tuple(options.feed_items), options.feed_limit, options.feed_id)
    try:
        _, stable = feeds.feed_site(plan, feeds.SiteInfo(site_url, site_name), settings)
    except FeedIdError as err:
        raise ProjectError(f"inpublic: {err}") from None
    return settings, (() if stable else (Notice(INFO, f"{feeds.UNSTABLE_ID}."),))


def history_notices(histories: Histories) -> tuple[Notice, ...]:
    """What reading the histories found: a version of the plan that cannot be read is info, not a warning, so that
    an old mistake does not stop a --strict build."""
    return tuple(Notice(INFO, w.text) if w.kind == OLD_PLAN else Notice(WARNING, f"{w.text}.")
                 for w in histories.warnings)


def site_facts(config: MkDocsConfig) -> SiteFacts:
    toc = config.mdx_configs.get("toc") or {}
    slugify = toc.get("slugify")
    return SiteFacts(config.site_url or "", config.site_name, config.site_description,
                     config.theme.get("language"), config.use_directory_urls,
                     slugify=slugify if callable(slugify) else None, slug_separator=str(toc.get("separator", "-")))


def build_options(options: InpublicConfig, feeds_on: feeds.FeedSettings | None) -> BuildOptions:
    """The plugin's options that change what a build adds, with the feeds' settings (None: no feeds)."""
    return BuildOptions(options.reports, options.note_dates, options.reviews, feeds_on,
                        reports_in_search=options.reports_in_search, comments=options.comments,
                        backlinks=options.backlinks)


def offline(options: InpublicConfig) -> bool:
    """Whether the build reads no peer's site: the plugin's `offline` option, or INPUBLIC_OFFLINE set (not 0)."""
    said = os.environ.get(OFFLINE_VARIABLE, "").strip().lower()
    return bool(options.offline) or said not in ("", "0", "false", "no")


def read_cohort(plan: Plan, plan_name: str, site_url: str, kept_dir: Path, today: dt.date,
                options: InpublicConfig) -> tuple[tuple[PeerRead, ...], tuple[Notice, ...]]:
    """What the sites of the plan's peers publish (from the cache when offline or out of reach), with a notice for
    each that could not be reached: information, since another's site being down is not the learner's mistake.
    A ProjectError when a peer is this site itself."""
    own = own_site(plan.peers, site_url)
    if own is not None:
        where = f"{plan_name}:{own.line}:{own.column}: peers[{plan.peers.index(own)}]"
        raise ProjectError(f"inpublic: {plan_name} has mistakes:\n{where}: {own.url} is this site's own address "
                           "(site_url in mkdocs.yml); list the sites of the learners you follow")
    reads, said = read_peers(plan.peers, kept_dir / CACHE, today, offline=offline(options))
    return reads, tuple(Notice(INFO, text) for text in said)


def build_inputs(*, plan: Plan, histories: Histories, today: dt.date, notes_dir: str, plan_in_repo: str,
                 privacy: Privacy, pages: Mapping[str, Path], options: BuildOptions, site: SiteFacts,
                 known_pages: dict[Path, tuple[int, int, PageFacts]] | None = None,
                 kept_dir: Path | None = None, peers: tuple[PeerRead, ...] = ()) -> BuildInputs:
    """The core's inputs from what an adapter read: `pages` are the public Markdown pages (src_uri -> file).
    `known_pages`: the pages' titles and links an adapter that builds again and again keeps (see `read_pages`);
    `kept_dir`: where the templates are kept compiled from one build to the next; `peers`: what was read of the
    peers' sites."""
    reflections = reflection_slugs(list(pages))
    read = read_pages({uri: path for uri, path in pages.items() if uri not in reflections}, known_pages)
    sources = Sources(
        notes_dir=notes_dir,
        plan_path=plan_in_repo,
        titles={uri: page.title for uri, page in read.items() if privacy.is_note(uri)},
        privacy=privacy,
        links={uri: page.links for uri, page in read.items()},
    )
    return BuildInputs(
        plan=plan,
        history=histories.history,
        today=today,
        sources=sources,
        plan_history=histories.plan_history,
        reflections={slug: read_markdown(pages[uri]) for uri, slug in reflections.items()},
        options=options,
        site=site,
        peers=peers,
        templates=None if kept_dir is None else CompiledTemplates(kept_dir / TEMPLATES),
    )


def read_inputs(project: Project) -> ProjectInputs:
    """Everything a build of `project` is made of, read once, with what reading it found."""
    options, config = project.options, project.config
    plan, timezone = load_public_plan(project.plan_path, options.plan)
    today = today_in(timezone)
    privacy = project.privacy()
    read = read_histories(project.folder, project.plan_path, privacy.marker, project.kept_dir)
    root = read.root
    notes_dir = repo_relative(root, project.docs_dir) if root else ""
    plan_in_repo = repo_relative(root, project.plan_path) if root else options.plan
    now = histories_as_of(read, today, timezone, lambda c: may_count(c, notes_dir, plan_in_repo, privacy))
    feeds_on, feed_notices = feed_settings(options, config.site_url or "", config.site_name, plan)
    files = {f.src_uri: Path(f.abs_src_path) for f in get_files(config)
             if f.abs_src_path and f.inclusion.value > InclusionLevel.DRAFT.value  # drafts are left out of builds
             and not privacy.is_private_path(f.src_uri)}
    pages = {uri: path for uri, path in files.items() if uri.endswith(".md")}
    peers, peer_notices = read_cohort(plan, options.plan, config.site_url or "", project.kept_dir, today, options)
    inputs = build_inputs(plan=plan, histories=now, today=today, notes_dir=notes_dir, plan_in_repo=plan_in_repo,
                          privacy=privacy, pages=pages, options=build_options(options, feeds_on),
                          site=site_facts(config), kept_dir=project.kept_dir, peers=peers)
    said = tuple(Notice(WARNING, line) for line in project.warnings)
    return ProjectInputs(inputs, files,
                         said + history_notices(read) + history_notices(now) + feed_notices + peer_notices)

