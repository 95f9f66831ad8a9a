"""--jobs: worker processes give the same results, in input order, as one process."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import socket
import subprocess
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from contentlint import parallel
from contentlint.engine import Linter
from contentlint.errors import ConfigError, ContentlintError
from contentlint.parallel import Task, _batches, available_cores

from .conftest import PYTHON, subprocess_env

LONG = (
    "This sentence keeps going for far longer than any reader would like, because it strings "
    "together clause after clause about gardens, rain, roofs, driveways, drains, rivers, lakes "
    "and the many other things that the writer could not bring themselves to leave out today."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i:02d}.md").write_text(f"# Article {i}\n\n{LONG}\n\nShort {i}.\n", encoding="utf-8")
    (folder / "03-empty.md").write_text("", encoding="utf-8")
    (folder / "04-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


def test_jobs_2_matches_jobs_1_in_input_order(corpus: Path) -> None:
    """Also proves ``python -m contentlint`` is safe to spawn workers from (no re-run of main)."""
    def check(jobs: str) -> dict[str, Any]:
        proc = subprocess.run(
            [PYTHON, "-m", "contentlint", "check", str(corpus), "-f", "json", "--jobs", jobs,
             "--no-cache", "--fail-on", "never"],
            env=subprocess_env(),
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    one, two = check("1"), check("2")
    assert two["files"] == one["files"]
    assert [f["path"] for f in two["files"]] == sorted(f["path"] for f in two["files"])
    assert any(f["findings"] for f in two["files"])


_REAL_CONNECT = socket.socket.connect  # captured before the autouse network guard patches it


def _unix_sockets_only(sock: socket.socket, address: Any) -> Any:
    if sock.family != socket.AF_UNIX:
        raise OSError("only Unix sockets (the forkserver's) are allowed here")
    return _REAL_CONNECT(sock, address)


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver")
def test_forkserver_workers_match_one_process(corpus: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(socket.socket, "connect", _unix_sockets_only)  # a local socket, no network
    monkeypatch.delenv(parallel.ENV_START_METHOD, raising=False)
    used: list[str] = []
    start_pool = parallel._start_pool

    def spy(jobs: int, initargs: tuple[Any, ...], batch: list[Task]) -> Any:
        pool, future = start_pool(jobs, initargs, batch)
        used.append(pool._mp_context.get_start_method())
        return pool, future

    monkeypatch.setattr(parallel, "_start_pool", spy)
    two = Linter().lint_paths([str(corpus)], jobs=2)
    assert used == ["forkserver"]
    assert two == Linter(registry=registry).lint_paths([str(corpus)], jobs=1)


def test_pool_results_come_back_in_input_order(tmp_path: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Batches finishing in reverse still yield files in input order (a fake pool, no processes)."""
    paths = []
    for i in range(7):
        path = tmp_path / f"{i}.md"
        path.write_text(f"# T{i}\n\nParagraph number {i} is here.\n", encoding="utf-8")
        paths.append(str(path))
    monkeypatch.setattr(parallel, "BATCH_FILES", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _ReversePool)
    monkeypatch.setattr(parallel, "_WORKER", None)
    linter = Linter(registry=registry)
    result = linter.lint_paths(paths, jobs=3)
    assert [f.path for f in result.files] == paths
    assert result == Linter(registry=registry).lint_paths(paths, jobs=1)


def test_a_dead_worker_pool_finishes_in_this_process(tmp_path: Path, registry, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for i in range(5):
        path = tmp_path / f"{i}.md"
        path.write_text(f"# T{i}\n\nParagraph {i}.\n", encoding="utf-8")
        paths.append(str(path))
    monkeypatch.setattr(parallel, "BATCH_FILES", 1)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _BrokenPool)
    monkeypatch.setattr(parallel, "_WORKER", None)
    result = Linter(registry=registry).lint_paths(paths, jobs=2)
    assert [f.path for f in result.files] == paths
    assert "worker process died" in capsys.readouterr().err


def test_one_file_never_starts_a_pool(tmp_path: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("# A\n\nOne file.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n")  # unreadable: never reaches a worker

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a single file")

    monkeypatch.setattr(parallel, "_run_pool", no_pool)
    result = Linter(registry=registry).lint_paths([str(tmp_path / "a.md"), str(tmp_path / "b.txt")], jobs=4)
    assert [f.path for f in result.files] == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    assert result.files[1].findings[0].code == "CL001"


def test_registries_that_cannot_be_sent_are_checked_here(tmp_path: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for i in range(3):
        (tmp_path / f"{i}.md").write_text(f"# T\n\nText {i}.\n", encoding="utf-8")
        paths.append(str(tmp_path / f"{i}.md"))
    monkeypatch.setattr(parallel, "_run_pool", lambda *a, **k: pytest.fail("pool started"))
    custom = Linter(registry=registry)
    custom.registry_is_default = False
    monkeypatch.setattr(parallel.pickle, "dumps", _refuse)
    assert [f.path for f in custom.lint_paths(paths, jobs=2).files] == paths


def test_config_errors_surface_in_the_main_process(tmp_path: Path, registry) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "contentlint.toml").write_text("[rules.long-sentence]\nmax-words = 'many'\n")
    for i in range(3):
        (tmp_path / f"{i}.md").write_text("# T\n\nText.\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        Linter(registry=registry).lint_paths([str(tmp_path)], jobs=2)


def test_worker_errors_cross_the_process_boundary() -> None:
    error = ContentlintError(str(ConfigError("x.toml", "bad")))
    assert str(pickle.loads(pickle.dumps(error))) == "x.toml: bad"


def test_batches_bound_files_and_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BATCH_FILES", 3)
    monkeypatch.setattr(parallel, "BATCH_CHARS", 100)
    tasks = [Task(i, "p", "p", "x" * size) for i, size in enumerate([10, 10, 10, 10, 150, 10])]
    assert [[t.index for t in b] for b in _batches(iter(tasks))] == [[0, 1, 2], [3, 4], [5]]


def test_available_cores_is_positive() -> None:
    assert available_cores() >= 1


def _refuse(*args: object, **kwargs: object) -> bytes:
    raise pickle.PicklingError("plugin rules live in this process only")


class _ReversePool:
    """Runs batches in this process on a fake worker, completing them in reverse order."""

    def __init__(self, max_workers: int, mp_context: object, initializer: Any, initargs: tuple[Any, ...]) -> None:
        initializer(*initargs)
        self.futures: list[tuple[Future[Any], list[Task]]] = []
        self.lock = threading.Lock()

    def submit(self, fn: Any, batch: list[Task]) -> Future[Any]:
        future: Future[Any] = Future()
        self.futures.append((future, batch))
        if len(self.futures) == 3:
            self._finish()
        else:  # the last, odd batches: finish soon, as a worker would
            threading.Timer(0.05, self._finish).start()
        return future

    def _finish(self) -> None:
        with self.lock:
            pending, self.futures = self.futures, []
        for future, batch in reversed(pending):
            future.set_result(parallel._lint_batch(batch))

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self._finish()


class _BrokenPool(_ReversePool):
    def submit(self, fn: Any, batch: list[Task]) -> Future[Any]:
        future: Future[Any] = Future()
        if batch[0].index >= 2:
            future.set_exception(BrokenProcessPool("worker killed"))
        else:
            future.set_result(parallel._lint_batch(batch))
        return future


def test_workers_import_the_installed_package_even_beside_a_source_folder(corpus: Path, tmp_path: Path) -> None:
    """Run from a folder holding another ``contentlint/`` (a checkout: the quick start does
    that), workers must still import the package the command runs from, not that folder."""
    script = Path(PYTHON).parent / "contentlint"
    if not script.exists():
        pytest.skip("the contentlint console script is not installed beside this Python")
    here = tmp_path / "checkout"
    (here / "contentlint").mkdir(parents=True)
    marker = tmp_path / "decoy-imported"
    (here / "contentlint" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nraise ImportError('the decoy was imported')\n"
    )
    proc = subprocess.run(
        [str(script), "check", str(corpus), "-f", "json", "--jobs", "2", "--no-cache",
         "--fail-on", "never"],
        cwd=here, env=subprocess_env(), capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert any(f["findings"] for f in json.loads(proc.stdout)["files"])
    assert not marker.exists(), "a worker process imported the folder in the working directory"
    assert "worker process died" not in proc.stderr
