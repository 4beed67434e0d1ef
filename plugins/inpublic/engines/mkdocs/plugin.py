"""The MkDocs adapter: hooks that hand each step to the core and keep per-build state on the instance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from inpublic.activity.public import may_count
from inpublic.engines.mkdocs.inputs import as_of, build_date, load_history, load_plan_history, read_bytes, setup_feeds
from inpublic.engines.mkdocs.nav import place_pages
from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.feeds import site as feeds
from inpublic.feeds.items import BlogPost
from inpublic.history.read import head_sha, repo_relative
from inpublic.home.view import HOME_MARKER, home_view
from inpublic.markdown_files import read_markdown, read_titles
from inpublic.model import History, Plan, PlanHistory
from inpublic.plan.load import load_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.problems import PlanError
from inpublic.render import markdown_text, render_home, render_note_dates, render_shallow_notice
from inpublic.reports.weeks import Sources
from inpublic.sanitise import clean_html
from inpublic.site import SiteContent, reflection_slugs, site_content

log = get_plugin_logger(__name__)
T = TypeVar("T")
STYLESHEET = "assets/inpublic/inpublic.css"

class InpublicPlugin(BasePlugin[InpublicConfig]):  # type: ignore[no-untyped-call]  # MkDocs types no __init_subclass__
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across the rebuilds of `mkdocs serve`, and with it what the
        # last build computed: a rebuild with the same HEAD, plan and titles starts no git process and
        # computes no report again.
        self.memos: dict[str, tuple[object, Any]] = {}

    def memo(self, name: str, key: object, compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave in the previous build of this session when `key` has not changed."""
        memos = getattr(self, "memos", {})
        if name not in memos or memos[name][0] != key:
            memos[name] = (key, compute())
        return cast(T, memos[name][1])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        self.plan_path = project / self.config.plan
        self.plan_text = read_bytes(self.plan_path)
        try:
            plan = self.memo("plan", self.plan_text, lambda: load_plan(self.plan_path, name=self.config.plan))
        except PlanError as err:
            raise PluginError(f"inpublic: {self.config.plan} has mistakes:\n{err}") from None
        self.plan: Plan = public_plan(plan)
        self.today = build_date(plan.learner.timezone)
        self.head = head_sha(project)
        self.privacy = Privacy(tuple(self.config.private), self.config.private_marker, tuple(self.config.not_notes))
        history, self.root, plan_history = self.memo("histories", (self.head or object(), self.privacy.marker),
                                                     lambda: self.histories(project))
        self.notes_dir = repo_relative(self.root, Path(config.docs_dir)) if self.root else ""
        self.plan_in_repo = repo_relative(self.root, self.plan_path) if self.root else self.config.plan
        self.history, self.plan_history = as_of(  # every later step sees the histories as they stand today
            history, plan_history, self.root, self.today, plan.learner.timezone,
            lambda c: may_count(c, self.notes_dir, self.plan_in_repo, self.privacy))
        self.content = SiteContent()
        self.feeds = setup_feeds(self.config, config, self.plan)  # None: no feeds in this build
        self.posts: list[BlogPost] = []
        self.pages: dict[str, str] = {}
        self.blog_dirs = feeds.blog_post_dirs(config.plugins)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def histories(self, project: Path) -> tuple[History, Path | None, PlanHistory]:
        """The git history and the plan's history."""
        history, root = load_history(project, self.privacy.marker)
        return history, root, load_plan_history(root, self.plan_path)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        privacy = self.privacy
        for file in [f for f in files if privacy.is_private_path(f.src_uri)]:
            files.remove(file)
        notes = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
        slugs = reflection_slugs(list(notes))
        self.reflections = {slug: read_markdown(notes[uri]) for uri, slug in slugs.items()}
        self.sources = sources = Sources(
            notes_dir=self.notes_dir,
            plan_path=self.plan_in_repo,
            titles=read_titles({uri: path for uri, path in notes.items() if privacy.is_note(uri)}),
            privacy=privacy,
        )
        self.content_key = (self.head or object(), self.plan_text, self.today, sources, self.reflections,
                            config.site_url, tuple(self.config.items()))
        self.content = self.memo("content", self.content_key, lambda: site_content(
            self.plan, self.history, self.today, sources,
            self.reflections,
            site_url=config.site_url or "", history_incomplete=self.history.shallow,
            with_reports=self.config.reports, with_note_dates=self.config.note_dates,
            plan_history=self.plan_history, with_reviews=self.config.reviews,
        ))
        for uri in self.content.replaced:
            if (replaced := files.get_file_from_path(uri)) is not None:
                files.remove(replaced)
        for generated in self.content.files:
            file = File.generated(config, generated.src_uri, content=generated.content)
            file.edit_uri = generated.edit_path
            # with a `nav:`, on_nav adds the pages the learner did not place, so MkDocs need not list them as missing
            in_nav = generated.in_nav and config.nav is None
            file.inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(file)
        stylesheet = Path(__file__).parents[2] / "assets" / "inpublic.css"
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(stylesheet)))
        if files.get_file_from_path("index.md") is None:
            title = f"# {markdown_text(self.plan.learner.name)}: learning in public\n\n"  # escaped
            files.append(File.generated(config, "index.md", content=title + HOME_MARKER + "\n"))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        ours = [generated.src_uri for generated in self.content.files if generated.in_nav]
        return place_pages(nav, ours, files, explicit=config.nav is not None)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        notice = render_shallow_notice() if self.history.shallow else ""  # on the home and on every note
        if uri == "index.md" and HOME_MARKER in markdown:
            view = home_view(self.plan, self.today, self.content.commitments)
            home = notice + render_home(view, rhythm=self.content.rhythm, reports=self.content.home_reports)
            home += f"\n{feeds.SUBSCRIBE_MARKER}\n"
            return self.subscribe(markdown.replace(HOME_MARKER, home), page, files)
        markdown = self.subscribe(markdown, page, files)
        dates = self.content.note_dates.get(uri)
        if dates is not None:
            markdown += "\n\n" + render_note_dates(dates, ZoneInfo(self.plan.learner.timezone))
        if notice and (uri == "index.md" or uri in self.sources.titles):
            markdown += "\n\n" + notice
        return markdown

    def subscribe(self, markdown: str, page: Page, files: Files) -> str:
        """The Subscribe block where the learner put its marker (the home has one), and under the reports index."""
        if self.feeds is None:
            return feeds.place_subscribe(markdown, page.file.src_uri, "")
        links = feeds.subscribe_links(page.url, files.get_file_from_path(feeds.CALENDAR) is not None)
        return feeds.place_subscribe(markdown, page.file.src_uri, feeds.render_subscribe(links))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages[page.file.src_uri] = page.url  # the pages built, for links in the feeds
        if page.file.src_uri in self.content.sanitised:  # a report with the learner's own HTML in it
            html = clean_html(html)
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
        settings = self.feeds
        if settings is None:
            return
        info = feeds.SiteInfo(config.site_url or "", config.site_name, config.site_description,
                              config.theme.get("language"), config.use_directory_urls, self.pages)
        built = self.memo("feeds", (self.content_key, self.posts, self.pages), lambda: feeds.build_feeds(
            self.plan, self.history, self.plan_history, self.today, self.sources,
            self.content.report_pages, self.posts, info, settings, statuses=self.content.commitments,
            markdown=feeds.markdown_converter(config.markdown_extensions, config.mdx_configs)))
        for name, data in built.items():
            write_file(data, str(Path(config.site_dir) / name))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.plan_path))
        return server
