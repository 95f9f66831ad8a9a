"""Shared fixtures. Every test runs with the network blocked: any socket use fails the test."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KETAMINE = SHARED / "examples" / "ketamine-seo-article.txt"
NEWS = SHARED / "corpus" / "news-articles"
NETGUARD = Path(__file__).resolve().parent / "netguard"
# NOTE: one throwaway results cache for the whole test session, never the repo's.
_CACHE_DIR = Path(__import__("tempfile").mkdtemp(prefix="contentlint-test-cache-"))
# ...and one for derived data (the decompressed language model), never the user's.
_DATA_DIR = _CACHE_DIR / "data"


class NetworkAccessError(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def blocked(*args: object, **kwargs: object) -> None:
        raise NetworkAccessError(f"test tried to use the network: {args!r}")

    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def local_only(original):  # type: ignore[no-untyped-def]
        # Unix-domain sockets are local IPC (multiprocessing's forkserver), not network.
        def guarded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self.family == getattr(socket, "AF_UNIX", None):
                return original(self, *args, **kwargs)
            return blocked(*args)

        return guarded

    monkeypatch.setattr(socket.socket, "connect", local_only(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", local_only(connect_ex))
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(_CACHE_DIR))
    monkeypatch.setenv("CONTENTLINT_DATA_CACHE", str(_DATA_DIR))
    monkeypatch.setattr(socket, "create_connection", blocked)
    monkeypatch.setattr(socket, "getaddrinfo", blocked)


@pytest.fixture(scope="session")
def ketamine_path() -> Path:
    if not KETAMINE.is_file():
        pytest.skip(f"shared example not found at {KETAMINE} (../shared is not beside the repo)")
    return KETAMINE


@pytest.fixture(scope="session")
def news_dir() -> Path:
    if not (NEWS / "ground-truth.json").is_file():
        pytest.skip(f"news corpus not found at {NEWS} (../shared is not beside the repo)")
    return NEWS


@pytest.fixture(scope="session")
def registry():  # type: ignore[no-untyped-def]
    from contentlint.registry import Registry

    return Registry.from_entry_points()


@pytest.fixture(scope="session")
def linter(registry):  # type: ignore[no-untyped-def]
    """One linter (and so one spaCy pipeline) for the whole session."""
    from contentlint.engine import Linter

    return Linter(registry=registry)


def subprocess_env(**extra: str) -> dict[str, str]:
    """Environment for CLI subprocesses: network guard on, colours off."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(NETGUARD), extra.pop("PYTHONPATH", ""), env.get("PYTHONPATH", "")) if p
    )
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


@pytest.fixture
def chdir_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path


PYTHON = sys.executable


@pytest.fixture(scope="session")
def news_bodies(news_dir: Path) -> list[tuple[str, str]]:
    """(id, clean article body) for the 181 professionally edited news articles."""
    import json

    truth = json.loads((news_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted((key, value["articleBody"]) for key, value in truth.items())


@pytest.fixture(scope="session")
def news_results(linter, news_bodies):  # type: ignore[no-untyped-def]
    """Every default rule run once over every clean news body (as plain text), shared by all tests.

    Professionally edited news is what "clean" looks like: a rule that fires here is usually wrong.
    """
    return {key: linter.lint_text(body, f"{key}.txt", "text") for key, body in news_bodies}


def corpus_hits(results, code: str) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    """(article id, line, excerpt start) of every ``code`` finding in a corpus run, printed for judging."""
    hits = [
        (key, f.line, f.excerpt[:80])
        for key, result in results.items()
        for f in result.findings
        if f.code == code
    ]
    for hit in hits:
        print(f"residual {code}:", hit)
    return hits
