"""`inpublic build` and `inpublic serve`: the site built or previewed by either engine, MkDocs (through the plugin)
or Zensical (through the staging copy of engines/zensical/), with the same pages, feeds and calendar."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inpublic.cohort import OFFLINE_VARIABLE
from inpublic.engines.choice import ENGINES, MKDOCS, ignoring_engines, project_engine
from inpublic.engines.notices import ProjectError, say_notices


def add_build_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `build` and `serve` commands' arguments; `run_build` and `run_serve` run them."""
    build = subparsers.add_parser(
        "build", help="build the site with MkDocs or Zensical",
        description="Build the site into its site_dir with the engine the project uses: MkDocs, through the "
                    "inpublic plugin, or Zensical, which runs no plugin of its own accord, through a staging copy "
                    "of the docs in .cache/inpublic/zensical/ with every page and file inpublic adds. Exit 0 when "
                    "it is built, 1 when it is not (or with --strict, after a warning).")
    _add_common(build)
    build.add_argument("-d", "--site-dir", type=Path, help="where to write the site (default: site_dir in mkdocs.yml)")
    build.add_argument("-s", "--strict", action="store_true",
                       help="fail on any warning, as the publishing workflow does")
    build.set_defaults(run=run_build)
    serve = subparsers.add_parser(
        "serve", help="preview the site, rebuilt on every change",
        description="Preview the site with the engine the project uses, rebuilt when a note, the plan, "
                    "mkdocs.yml or the git history (HEAD) changes. Stop it with Ctrl+C.")
    _add_common(serve)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
                       help="the address to serve at (default: 127.0.0.1:8000)")
    serve.set_defaults(run=run_serve)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--cache-dir", type=Path,
                        help="with Zensical, where to keep the staging copy it builds from (default: "
                             ".cache/inpublic/zensical next to mkdocs.yml)")
    parser.add_argument("--engine", choices=ENGINES,
                        help="the engine to build with (default: the one the project uses: Zensical when it has a "
                             "zensical.toml or its requirements or workflows name Zensical; MkDocs otherwise)")
    parser.add_argument("--offline", action="store_true",
                        help="read no peer's site for the cohort page: show each peer as last read "
                             f"(the same as {OFFLINE_VARIABLE}=1)")


@contextmanager
def offline_if(offline: bool) -> Iterator[None]:
    """INPUBLIC_OFFLINE=1 while the block runs when `offline` (--offline), then as it was."""
    before = os.environ.get(OFFLINE_VARIABLE)
    if offline:
        os.environ[OFFLINE_VARIABLE] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(OFFLINE_VARIABLE, None)
        else:
            os.environ[OFFLINE_VARIABLE] = before


def run_build(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file
    engine = args.engine or project_engine(config_file.parent)
    warned = say_notices(ignoring_engines(config_file.parent, engine))
    with offline_if(args.offline):
        if engine == MKDOCS:
            built = build_with_mkdocs(config_file, args.site_dir, strict=args.strict)
        else:
            built = build_with_zensical(config_file, args.site_dir, args.cache_dir, strict=args.strict)
    if built and warned and args.strict:
        print(f"Aborted with {warned} warning(s) in strict mode.", file=sys.stderr)
        return 1
    return 0 if built else 1


def build_with_mkdocs(config_file: Path, site_dir: Path | None, *, strict: bool) -> bool:
    """`mkdocs build` in this process, its log on stderr: whether it built."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

    overrides = {} if site_dir is None else {"site_dir": str(site_dir.absolute())}
    with mkdocs_log():
        try:
            config = load_config(str(config_file), strict=strict, **overrides)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (Abort, BuildError, ConfigurationError, PluginError) as err:
            print(f"{config_file}: {err}", file=sys.stderr)
            return False
    return True


@contextmanager
def mkdocs_log() -> Iterator[None]:
    """MkDocs' log (and the plugin's) on stderr while MkDocs builds, as `mkdocs build` shows it."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def build_with_zensical(config_file: Path, site_dir: Path | None, cache_dir: Path | None, *, strict: bool) -> bool:
    """The staging copy built by Zensical and copied to the site folder: whether it built."""
    from inpublic.engines.project import read_project
    from inpublic.engines.zensical import build as zensical

    try:
        project = read_project(config_file, site_dir=site_dir, cache_dir=cache_dir)
        staged, errors = zensical.build(project, strict=strict)
    except ProjectError as err:
        print(err, file=sys.stderr)
        return False
    warned = say_notices(staged.notices) if staged else 0
    for error in errors:
        print(f"ERROR   -  {error}", file=sys.stderr)
    if errors:
        return False
    if warned and strict:
        print(f"Aborted with {warned} warning(s) in strict mode.", file=sys.stderr)
        return False
    print(f"INFO    -  inpublic: the site is built in {project.site_dir} (Zensical)", file=sys.stderr)
    return True


def run_serve(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file
    engine = args.engine or project_engine(config_file.parent)
    say_notices(ignoring_engines(config_file.parent, engine))
    with offline_if(args.offline):
        if engine == MKDOCS:
            command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", args.dev_addr]
            try:
                return subprocess.call(command)  # with this environment, INPUBLIC_OFFLINE and all
            except KeyboardInterrupt:
                return 0
        from inpublic.engines.zensical import build as zensical

        try:
            return zensical.serve(config_file, args.dev_addr, cache_dir=args.cache_dir)
        except ProjectError as err:
            print(err, file=sys.stderr)
            return 1
