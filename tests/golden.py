"""Golden files and golden trees: the output compared with what is kept under tests/, or written there.

`pytest --regen-golden` (the `regen_golden` fixture of conftest.py) writes the expected files from the current
output instead of comparing; review the diff with git before committing it.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Mapping
from pathlib import Path

TREES = Path(__file__).parent / "golden" / "trees"
REGENERATE = "run pytest with --regen-golden to write it"


def check_golden(path: Path, actual: str, regen: bool) -> None:
    """`actual` is the text of the golden file `path`; with `regen`, it is written there first."""
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing; {REGENERATE}"
    assert actual == path.read_text(encoding="utf-8")


def check_golden_tree(tree: Mapping[str, bytes | str], name: str, regen: bool) -> None:
    """`tree` (relative path -> content) is the whole folder tests/golden/trees/`name`: no file missing, none extra,
    none different; with `regen`, the folder is written afresh from it first."""
    folder = TREES / name
    if regen:
        shutil.rmtree(folder, ignore_errors=True)
        for path, content in tree.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(as_bytes(content))
    assert folder.is_dir(), f"{folder.relative_to(TREES.parent)} is missing; {REGENERATE}"
    kept = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    missing = sorted(kept.keys() - tree.keys())
    extra = sorted(tree.keys() - kept.keys())
    differing = sorted(path for path in kept.keys() & tree.keys() if as_bytes(tree[path]) != kept[path])
    problems = [f"missing (kept, not made): {path}" for path in missing]
    problems += [f"extra (made, not kept): {path}" for path in extra]
    problems += [f"differs: {path}\n{diff(kept[path], as_bytes(tree[path]), path)}" for path in differing]
    assert not problems, f"the tree {name} is not as kept ({REGENERATE} after an intended change):\n" + "\n".join(
        problems)


def as_bytes(content: bytes | str) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def diff(expected: bytes, actual: bytes, path: str, lines: int = 40) -> str:
    """The first `lines` lines of a unified diff of two files' text (bytes that are not UTF-8 are replaced)."""
    old = expected.decode("utf-8", errors="replace").splitlines()
    new = actual.decode("utf-8", errors="replace").splitlines()
    out = list(difflib.unified_diff(old, new, f"kept/{path}", f"built/{path}", n=1, lineterm=""))
    return "\n".join(out[:lines] + ([f"... {len(out) - lines} more lines"] if len(out) > lines else []))
