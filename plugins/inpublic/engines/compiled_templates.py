"""inpublic's templates compiled once and kept in `.cache/inpublic/templates/`, for the engine adapters.

Compiling inpublic's sixteen Jinja templates takes about 0.15 s at every build, more than rendering a hundred
weekly reports with them. Jinja's own bytecode cache keeps the compiled code of each template, known by the
template's name and checked against its source and the Python version, so a template changed (or a Python
upgraded) is compiled again. A folder that cannot be written or read only costs the compiling.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

FOLDER = "templates"


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's bytecode cache in `folder` (made when first written), which never fails a build."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), "%s.jinja")
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # a damaged file: the template is compiled again, and written again

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            return
