"""The MkDocs adapter: hooks that read what the core needs, hand it to `site.build_site`, and lay out what it
returns. Per-build state is kept on the instance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file
from mkdocs.utils.templates import TemplateContext

from inpublic.activity.public import may_count
from inpublic.cohort.data import PeerRead
from inpublic.engines.mkdocs.inputs import build_date, log_notices, read_bytes, setup_feeds
from inpublic.engines.mkdocs.nav import place_pages, short_navigation
from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.engines.mkdocs.rendered import RenderedPages, build_key
from inpublic.engines.notices import ProjectError
from inpublic.engines.project import (
    build_inputs,
    build_options,
    history_notices,
    offline,
    privacy_of,
    read_cohort,
    site_facts,
)
from inpublic.feeds import site as feeds
from inpublic.feeds.items import BlogPost
from inpublic.giscus import META, OWN_PARTIAL, PARTIAL, SCRIPT
from inpublic.history.load import Histories, histories_as_of, read_histories
from inpublic.history.read import head_sha, repo_relative
from inpublic.markdown_files import PageFacts
from inpublic.model import Plan
from inpublic.plan.load import load_plan
from inpublic.privacy import public_plan
from inpublic.problems import PlanError
from inpublic.site import STYLESHEET, Site, build_site

log = get_plugin_logger(__name__)
T = TypeVar("T")


class InpublicPlugin(BasePlugin[InpublicConfig]):  # type: ignore[no-untyped-call]  # MkDocs types no __init_subclass__
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across the rebuilds of `mkdocs serve`, and with it what the
        # last build computed: a rebuild with the same HEAD, plan and titles starts no git process and
        # computes no report again.
        self.memos: dict[str, tuple[object, Any]] = {}
        self.rendered: RenderedPages | None = None  # what the last build converted from Markdown

    def memo(self, name: str, key: object, compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave in the previous build of this session when `key` has not changed."""
        memos = getattr(self, "memos", {})
        if name not in memos or memos[name][0] != key:
            memos[name] = (key, compute())
        return cast(T, memos[name][1])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        self.cache_dir = project / ".cache" / "inpublic"
        # kept across the builds of a session (`mkdocs serve`): the pages' titles and links, by file, time and size
        self.known_pages: dict[Path, tuple[int, int, PageFacts]] = getattr(self, "known_pages", {})
        previous = getattr(self, "rendered", None)
        self.rendered = previous.next_build() if previous else RenderedPages.load(self.cache_dir)
        self.plan_path = project / self.config.plan
        self.plan_text = read_bytes(self.plan_path)
        try:
            plan = self.memo("plan", self.plan_text, lambda: load_plan(self.plan_path, name=self.config.plan))
        except PlanError as err:
            raise PluginError(f"inpublic: {self.config.plan} has mistakes:\n{err}") from None
        self.plan: Plan = public_plan(plan)
        self.today = build_date(plan.learner.timezone)
        self.head = head_sha(project)
        self.privacy = privacy_of(self.config)
        read = self.memo("histories", (self.head or object(), self.privacy.marker), lambda: self.histories(project))
        root = read.root
        self.notes_dir = repo_relative(root, Path(config.docs_dir)) if root else ""
        self.plan_in_repo = repo_relative(root, self.plan_path) if root else self.config.plan
        timezone = plan.learner.timezone
        as_of = (read, self.today, timezone, self.notes_dir, self.plan_in_repo, self.privacy)
        self.histories_now = self.memo("histories now", as_of, lambda: histories_as_of(  # as they stand today
            read, self.today, timezone, lambda c: may_count(c, self.notes_dir, self.plan_in_repo, self.privacy)))
        log_notices(history_notices(self.histories_now))
        self.feeds = setup_feeds(self.config, config, self.plan)  # None: no feeds in this build
        self.posts: list[BlogPost] = []
        self.pages: dict[str, str] = {}
        self.below: dict[str, str] = {}  # src_uri -> the HTML on_page_content adds under the page
        self.blog_dirs = feeds.blog_post_dirs(config.plugins)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.config.comments is not None and SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        return config

    def histories(self, project: Path) -> Histories:
        """The git history and the plan's history, with what reading them found in the log."""
        read = read_histories(project, self.plan_path, self.privacy.marker, self.cache_dir)
        log_notices(history_notices(read))
        return read

    def read_peers(self, config: MkDocsConfig) -> tuple[PeerRead, ...]:
        """What the peers' sites publish, with what could not be read in the log (as information)."""
        try:
            peers, notices = read_cohort(self.plan, self.config.plan, config.site_url or "", self.cache_dir,
                                         self.today, self.config)
        except ProjectError as err:
            raise PluginError(str(err)) from None
        log_notices(notices)
        return peers

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        privacy = self.privacy
        for file in [f for f in files if privacy.is_private_path(f.src_uri)]:
            files.remove(file)
        notes = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
        options = self.config
        peers = self.memo("peers", (self.plan.peers, offline(options), self.today, config.site_url),
                          lambda: self.read_peers(config))  # read once a session of `mkdocs serve`
        inputs = build_inputs(plan=self.plan, histories=self.histories_now, today=self.today,
                              notes_dir=self.notes_dir, plan_in_repo=self.plan_in_repo, privacy=privacy, pages=notes,
                              options=build_options(options, self.feeds), site=site_facts(config),
                              known_pages=self.known_pages, kept_dir=self.cache_dir, peers=peers)
        # the history and the plans are known by HEAD and the plan's text, cheaper to compare than themselves
        self.site_key = (self.head or object(), self.plan_text, tuple(options.items()),
                         inputs.today, inputs.sources, inputs.reflections, inputs.options, inputs.site, inputs.peers)
        self.site: Site = self.memo("site", self.site_key, lambda: build_site(inputs))
        for problem in self.site.link_problems:  # a warning each: `mkdocs build --strict` stops
            log.warning(str(problem))
        for uri in self.site.replaced:
            if (replaced := files.get_file_from_path(uri)) is not None:
                files.remove(replaced)
        for generated in self.site.files:
            file = File.generated(config, generated.src_uri, content=generated.content)
            file.edit_uri = generated.edit_path
            # with a `nav:`, on_nav adds the pages the learner did not place, so MkDocs need not list them as missing
            in_nav = generated.in_nav and config.nav is None
            file.inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(file)
        stylesheet = self.site.stylesheet
        files.append(File.generated(config, stylesheet.src_uri, abs_src_path=str(stylesheet.source)))
        for script in self.site.scripts:
            files.append(File.generated(config, script.src_uri, abs_src_path=str(script.source)))
        if files.get_file_from_path(self.site.home.src_uri) is None:
            files.append(File.generated(config, self.site.home.src_uri, content=self.site.home.content))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        ours = [generated.src_uri for generated in self.site.files if generated.in_nav]
        nav = place_pages(nav, ours, files, explicit=config.nav is not None)
        self.short_nav = short_navigation(nav)
        self.outside_nav = {generated.src_uri for generated in self.site.files if not generated.in_nav}
        self.build_key = build_key(config, files)
        return nav

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if page.file.src_uri in self.outside_nav and self.rendered is not None:  # see rendered.py
            page.render = self.rendered.render(page, page.render, self.build_key)  # type: ignore[method-assign]
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # what goes below a note (its dates) is HTML: added to the converted page, as Python-Markdown would read
        # the whole note again, through an HTML parser, for one raw HTML line (about half a millisecond a note)
        src_uri = page.file.src_uri
        if self.site.comments_partial:
            page.meta[META] = src_uri in self.site.commented  # partials/comments.html shows them where it is set
        below = "\n\n".join(html.rstrip() for html in self.site.below(src_uri, markdown, page.url))
        self.below[src_uri] = f"\n{below}" if below else ""  # as Python-Markdown would have joined the blocks
        return self.site.page_markdown(src_uri, markdown, page.url, below=False)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages[page.file.src_uri] = page.url  # the pages built, for links in the feeds
        html = self.site.page_html(page.file.src_uri, html) + self.below.pop(page.file.src_uri, "")
        if self.feeds is not None and page.file.src_uri.startswith(self.blog_dirs):
            self.posts.append(BlogPost(page.file.src_uri, page.canonical_url or "", page.title or "", page.meta, html))
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's comments partial is inpublic's when comments are on, unless the learner's theme folder
        (theme.custom_dir) has its own, which wins."""
        partial = self.site.comments_partial
        if partial and own_partial(config, PARTIAL):
            log.info(f"{OWN_PARTIAL}.")
        elif partial:
            env.loader = ChoiceLoader([DictLoader({PARTIAL: partial}), *([env.loader] if env.loader else [])])
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if page.file.src_uri in self.outside_nav:  # a weekly report, a commitment: see nav.short_navigation
            context["nav"] = self.short_nav
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self.site.with_head_links(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # 404.html: a page too
            return output_content
        return self.site.with_head_links(output_content)

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.rendered is not None:
            self.rendered.save(self.cache_dir)
        if self.feeds is None:
            return
        built = self.memo("feeds", (self.site_key, self.posts, self.pages), lambda: self.site.feed_files(
            self.posts, self.pages, feeds.markdown_converter(config.markdown_extensions, config.mdx_configs)))
        for name, data in built.items():
            write_file(data, str(Path(config.site_dir) / name))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.plan_path))
        return server


def own_partial(config: MkDocsConfig, name: str) -> bool:
    """Whether the learner's theme folder (theme.custom_dir) holds the template `name`."""
    custom = config.theme.custom_dir
    return custom is not None and (Path(custom) / name).is_file()
