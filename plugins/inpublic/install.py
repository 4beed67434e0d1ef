"""How a learner's site installs inpublic: the one line of requirements.txt that `inpublic init` writes and the
documentation names. Before the first release on PyPI it is the repository at the version's tag; after it, the
version on PyPI."""

from __future__ import annotations

# PLACEHOLDER: the project's public repository, not settled yet. Change it here (and in docs/inpublic/), and tag
# each release `vVERSION` there, as .github/workflows/release.yml expects.
REPOSITORY = "https://github.com/PLACEHOLDER_OWNER/inpublic"  # "_" is in no GitHub name: nobody can own it
ON_PYPI = False  # True from the release that publishes inpublic on PyPI: sites then pin `inpublic==VERSION`


def requirement(version: str) -> str:
    """`inpublic==0.2.0` once on PyPI; before, `inpublic @ git+https://github.com/PLACEHOLDER_OWNER/inpublic@v0.1.0`."""
    return f"inpublic=={version}" if ON_PYPI else f"inpublic @ git+{REPOSITORY}@v{version}"
