"""The public Python API for batch use: ``lint_paths``, ``lint_text``, ``lint_texts``.

Results are frozen dataclasses (:class:`~contentlint.findings.FileResult`,
:class:`~contentlint.findings.LintResult`, :class:`~contentlint.findings.Finding`)
that pickle cleanly, so they can cross process boundaries (multiprocessing,
Dask). ``Finding.to_dict()`` gives the JSON report's plain dictionaries.

Building the spaCy pipeline costs about 0.3 s, so ``lint_text`` and
``lint_texts`` keep one linter per process and per settings: call them in a
loop freely. They never discover config files (a text has no location);
pass ``config=`` to use one. ``lint_paths`` behaves like the command line:
config discovery per file, optional worker processes and results cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Overrides
    from .findings import FileResult, LintResult

__all__ = ["lint_paths", "lint_text", "lint_texts", "settings"]


def settings(
    *,
    config: str | os.PathLike[str] | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    language: str | None = None,
    metrics: bool = True,
    keep_documents: bool = False,
) -> Overrides:
    """The settings every API function takes, as one hashable value (used as a cache key).

    ``config`` names a config file (``contentlint.toml`` or a ``pyproject.toml``);
    ``select``/``ignore``/``extend_select`` take codes, prefixes, slugs or categories
    as on the command line; ``metrics=False`` skips the readability metrics.
    """
    from .engine import Overrides

    return Overrides(
        config=Path(config).resolve() if config is not None else None,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        extend_select=tuple(extend_select),
        language=language,
        metrics=metrics,
        keep_documents=keep_documents,
    )


def lint_text(
    text: str,
    path: str = "<string>",
    format: str | None = None,
    **options: Any,
) -> FileResult:
    """Check one text. ``format`` is text, markdown or html (default: from ``path``'s suffix,
    else text). ``options`` are those of :func:`settings`."""
    for _, result in lint_texts([(path, text, format)], **options):
        return result
    raise AssertionError("unreachable")  # pragma: no cover


def lint_texts(
    items: Iterable[tuple[Any, str, str | None]], **options: Any
) -> Iterator[tuple[Any, FileResult]]:
    """Check many texts with one pipeline: ``(id, text, format)`` in, ``(id, FileResult)`` out.

    ``str(id)`` is the path findings carry; results arrive in input order and
    lazily, so an iterator of millions of texts never sits in memory at once.
    """
    from .parallel import lint_texts as run

    return run(items, _settings(options))


def lint_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    cache: bool | str | os.PathLike[str] = False,
    **options: Any,
) -> LintResult:
    """Check files and directories as ``contentlint check`` does, files in input order.

    ``jobs``: worker processes (``None``: all cores; 1: this process).
    ``cache``: True for the default ``.contentlint_cache`` folder, or a folder path.
    """
    from .cache import ResultCache, default_cache_dir
    from .engine import Linter
    from .parallel import available_cores

    overrides = _settings(options)
    linter = Linter(overrides=overrides)
    store = None
    if cache:
        directory = default_cache_dir(overrides.config) if cache is True else Path(cache)
        store = ResultCache.open(directory)
    return linter.lint_paths(
        [os.fspath(p) for p in paths], jobs=jobs or available_cores(), cache=store
    )


def _settings(options: dict[str, Any]) -> Overrides:
    from .engine import Overrides

    given = options.pop("settings", None)
    if given is not None:
        if options:
            raise TypeError("pass either settings= or individual options, not both")
        if not isinstance(given, Overrides):
            raise TypeError("settings= takes the value of contentlint.api.settings()")
        return given
    return settings(**options)
