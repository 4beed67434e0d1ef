"""What the MkDocs adapter reads before a build, each with the warning that says what to do when it cannot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.feeds import site as feeds
from inpublic.feeds.items import FeedIdError
from inpublic.history.load import OLD_PLAN, LoadWarning
from inpublic.model import Plan
from inpublic.today import TodayError, learner_today

log = get_plugin_logger("inpublic.engines.mkdocs.plugin")


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


def read_bytes(path: Path) -> bytes | None:
    """A file's bytes as a cache key (None when it cannot be read: the loader then says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def build_date(timezone: str) -> dt.date:
    """Today in the learner's time zone (INPUBLIC_TODAY, else SOURCE_DATE_EPOCH as MkDocs reads it, else the clock)."""
    try:
        return learner_today(timezone)
    except TodayError as err:
        raise PluginError(f"inpublic: {err}") from None


def log_warnings(warnings: Iterable[LoadWarning]) -> None:
    """What reading the histories found, in the build's log: a version of the plan that cannot be read is info,
    not a warning, so that an old mistake does not fail a --strict build."""
    for warning in warnings:
        if warning.kind == OLD_PLAN:
            log.info(warning.text)
        else:
            log.warning(f"{warning.text}.")
