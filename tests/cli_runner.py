"""Run `inpublic` in this process, as a learner's shell would run it (a helper, not a test module).

`run_inpublic` calls `inpublic.cli.main.main` in the folder `cwd` with the environment changes given, and hands
back what a subprocess would have: the exit status, the standard output and the standard error. Only the tests
that need a real process (signals, a lock held by another process, writers at the same moment, a terminal, the
installed script) start one.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from inpublic.cli.main import main

Ran = subprocess.CompletedProcess[str]  # the shape a test of a real process reads


def run_inpublic(*args: str, cwd: Path, env: Mapping[str, str | None] | None = None) -> Ran:
    """`inpublic args` run in `cwd`; `env` sets variables, or unsets those given as None, for this run only."""
    out, err = io.StringIO(), io.StringIO()
    with environment(env or {}), working_folder(cwd), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse on a bad argument, --version, --help
            status = exit_code(exit_.code, err)
    return subprocess.CompletedProcess(["inpublic", *args], status, out.getvalue(), err.getvalue())


def exit_code(code: object, err: io.StringIO) -> int:
    """The status `sys.exit(code)` gives a process; a message is printed to stderr, as Python does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1


@contextlib.contextmanager
def working_folder(folder: Path) -> Iterator[None]:
    """The current folder is `folder` for the length of the block (contextlib.chdir, before Python 3.12)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """os.environ with `changes` (None: unset) for the length of the block, then as it was."""
    before = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            set_variable(name, value)
        yield
    finally:
        for name, value in before.items():
            set_variable(name, value)


def set_variable(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
