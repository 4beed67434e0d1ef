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
from mkdocs.utils import get_build_datetime

from .config import HOME_MARKER, InpublicConfig
from .history import HistoryError, read_history, repo_relative, repo_root
from .home import home_view
from .markdown_files import read_markdown, read_titles
from .model import History, Plan
from .plan import load_plan
from .privacy import Privacy, public_plan
from .problems import PlanError
from .render import render_home, render_note_dates
from .site_content import SiteContent, reflection_slugs, site_content
from .weeks import Sources

log = get_plugin_logger(__name__)
STYLESHEET = "assets/inpublic/inpublic.css"
SHALLOW = ("this is a shallow clone, so the git history is incomplete and the weekly reports and note dates "
           "are wrong. Fetch the whole history: in GitHub Actions, set `fetch-depth: 0` on actions/checkout; "
           "in a terminal, run `git fetch --unshallow`")


class InpublicPlugin(BasePlugin[InpublicConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        self.plan_path = project / self.config.plan
        try:
            plan = load_plan(self.plan_path, name=self.config.plan)
        except PlanError as err:
            raise PluginError(f"inpublic: {self.config.plan} has mistakes:\n{err}") from None
        self.plan: Plan = public_plan(plan)
        self.today = build_date(plan.learner.timezone)
        self.history, self.root = load_history(project)
        self.content = SiteContent()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        privacy = Privacy(tuple(self.config.private), self.config.private_marker, tuple(self.config.not_notes))
        for file in [f for f in files if privacy.is_private_path(f.src_uri)]:
            files.remove(file)
        notes = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
        slugs = reflection_slugs(list(notes))
        sources = Sources(
            notes_dir=repo_relative(self.root, Path(config.docs_dir)) if self.root else "",
            plan_path=repo_relative(self.root, self.plan_path) if self.root else self.config.plan,
            titles=read_titles({uri: path for uri, path in notes.items() if privacy.is_note(uri)}),
            privacy=privacy,
        )
        self.content = site_content(
            self.plan, self.history, self.today, sources,
            {slug: read_markdown(notes[uri]) for uri, slug in slugs.items()},
            site_url=config.site_url or "", history_incomplete=self.history.shallow,
            with_reports=self.config.reports, with_note_dates=self.config.note_dates,
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
            title = f"# {self.plan.learner.name}: learning in public\n\n"
            files.append(File.generated(config, "index.md", content=title + HOME_MARKER + "\n"))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if uri == "index.md" and HOME_MARKER in markdown:
            return markdown.replace(HOME_MARKER, render_home(home_view(self.plan, self.today)))
        dates = self.content.note_dates.get(uri)
        if dates is not None:
            return markdown + "\n\n" + render_note_dates(dates, ZoneInfo(self.plan.learner.timezone))
        return markdown

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.plan_path))
        return server


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
    if history.shallow:
        log.warning(f"{SHALLOW}.")
    return history, root
