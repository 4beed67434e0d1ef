"""Read a notes repository's git history: the only place in inpublic that talks to git.

The whole history reachable from HEAD comes from ONE ``git log`` process (plus one cheap
``git rev-parse`` for shallowness), parsed into the frozen ``History`` of ``inpublic.model``. The versions of
one file (the plan's, for history/plan_versions.py) come from ``read_file_history``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from inpublic.model import Commit, FileChange, History
from inpublic.privacy import MARKER, carries_marker

if TYPE_CHECKING:
    import git

_RECORD = "\x1e"  # starts each commit header
_FIELD = "\x1f"  # separates the header's fields
# Fields git writes itself first; then the learner's text, whose last field, the body, may hold anything but NUL
# (newlines, these separators...): only the private marker is looked for in it, and the body is not kept.
_FORMAT = _RECORD + _FIELD.join(["%H", "%P", "%aI", "%cI", "%an", "%s", "%b"]).replace(_FIELD, "%x1f")
# one `--raw` record: ":<old mode> <new mode> <old blob> <new blob> <status>", the status a letter and a score
_RAW = re.compile(r":[0-7]{6} [0-7]{6} ([0-9a-f]+) ([0-9a-f]+) ([ACDMRTUXB][0-9]*)")
_TWO_PATHS = ("R", "C")
_NO_GIT = "git is not installed (or not on PATH): install git to read your notes' history"
# `read_file_history`'s log: each commit's sha, author and committer dates, then its one `--raw` record
_FILE_FORMAT = "%x1e%H%x1f%aI%x1f%cI"
_FILE_RAW = re.compile(r"^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])[0-9]*\t", re.MULTILINE)
_NULL_BLOB = re.compile(r"^0+$")


T = TypeVar("T")


class HistoryError(Exception):
    """A git history that cannot be read, with a one-line message for the learner."""


@dataclass(frozen=True)
class FileVersion:
    """A commit on the first-parent line to HEAD that changed one file, and the blob it left there."""

    sha: str
    authored: dt.datetime
    committed: dt.datetime
    blob: str | None  # None when the commit deleted the file


@dataclass(frozen=True)
class FileHistory(Generic[T]):
    """Every version of one file (``read_file_history``), and what was read from each distinct blob."""

    versions: tuple[FileVersion, ...] = ()  # oldest first
    blobs: Mapping[str, T] = dataclasses.field(default_factory=dict)
    shallow: bool = False


def repo_root(path: Path) -> Path:
    """The top folder of the git working tree containing ``path`` (which may be a subfolder)."""
    with _open_repo(path) as repo:
        return _working_tree(repo, path)


def repo_relative(root: Path, path: Path) -> str:
    """``path`` as a repository-relative POSIX path, the form ``History`` paths take."""
    root_abs, path_abs = Path(root).resolve(), Path(path).resolve()
    try:
        return path_abs.relative_to(root_abs).as_posix()
    except ValueError:
        raise HistoryError(f"{path} is outside the git repository at {root}") from None


def head_sha(repo_dir: Path) -> str | None:
    """HEAD's commit, read from the files under .git without starting git: a cheap cache key.

    None whenever it is not plain to read (no repository, a ref that is neither loose nor packed...): callers
    then read the history again, which is always right.
    """
    try:
        dirs = _git_dirs(repo_dir)
        if dirs is None:
            return None
        dot_git, common = dirs
        head = (dot_git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head or None
        ref = head[5:]
        for base in (dot_git, common):
            if (base / ref).is_file():
                return (base / ref).read_text().strip() or None
        for line in (common / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split(" ", 1)[0]
    except (OSError, IndexError, UnicodeDecodeError):
        return None
    return None


def shallow_edge(repo_dir: Path) -> bytes | None:
    """The commits a shallow clone stops at (.git/shallow, b"" when it is whole); None when it cannot be read."""
    try:
        dirs = _git_dirs(repo_dir)
        if dirs is None:
            return None
        shallow = dirs[1] / "shallow"
        return shallow.read_bytes() if shallow.is_file() else b""
    except (OSError, IndexError, UnicodeDecodeError):
        return None


def _git_dirs(repo_dir: Path) -> tuple[Path, Path] | None:
    """The .git folder of the working tree holding `repo_dir`, and the one it shares with other worktrees."""
    folder = Path(repo_dir).resolve()
    dot_git = next((p / ".git" for p in (folder, *folder.parents) if (p / ".git").exists()), None)
    if dot_git is not None and dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
        dot_git = (dot_git.parent / dot_git.read_text().split(":", 1)[1].strip()).resolve()
    if dot_git is None:
        return None
    common = dot_git
    if (dot_git / "commondir").exists():  # a linked worktree keeps its branches in the main .git
        common = dot_git / (dot_git / "commondir").read_text().strip()
    return dot_git, common


def read_history(repo_dir: Path, private_marker: str = MARKER) -> History:
    """Every commit reachable from HEAD, oldest first, with the paths each one changed.

    ``repo_dir`` may be any folder inside the working tree. Paths are relative to the
    repository root. Renames are detected (``-M``) and listed as status ``R`` with
    ``old_path``, and ``pure_rename`` when the blob is the same before and after (from the
    blob ids ``--raw`` gives in the same pass; git's ``R100`` alone does not prove it).
    Merge commits are listed with all their parents but NO changes (no ``-m``/``--cc``):
    the commits on the merged branch already carry those changes. A repository without
    commits gives an empty ``History`` with ``head=None``; a detached HEAD is read like any
    other.

    A commit is ``private`` when ``private_marker`` (the site's, see ``Privacy``) is anywhere in its
    message, its body included; the body is read in the same pass and dropped, so it costs no memory
    and cannot reach a page.
    """
    with _open_repo(repo_dir) as repo:
        head, shallow = head_of(repo, repo_dir)
        if head is None:
            return History(commits=(), head=None, shallow=shallow)
        # newest first from git, reversed here: `--reverse` with `--date-order` makes git five times slower
        commits = tuple(reversed(list(_parse_log(_log_tokens(repo, head), private_marker))))
    return History(commits=commits, head=head, shallow=shallow)


def read_file_history(repo_dir: Path, path: str, read: Callable[[bytes | None], T]) -> FileHistory[T]:
    """Every commit that changed the file at ``path`` (repo-relative POSIX path) on the first-parent line to
    HEAD, oldest first, with what ``read`` makes of each blob it left (its bytes, None when git cannot read it):
    one ``git log``, then one ``git cat-file --batch`` (GitPython's persistent one) that reads each distinct blob
    once. A blob's bytes are dropped as soon as ``read`` has them, so a file with a thousand versions is never
    all in memory at once.

    A merge counts as the commit that brought its changes into the line. Raises HistoryError when git cannot be
    run.
    """
    with _open_repo(repo_dir) as repo:
        head, shallow = head_of(repo, repo_dir)
        if head is None:
            return FileHistory(shallow=shallow)
        raw = _run(repo, "log", *_file_log_args(head, path))
        versions = _parse_file_log(raw.decode("utf-8", errors="replace"))
        blobs: dict[str, T] = {}
        for version in versions:
            if version.blob is not None and version.blob not in blobs:
                blobs[version.blob] = read(_read_blob(repo, version.blob))
    return FileHistory(tuple(versions), blobs, shallow)


def _file_log_args(head: str, path: str) -> list[str]:
    return [
        f"--format={_FILE_FORMAT}",
        "--first-parent",
        "-m",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--reverse",
        "--no-color",
        "--no-show-signature",
        head,
        "--",
        path,
    ]


def _read_blob(repo: git.Repo, blob: str) -> bytes | None:
    """The blob's bytes through the one persistent ``git cat-file --batch``; None when git cannot find it."""
    try:
        return bytes(repo.git.get_object_data(blob)[3])
    except ValueError:  # missing object, e.g. a partial clone without its promisor remote
        return None


def _parse_file_log(text: str) -> list[FileVersion]:
    versions = []
    for record in text.split(_RECORD)[1:]:
        header, _, body = record.partition("\n")
        sha, authored, committed = header.split(_FIELD)
        raw = _FILE_RAW.search(body)
        if raw is None:  # a merge that left the file as its first parent had it
            continue
        blob = None if raw.group(2) == "D" or _NULL_BLOB.match(raw.group(1)) else raw.group(1)
        versions.append(
            FileVersion(sha, dt.datetime.fromisoformat(authored), dt.datetime.fromisoformat(committed), blob)
        )
    return versions


def _log_tokens(repo: git.Repo, head: str) -> Iterator[str]:
    """The NUL-separated fields of `git log -z` as git writes them, so parsing overlaps git's own work."""
    import git

    try:
        process = repo.git(c="core.quotePath=false").log(*_log_args(head), as_process=True)
    except git.GitCommandNotFound:
        raise HistoryError(_NO_GIT) from None
    rest = b""
    # read1: what git has written so far (a pipe's worth), so git goes on while this parses; read() would wait
    # for a full buffer, and git would wait for it to be parsed
    for chunk in iter(lambda: process.proc.stdout.read1(1 << 20), b""):
        buffer = rest + chunk
        cut = buffer.rfind(b"\0")  # never inside a UTF-8 character
        if cut < 0:
            rest = buffer
            continue
        rest = buffer[cut + 1 :]
        yield from buffer[:cut].decode("utf-8", errors="replace").split("\0")
    if rest:
        yield rest.decode("utf-8", errors="replace")
    try:
        process.wait()
    except git.GitCommandError as err:
        raise HistoryError(f"git log failed in {repo.working_dir}: {_first_line(err.stderr)}") from None


def head_of(repo: git.Repo, repo_dir: Path) -> tuple[str | None, bool]:
    """HEAD's sha (None while no commit exists) and shallowness: from .git's files when they are plain,
    so reading a history costs its `git log` alone; else from one `git rev-parse`."""
    head = head_sha(Path(repo.working_tree_dir or repo_dir))
    if head is not None:
        return head, Path(repo.common_dir, "shallow").is_file()
    return _head_and_shallow(repo)


def _head_and_shallow(repo: git.Repo) -> tuple[str | None, bool]:
    """One ``git rev-parse``: HEAD's sha (None while no commit exists) and shallowness."""
    args = ("--is-shallow-repository", "--verify", "-q", "HEAD")
    status, out, err = _run(
        repo, "rev-parse", *args, with_exceptions=False, with_extended_output=True
    )
    lines = out.decode("utf-8", errors="replace").split()
    if status not in (0, 1) or not lines or lines[0] not in ("true", "false"):
        raise HistoryError(f"git rev-parse failed in {repo.working_dir}: {_first_line(err)}")
    head = lines[1] if status == 0 and len(lines) > 1 else None
    return head, lines[0] == "true"


def _log_args(head: str) -> list[str]:
    return [
        f"--format={_FORMAT}",
        "--raw",  # the blob ids too, to tell a pure rename; full ids, as abbreviating them costs lookups
        "--no-abbrev",
        "-M",
        "-z",
        "--root",
        "--date-order",
        "--no-color",
        "--no-show-signature",
        "--encoding=UTF-8",
        head,
        "--",
    ]


def _open_repo(path: Path) -> git.Repo:
    try:
        import git
    except ImportError:
        raise HistoryError(_NO_GIT) from None
    try:
        return git.Repo(path, search_parent_directories=True)
    except git.NoSuchPathError:
        raise HistoryError(f"{path} does not exist: cannot read its git history") from None
    except git.InvalidGitRepositoryError:
        raise HistoryError(
            f"{path} is not inside a git repository: run `git init` and commit your notes, "
            "or point inpublic at a folder inside one"
        ) from None


def _working_tree(repo: git.Repo, path: Path) -> Path:
    if repo.working_tree_dir is None:
        raise HistoryError(f"{path} is in a bare git repository: inpublic needs a working tree")
    return Path(repo.working_tree_dir).resolve()


def _run(repo: git.Repo, command: str, *args: str, **options: bool) -> Any:
    """Run one git command with raw bytes output (stdout, or (status, stdout, stderr))."""
    import git

    call = getattr(repo.git(c="core.quotePath=false"), command.replace("-", "_"))
    try:
        return call(*args, stdout_as_string=False, strip_newline_in_stdout=False, **options)
    except git.GitCommandNotFound:
        raise HistoryError(_NO_GIT) from None
    except git.GitCommandError as err:
        message = f"git {command} failed in {repo.working_dir}: {_first_line(err.stderr)}"
        raise HistoryError(message) from None


def _first_line(stderr: str | bytes | None) -> str:
    text = stderr.decode("utf-8", errors="replace") if isinstance(stderr, bytes) else stderr or ""
    lines = [ln.strip().strip("'") for ln in text.replace("stderr:", "").splitlines()]
    return next((ln for ln in lines if ln), "no error message")


def _parse_log(fields: Iterable[str], private_marker: str = MARKER) -> Iterator[Commit]:
    """Parse ``git log -z --raw`` output: header, then a raw record and its path(s) per change, per commit."""
    tokens = iter(fields)
    shared = Shared()
    header: str | None = None
    changes: list[FileChange] = []
    for token in tokens:
        if token.startswith(_RECORD):
            if header is not None:
                yield _commit(header, changes, private_marker, shared)
            header, changes = token[1:], []
            continue
        record = token.lstrip("\n")
        if not record:
            continue
        raw = _RAW.fullmatch(record)
        if header is None or raw is None:
            raise HistoryError(f"unexpected output from git log near {token[:40]!r}")
        old_blob, new_blob, status = raw.groups()
        first = shared.text(next(tokens, ""))
        if status[0] in _TWO_PATHS:
            pure = status[0] == "R" and old_blob == new_blob
            changes.append(FileChange(status[0], shared.text(next(tokens, "")), first, pure))
        else:
            changes.append(FileChange(status[0], first))
    if header is not None:
        yield _commit(header, changes, private_marker, shared)


class Shared:
    """One object for each distinct string and timezone of one history read: a path changed in 500 commits, the
    author, a sha that is also the next commit's parent, are held once. Dropped when the read ends."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.zones: dict[str, dt.tzinfo] = {}  # by the offset's text, "+02:00"

    def text(self, value: str) -> str:
        return self.strings.setdefault(value, value)

    def date(self, iso: str) -> dt.datetime:
        """An ISO 8601 date and time with its offset, as `%aI` and `%cI` give it."""
        moment = dt.datetime.fromisoformat(iso)
        zone = self.zones.setdefault(iso[-6:], moment.tzinfo or dt.UTC)
        return moment if moment.tzinfo is zone else moment.replace(tzinfo=zone)


def _commit(header: str, changes: list[FileChange], private_marker: str, shared: Shared) -> Commit:
    sha, parents, authored, committed, learners = header.split(_FIELD, 4)
    author, _, text = learners.partition(_FIELD)  # text: the subject, then the body, with whatever they hold
    parent_shas = tuple(shared.text(parent) for parent in parents.split())
    authored_at = shared.date(authored)
    return Commit(
        sha=shared.text(sha),
        author=shared.text(author),
        authored=authored_at,
        committed=authored_at if committed == authored else shared.date(committed),
        message=text.partition(_FIELD)[0],
        parents=parent_shas,
        changes=() if len(parent_shas) > 1 else tuple(changes),
        private=carries_marker(text, private_marker),
    )
