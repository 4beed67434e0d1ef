"""`inpublic log` against real processes: writers take turns, a read-only plan is refused, a signal leaves no litter.

The writers, the lock and the signals need real `inpublic log` processes, on a plan in tmp_path; a read-only plan
is refused in this process. A few slow the write down on purpose
(os.fsync sleeps once it has synced) so that a signal lands in the middle of the write every time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_runner import run_inpublic
from inpublic.cli import log as cli_log
from inpublic.cli.main import main
from inpublic.plan.load import parse_plan
from sites import MINIMAL_PLAN

PAST = "2026-11-20"  # two days before the fixed today of conftest.py
LOCK = ".progress.yaml.lock"  # beside the plan; filelock leaves it there on Unix, and the starter .gitignore hides it
WRITERS = 6  # `inpublic log` processes started at the same moment
ROUNDS = 2  # each round lost an entry before the lock, every time


def inpublic_log(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "inpublic.cli.main", "log", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def litter(folder: Path) -> list[str]:
    """What is in the plan's folder besides the plan and its lock."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("progress.yaml", LOCK))


# --- writers at the same moment -----------------------------------------------------------------


@pytest.mark.heavy
def test_writers_at_the_same_moment_all_keep_their_entries(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_bytes(MINIMAL_PLAN.replace("\n", "\r\n").encode())
    notes = []
    for round_ in range(ROUNDS):
        batch = [f"round {round_}, writer {writer}" for writer in range(WRITERS)]
        processes = [inpublic_log("5m", "calc1", "--note", note, "--date", PAST, cwd=tmp_path) for note in batch]
        for process, note in zip(processes, batch, strict=True):
            out, err = process.communicate(timeout=60)
            assert (process.returncode, err) == (0, ""), note
            assert out == f"progress.yaml: added 5 min of calc1 on {PAST}\n"
        notes += batch
    text = read(plan)
    assert text.startswith(MINIMAL_PLAN.replace("\n", "\r\n")) and "\n" not in text.replace("\r\n", "")
    assert sorted(entry.note or "" for entry in parse_plan(text).log[1:]) == sorted(notes)
    assert litter(tmp_path) == []


def test_a_writer_waits_for_the_lock_and_gives_up_after_a_while(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    holder = subprocess.Popen(  # another process holds the plan's lock for as long as its standard input is open
        [sys.executable, "-c", "import sys; from filelock import FileLock\n"
                               "with FileLock(sys.argv[1]):\n print('held', flush=True); sys.stdin.read()",
         str(tmp_path / LOCK)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.chdir(tmp_path)
        monkeypatch.setattr(cli_log, "LOCK_WAIT", 0.3)
        assert main(["log", "90m", "calc1", "--date", PAST]) == 1
        lock = Path(os.path.realpath(tmp_path)) / LOCK
        assert capsys.readouterr() == ("", f"progress.yaml: another `inpublic log` held {lock} for 0.3 seconds, so "
                                           "nothing was added; run this again when it is done\n")
        assert read(plan) == MINIMAL_PLAN
        waiting = inpublic_log("90m", "calc1", "--date", PAST, cwd=tmp_path)
        time.sleep(0.5)  # it waits: the plan is unchanged while the lock is held
        assert waiting.poll() is None and read(plan) == MINIMAL_PLAN
    finally:
        holder.communicate("", timeout=30)
    assert waiting.communicate(timeout=30) == (f"progress.yaml: added 90 min of calc1 on {PAST}\n", "")
    assert parse_plan(read(plan)).log[-1].minutes == 90


# --- a read-only plan ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o464, 0o555], ids=oct)
def test_a_read_only_plan_is_refused_even_for_root(tmp_path: Path, mode: int) -> None:
    """The machine and CI run as root, whom no mode bit stops: the plan's own bits decide."""
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    plan.chmod(mode)
    done = run_inpublic("log", "90m", "calc1", "--date", PAST, cwd=tmp_path)
    assert (done.stdout, done.stderr) == ("", "progress.yaml: the file is read-only, so nothing was added; "
                                              "make it writable with `chmod u+w progress.yaml` and run this again\n")
    assert done.returncode == 1
    assert read(plan) == MINIMAL_PLAN and plan.stat().st_mode & 0o777 == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.yaml"]  # no temporary file, and no lock
    dry_run = run_inpublic("log", "90m", "calc1", "--date", PAST, "--dry-run", cwd=tmp_path)
    assert dry_run.stderr == "" and dry_run.returncode == 0  # reading it is fine


def test_a_link_to_a_read_only_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / "real.yaml").chmod(0o444)
    (tmp_path / "progress.yaml").symlink_to("real.yaml")
    done = run_inpublic("log", "90m", "calc1", "--date", PAST, cwd=tmp_path)
    assert done.stderr.startswith("progress.yaml: the file is read-only, so nothing was added")
    assert read(tmp_path / "real.yaml") == MINIMAL_PLAN


# --- a signal in the middle of the write --------------------------------------------------------

# `inpublic log` whose os.fsync, at its Nth call, says so and then sleeps: the 1st syncs the temporary file before
# the rename, the 2nd the folder after it
STALLED = """\
import os, sys, time
fsync, calls, stall_at = os.fsync, [], int(sys.argv.pop(1))
def stalled(handle):
    fsync(handle)
    calls.append(handle)
    if len(calls) == stall_at:
        print("stalled", file=sys.stderr, flush=True)
        time.sleep(60)
os.fsync = stalled
from inpublic.cli.main import main
sys.exit(main(sys.argv[1:]))
"""
SIGNALS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
@pytest.mark.parametrize("rename", ["before", "after"])
def test_a_signal_during_the_write_leaves_the_plan_whole_and_no_temporary_file(
    tmp_path: Path, sig: signal.Signals, rename: str
) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    stall_at = {"before": "1", "after": "2"}[rename]
    args = [sys.executable, "-c", STALLED, stall_at, "log", "90m", "calc1", "--date", PAST]
    with subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None and process.stderr.readline() == "stalled\n"
        process.send_signal(sig)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 128 + sig
    assert litter(tmp_path) == []
    if rename == "before":
        assert read(plan) == MINIMAL_PLAN
        assert (out, err) == ("", f"progress.yaml: stopped by {sig.name} while writing, so nothing was added\n")
    else:
        assert read(plan).startswith(MINIMAL_PLAN) and parse_plan(read(plan)).log[-1].minutes == 90
        assert (out, err) == (f"progress.yaml: added 90 min of calc1 on {PAST}\n",
                              f"progress.yaml: stopped by {sig.name} after writing\n")


# one process imports inpublic, then forks an `inpublic log` per run and sends it SIGTERM after a delay: the
# delays are spread over a whole run's lifetime, measured first, so every step of it is hit by some signal, and the
# write, slowed down, takes a good part of that lifetime
STAGGERED = """\
import json, os, signal, sys, time
fsync = os.fsync
os.fsync = lambda handle: (fsync(handle), time.sleep(0.05))  # a slow disk: each sync takes 50 ms
from inpublic.cli.main import main
plan, runs = sys.argv[1], int(sys.argv[2])
argv = ["log", "5m", "calc1", "--date", "2026-11-20", "--plan", plan]

def run(delay):
    pid = os.fork()
    if pid == 0:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        os._exit(main(argv))
    started = time.perf_counter()
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGTERM)
    status = os.waitpid(pid, 0)[1]
    return time.perf_counter() - started, os.waitstatus_to_exitcode(status)

lifetime = min(run(None)[0] for _ in range(3))
outcomes = [run(lifetime * 1.2 * i / runs)[1] for i in range(runs)]
print(json.dumps({"lifetime": lifetime, "outcomes": outcomes}))
"""


def test_sigterm_at_any_moment_leaves_a_whole_plan_and_no_temporary_file(tmp_path: Path) -> None:
    plan = tmp_path / "progress.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    runs = 30
    done = subprocess.run([sys.executable, "-c", STAGGERED, str(plan), str(runs)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    outcomes = json.loads(done.stdout)["outcomes"]
    assert set(outcomes) <= {0, 1, -signal.SIGTERM, 128 + signal.SIGTERM}
    assert litter(tmp_path) == []
    log = parse_plan(read(plan)).log
    assert read(plan).startswith(MINIMAL_PLAN) and {entry.minutes for entry in log[1:]} <= {5}
    assert len(log) - 1 >= 3 + outcomes.count(0)  # the three unkilled runs, and every run that finished
