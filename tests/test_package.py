"""The package as it is published: the wheel and the sdist hold the templates, the schema, the assets and the
starter files that inpublic reads at run time, and say the version `inpublic --version` prints.

Built once per run from a copy of the source, without build isolation (with the setuptools of this environment),
so that no network is needed. `make wheel-check` installs the built wheel in a clean environment and builds the
example site with it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import inpublic
from sites import ROOT

PACKAGE = ROOT / "plugins" / "inpublic"
DATA = ("templates", "schema", "assets", "starter")


def data_files() -> set[str]:
    """Every file inpublic reads at run time, as `inpublic/templates/report.md.j2`."""
    return {f"inpublic/{p.relative_to(PACKAGE).as_posix()}" for folder in DATA for p in (PACKAGE / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, in a folder of their own."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(PACKAGE, source / "plugins" / "inpublic", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_some_data_files_are_expected() -> None:
    files = data_files()
    assert {"inpublic/templates/report.md.j2", "inpublic/schema/progress.schema.json", "inpublic/assets/inpublic.css",
            "inpublic/starter/requirements.txt.j2", "inpublic/starter/gitignore"} <= files


def test_the_wheel_holds_the_code_and_every_data_file(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    assert wheel.name == f"inpublic-{inpublic.__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert data_files() <= names, sorted(data_files() - names)
    code = {f"inpublic/{p.name}" for p in PACKAGE.glob("*.py")}
    assert code <= names, sorted(code - names)
    entry_points = zipfile.ZipFile(wheel).read(f"inpublic-{inpublic.__version__}.dist-info/entry_points.txt")
    assert b"inpublic = inpublic.cli.main:main" in entry_points
    assert b"inpublic = inpublic.engines.mkdocs.plugin:InpublicPlugin" in entry_points


def test_the_sdist_holds_every_data_file(built: Path) -> None:
    (sdist,) = built.glob("*.tar.gz")
    top = f"inpublic-{inpublic.__version__}"
    assert sdist.name == f"{top}.tar.gz"
    with tarfile.open(sdist) as archive:
        raw = set(archive.getnames())
    names = {n.removeprefix(f"{top}/plugins/") for n in raw}
    assert data_files() <= names, sorted(data_files() - names)
    assert {f"{top}/pyproject.toml", f"{top}/README.md"} <= raw
