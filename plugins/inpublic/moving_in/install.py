"""How a learner's site installs inpublic: the one line of requirements.txt that `inpublic init` writes and the
documentation names. Before the first release on PyPI it is the repository at the version's tag; after it, the
version on PyPI."""

from __future__ import annotations

import json

# PLACEHOLDER: the project's public repository, not settled yet. Change it here (and in docs/inpublic/), and tag
# each release `vVERSION` there, as .github/workflows/release.yml expects.
REPOSITORY = "https://github.com/PLACEHOLDER_OWNER/inpublic"  # "_" is in no GitHub name: nobody can own it
ON_PYPI = False  # True from the release that publishes inpublic on PyPI: sites then pin `inpublic==VERSION`


def requirement(version: str, source: str | None = None) -> str:
    """The line that installs inpublic on the publishing machine.

    ``source`` is where this copy was installed from (see ``source_of``): the learner's site then installs the
    very same inpublic. Without one, `inpublic==0.2.0` once on PyPI; before,
    `inpublic @ git+https://github.com/PLACEHOLDER_OWNER/inpublic@v0.1.0`.
    """
    if source:
        return f"inpublic @ {source}"
    return f"inpublic=={version}" if ON_PYPI else f"inpublic @ git+{REPOSITORY}@v{version}"


def source_of(direct_url: str | None) -> str | None:
    """Where pip installed inpublic from, as the URL of a requirement another machine can install too.

    ``direct_url`` is the text of the ``direct_url.json`` pip writes for an install from a URL (PEP 610): a git
    repository gives ``git+URL@REF``, at the tag or branch asked for, else at the commit installed; an archive on
    the web gives its address. An install from an index, or from a folder or file on this computer (editable or
    not), gives None: no other machine can install from there.
    """
    if not direct_url:
        return None
    try:
        data = json.loads(direct_url)
    except ValueError:
        return None
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://", "ssh://", "git@")):
        return None
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        ref = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"git+{url}@{ref}" if isinstance(ref, str) and ref else f"git+{url}"
    return url if isinstance(data.get("archive_info"), dict) else None
