"""`inpublic status`, and the reading that `inpublic review` shares with it: the adapter that reads the site's
options, the plan, the git history and the clock, then prints what the core made of them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from inpublic.activity.public import may_count
from inpublic.cli.mkdocs_yml import load_site_config
from inpublic.cli.status_view import status_view
from inpublic.cli.terminal import format_status
from inpublic.commitments.status import commitment_statuses
from inpublic.history.limits import plan_history_as_of
from inpublic.history.load import LATER, NOTHING_YET, histories_as_of, read_histories
from inpublic.history.read import HistoryError, repo_relative
from inpublic.model import Plan, PlanHistory
from inpublic.plan.load import load_plan
from inpublic.privacy import Privacy, public_plan
from inpublic.problems import PlanError
from inpublic.reports.weeks import Sources
from inpublic.rhythm.pages import history_commit_days
from inpublic.rhythm.reviews import OPEN, review_schedule
from inpublic.today import fixed_today


@dataclass(frozen=True)
class Options:
    """Where the plan and the notes are, and the plugin's options that change what counts."""

    plan_path: Path = Path("progress.yaml")
    docs_dir: Path = Path("docs")
    privacy: Privacy = field(default_factory=Privacy)
    reviews: bool = True


@dataclass(frozen=True)
class Site:
    options: Options
    plan: Plan  # the public plan: the figures are the site's


def add_status_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The `status` command's arguments; `run_status` runs it."""
    status = subparsers.add_parser(
        "status", help="show this week so far, each commitment's pace and your streaks",
        description="Show this week so far (time, units, sessions, commits, active days), each commitment with its "
                    "status and pace, and your current and longest streaks: the figures your site shows. Exit 0, "
                    "or 1 when the plan cannot be read.")
    add_site_arguments(status)
    return status


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", type=Path,
                        help="the site's mkdocs.yml (default: ./mkdocs.yml; without it, ./progress.yaml and ./docs)")
    parser.add_argument("--plan", type=Path, help="the plan (default: the plugin's `plan` option)")


def site_and_today(args: argparse.Namespace) -> tuple[Site, dt.date] | int:
    """The site and the learner's today for `status` and `review`, or the exit status after saying why not."""
    site = read_site(args.config_file, args.plan)
    if site is None:
        return 1
    today = fixed_today(site.plan.learner.timezone)
    return 2 if today is None else (site, today)


def run_status(args: argparse.Namespace) -> int:
    found = site_and_today(args)
    if isinstance(found, int):
        return found
    site, today = found
    commit_days, plans = read_histories_now(site, today)
    statuses = commitment_statuses(site.plan, plans, today)
    due = sum(1 for r in review_schedule(site.plan, today) if r.status == OPEN) if site.options.reviews else None
    view = status_view(site.plan, today, commit_days, statuses, due)
    print(format_status(view, colour=use_colour()), end="")
    return 0


def read_site(config_file: Path | None, plan_path: Path | None) -> Site | None:
    """The public plan and the plugin's options, or None after saying on stderr why they cannot be read."""
    if config_file is None and not Path("mkdocs.yml").is_file():
        options: Options | None = Options()
    else:
        options = site_options(config_file or Path("mkdocs.yml"))
    if options is None:
        return None
    if plan_path is not None:
        options = replace(options, plan_path=plan_path)
    try:
        plan = load_plan(options.plan_path, name=str(options.plan_path))
    except PlanError as err:
        print(err, file=sys.stderr)
        return None
    return Site(options, public_plan(plan))


def site_options(config_file: Path) -> Options | None:
    """The inpublic options of mkdocs.yml, checked by MkDocs (the plan itself is not read yet)."""
    loaded = load_site_config(config_file)
    if loaded is None:
        return None
    config, option = loaded
    privacy = Privacy(tuple(option.private), option.private_marker, tuple(option.not_notes))
    return Options(config_file.parent / option.plan, Path(config.docs_dir), privacy, option.reviews)


def use_colour() -> bool:
    """Colour only in a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def read_histories_now(site: Site, today: dt.date) -> tuple[list[dt.date] | None, PlanHistory]:
    """One day per counted commit, as the site counts them on `today` (None when there is no readable history),
    and the plan's versions as they stand on `today`, read as the site's build reads them (history/load.py).

    What the site's build warns of is said on stderr: nothing committed yet, commits dated after today."""
    options, timezone = site.options, site.plan.learner.timezone
    read = read_histories(options.plan_path.parent, options.plan_path, options.privacy.marker)
    if read.root is None:
        return None, PlanHistory()
    try:
        sources = Sources(repo_relative(read.root, options.docs_dir), repo_relative(read.root, options.plan_path), {},
                          options.privacy)
    except HistoryError:
        return None, plan_history_as_of(read.plan_history, today, timezone)
    now = histories_as_of(read, today, timezone,
                          lambda c: may_count(c, sources.notes_dir, sources.plan_path, options.privacy))
    for warning in now.warnings:
        if warning.kind in (NOTHING_YET, LATER):
            print(f"inpublic: {warning.text}.", file=sys.stderr)
    return history_commit_days(now.history, sources, timezone), now.plan_history
