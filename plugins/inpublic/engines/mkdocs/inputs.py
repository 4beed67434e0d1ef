"""What the MkDocs adapter reads before a build, each with the warning that says what to do when it cannot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from inpublic.engines.mkdocs.options import InpublicConfig
from inpublic.feeds import site as feeds
from inpublic.feeds.items import FeedIdError
from inpublic.history.limits import NOTHING_COMMITTED, SHALLOW, future_warning, history_as_of, plan_history_as_of
from inpublic.history.plan_versions import read_plan_history
from inpublic.history.read import HistoryError, read_history, repo_relative, repo_root
from inpublic.model import Commit, History, Plan, PlanHistory
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


def load_history(project: Path, private_marker: str) -> tuple[History, Path | None]:
    """The history of the repository holding the site, or an empty one with a warning saying why."""
    try:
        root = repo_root(project)
        history = read_history(root, private_marker)
    except HistoryError as err:
        log.warning(f"{err}. The weekly reports and note dates need the git history.")
        return History((), None), None
    return history, root


def as_of(history: History, plan_history: PlanHistory, root: Path | None, today: dt.date, timezone: str,
          counts: Callable[[Commit], bool]) -> tuple[History, PlanHistory]:
    """The histories as they stand on `today`, after a warning for each thing that makes them wrong: a shallow
    clone, nothing committed yet, and the commits dated after today that would count (`counts`)."""
    if history.shallow:
        log.warning(f"{SHALLOW}.")
    if root is not None and history.head is None:
        log.warning(f"{NOTHING_COMMITTED}.")
    history, later = history_as_of(history, today, timezone)
    named = [c for c in later if counts(c)]
    if named:
        log.warning(f"{future_warning(named, today, timezone)}.")
    return history, plan_history_as_of(plan_history, today, timezone)


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
