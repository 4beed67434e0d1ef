"""`inpublic check`, run as a learner runs it: in this process, and once as `python -m inpublic.cli`."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

import inpublic as inpublic_package
from cli_runner import run_inpublic as inpublic
from inpublic.cli.main import main
from sites import MINIMAL_PLAN, ROOT, make_site


def test_check_passes_on_the_demo_site_with_a_summary() -> None:
    done = subprocess.run([sys.executable, "-m", "inpublic.cli", "check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "progress.yaml: OK: 5 subjects, 14 resources, 2 commitments, 39 log entries, 3 milestones\n"
    )


def test_check_fails_with_the_messages_of_a_bad_plan(tmp_path: Path) -> None:
    project = make_site(tmp_path, plan=MINIMAL_PLAN.replace("timezone: America/New_York", "timezone: America/New_Yrok"))
    done = inpublic("check", cwd=project)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "progress.yaml:4:13: learner.timezone: unknown time zone 'America/New_Yrok'; did you mean 'America/New_York'?\n"
    )


def test_check_takes_a_plan_path(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN.replace("units: 3\n", "units: 30\n"), encoding="utf-8")
    done = inpublic("check", "--plan", str(plan), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"{plan}:25:12: log[0].units: this entry brings calc1 to 30 weeks done, but it has only 10; "
        "check the units logged, or the resource's total\n"
    )


def test_check_reports_an_unknown_plugin_option(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - inpublic\n", "  - inpublic:\n      plann: x.yaml\n"))
    done = inpublic("check", cwd=project)
    assert done.returncode == 1
    assert ("mkdocs.yml: Config value 'plugins': Plugin 'inpublic' option 'plann': Unrecognised configuration name: "
            "plann; did you mean 'plan'?\n") in done.stderr
    assert "Traceback" not in done.stderr


def test_check_says_when_the_plugin_is_not_enabled(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n  - inpublic\n", "plugins:\n  - search\n"))
    done = inpublic("check", cwd=project)
    assert done.returncode == 1
    assert done.stderr == "mkdocs.yml: the inpublic plugin is not enabled; add it under `plugins:` (- inpublic)\n"


def test_check_outside_a_site_says_where_to_run_it(tmp_path: Path) -> None:
    done = inpublic("check", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "mkdocs.yml: no such file; run this in your site's folder, or pass -f path/to/mkdocs.yml\n"
    )


def test_version_is_the_installed_packages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"inpublic {importlib.metadata.version('inpublic')}\n"
    assert importlib.metadata.version("inpublic") == inpublic_package.__version__


def test_check_counts_one_of_each_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    assert main(["check", "--plan", str(plan)]) == 0
    assert capsys.readouterr().out == (
        f"{plan}: OK: 1 subject, 1 resource, 1 commitment, 1 log entry, 0 milestones\n"
    )
