"""Turning source text runs into block text the way a browser renders it.

Two things make HTML text differ from its source: character references
(``&amp;`` shows as ``&``) and whitespace collapsing (a line break plus
indentation shows as one space, and whitespace around inline tags collapses
across them). Both are applied here while recording, piece by piece, which
source range each character came from, so a finding in the text maps back to
the exact source characters, and a decoded entity or collapsed run maps onto
its whole source range rather than into its middle.
"""

from __future__ import annotations

import html
import re

from contentlint.document import OffsetMap, TextBuilder

#: Whitespace that CSS ``white-space: normal`` collapses (not NBSP).
COLLAPSIBLE = " \t\n\r\f"
_PIECE = re.compile(
    r"[ \t\n\r\f]+"
    r"|&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)"
    r"|[^ \t\n\r\f&]+"
    r"|&"
)
_PRE_PIECE = re.compile(
    r"\r\n?"
    r"|&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)"
    r"|[^\r&]+"
    r"|&"
)


class InlineText:
    """Collects one block's text from text runs and ``<br>``, collapsing whitespace.

    A whitespace run is held back as *pending* and only written (as one
    space, mapped onto the run) when more visible text follows on the same
    line, which drops leading and trailing whitespace and collapses runs that
    straddle inline tags, exactly like a browser's normal white-space mode.
    """

    __slots__ = ("source", "builder", "pending", "line_start")

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = TextBuilder()
        self.pending: tuple[int, int] | None = None
        self.line_start = True

    def __len__(self) -> int:
        return len(self.builder)

    def has_text(self) -> bool:
        return len(self.builder) > 0

    def add_run(self, start: int, end: int, pre: bool = False) -> None:
        """Add ``source[start:end]`` (a text run), decoding character references."""
        source = self.source
        pattern = _PRE_PIECE if pre else _PIECE
        for match in pattern.finditer(source, start, end):
            piece = match.group()
            s, e = match.span()
            first = piece[0]
            if first == "&" and len(piece) > 1:
                self._add_entity(piece, s, e, pre)
            elif pre:
                if first == "\r":  # "\r" and "\r\n" read as "\n": a replacement
                    self._write("\n", s, e, verbatim=False)
                else:
                    self._write(piece, s, e)
            elif first in COLLAPSIBLE:
                self._space(s, e)
            else:
                self._visible(piece, s, e)

    def add_break(self, start: int, end: int) -> bool:
        """A ``<br>``: a line break; True if it directly follows another one."""
        if self.line_start and self.builder:
            return True
        self.pending = None
        if self.builder:
            self.builder.add("\n", start, end, verbatim=False)
        self.line_start = True
        return False

    def _add_entity(self, piece: str, s: int, e: int, pre: bool) -> None:
        decoded = html.unescape(piece)
        if decoded == piece:
            self._visible(piece, s, e)
            return
        # "&copy2019" decodes to "©2019": keep the literal tail verbatim
        tail = 0
        while tail < len(decoded) - 1 and tail < len(piece) - 2:
            if decoded[-1 - tail] != piece[-1 - tail]:
                break
            tail += 1
        head, head_end = decoded[: len(decoded) - tail], e - tail
        if not pre and head.strip(COLLAPSIBLE) == "" and head:
            self._space(s, head_end)
        elif pre:
            self._write(head, s, head_end, verbatim=False)
        else:
            self._visible(head, s, head_end, verbatim=False)
        if tail:
            self._visible(piece[len(piece) - tail :], head_end, e)

    def _space(self, s: int, e: int) -> None:
        if self.pending is None and not self.line_start:
            self.pending = (s, e)

    def _visible(self, text: str, s: int, e: int, verbatim: bool | None = None) -> None:
        if self.pending is not None:
            ps, pe = self.pending
            # one space for the collapsed run: verbatim only if the run was that one space
            self.builder.add(" ", ps, pe, verbatim=self.source[ps:pe] == " ")
            self.pending = None
        self._write(text, s, e, verbatim)

    def _write(self, text: str, s: int, e: int, verbatim: bool | None = None) -> None:
        self.builder.add(text, s, e, verbatim)
        self.line_start = text.endswith("\n")

    def build(self) -> tuple[str, OffsetMap, int]:
        """Text, map, and how many leading characters ``build`` stripped."""
        raw = self.builder.text()
        lead = len(raw) - len(raw.lstrip())
        text, omap = self.builder.build(strip=True)
        return text, omap, lead
