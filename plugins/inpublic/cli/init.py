"""`inpublic init [DIR]`: the adapter that finds out today's date, the learner and the GitHub remote, then prints
the files of moving_in/starter.py missing from the site (`init_site`), and prints what it created and left alone,
and the next steps."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import subprocess
import sys
import zoneinfo
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

from inpublic import __version__
from inpublic.cli.move_notes import (
    Move,
    MoveError,
    blocking_changes,
    first_note_day,
    make_move,
    plan_move,
    tracked_files,
)
from inpublic.markdown_files import FENCE, HEADING
from inpublic.moving_in.install import ON_PYPI, REPOSITORY, requirement, source_of
from inpublic.moving_in.notes import Survey, describe, found_line
from inpublic.moving_in.starter import (
    InitResult,
    Settings,
    advice_for,
    configured_docs_dir,
    next_steps,
    starter_files,
)
from inpublic.today import fixed_today

GITHUB_REMOTE = re.compile(r"github\.com[:/]([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")


def add_init_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    init = subparsers.add_parser(
        "init", help="make a new site, or add what is missing to an existing notes repository",
        description="Make a site in DIR: mkdocs.yml, a commented progress.yaml, docs/ with a home page and a first "
                    "note, the GitHub Pages workflow, requirements.txt and .gitignore. Files already there are "
                    "left alone; the list of what was created and what was kept ends with the next steps. Markdown "
                    "notes found outside docs/ are counted, and moved into it with --move-notes. The learner's "
                    "name, the site's name and the start date come from the repository (the GitHub remote, the "
                    "README's title, the first commit of a note), and init says where each came from.")
    init.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR",
                      help="the site's folder, made if missing (default: the current folder)")
    init.add_argument("--name", help="your name as followers see it (default: the owner of the GitHub remote, "
                                     "else git's user.name)")
    init.add_argument("--site-name", metavar="NAME",
                      help="the site's title (default: the first '# ' title of README.md, else made from your name)")
    init.add_argument("--move-notes", action="store_true",
                      help="move the Markdown notes found outside docs/ into docs/ with git mv, in one commit of "
                           "its own, rewriting the links between them so that they keep working")
    init.add_argument("--mail", action="store_true",
                      help="add .github/workflows/mail.yml, which emails your weekly report every Monday and your "
                           "monthly report on the 1st through your SMTP server (`inpublic mail`)")
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
    files = tracked_files(target) if target.is_dir() else None
    docs_dir = configured_docs_dir(mkdocs_yml_text(target)) or "docs"
    move = plan_move(target, files, docs_dir, repo_url) if files is not None else None
    if args.move_notes and (error := cannot_move(target, move)):
        print(error, file=sys.stderr)
        return 1
    notes = [entry.path for entry in move.survey.moved] if move else []
    started = first_note_day(target, [*notes, f"{docs_dir}/"], zone) if files else None
    name, name_from = learner_name(args.name, target, origin)
    site_name, site_name_from = readme_title(args.site_name, target)
    source = install_source()
    settings = Settings(today=today, version=package_version(), name=name, timezone=zone, repo_url=repo_url,
                        site_url=site_url, site_name=site_name, started=started, install_source=source,
                        mail=args.mail)
    if args.move_notes and move and move.survey.moved:
        try:
            move = make_move(target, move)
        except MoveError as err:
            print(err, file=sys.stderr)
            return 1
    result = init_site(target, settings)
    print(report(target, result))
    if source is None and not ON_PYPI and "requirements.txt" in result.created:
        print(f"\nrequirements.txt names {REPOSITORY}, because this inpublic was installed from a folder on this "
              "computer: change that line to where the publishing workflow can install your inpublic from, "
              "like `inpublic @ git+https://github.com/OWNER/inpublic@TAG`.")
    if (target / docs_dir / "index.html").is_file() and (target / docs_dir / "index.md").is_file():
        print(f"\n{docs_dir}/index.html is there too, as when {docs_dir}/ holds a site built by another tool: "
              f"MkDocs publishes {docs_dir}/index.md in its place and warns, which stops `mkdocs build --strict`. "
              "Remove the built files from it (`git rm -r`) or set `docs_dir` in mkdocs.yml to your notes' folder.")
    if move and move.survey.moved:
        print()
        print("\n".join(describe(move.survey, move.links, move.mentions, move.commit) if args.move_notes
                        else not_moved(move.survey)))
    elif args.move_notes:
        print(f"\nNo notes outside {docs_dir}/ to move.")
    if "progress.yaml" in result.created or "mkdocs.yml" in result.created:
        print("\n" + "\n".join(provenance(name, name_from, site_name, site_name_from, started, today)))
    branch = git(target, "branch", "--show-current") if git(target, "rev-parse", "--git-dir") else None
    steps = next_steps(branch=branch, has_remote=origin is not None, site_url=site_url, mail=args.mail)
    print("\nNext steps:")
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step}")
    return 0


def init_site(target: Path, settings: Settings) -> InitResult:
    """Write the starter files missing from `target`; leave every existing file as it is, except inpublic's own
    copy of the editor schema, which is kept current."""
    target.mkdir(parents=True, exist_ok=True)
    docs_dir = configured_docs_dir(mkdocs_yml_text(target)) or "docs"
    has_notes = any(p.name != "index.md" for p in (target / docs_dir).rglob("*.md"))
    created: list[str] = []
    updated: list[str] = []
    kept: list[str] = []
    for file in starter_files(settings, docs_dir=docs_dir, first_note=not has_notes):
        path = target / file.path
        if os.path.lexists(path):
            if file.managed and path.read_text(encoding="utf-8") != file.content:
                path.write_text(file.content, encoding="utf-8")
                updated.append(file.path)
            else:
                kept.append(file.path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:
            out.write(file.content)
        created.append(file.path)
    texts = {path: (target / path).read_text(encoding="utf-8", errors="replace") for path in kept}
    return InitResult(tuple(created), tuple(updated), tuple(kept),
                      advice_for(texts, docs_dir, requirement(settings.version, settings.install_source)))


def mkdocs_yml_text(target: Path) -> str | None:
    """The text of the site's mkdocs.yml, None when there is none."""
    config = target / "mkdocs.yml"
    return config.read_text(encoding="utf-8") if config.is_file() else None


def cannot_move(target: Path, move: Move | None) -> str | None:
    """Why --move-notes cannot run here, or None."""
    if move is None:
        return (f"--move-notes: {target.resolve()} is not the top folder of a git repository; run it there "
                "(the move is a commit)")
    if blocking := blocking_changes(target, move):
        shown = ", ".join(blocking[:5]) + (" ..." if len(blocking) > 5 else "")
        return (f"--move-notes: uncommitted changes would be mixed into the move's commit ({shown}); commit or "
                "unstage them first, then run it again. Nothing was changed.")
    return None


def not_moved(survey: Survey) -> list[str]:
    docs = survey.docs_dir
    return [f"Found {found_line(survey)} outside {docs}/: the site shows only what is in {docs}/.",
            "  To move them there in one commit of their own, links rewritten: `inpublic init --move-notes`"]


def learner_name(flag: str | None, target: Path, origin: str | None) -> tuple[str, str]:
    """The learner's name and where it came from: --name, the GitHub remote's owner, else git's user.name."""
    if flag:
        return flag, "--name"
    match = GITHUB_REMOTE.search((origin or "").strip())
    if match:
        return match.group(1), "the owner of the GitHub remote"
    user = git(target if target.is_dir() else Path.cwd(), "config", "--get", "user.name")
    if user:
        return user, "git's user.name"
    return Settings.name, "a placeholder"


def readme_title(flag: str | None, target: Path) -> tuple[str | None, str]:
    """The site's name and where it came from: --site-name, else the first `# ` title of the README."""
    if flag:
        return flag, "--site-name"
    for name in ("README.md", "readme.md", "Readme.md", "README.markdown", "README"):
        path = target / name
        if path.is_file():
            text = FENCE.sub("", path.read_text(encoding="utf-8-sig", errors="replace"))
            heading = HEADING.search(text)
            if heading and heading.group(1).strip():
                return heading.group(1).strip(), f"the title of {name}"
    return None, "your name"


def provenance(name: str, name_from: str, site_name: str | None, site_name_from: str, started: dt.date | None,
               today: dt.date) -> list[str]:
    """Where init took the names and the start date it wrote, and the flag or field that changes each."""
    lines = [f"Your name: {name} (from {name_from}; change it with --name, or in progress.yaml)"]
    if name_from in ("git's user.name", "a placeholder"):
        lines[0] = (f"Your name: {name} (from {name_from}, as no --name was given and no GitHub remote names you; "
                    "followers will see it: change it with --name, or in progress.yaml)")
    made = f"{name} learns in public" if name != Settings.name else "Learning in public"
    lines.append(f"Site name: {site_name} (from {site_name_from}; change it with --site-name, or in mkdocs.yml)"
                 if site_name else f"Site name: {made} (made from your name, as the README has no `# ` title; "
                 "change it with --site-name, or in mkdocs.yml)")
    lines.append(f"Started: {started} (your first note's first commit; change `started` in progress.yaml)"
                 if started else f"Started: {today} (today: no note is committed yet)")
    return lines


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
        return __version__


def install_source() -> str | None:
    """Where pip installed this inpublic from, when another machine can install it from there too (PEP 610)."""
    try:
        return source_of(distribution("inpublic").read_text("direct_url.json"))
    except (PackageNotFoundError, OSError):
        return None
