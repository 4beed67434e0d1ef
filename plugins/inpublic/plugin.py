"""The MkDocs adapter: hooks that hand each step to the core and keep per-build state on the instance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, write_file

from . import site_feeds as feeds
from .config import HOME_MARKER, InpublicConfig
from .feed_items import BlogPost, FeedIdError
from .history import HistoryError, head_sha, read_history, repo_relative, repo_root
from .home import home_view
from .markdown_files import read_markdown, read_titles
from .model import History, Plan, PlanHistory
from .plan import load_plan
from .plan_history import read_plan_history
from .privacy import Privacy, public_plan
from .problems import PlanError
from .render import markdown_text, render_home, render_note_dates
from .report_pages import report_pages
from .site_content import SiteContent, reflection_slugs, site_content
from .weeks import Sources

log = get_plugin_logger(__name__)
STYLESHEET = "assets/inpublic/inpublic.css"
SHALLOW = ("this is a shallow clone, so the git history is incomplete and the weekly reports and note dates "
           "are wrong. Fetch the whole history: in GitHub Actions, set `fetch-depth: 0` on actions/checkout; "
           "in a terminal, run `git fetch --unshallow`")


class InpublicPlugin(BasePlugin[InpublicConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across the rebuilds of `mkdocs serve`, and with it the
        # history read for one HEAD: a rebuild after editing a note starts no git process.
        self.cache: dict[str, tuple[History, Path | None, PlanHistory]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        self.plan_path = project / self.config.plan
        try:
            plan = load_plan(self.plan_path, name=self.config.plan)
        except PlanError as err:
            raise PluginError(f"inpublic: {self.config.plan} has mistakes:\n{err}") from None
        self.plan: Plan = public_plan(plan)
        self.today = build_date(plan.learner.timezone)
        self.history, self.root, self.plan_history = self.histories(project)
        if self.history.shallow:
            log.warning(f"{SHALLOW}.")
        self.content = SiteContent()
        self.feeds = setup_feeds(self.config, config, self.plan)  # None: no feeds in this build
        self.posts: list[BlogPost] = []
        self.pages: dict[str, str] = {}
        self.blog_dirs = feeds.blog_post_dirs(config.plugins)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def histories(self, project: Path) -> tuple[History, Path | None, PlanHistory]:
        """The git history and the plan's history, read again only when HEAD has moved."""
        head = head_sha(project)
        cache = getattr(self, "cache", {})
        if head is None or head not in cache:
            history, root = load_history(project)
            cache.clear()
            cache[head or ""] = (history, root, load_plan_history(root, self.plan_path))
        return cache[head or ""]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        privacy = Privacy(tuple(self.config.private), self.config.private_marker, tuple(self.config.not_notes))
        for file in [f for f in files if privacy.is_private_path(f.src_uri)]:
            files.remove(file)
        notes = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
        slugs = reflection_slugs(list(notes))
        self.reflections = {slug: read_markdown(notes[uri]) for uri, slug in slugs.items()}
        self.sources = sources = Sources(
            notes_dir=repo_relative(self.root, Path(config.docs_dir)) if self.root else "",
            plan_path=repo_relative(self.root, self.plan_path) if self.root else self.config.plan,
            titles=read_titles({uri: path for uri, path in notes.items() if privacy.is_note(uri)}),
            privacy=privacy,
        )
        self.content = site_content(
            self.plan, self.history, self.today, sources,
            self.reflections,
            site_url=config.site_url or "", history_incomplete=self.history.shallow,
            with_reports=self.config.reports, with_note_dates=self.config.note_dates,
            plan_history=self.plan_history, with_reviews=self.config.reviews,
        )
        for uri in self.content.replaced:
            files.remove(files.get_file_from_path(uri))
        for generated in self.content.files:
            file = File.generated(config, generated.src_uri, content=generated.content)
            file.edit_uri = generated.edit_path
            file.inclusion = InclusionLevel.INCLUDED if generated.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(file)
        stylesheet = Path(__file__).parent / "assets" / "inpublic.css"
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(stylesheet)))
        if files.get_file_from_path("index.md") is None:
            title = f"# {markdown_text(self.plan.learner.name)}: learning in public\n\n"  # escaped
            files.append(File.generated(config, "index.md", content=title + HOME_MARKER + "\n"))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if uri == "index.md" and HOME_MARKER in markdown:
            view = home_view(self.plan, self.today, self.content.commitments)
            home = render_home(view, rhythm=self.content.rhythm) + f"\n{feeds.SUBSCRIBE_MARKER}\n"
            return self.subscribe(markdown.replace(HOME_MARKER, home), page, files)
        markdown = self.subscribe(markdown, page, files)
        dates = self.content.note_dates.get(uri)
        if dates is not None:
            return markdown + "\n\n" + render_note_dates(dates, ZoneInfo(self.plan.learner.timezone))
        return markdown

    def subscribe(self, markdown: str, page: Page, files: Files) -> str:
        """The Subscribe block where the learner put its marker (the home has one), and under the reports index."""
        if self.feeds is None:
            return feeds.place_subscribe(markdown, page.file.src_uri, "")
        links = feeds.subscribe_links(page.url, files.get_file_from_path(feeds.CALENDAR) is not None)
        return feeds.place_subscribe(markdown, page.file.src_uri, feeds.render_subscribe(links))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages[page.file.src_uri] = page.url  # the pages built, for links in the feeds
        if self.feeds is not None and page.file.src_uri.startswith(self.blog_dirs):
            self.posts.append(BlogPost(page.file.src_uri, page.canonical_url or "", page.title or "", page.meta, html))
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.feeds is None:
            return output
        return feeds.add_head_links(output, feeds.head_links(config.site_url or "", config.site_name))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if self.feeds is None or not template_name.endswith(".html"):  # 404.html: a page too
            return output_content
        return feeds.add_head_links(output_content, feeds.head_links(config.site_url or "", config.site_name))

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.feeds is None:
            return
        pages = report_pages(self.content.reports, self.reflections) if self.config.reports else ()
        info = feeds.SiteInfo(config.site_url or "", config.site_name, config.site_description,
                              config.theme.get("language"), config.use_directory_urls, self.pages)
        built = feeds.build_feeds(self.plan, self.history, self.plan_history, self.today, self.sources, pages,
                                  self.posts, info, self.feeds, statuses=self.content.commitments,
                                  markdown=feeds.markdown_converter(config.markdown_extensions, config.mdx_configs))
        for name, data in built.items():
            write_file(data, str(Path(config.site_dir) / name))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.plan_path))
        return server


def setup_feeds(options: InpublicConfig, config: MkDocsConfig, plan: Plan) -> feeds.FeedSettings | None:
    """What the feeds hold, or None (with a warning saying why) when there are none to write."""
    if not options.feed_items:
        return None
    if not config.site_url:
        log.warning(f"{feeds.NO_SITE_URL}.")
        return None
    settings = feeds.FeedSettings(tuple(options.feed_items), options.feed_limit, options.feed_id)
    try:
        _, stable = feeds.feed_site(plan, feeds.SiteInfo(config.site_url, config.site_name), settings)
    except FeedIdError as err:
        raise PluginError(f"inpublic: {err}") from None
    if not stable:
        log.info(f"{feeds.UNSTABLE_ID}.")
    return settings


def build_date(timezone: str) -> dt.date:
    """Today in the learner's time zone, from MkDocs' build date (which honours SOURCE_DATE_EPOCH)."""
    return get_build_datetime().astimezone(ZoneInfo(timezone)).date()


def load_history(project: Path) -> tuple[History, Path | None]:
    """The history of the repository holding the site, or an empty one with a warning saying why."""
    try:
        root = repo_root(project)
        history = read_history(root)
    except HistoryError as err:
        log.warning(f"{err}. The weekly reports and note dates need the git history.")
        return History((), None), None
    return history, root


def load_plan_history(root: Path | None, plan_path: Path) -> PlanHistory:
    """Every committed version of the plan, for the deadline history; versions that cannot be read are logged."""
    if root is None:
        return PlanHistory()
    try:
        plan_history = read_plan_history(root, repo_relative(root, plan_path))
    except HistoryError as err:
        log.warning(f"{err}. The commitments' deadline history needs the git history of the plan.")
        return PlanHistory()
    for warning in plan_history.warnings:  # info, not warning: an old mistake must not fail a --strict build
        log.info(warning)
    return plan_history
