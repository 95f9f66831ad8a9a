"""Parsers turn decoded source text into a :class:`~contentlint.document.Document`.

Each parser module exposes ``parse(source: str, path: str) -> Document`` and
raises :class:`~contentlint.errors.ParseError` for input it cannot handle.
Modules are imported on demand so a Markdown-only run never loads lxml.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from contentlint.document import Document

ParseFn = Callable[[str, str], Document]

#: File suffix -> format name.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "text": "contentlint.parsers.text",
    "markdown": "contentlint.parsers.markdown",
    "html": "contentlint.parsers.html",
}


def format_for(path: str) -> str | None:
    """The format of ``path`` judged by its suffix, or None if we do not lint it."""
    return SUFFIXES.get(PurePath(path).suffix.lower())


def parser_for(format_name: str) -> ParseFn:
    module = importlib.import_module(FORMATS[format_name])
    parse: ParseFn = module.parse
    return parse
