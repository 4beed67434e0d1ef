"""The files a build keeps in `.cache/inpublic/` for the next one (the histories, the reports' conversions).

Each is written whole or not at all: into a temporary file next to it, then moved in its place. A folder that
cannot be written is skipped, since a kept file only ever saves time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_kept(path: Path, parts: Iterable[str]) -> bool:
    """Write `parts` one after the other into `path`, atomically; False when it cannot be written."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(parts)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True
