"""What the MkDocs adapter reads before a build, through `engines/project.py`, with MkDocs' ways of saying what
went wrong: a notice in the build's log, a `ProjectError` as a PluginError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.engines.notices import WARNING, Notice, ProjectError
from inpublic.engines.project import feed_settings, today_in
from inpublic.feeds import site as feeds
from inpublic.model import Plan

log = get_plugin_logger("inpublic.engines.mkdocs.plugin")


def setup_feeds(options: InpublicConfig, config: MkDocsConfig, plan: Plan) -> feeds.FeedSettings | None:
    """What the feeds hold, or None (with a warning saying why) when there are none to write."""
    try:
        settings, notices = feed_settings(options, config.site_url or "", config.site_name, plan)
    except ProjectError as err:
        raise PluginError(str(err)) from None
    log_notices(notices)
    return settings


def read_bytes(path: Path) -> bytes | None:
    """A file's bytes as a cache key (None when it cannot be read: the loader then says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def build_date(timezone: str) -> dt.date:
    """Today in the learner's time zone (INPUBLIC_TODAY, else SOURCE_DATE_EPOCH as MkDocs reads it, else the clock)."""
    try:
        return today_in(timezone)
    except ProjectError as err:
        raise PluginError(str(err)) from None


def log_notices(notices: Iterable[Notice]) -> None:
    """Notices in the build's log: a warning stops a --strict build, an info never does."""
    for notice in notices:
        if notice.level == WARNING:
            log.warning(notice.text)
        else:
            log.info(notice.text)
