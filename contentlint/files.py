"""Expanding the paths given on the command line into the files to check.

Directories are walked recursively for known suffixes without following
symbolic links into directories (no loops); explicitly named files are always
checked, whatever their suffix. Include/exclude globs come from the config.
A directory that cannot be listed is yielded itself, so the engine reports it
(CL001) instead of its files silently going unchecked.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .parsers import SUFFIXES

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to check: a path on disk, or standard input (``path == "-"``)."""

    path: str
    explicit: bool  # named on the command line rather than found in a directory


def expand(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[Target]:
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            yield Target(STDIN, True)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, exclude):
                key = os.path.normpath(found)
                if key not in seen:
                    seen.add(key)
                    yield Target(found, False)
        else:
            key = os.path.normpath(raw)
            if key not in seen:
                seen.add(key)
                yield Target(raw, True)


def _walk(root: Path, exclude: Sequence[str]) -> Iterator[str]:
    unlistable: list[str] = []

    def remember(exc: OSError) -> None:
        if exc.filename is not None:
            unlistable.append(os.fspath(exc.filename))

    for dirpath, dirnames, filenames in os.walk(root, onerror=remember, followlinks=False):
        yield from _drain(unlistable, exclude)
        dirnames[:] = sorted(d for d in dirnames if not matches_any(Path(dirpath, d), exclude))
        for name in sorted(filenames):
            if Path(name).suffix.lower() not in SUFFIXES:
                continue
            full = Path(dirpath, name)
            if not matches_any(full, exclude):
                yield str(full)
    yield from _drain(unlistable, exclude)


def _drain(unlistable: list[str], exclude: Sequence[str]) -> Iterator[str]:
    """Directories os.walk could not list, for the engine to report as unreadable."""
    while unlistable:
        path = unlistable.pop(0)
        if not matches_any(Path(path), exclude):
            yield path


def matches_any(path: Path, globs: Sequence[str]) -> bool:
    """Whether ``path`` matches a glob, by full path, by any trailing part or by name."""
    if not globs:
        return False
    posix = PurePosixPath(path.as_posix())
    parts = posix.parts
    candidates = {"/".join(parts[i:]) for i in range(len(parts))}
    return any(fnmatch.fnmatchcase(c, g) or posix.match(g) for g in globs for c in candidates)


def relative_to_root(path: str, root: Path) -> Path:
    try:
        return Path(path).resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(path)
