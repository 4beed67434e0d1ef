"""How a learner installs inpublic: one line, written once (`inpublic.install.requirement`), that works before the
first release on PyPI (the repository at the version's tag) and after it (`inpublic==VERSION`). Init's
requirements.txt holds it, its advice names it, and the docs name it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import inpublic
from inpublic.cli.init import init_site
from inpublic.moving_in import install
from inpublic.moving_in.starter import Settings, starter_files
from sites import ROOT

DOCS = ROOT / "docs" / "inpublic"
SETTINGS = Settings(today=dt.date(2026, 11, 22), version=inpublic.__version__)


def tagged_source(folder: Path, tag: str) -> Path:
    """A local git repository of inpublic's source, tagged as a release is."""
    source = folder / "inpublic"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(ROOT / "plugins" / "inpublic", source / "plugins" / "inpublic",
                    ignore=shutil.ignore_patterns("__pycache__"))
    git = ["git", "-C", str(source), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Release"], ["tag", tag]):
        subprocess.run(git + args, check=True, capture_output=True)
    return source


def test_before_the_release_the_repository_at_the_versions_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install, "ON_PYPI", False)
    line = install.requirement("0.1.0")
    assert line == f"inpublic @ git+{install.REPOSITORY}@v0.1.0"
    parsed = Requirement(line)
    assert (parsed.name, parsed.url) == ("inpublic", f"git+{install.REPOSITORY}@v0.1.0")


def test_after_the_release_the_version_on_pypi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install, "ON_PYPI", True)
    assert install.requirement("0.2.0") == "inpublic==0.2.0"


def test_inits_requirements_txt_installs_this_version_as_a_learner_can_today() -> None:
    (text,) = [f.content for f in starter_files(SETTINGS) if f.path == "requirements.txt"]
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [install.requirement(inpublic.__version__)]


def test_a_kept_requirements_txt_without_inpublic_is_told_the_line(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("mkdocs-material\n", encoding="utf-8")
    advice = init_site(tmp_path, SETTINGS).advice
    assert (f"requirements.txt: add `{install.requirement(inpublic.__version__)}`, so that the publishing workflow "
            "installs it") in advice


@pytest.mark.parametrize("page", ["index.md", "publishing.md", "moving-in.md"])
def test_the_docs_name_the_install_that_works_today_and_after_the_release(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert f"git+{install.REPOSITORY}@v{inpublic.__version__}" in text
    assert f"inpublic=={inpublic.__version__}" in text


def test_a_git_url_at_a_tag_installs_the_package(tmp_path: Path) -> None:
    """The form of the line, tried on a local copy of the source tagged as a release is (no network)."""
    source = tagged_source(tmp_path, f"v{inpublic.__version__}")
    line = f"inpublic @ git+file://localhost{source}@v{inpublic.__version__}"  # pip wants a host in the URL
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "-w", str(tmp_path / "out"), line], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"inpublic-{inpublic.__version__}-py3-none-any.whl"]


# --- the inpublic a learner tried is the inpublic their site installs ----------------------------


@pytest.mark.parametrize(("direct_url", "source"), [
    ('{"url": "https://github.com/ada/inpublic", "vcs_info": {"vcs": "git", "requested_revision": "v0.1.0", '
     '"commit_id": "0123abc"}}', "git+https://github.com/ada/inpublic@v0.1.0"),
    ('{"url": "https://github.com/ada/inpublic", "vcs_info": {"vcs": "git", "commit_id": "0123abc"}}',
     "git+https://github.com/ada/inpublic@0123abc"),
    ('{"url": "https://example.org/inpublic-0.1.0.tar.gz", "archive_info": {}}',
     "https://example.org/inpublic-0.1.0.tar.gz"),
    ('{"url": "file:///home/ada/inpublic", "dir_info": {"editable": true}}', None),  # this computer only
    ('{"url": "file://localhost/tmp/inpublic", "vcs_info": {"vcs": "git", "commit_id": "0123abc"}}', None),
    ('{"url": "https://hg.example.org/inpublic", "vcs_info": {"vcs": "hg", "commit_id": "0123abc"}}', None),
    ("not json", None),
    (None, None),
])
def test_where_inpublic_was_installed_from_is_where_the_site_installs_it(direct_url: str | None,
                                                                         source: str | None) -> None:
    assert install.source_of(direct_url) == source
    if source is not None:
        assert install.requirement("0.1.0", source) == f"inpublic @ {source}"
        assert Requirement(install.requirement("0.1.0", source)).url == source


def test_inits_requirements_txt_names_where_this_inpublic_came_from() -> None:
    source = "git+https://github.com/ada/inpublic@v0.1.0"
    settings = Settings(today=dt.date(2026, 11, 22), version="0.1.0", install_source=source)
    (text,) = [f.content for f in starter_files(settings) if f.path == "requirements.txt"]
    assert [line for line in text.splitlines() if line and not line.startswith("#")] == [f"inpublic @ {source}"]


def test_pip_records_a_git_install_in_the_form_source_of_reads(tmp_path: Path) -> None:
    """A real `pip install` from a git URL at a tag; its direct_url.json, with the address of a public host in
    place of this folder, gives back the same requirement."""
    source = tagged_source(tmp_path, "v0.1.0")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--target", str(tmp_path / "target"), f"inpublic @ git+file://localhost{source}@v0.1.0"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (recorded,) = (tmp_path / "target").glob("inpublic-*.dist-info/direct_url.json")
    text = recorded.read_text(encoding="utf-8")
    assert install.source_of(text) is None  # a folder on this computer: no other machine can install it
    public = text.replace(f"file://localhost{source}", "https://github.com/ada/inpublic")
    assert install.source_of(public) == "git+https://github.com/ada/inpublic@v0.1.0"
