"""Writing the learner's files safely: a file is either its old self or its new self, never half of each, and
writers that share a lock take turns."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout


class Busy(Exception):
    """Another process held the lock for the whole wait."""

    def __init__(self, lock: Path) -> None:
        super().__init__(f"{lock} is held by another process")
        self.lock = lock


def lock_path(path: Path) -> Path:
    """The lock of the file at `path`: `.NAME.lock` beside it (beside the file a symbolic link points to)."""
    target = Path(os.path.realpath(path))
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float) -> Iterator[Path]:
    """Hold the exclusive lock of the file at `path` while the block runs; raise Busy after `timeout` seconds.

    Writers that read, change and write the file inside this block take turns, so none writes over another's
    change. The lock is the system's (flock on Unix, LockFileEx on Windows, through filelock) on `lock_path(path)`:
    it is released when the process ends, however it ends, so a killed writer never leaves it held. On Unix the
    lock file stays after release: removing it would let a waiter lock a file that is no longer the lock.
    """
    where = lock_path(path)
    lock = FileLock(where, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(where) from None
    try:
        yield where
    finally:
        lock.release()


def read_only(path: Path) -> bool:
    """Whether the file at `path` (or the file a link points to) is read-only for its owner, or to this user.

    The owner's write bit is read from the mode itself: os.access says root may write anything, and a learner who
    made the plan read-only meant it, whoever runs the command.
    """
    return not os.stat(path).st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file at `path` with `text` (UTF-8, line breaks as they are in `text`).

    The text goes to a temporary file in the same folder (`.NAME.XXXXXXXX.tmp`), with the original's permissions,
    is flushed to the disk, then renamed over the original in one step. On any exception, at any moment (a signal
    the caller turns into one included), the temporary file is removed and the original is untouched; only a
    SIGKILL or a power cut can leave it behind. A symbolic link is followed: the file it points to is replaced, the
    link stays. Writers that must not write over each other's changes hold `locked(path)` around read and write.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # named before it is made, so that an exception at any moment once it exists (a signal turned into one) removes it
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except FileExistsError:
        raise  # the name was taken (by a file a killed writer left): not ours to remove
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the renamed file to the disk, where the system allows it.

    The file is already replaced: a folder that cannot be synced (Windows, some network file systems) only makes
    the rename less durable across a power cut, so that is not an error.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
