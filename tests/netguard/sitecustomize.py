"""Loaded by subprocesses the tests start (via PYTHONPATH): any network access fails loudly."""

import socket


class NetworkAccessError(RuntimeError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkAccessError(f"contentlint tried to use the network: {args!r}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _connect_local_only(self, *args, **kwargs):
    # Unix-domain sockets are local IPC (multiprocessing's forkserver), not network.
    if self.family == getattr(socket, "AF_UNIX", None):
        return _connect(self, *args, **kwargs)
    return _blocked(*args)


def _connect_ex_local_only(self, *args, **kwargs):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _connect_ex(self, *args, **kwargs)
    return _blocked(*args)


socket.socket.connect = _connect_local_only  # type: ignore[method-assign]
socket.socket.connect_ex = _connect_ex_local_only  # type: ignore[method-assign]
socket.create_connection = _blocked  # type: ignore[assignment]
socket.getaddrinfo = _blocked  # type: ignore[assignment]
