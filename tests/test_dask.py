"""contentlint[dask]: a bag of (id, text, format) on a 2-worker LocalCluster, same findings."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed")
pytest.importorskip("distributed", reason="the dask extra is not installed")
pytest.importorskip("pandas", reason="the dask extra is not installed")

import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import contentlint  # noqa: E402
from contentlint.dask import FINDING_COLUMNS, lint_bag, lint_bag_results  # noqa: E402

# Captured at import, before the autouse network guard replaces them.
_CONNECT = socket.socket.connect
_CONNECT_EX = socket.socket.connect_ex
_GETADDRINFO = socket.getaddrinfo
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}

LONG = (
    "Ketamine, which was first recognised as an anaesthetic and which has since evolved in its "
    "application to include the treatment of depression in adults who have not responded to "
    "other medication, impacts the brain in ways that researchers are still working to understand."
)


def _loopback_only(real: Any) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        address = args[1] if len(args) > 1 and isinstance(args[0], socket.socket) else args[0]
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in _LOOPBACK and not host.startswith("/"):
            raise OSError(f"test tried to reach {host!r}: only loopback is allowed")
        return real(*args, **kwargs)

    return guarded


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # NOTE: the scheduler talks to its workers over loopback TCP; nothing else is allowed.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _loopback_only(_CONNECT))
        mp.setattr(socket.socket, "connect_ex", _loopback_only(_CONNECT_EX))
        mp.setattr(socket, "getaddrinfo", _loopback_only(_GETADDRINFO))
        with LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster, Client(cluster) as c:
            yield c


@pytest.fixture(autouse=True)
def _loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-allow loopback after the conftest guard (which runs first) blocked everything."""
    monkeypatch.setattr(socket.socket, "connect", _loopback_only(_CONNECT))
    monkeypatch.setattr(socket.socket, "connect_ex", _loopback_only(_CONNECT_EX))
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only(_GETADDRINFO))


@pytest.fixture(scope="module")
def documents(ketamine_path: Path) -> list[tuple[Any, str, str | None]]:
    return [
        ("ketamine", ketamine_path.read_text(encoding="utf-8"), "text"),
        (1, f"# Title\n\n{LONG}\n\nA short closing line.\n", "markdown"),
        (2, f"<html><body><article><h1>T</h1><p>{LONG}</p></article></body></html>", "html"),
        (3, "Short and clear.\n", None),
        (4, "", "text"),
        (5, f"A first paragraph that is fine.\n\n{LONG}\n", "text"),
    ]


def _expected(documents: list[tuple[Any, str, str | None]], **options: Any) -> list[tuple[Any, str, int, int, str]]:
    out = []
    for ident, result in contentlint.lint_texts(documents, metrics=False, **options):
        out.extend((ident, f.code, f.line, f.column, f.message) for f in result.findings)
    return sorted(out, key=repr)


def test_bag_matches_the_single_process_run(client: Client, documents: list[tuple[Any, str, str | None]]) -> None:
    bag = db.from_sequence(documents, npartitions=3)
    records = lint_bag(bag).compute()
    assert records and set(records[0]) == set(FINDING_COLUMNS)
    got = sorted(((r["id"], r["code"], r["line"], r["column"], r["message"]) for r in records), key=repr)
    assert got == _expected(documents)
    # Both worker processes did some of the work, each with its own pipeline.
    assert len(client.scheduler_info()["workers"]) == 2


def test_dataframe_has_the_documented_columns(client: Client, documents: list[tuple[Any, str, str | None]]) -> None:
    frame = lint_bag(db.from_sequence(documents, npartitions=2), dataframe=True, select=["CL502"])
    assert list(frame.columns) == list(FINDING_COLUMNS)
    table = frame.compute()
    assert set(table["code"]) == {"CL502", "CL005"}  # CL005: the empty document
    columns = [table[c].tolist() for c in ("id", "code", "line", "column", "message")]
    got = sorted(zip(*columns, strict=True), key=repr)
    assert got == _expected(documents, select=["CL502"])


def test_results_bag_keeps_metrics(client: Client, documents: list[tuple[Any, str, str | None]]) -> None:
    pairs = dict(lint_bag_results(db.from_sequence(documents[:2], npartitions=2)).compute())
    assert pairs["ketamine"].metrics["flesch_reading_ease"] < 60
    assert pairs[1].path == "1"
