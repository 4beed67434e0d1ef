"""`inpublic init`: a new site that builds at once, and an existing notes repository completed without a change."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run_inpublic as inpublic
from gitrepo import GitRepo
from inpublic.cli.init import github_urls, init_site
from inpublic.moving_in.install import requirement
from inpublic.moving_in.starter import MODELINE, SCHEMA_FILE, SITE_URL, Settings, starter_files
from inpublic.plan.load import load_plan
from inpublic.plan.schema import schema_text
from sites import build_in_process
from test_schema import errors, load

TODAY = dt.date(2026, 11, 22)  # sites.FIXED_EPOCH's day, so the build's "today" is the plan's start
SETTINGS = Settings(today=TODAY, version="0.1.0", name="Ada Example", timezone="Europe/Paris")


def test_init_then_commit_then_a_strict_build_gives_a_working_site(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "inpublic"  # the installed command, as a learner runs it
    done = subprocess.run([str(script), "init", "my-site", "--name", "Ada Example", "--timezone", "Europe/Paris"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    project = tmp_path / "my-site"
    for path in ("mkdocs.yml", "progress.yaml", SCHEMA_FILE, "docs/index.md", "docs/how-i-learn-in-public.md",
                 ".github/workflows/pages.yml", "requirements.txt", ".gitignore"):
        assert f"  created    {path}\n" in done.stdout
        assert (project / path).is_file()
    assert "Next steps:\n  1. Edit progress.yaml" in done.stdout
    assert "git init -b main && git add -A && git commit" in done.stdout
    assert 'set Source to "GitHub Actions"' in done.stdout
    # this inpublic is installed from a folder (editable): init says the requirement needs the learner's address
    assert "requirements.txt names https://github.com/PLACEHOLDER_OWNER/inpublic, because this inpublic was " \
           "installed from a folder on this computer" in done.stdout

    repo = GitRepo(project)  # git init && git add -A && git commit
    repo.commit("Start learning in public", "2026-11-22T10:00:00+01:00")
    check = inpublic("check", cwd=project)
    assert check.returncode == 0, check.stderr
    result = build_in_process(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    home = result.page()
    assert "Ada Example learns in public" in home
    assert "Next deadline: " in home and "Stat 110 by February 2027" in home
    assert "How I learn in public" in result.page("how-i-learn-in-public/index.html")
    # the publishing workflow gives the site's address; without it, the address of `mkdocs serve`
    assert 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in (project / "mkdocs.yml").read_text()


def test_the_starter_plan_is_valid_for_the_loader_and_the_schema_its_first_line_names(tmp_path: Path) -> None:
    init_site(tmp_path, SETTINGS)
    plan_file = tmp_path / "progress.yaml"
    plan = load_plan(plan_file)
    assert (plan.learner.name, plan.learner.timezone, plan.learner.started) == ("Ada Example", "Europe/Paris", TODAY)
    assert [(c.made, c.due) for c in plan.commitments] == [(TODAY, dt.date(2027, 2, 21))]
    first_line = plan_file.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == MODELINE
    schema_file = tmp_path / first_line.split("=", 1)[1]  # relative to progress.yaml, as editors read it
    assert schema_file.read_text(encoding="utf-8") == schema_text()
    assert errors(load(plan_file)) == []


@pytest.mark.parametrize("name", ["Ada", "Ada O'Brien", 'Zoë "Z" Müller: learner', "#1 learner", "yes", "2026"])
def test_any_name_reads_back_as_written(tmp_path: Path, name: str) -> None:
    files = {f.path: f.content for f in starter_files(Settings(today=TODAY, version="0.1.0", name=name))}
    (tmp_path / "progress.yaml").write_text(files["progress.yaml"], encoding="utf-8")
    assert load_plan(tmp_path / "progress.yaml").learner.name == name


def test_an_existing_notes_repository_gets_only_what_is_missing(tmp_path: Path) -> None:
    mine = {
        "mkdocs.yml": "site_name: My notes\ndocs_dir: notes\ntheme:\n  name: readthedocs\n",
        "notes/index.md": "# My notes\n",
        "notes/linear-algebra/vectors.md": "# Vectors\n",
        ".gitignore": "*.pyc\n",
    }
    for path, text in mine.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")

    result = init_site(tmp_path, SETTINGS)

    assert result.created == ("progress.yaml", SCHEMA_FILE, ".github/workflows/pages.yml", "requirements.txt")
    assert result.kept == ("mkdocs.yml", "notes/index.md", ".gitignore")
    assert not (tmp_path / "docs").exists()  # the notes stay where mkdocs.yml says, with no starter note
    for path, text in mine.items():
        assert (tmp_path / path).read_text(encoding="utf-8") == text
    assert result.advice == (
        "mkdocs.yml: add `- inpublic` under `plugins:` (keep `- search` there too)",
        "mkdocs.yml: inpublic's pages are made for Material for MkDocs: set `theme: {name: material}`",
        "mkdocs.yml: feeds need the site's address: add `site_url: !ENV [SITE_URL, \"http://127.0.0.1:8000/\"]` "
        "(the publishing workflow sets SITE_URL)",
        "notes/index.md: put `<!-- inpublic:home -->` where your plan and deadlines should appear",
        ".gitignore: add `site/`, where `mkdocs build` writes the site",
        ".gitignore: add `.cache/`, where a build keeps what the next one can reuse",
        ".gitignore: add `.*.lock` and `.*.tmp`, the lock and the unfinished writes that `inpublic log` leaves "
        "beside the plan",
    )


def test_the_gitignore_hides_what_inpublic_log_leaves_beside_the_plan(tmp_path: Path) -> None:
    init_site(tmp_path, SETTINGS)
    repo = GitRepo(tmp_path)
    repo.commit("Start learning in public", "2026-11-22T10:00:00+01:00")
    done = inpublic("log", "30m", "stat110", "--date", "2026-11-22", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".progress.yaml.lock").is_file()
    assert repo.git("status", "--porcelain", "--ignored") == " M progress.yaml\n!! .progress.yaml.lock\n"
    left = [".progress.yaml.lock", ".progress.yaml.3f9c01ab.tmp", "plans/.me.yaml.lock", "plans/.me.yaml.0b1c2d3e.tmp"]
    assert repo.git("check-ignore", *left).splitlines() == left
    assert "\n".join(init_site(tmp_path, SETTINGS).advice).count(".gitignore") == 0  # the starter's own is complete


def test_a_second_run_changes_nothing_but_an_outdated_schema(tmp_path: Path) -> None:
    init_site(tmp_path, SETTINGS)
    (tmp_path / "progress.yaml").write_text("# my own plan\n", encoding="utf-8")
    (tmp_path / SCHEMA_FILE).write_text("{}\n", encoding="utf-8")  # as left by an older inpublic
    result = init_site(tmp_path, Settings(today=TODAY + dt.timedelta(days=30), version="0.2.0"))
    assert result.created == ()
    assert result.updated == (SCHEMA_FILE,)
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    assert (tmp_path / "progress.yaml").read_text(encoding="utf-8") == "# my own plan\n"
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8").endswith(f"{requirement('0.1.0')}\n")
    assert result.advice == (f"progress.yaml: make its first line `{MODELINE}`, so that your editor completes "
                             "and checks it",)


def test_a_github_remote_gives_the_repository_and_the_pages_addresses(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "notes")
    repo.git("remote", "add", "origin", "git@github.com:AdaL/learning-ml.git")
    done = inpublic("init", "--name", "Ada", "--timezone", "UTC", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    mkdocs_yml = (repo.root / "mkdocs.yml").read_text()
    assert 'site_url: !ENV [SITE_URL, "https://adal.github.io/learning-ml/"]\n' in mkdocs_yml
    assert "  repo: https://github.com/AdaL/learning-ml   #" in (repo.root / "progress.yaml").read_text()
    assert "Push: `git push`" in done.stdout
    assert "Share the link: https://adal.github.io/learning-ml/" in done.stdout


@pytest.mark.parametrize(("remote", "expected"), [
    ("https://github.com/AdaL/learning-ml.git", ("https://github.com/AdaL/learning-ml",
                                                  "https://adal.github.io/learning-ml/")),
    ("git@github.com:AdaL/AdaL.github.io.git", ("https://github.com/AdaL/AdaL.github.io", "https://adal.github.io/")),
    ("ssh://git@github.com/ada/notes", ("https://github.com/ada/notes", "https://ada.github.io/notes/")),
    ("https://gitlab.com/ada/notes.git", (None, None)),
    ("", (None, None)),
])
def test_github_urls(remote: str, expected: tuple[str | None, str | None]) -> None:
    assert github_urls(remote) == expected


def test_a_branch_other_than_main_is_named_in_the_next_steps(tmp_path: Path) -> None:
    GitRepo(tmp_path).git("checkout", "-q", "-b", "master")
    done = inpublic("init", "--timezone", "UTC", cwd=tmp_path)
    assert "yours is master: rename it with `git branch -M main`" in done.stdout


def test_an_unknown_time_zone_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    done = inpublic("init", "--timezone", "Europe/Pariss", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "--timezone: unknown time zone 'Europe/Pariss'; use an IANA name like Europe/London\n"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_workflow_is_told_what_publishing_needs(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "pages.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Notes\n{SITE_URL}\ntheme:\n  name: material\nplugins:\n"
                                         "  - inpublic\n", encoding="utf-8")
    assert init_site(tmp_path, SETTINGS).advice == (
        ".github/workflows/pages.yml: give actions/checkout `fetch-depth: 0`, or every note will look written today",
        ".github/workflows/pages.yml: set SITE_URL for `mkdocs build` to `${{ steps.pages.outputs.base_url }}/`, "
        "with an actions/configure-pages step of id `pages` before it",
    )


def test_mail_adds_the_workflow_that_emails_the_reports_and_says_which_secrets_it_needs(tmp_path: Path) -> None:
    plain = inpublic("init", "plain", "--name", "Ada Example", "--timezone", "Europe/Paris", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert not (tmp_path / "plain" / ".github" / "workflows" / "mail.yml").exists()
    assert "SMTP_HOST" not in plain.stdout
    done = inpublic("init", "site", "--mail", "--name", "Ada Example", "--timezone", "Europe/Paris", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "  created    .github/workflows/mail.yml\n" in done.stdout
    workflow = (tmp_path / "site" / ".github" / "workflows" / "mail.yml").read_text(encoding="utf-8")
    assert workflow == (Path(__file__).parent.parent / "plugins" / "inpublic" / "starter" / "mail.yml").read_text(
        encoding="utf-8")
    assert "add the secrets SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD and MAIL_TO" in done.stdout
    # the addresses of a followers file never reach the repository
    repo = GitRepo(tmp_path / "site")
    (tmp_path / "site" / ".inpublic" / "followers.txt").write_text("mentor@example.org\n", encoding="utf-8")
    assert repo.git("check-ignore", ".inpublic/followers.txt").strip() == ".inpublic/followers.txt"
    (tmp_path / "site" / ".inpublic" / "sent.json").write_text('{"version": 1, "sent": {}}\n', encoding="utf-8")
    assert ".inpublic/sent.json" in repo.git("status", "--porcelain", "--untracked-files=all")  # it is committed
