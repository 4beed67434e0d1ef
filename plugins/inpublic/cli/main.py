"""The `inpublic` command line: an adapter, like the plugin, that calls the core and prints what it says."""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
from collections.abc import Sequence
from pathlib import Path

from inpublic import __version__
from inpublic.cli.build import add_build_parsers
from inpublic.cli.init import add_init_parser, run_init
from inpublic.cli.log import add_log_parser, run_log
from inpublic.cli.mail import add_mail_parser, run_mail
from inpublic.cli.mkdocs_yml import plugin_plan_option
from inpublic.cli.review import add_review_parser, run_review
from inpublic.cli.status import add_status_parser, run_status
from inpublic.plan.load import load_plan
from inpublic.problems import PlanError
from inpublic.render import plural


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `inpublic` (the CLI reference in the docs is made from it)."""
    parser = argparse.ArgumentParser(prog="inpublic", description="Learn in public: check and publish your plan.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}",
                        help="print the version of inpublic and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check progress.yaml and the plugin options in mkdocs.yml",
                                description="Check progress.yaml and the inpublic options in mkdocs.yml. "
                                            "Exit 0 with a summary, or 1 with one message per mistake.")
    check.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                       help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    check.add_argument("--plan", type=Path, help="the plan to check (default: the plugin's `plan` option)")
    check.set_defaults(run=lambda args: run_check(args.config_file, args.plan))
    for add, run in ((add_log_parser, run_log), (add_init_parser, run_init), (add_status_parser, run_status),
                     (add_review_parser, run_review), (add_mail_parser, run_mail)):
        add(commands).set_defaults(run=run)
    add_build_parsers(commands)
    return parser


def version() -> str:
    """The installed package's version; the source's own when it runs without being installed."""
    try:
        return importlib.metadata.version("inpublic")
    except importlib.metadata.PackageNotFoundError:
        return __version__


def run_check(config_file: Path, plan_path: Path | None) -> int:
    """Validate the plugin options and the plan; print a summary or every problem."""
    if plan_path is None:
        option = plugin_plan_option(config_file)
        if option is None:
            return 1
        plan_path = config_file.parent / option
    try:
        plan = load_plan(plan_path, name=str(plan_path))
    except PlanError as err:
        print(err, file=sys.stderr)
        return 1
    counts = [plural(len(plan.subjects), "subject"), plural(len(plan.resources), "resource"),
              plural(len(plan.commitments), "commitment"), plural(len(plan.log), "log entry", "log entries"),
              plural(len(plan.milestones), "milestone")]
    print(f"{plan_path}: OK: {', '.join(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
