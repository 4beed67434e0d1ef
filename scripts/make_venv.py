"""Make the project's virtual environment with pip in it, even where Debian's python3-venv is not installed.

Usage: python3 scripts/make_venv.py .venv

`python3 -m venv` needs ensurepip, which Debian ships separately (python3-venv). Without it, the environment
is made without pip and pip is fetched from PyPI as a wheel, which runs as a zip archive to install itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path


def main(target: Path) -> None:
    try:
        import ensurepip  # noqa: F401

        venv.EnvBuilder(with_pip=True).create(target)
        return
    except (ImportError, subprocess.CalledProcessError):
        pass
    venv.EnvBuilder(with_pip=False, clear=True).create(target)
    index = "https://pypi.org/pypi/pip/json"
    with urllib.request.urlopen(index, timeout=60) as answer:
        release = json.load(answer)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    url = urllib.parse.urljoin(index, wheel["url"])  # a mirror may answer with relative addresses
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(url, timeout=120) as answer:
            path.write_bytes(answer.read())
        python = target / "bin" / "python"
        subprocess.run([str(python), f"{path}/pip", "install", "--quiet", str(path)], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
