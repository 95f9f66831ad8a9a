"""Helpers for the hostile-input suite: run the CLI, check its output is clean, fingerprint files."""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from contentlint.cli import app
from tests.conftest import NETGUARD, subprocess_env

#: A sentence of 44 words: CL502 long-sentence fires on it, so a "good" file proves it was checked.
LONG = (
    "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
    "and then delayed twice by objections from local shops and residents, would open next month "
    "and that fares would stay the same for at least another year."
)
GOOD_ARTICLE = f"# Bus lanes\n\n{LONG}\n"

#: Cheap options for runs whose point is reading and parsing, not the NLP rules: one process,
#: no results cache (nothing may be written beside the inputs), no readability metrics.
FAST = ("--jobs", "1", "--no-cache")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def report(self) -> dict[str, Any]:
        return json.loads(self.stdout)

    def file(self, name: str) -> dict[str, Any]:
        """The JSON report entry of the file called ``name``."""
        matches = [f for f in self.report["files"] if Path(f["path"]).name == name]
        assert len(matches) == 1, f"{name}: {[f['path'] for f in self.report['files']]}"
        return matches[0]

    def codes(self, name: str) -> list[str]:
        return [f["code"] for f in self.file(name)["findings"]]


def invoke(args: Sequence[str], stdin: bytes | None = None) -> Run:
    """Run ``contentlint <args>`` in-process and check nothing escaped as a traceback."""
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=stdin, catch_exceptions=True)
    run = Run(result.exit_code, result.stdout, result.stderr, result.exception)
    assert_clean(run)
    return run


def assert_clean(run: Run) -> None:
    """No traceback, no stray exception; every stderr line is one ``contentlint:`` message."""
    if run.exception is not None and not isinstance(run.exception, SystemExit):
        raise AssertionError(f"the CLI raised {type(run.exception).__name__}: {run.exception}") from (
            run.exception
        )
    for stream in (run.stdout, run.stderr):
        assert "Traceback (most recent call last)" not in stream, stream
    for line in run.stderr.splitlines():
        assert line.startswith(("contentlint:", "  ")), f"unexpected stderr line: {line!r}"
    assert run.exit_code in (0, 1, 2), run.exit_code


def check_json(paths: Iterable[str | Path], *extra: str) -> Run:
    """``check --format json`` over ``paths`` with the fast options; findings of every file."""
    run = invoke(["check", *map(str, paths), "--format", "json", "--fail-on", "never", *FAST, *extra])
    assert run.exit_code == 0, run.stderr
    return run


def fingerprint(paths: Iterable[Path]) -> dict[str, tuple[str, int, int]]:
    """(sha256, size, mtime_ns) of every regular file under ``paths``, symlinks not followed."""
    out: dict[str, tuple[str, int, int]] = {}
    for root in paths:
        items = [root] if not root.is_dir() else sorted(root.rglob("*"))
        for path in items:
            try:
                st = path.lstat()
            except OSError:
                continue
            if not path.is_symlink() and path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                out[str(path)] = (digest, st.st_size, st.st_mtime_ns)
    return out


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


#: Loaded first by subprocesses (``sitecustomize``): the suite's network guard, except that
#: local IPC (AF_UNIX: multiprocessing's forkserver and resource sharer) may connect.
#: Internet sockets stay blocked.
IPC_SITECUSTOMIZE = """
import _socket, os, runpy, socket

runpy.run_path(os.environ["CONTENTLINT_NETGUARD"])
_guard, _guard_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address):
    if self.family == socket.AF_UNIX:
        return _socket.socket.connect(self, address)
    return _guard(self, address)


def connect_ex(self, address):
    if self.family == socket.AF_UNIX:
        return _socket.socket.connect_ex(self, address)
    return _guard_ex(self, address)


socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
"""


def guarded_env(directory: Path, extra_sitecustomize: str = "", **extra: str) -> dict[str, str]:
    """Environment for a CLI subprocess with worker processes: network guard on, local IPC allowed.

    ``extra_sitecustomize`` is appended to the ``sitecustomize`` (the audit hook uses it).
    """
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sitecustomize.py").write_text(IPC_SITECUSTOMIZE + extra_sitecustomize, encoding="utf-8")
    env = subprocess_env(CONTENTLINT_NETGUARD=str(NETGUARD / "sitecustomize.py"), **extra)
    env["PYTHONPATH"] = os.pathsep.join([str(directory), env["PYTHONPATH"]])
    return env


@pytest.fixture
def local_ipc(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs with workers: the suite's guard stays on for internet sockets only."""
    import _socket

    guard, guard_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):  # type: ignore[no-untyped-def]
        if self.family == socket.AF_UNIX:
            return _socket.socket.connect(self, address)
        return guard(self, address)

    def connect_ex(self, address):  # type: ignore[no-untyped-def]
        if self.family == socket.AF_UNIX:
            return _socket.socket.connect_ex(self, address)
        return guard_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
