"""The MkDocs adapter: hooks that hand each step to the core and keep per-build state on the instance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from .config import HOME_MARKER, InpublicConfig
from .home import home_view
from .model import Plan
from .plan import load_plan
from .privacy import public_plan
from .problems import PlanError
from .render import render_home

log = get_plugin_logger(__name__)
STYLESHEET = "assets/inpublic/inpublic.css"


class InpublicPlugin(BasePlugin[InpublicConfig]):
    def __init__(self) -> None:
        self.plan: Plan | None = None
        self.plan_path: Path | None = None
        self.today: dt.date | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.plan_path = Path(config.config_file_path).parent / self.config.plan
        try:
            plan = load_plan(self.plan_path, name=self.config.plan)
        except PlanError as err:
            raise PluginError(f"inpublic: {self.config.plan} has mistakes:\n{err}") from None
        self.plan = public_plan(plan)
        self.today = build_date(plan.learner.timezone)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(Path(__file__).parent / "assets" / "inpublic.css")))
        if files.get_file_from_path("index.md") is None:
            assert self.plan is not None
            title = f"# {self.plan.learner.name}: learning in public\n\n"
            files.append(File.generated(config, "index.md", content=title + HOME_MARKER + "\n"))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri != "index.md" or HOME_MARKER not in markdown:
            return markdown
        assert self.plan is not None and self.today is not None
        return markdown.replace(HOME_MARKER, render_home(home_view(self.plan, self.today)))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self.plan_path is not None:
            server.watch(str(self.plan_path))
        return server


def build_date(timezone: str) -> dt.date:
    """Today in the learner's time zone, from MkDocs' build date (which honours SOURCE_DATE_EPOCH)."""
    return get_build_datetime().astimezone(ZoneInfo(timezone)).date()
