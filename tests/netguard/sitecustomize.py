"""Loaded by subprocesses the tests start (via PYTHONPATH): any network access fails loudly."""

import socket


class NetworkAccessError(RuntimeError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkAccessError(f"contentlint tried to use the network: {args!r}")


socket.socket.connect = _blocked  # type: ignore[method-assign]
socket.socket.connect_ex = _blocked  # type: ignore[method-assign]
socket.create_connection = _blocked  # type: ignore[assignment]
socket.getaddrinfo = _blocked  # type: ignore[assignment]
