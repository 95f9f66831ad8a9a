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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
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
    """Whether ``path`` matches a glob, by full path, by any trailing part or by name.

    A glob matches when ``fnmatch`` matches it against the path or one of its
    trailing parts ("docs/*.md" against "site/docs/a.md"), or when
    ``PurePosixPath.match`` does (each part of the glob against one part of the
    path, from the right). The globs are compiled once per set (see
    :func:`_compiled`): walking a tree checks every file against every
    default exclude.
    """
    if not globs:
        return False
    whole, by_parts = _compiled(tuple(globs))
    parts = PurePosixPath(path.as_posix()).parts
    if any(whole.match("/".join(parts[i:])) for i in range(len(parts))):
        return True
    return any(_match_parts(parts, rooted, patterns) for rooted, patterns in by_parts)


@lru_cache(maxsize=64)
def _compiled(
    globs: tuple[str, ...],
) -> tuple[re.Pattern[str], tuple[tuple[bool, tuple[re.Pattern[str], ...]], ...]]:
    """One pattern for the fnmatch test of every glob, and each glob's parts for the part test."""
    whole = re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs))
    by_parts = []
    for glob in globs:
        pattern = PurePosixPath(glob)
        rooted = bool(pattern.root)
        names = pattern.parts[1:] if rooted else pattern.parts
        if not pattern.parts:
            continue  # PurePosixPath.match raises on an empty pattern; it can match nothing
        by_parts.append((rooted, tuple(re.compile(fnmatch.translate(n)) for n in names)))
    return whole, tuple(by_parts)


def _match_parts(parts: tuple[str, ...], rooted: bool, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """``PurePosixPath(*parts).match(glob)`` for a glob split by :func:`_compiled`."""
    if rooted:
        if not parts or parts[0] != "/" or len(patterns) + 1 != len(parts):
            return False
    elif len(patterns) > len(parts):
        return False
    return all(p.match(part) for part, p in zip(reversed(parts), reversed(patterns), strict=False))


def relative_to_root(path: str, root: Path) -> Path:
    try:
        return Path(path).resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(path)
