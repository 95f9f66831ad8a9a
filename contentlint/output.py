"""Writing report files atomically: a reader never sees half a report.

The report is written to a temporary file in the destination's directory,
flushed to disk, and renamed over the destination, so an interrupted run
(an exception, Ctrl-C, a killed process, a full disk) leaves the previous
report as it was. The new file gets the permissions the old one had, or the
usual ones for a new file (``0o666`` minus the umask); ``mkstemp``'s private
``0o600`` would hide a CI artifact from a web server. A destination that is a
symbolic link is written through: the link stays and its target is replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""

    def fill(fd: int) -> None:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())

    _replace(path, fill)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """:func:`write_atomically` for bytes (derived data in the per-user cache)."""

    def fill(fd: int) -> None:
        with os.fdopen(fd, "wb") as out:
            out.write(data)

    _replace(path, fill)


def _replace(path: Path, fill: Callable[[int], None]) -> None:
    """Fill a temporary file beside ``path`` through its descriptor, then rename it into place."""
    target = Path(os.path.realpath(path))  # through symlinks: same directory, same file system
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        fill(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode_for(target: Path) -> int:
    """Permission bits for the new report: the old file's, else 0o666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
