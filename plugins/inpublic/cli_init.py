"""`inpublic init [DIR]`: the adapter that finds out today's date, the learner and the GitHub remote, then prints
what `init.init_site` created and left alone, and the next steps."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import zoneinfo
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .init import InitResult, Settings, init_site, next_steps
from .today import fixed_today

GITHUB_REMOTE = re.compile(r"github\.com[:/]([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")


def add_init_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    init = subparsers.add_parser(
        "init", help="make a new site, or add what is missing to an existing notes repository",
        description="Make a site in DIR: mkdocs.yml, a commented progress.yaml, docs/ with a home page and a first "
                    "note, the GitHub Pages workflow, requirements.txt and .gitignore. Files already there are "
                    "left alone; the list of what was created and what was kept ends with the next steps.")
    init.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR",
                      help="the site's folder, made if missing (default: the current folder)")
    init.add_argument("--name", help="your name as followers see it (default: git's user.name)")
    init.add_argument("--timezone", metavar="ZONE",
                      help="the IANA time zone your days are counted in, like Europe/London (default: this computer's)")
    return init


def run_init(args: argparse.Namespace) -> int:
    target: Path = args.dir
    zone = args.timezone or local_zone()
    if zone not in zoneinfo.available_timezones():
        print(f"--timezone: unknown time zone {zone!r}; use an IANA name like Europe/London", file=sys.stderr)
        return 1
    today = fixed_today(zone)
    if today is None:
        return 2
    origin = git(target, "config", "--get", "remote.origin.url")
    repo_url, site_url = github_urls(origin or "")
    settings = Settings(
        today=today,
        version=package_version(),
        name=args.name or git(target if target.is_dir() else Path.cwd(), "config", "--get", "user.name")
        or Settings.name,
        timezone=zone,
        repo_url=repo_url,
        site_url=site_url,
    )
    result = init_site(target, settings)
    print(report(target, result))
    branch = git(target, "branch", "--show-current") if git(target, "rev-parse", "--git-dir") else None
    steps = next_steps(branch=branch, has_remote=origin is not None, site_url=site_url)
    print("\nNext steps:")
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step}")
    return 0


def report(target: Path, result: InitResult) -> str:
    lines = [f"inpublic init in {target.resolve()}:"]
    lines += [f"  created    {path}" for path in result.created]
    lines += [f"  updated    {path} (inpublic's copy, brought up to date)" for path in result.updated]
    lines += [f"  left alone {path} (already there)" for path in result.kept]
    if result.advice:
        lines.append("\nTo change by hand in the files left alone:")
        lines += [f"  - {advice}" for advice in result.advice]
    return "\n".join(lines)


def git(folder: Path, *args: str) -> str | None:
    """The output of a git command run in `folder`, or None when it fails (no git, no repository, no value)."""
    if not folder.is_dir():
        return None
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def github_urls(remote: str) -> tuple[str | None, str | None]:
    """The repository's web address and its GitHub Pages address, from a GitHub remote URL."""
    match = GITHUB_REMOTE.search(remote.strip())
    if not match:
        return None, None
    owner, name = match.groups()
    pages = f"https://{owner.lower()}.github.io/"
    return f"https://github.com/{owner}/{name}", pages if name.lower() == f"{owner.lower()}.github.io" else (
        f"{pages}{name}/")


def local_zone() -> str:
    """This computer's IANA time zone: $TZ, else where /etc/localtime points, else /etc/timezone, else UTC."""
    zones = zoneinfo.available_timezones()
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("zoneinfo/")[2])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return next((zone for zone in candidates if zone in zones), "UTC")


def package_version() -> str:
    try:
        return version("inpublic")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.1.0"
