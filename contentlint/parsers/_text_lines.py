"""Physical lines of a source string, shared by the plain-text and Markdown parsers.

Both parsers must agree with :class:`~contentlint.document.LineIndex` on what a
line is (``\\n``, ``\\r\\n`` and a lone ``\\r`` all end one), otherwise a line
number computed here would disagree with the one a finding reports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: Tab stops for indentation widths; list nesting in scraped text rarely mixes
#: tabs and spaces, so any consistent width works and 4 matches CommonMark.
TAB_WIDTH = 4


@dataclass(frozen=True, slots=True)
class Line:
    """A physical line: ``[start, end)`` without its terminator; the next starts at ``next``."""

    start: int
    end: int
    next: int


def split_lines(source: str) -> list[Line]:
    """All lines of ``source``; a trailing terminator does not add an empty line."""
    lines: list[Line] = []
    pos = 0
    for match in _LINE_BREAK.finditer(source):
        lines.append(Line(pos, match.start(), match.end()))
        pos = match.end()
    if pos < len(source) or not lines:
        lines.append(Line(pos, len(source), len(source)))
    return lines


def invisible(text: str) -> bool:
    """True if ``text`` shows nothing: only whitespace and format characters.

    Format characters (Unicode category Cf) are zero-width spaces and joiners,
    the BOM, bidi controls and the soft hyphen. A block made only of them is a
    blank line to a reader, so it is no prose (and an empty file stays CL005).
    """
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def indent_width(text: str) -> int:
    """Display width of ``text``'s leading whitespace, tabs advancing to the next stop."""
    width = 0
    for ch in text:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        else:
            break
    return width
