"""`inpublic init`: the files of a new learner's site, or the missing ones added to an existing notes repository.

`starter_files` says what a site needs, and `advice_for` what the files already there still need (pure). The
adapter (cli/init.py) finds out today's date, the learner's name and time zone and the GitHub remote, writes the
missing files (`init_site`, which never overwrites one, except inpublic's own copy of the editor schema, which
it keeps current), and prints what happened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from inpublic.home.view import HOME_MARKER
from inpublic.moving_in import install
from inpublic.plan.schema import schema_text

SCHEMA_FILE = ".inpublic/progress.schema.json"  # next to progress.yaml, whose first line points at it
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
WORKFLOW = ".github/workflows/pages.yml"
MAIL_WORKFLOW = ".github/workflows/mail.yml"  # with `inpublic init --mail`
FIRST_NOTE = "how-i-learn-in-public.md"
SITE_URL = 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]'
COMMITMENT_DAYS = 91  # the starter plan's deadline: thirteen weeks from today
LEFT_BY_LOG = (".*.lock", ".*.tmp")  # the starter .gitignore's patterns for `inpublic log`'s lock and temporary files


@dataclass(frozen=True)
class Settings:
    """What the adapter found out about the learner and the repository."""

    today: dt.date
    version: str  # of inpublic, pinned in requirements.txt
    name: str = "Your Name"
    timezone: str = "UTC"
    repo_url: str | None = None  # https://github.com/you/repo, from the `origin` remote
    site_url: str | None = None  # https://you.github.io/repo/, where GitHub Pages serves it
    site_name: str | None = None  # from --site-name or the README's title; else made from `name`
    started: dt.date | None = None  # the day of the first commit that touched a note; else today
    install_source: str | None = None  # where this inpublic was installed from (install.source_of)
    mail: bool = False  # add the workflow that emails the reports (`inpublic init --mail`)


@dataclass(frozen=True)
class StarterFile:
    path: str  # relative to the site's folder
    content: str
    managed: bool = False  # inpublic's own file, rewritten when out of date (the schema)


@dataclass(frozen=True)
class InitResult:
    created: tuple[str, ...]
    updated: tuple[str, ...]  # inpublic's own files brought up to date
    kept: tuple[str, ...]  # already there, left alone
    advice: tuple[str, ...]  # what to change by hand in the files left alone


def starter_files(settings: Settings, *, docs_dir: str = "docs", first_note: bool = True) -> tuple[StarterFile, ...]:
    """Every file of a new site, rendered for `settings` (pure)."""
    env = Environment(loader=PackageLoader("inpublic", "starter"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    due = settings.today + dt.timedelta(days=COMMITMENT_DAYS)
    site_name = settings.site_name or (f"{settings.name} learns in public" if settings.name != Settings.name
                                       else "Learning in public")
    started = settings.started or settings.today
    values = {
        "today": settings.today.isoformat(), "due": due.isoformat(), "due_words": f"{due:%B} {due.year}",
        "name": yaml_text(settings.name), "timezone": settings.timezone, "site_name": yaml_text(site_name),
        "repo_url": settings.repo_url, "site_url": settings.site_url, "version": settings.version,
        "schema_path": SCHEMA_FILE, "started": started.isoformat(),
        "requirement": install.requirement(settings.version, settings.install_source),
        "on_pypi": install.ON_PYPI, "install_source": settings.install_source,
        "first_milestone": "Wrote my first note" if settings.started else "Started learning in public",
    }

    def render(template: str) -> str:
        """A `.j2` template rendered with `values`; any other file (the workflow, with its `${{ }}`) as it is."""
        if template.endswith(".j2"):
            return env.get_template(template).render(values)
        return env.loader.get_source(env, template)[0]  # type: ignore[union-attr]

    files = [
        StarterFile("mkdocs.yml", render("mkdocs.yml.j2")),
        StarterFile("progress.yaml", render("progress.yaml.j2")),
        StarterFile(SCHEMA_FILE, schema_text(), managed=True),
        StarterFile(f"{docs_dir}/index.md", env.get_template("index.md.j2").render(site_name=site_name)),
        StarterFile(WORKFLOW, render("pages.yml")),
        StarterFile("requirements.txt", render("requirements.txt.j2")),
        StarterFile(".gitignore", render("gitignore")),
    ]
    if first_note:
        files.insert(4, StarterFile(f"{docs_dir}/{FIRST_NOTE}", render("first-note.md.j2")))
    if settings.mail:
        files.append(StarterFile(MAIL_WORKFLOW, render("mail.yml")))
    return tuple(files)


def yaml_text(text: str) -> str:
    """`text` as a YAML scalar: plain when YAML reads it back as the same text, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .'_-]*", text) and not text.endswith(" "):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def configured_docs_dir(mkdocs_yml: str | None) -> str | None:
    """The `docs_dir` an existing mkdocs.yml (its text; None when there is none) sets, if any."""
    if mkdocs_yml is None:
        return None
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", mkdocs_yml, re.MULTILINE)
    return match.group(1).rstrip("/") if match else None


def advice_for(kept: Mapping[str, str], docs_dir: str, requirement: str) -> tuple[str, ...]:
    """For each file left alone (its path and its text), the change it still needs to work with inpublic, if any."""

    def text(path: str) -> str:
        return kept.get(path, "")

    out = []
    if "mkdocs.yml" in kept:
        config = text("mkdocs.yml")
        if not re.search(r"^\s*-\s*inpublic\s*:?\s*(#.*)?$", config, re.MULTILINE):
            out.append("mkdocs.yml: add `- inpublic` under `plugins:` (keep `- search` there too)")
        if not re.search(r"^\s*name:\s*['\"]?material\b", config, re.MULTILINE):
            out.append("mkdocs.yml: inpublic's pages are made for Material for MkDocs: set `theme: {name: material}`")
        if not re.search(r"^site_url:", config, re.MULTILINE):
            out.append(f"mkdocs.yml: feeds need the site's address: add `{SITE_URL}` (the publishing workflow "
                       "sets SITE_URL)")
    if "progress.yaml" in kept and text("progress.yaml").partition("\n")[0].strip() != MODELINE:
        out.append(f"progress.yaml: make its first line `{MODELINE}`, so that your editor completes and checks it")
    index = f"{docs_dir}/index.md"
    if index in kept and HOME_MARKER not in text(index):
        out.append(f"{index}: put `{HOME_MARKER}` where your plan and deadlines should appear")
    if WORKFLOW in kept and not re.search(r"fetch-depth:\s*0\b", text(WORKFLOW)):
        out.append(f"{WORKFLOW}: give actions/checkout `fetch-depth: 0`, or every note will look written today")
    if WORKFLOW in kept and "SITE_URL" not in text(WORKFLOW) and "SITE_URL" in text("mkdocs.yml"):
        out.append(f"{WORKFLOW}: set SITE_URL for `mkdocs build` to `${{{{ steps.pages.outputs.base_url }}}}/`, "
                   "with an actions/configure-pages step of id `pages` before it")
    if "requirements.txt" in kept and not re.search(r"^\s*inpublic\b", text("requirements.txt"), re.MULTILINE):
        out.append(f"requirements.txt: add `{requirement}`, so that the publishing workflow "
                   "installs it")
    if ".gitignore" in kept and not re.search(r"^/?site/?\s*$", text(".gitignore"), re.MULTILINE):
        out.append(".gitignore: add `site/`, where `mkdocs build` writes the site")
    if ".gitignore" in kept and not re.search(r"^/?\.cache/?\s*$", text(".gitignore"), re.MULTILINE):
        out.append(".gitignore: add `.cache/`, where a build keeps what the next one can reuse")
    if ".gitignore" in kept and not all(re.search(rf"^{re.escape(p)}\s*$", text(".gitignore"), re.MULTILINE)
                                        for p in LEFT_BY_LOG):
        out.append(".gitignore: add `.*.lock` and `.*.tmp`, the lock and the unfinished writes that `inpublic log` "
                   "leaves beside the plan")
    return tuple(out)


def next_steps(*, branch: str | None, has_remote: bool, site_url: str | None, mail: bool = False) -> tuple[str, ...]:
    """What the learner does after `inpublic init`, from editing the plan to sharing the link (pure).

    `branch` is the repository's current branch, or None when the folder is not a git repository yet.
    """
    steps = [
        "Edit progress.yaml: who you are, what you study and your deadlines. `inpublic check` finds mistakes.",
        "Preview: `python -m pip install -r requirements.txt`, then `mkdocs serve` and open http://127.0.0.1:8000",
    ]
    commit = "git add -A && git commit -m 'Start learning in public'"
    if branch is None:
        steps.append(f"Start the repository: `git init -b main && {commit}`")
    else:
        steps.append(f"Commit: `{commit}`")
        if branch != "main":
            steps.append(f"The workflow publishes the branch main, and yours is {branch}: rename it with "
                         f"`git branch -M main`, or write `branches: [{branch}]` in {WORKFLOW}")
    if not has_remote:
        steps.append("Create an empty repository on GitHub, then "
                     "`git remote add origin https://github.com/YOU/REPOSITORY.git && git push -u origin main`")
    else:
        steps.append("Push: `git push` (the workflow publishes from the branch main)")
    steps.append('On GitHub, in Settings > Pages > Build and deployment, set Source to "GitHub Actions"; '
                 "the workflow in the Actions tab then publishes the site at every push")
    if mail:
        steps.append("For the reports by email, in Settings > Secrets and variables > Actions, add the secrets "
                     "SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD and MAIL_TO (the addresses, separated by "
                     f"commas); {MAIL_WORKFLOW} sends every Monday (see the mail page of inpublic's docs)")
    steps.append(f"Share the link: {site_url}" if site_url else "Share the link: the address the workflow's "
                 "deploy job shows, like https://YOU.github.io/REPOSITORY/")
    return tuple(steps)
