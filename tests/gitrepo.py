"""Build real git repositories with fixed dates for tests (a helper, not a test module)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

NAME = "Ada Lovelace"
EMAIL = "ada@example.org"


def git_env(**extra: str) -> dict[str, str]:
    """An environment that isolates git from the user's and the system's configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME=NAME,
        GIT_AUTHOR_EMAIL=EMAIL,
        GIT_COMMITTER_NAME=NAME,
        GIT_COMMITTER_EMAIL=EMAIL,
        LC_ALL="C",
    )
    env.update(extra)
    return env


def run_git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run ``git args`` in ``cwd`` and return its stdout (decoded, replacing bad bytes)."""
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.quotePath=false", *args],
        cwd=cwd,
        env=env or git_env(),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        err = done.stderr.decode(errors="replace")
        raise RuntimeError(f"git {' '.join(args)} failed: {err}")
    return done.stdout.decode("utf-8", errors="replace")


class GitRepo:
    """A throw-away repository: write/move/delete files, then commit at a fixed date."""

    def __init__(self, root: Path, *, init: bool = True) -> None:
        self.root = root
        if init:
            root.mkdir(parents=True, exist_ok=True)
            self.git("init", "-q", "-b", "main")

    @classmethod
    def clone(cls, source: GitRepo, dest: Path, *, depth: int | None = None) -> GitRepo:
        """Clone ``source`` through ``file://`` (so that ``depth`` really makes it shallow)."""
        extra = ["--depth", str(depth)] if depth else []
        run_git(dest.parent, "clone", "-q", *extra, source.root.as_uri(), str(dest))
        return cls(dest, init=False)

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        return run_git(self.root, *args, env=env)

    def write(self, path: str, text: str) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def delete(self, path: str) -> None:
        self.git("rm", "-q", path)

    def commit(
        self,
        message: str | bytes,
        when: str,
        *,
        author: str = NAME,
        encoding: str | None = None,
        committed: str | None = None,
    ) -> str:
        """Stage everything and commit at ``when`` (ISO 8601 with offset); return the sha.

        ``message`` as bytes is written verbatim; ``encoding`` sets i18n.commitEncoding; ``committed`` gives the
        committer a date of its own (by default the author's).
        """
        raw = message if isinstance(message, bytes) else message.encode(encoding or "utf-8")
        msg_file = self.root / ".git" / "TEST_COMMIT_MSG"
        msg_file.write_bytes(raw)
        self.git("add", "-A")
        env = git_env(GIT_AUTHOR_NAME=author, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=committed or when)
        enc = ["-c", f"i18n.commitEncoding={encoding}"] if encoding else []
        self.git(*enc, "commit", "-q", "--allow-empty", "-F", str(msg_file), env=env)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str) -> None:
        self.git("branch", name)

    def checkout(self, ref: str, *, detach: bool = False) -> None:
        self.git("checkout", "-q", *(["--detach"] if detach else []), ref)

    def merge(self, branch: str, when: str, *, no_ff: bool = True, message: str = "") -> str:
        """Merge ``branch`` into the current branch at ``when``; return the new HEAD sha."""
        env = git_env(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        args = ["merge", "-q", "--no-ff" if no_ff else "--ff", "--no-edit"]
        self.git(*args, *(["-m", message] if message else []), branch, env=env)
        return self.head()

    def log(self, fmt: str) -> list[str]:
        """What plain ``git log --reverse --format=fmt`` prints, one entry per commit."""
        out = self.git("log", "--reverse", "--date-order", f"--format={fmt}%x00")
        return [entry.strip("\n") for entry in out.split("\0")[:-1]]
