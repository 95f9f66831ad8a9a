"""Where each character of a markdown-it ``content`` string sits in the original source.

markdown-it only tells us which lines a block spans. The string its inline
parser reads (``token.content``) is those lines with container prefixes
(``> ``, list indentation, ``#``, table pipes) removed and joined with ``\\n``.
A :class:`ContentMap` recovers, per content line, where that line's text
starts in the source, so the inline walker can work purely in content
coordinates and translate at the end.

All comparisons use the source with NUL replaced by U+FFFD, as markdown-it
does; that replacement keeps lengths, so offsets are unaffected. Verbatim text
is then read back from the original, so a NUL stays a NUL in block text and
"verbatim" keeps meaning "equal to the source".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from contentlint.document import TextBuilder

from ._text_lines import Line

_WS = " \t"


@dataclass(frozen=True, slots=True)
class Source:
    """The original text and markdown-it's view of it (NUL -> U+FFFD, same length)."""

    text: str
    norm: str

    @classmethod
    def of(cls, text: str) -> Source:
        return cls(text, text.replace("\0", "\ufffd") if "\0" in text else text)

    @property
    def has_nul(self) -> bool:
        return self.norm is not self.text


class ContentMap:
    """Segments ``[c_start, c_end) -> [s_start, s_end)``, verbatim or mapped as a unit."""

    __slots__ = ("_c_starts", "_c_ends", "_s_starts", "_s_ends", "_verbatim", "length", "_nul_src")

    def __init__(self, source: Source) -> None:
        self._nul_src = source.text if source.has_nul else None
        self._c_starts: list[int] = []
        self._c_ends: list[int] = []
        self._s_starts: list[int] = []
        self._s_ends: list[int] = []
        self._verbatim: list[bool] = []
        self.length = 0

    # -- building ---------------------------------------------------------
    def verbatim(self, n: int, src_start: int) -> None:
        """The next ``n`` content characters equal ``source[src_start:src_start + n]``."""
        self._push(n, src_start, src_start + n, True)

    def unit(self, n: int, src_start: int, src_end: int) -> None:
        """The next ``n`` content characters stand for ``source[src_start:src_end]`` as a whole."""
        self._push(n, src_start, src_end, False)

    def _push(self, n: int, src_start: int, src_end: int, verbatim: bool) -> None:
        if n <= 0:
            return
        if (
            verbatim
            and self._verbatim
            and self._verbatim[-1]
            and self._s_ends[-1] == src_start
        ):
            self._c_ends[-1] += n
            self._s_ends[-1] += n
        else:
            self._c_starts.append(self.length)
            self._c_ends.append(self.length + n)
            self._s_starts.append(src_start)
            self._s_ends.append(src_end)
            self._verbatim.append(verbatim)
        self.length += n

    # -- querying ---------------------------------------------------------
    def _seg(self, ci: int) -> int:
        return max(0, bisect_right(self._c_starts, ci) - 1)

    def start(self, ci: int) -> int:
        """Source offset where content character ``ci`` begins."""
        if not self._c_starts:
            return 0
        if ci >= self.length:
            return self._s_ends[-1]
        k = self._seg(ci)
        if self._verbatim[k]:
            return self._s_starts[k] + ci - self._c_starts[k]
        return self._s_starts[k]

    def end(self, ci: int) -> int:
        """Source offset just past content character ``ci - 1``."""
        if not self._c_starts:
            return 0
        if ci <= 0:
            return self._s_starts[0]
        k = self._seg(ci - 1)
        if self._verbatim[k]:
            return self._s_starts[k] + ci - self._c_starts[k]
        return self._s_ends[k]

    def add_unit(self, builder: TextBuilder, text: str, a: int, b: int) -> None:
        """Add ``text`` standing for content ``[a, b)`` as a whole (an entity, an escape)."""
        start, end = self.start(a), self.end(b)
        end = max(start, end)
        if self._nul_src is not None and end - start == len(text) and "\ufffd" in text:
            text = self._nul_src[start:end]  # same length reads as verbatim: keep it true
            builder.add(text, start, end)
            return
        builder.add(text, start, end, verbatim=False)

    def add(self, builder: TextBuilder, text: str, a: int, b: int) -> None:
        """Add ``text``, which is content ``[a, b)`` character for character, to ``builder``."""
        if not text:
            return
        if not self._c_starts:
            builder.add(text, 0, 0)
            return
        k = self._seg(a)
        pos = a
        while pos < b and k < len(self._c_starts):
            seg_end = min(b, self._c_ends[k])
            piece = text[pos - a : seg_end - a]
            if self._verbatim[k]:
                s = self._s_starts[k] + pos - self._c_starts[k]
                if self._nul_src is not None and "\ufffd" in piece:
                    piece = self._nul_src[s : s + len(piece)]
                builder.add(piece, s, s + len(piece))
            else:
                builder.add(piece, self._s_starts[k], self._s_ends[k], verbatim=False)
            pos = seg_end
            k += 1
        if pos < b:  # content beyond the map: pin it to the end
            end = self._s_ends[-1]
            builder.add(text[pos - a :], end, end, verbatim=False)


def _line_text(norm: str, line: Line) -> str:
    return norm[line.start : line.end]


def _add_line(cmap: ContentMap, norm: str, line: Line, text: str, at: int | None) -> None:
    """Map content line ``text`` whose non-blank core starts at source ``at`` (None: unknown)."""
    lead = len(text) - len(text.lstrip(_WS))
    core_len = len(text.rstrip(_WS)) - lead
    if core_len <= 0 or at is None:
        cmap.unit(len(text), line.start, line.end)
        return
    if lead:
        if at - lead >= line.start and norm[at - lead : at] == text[:lead]:
            cmap.verbatim(lead, at - lead)
        else:
            cmap.unit(lead, at, at)  # whitespace markdown-it made from part of a tab
    cmap.verbatim(core_len, at)
    trail = text[lead + core_len :]
    if trail:
        after = at + core_len
        if norm.startswith(trail, after) and after + len(trail) <= line.end:
            cmap.verbatim(len(trail), after)
        else:
            cmap.unit(len(trail), after, line.end)


def _add_newline(cmap: ContentMap, norm: str, line: Line) -> None:
    """The ``\\n`` after ``line``: verbatim if the source has ``\\n`` there, else a unit.

    markdown-it turns ``\\r\\n`` and a lone ``\\r`` into ``\\n``; a lone ``\\r`` has the
    same length but is not the same character, so it is a unit too.
    """
    if line.next - line.end == 1 and norm[line.end] == "\n":
        cmap.verbatim(1, line.end)
    else:
        cmap.unit(1, line.end, line.next)


def _suffix_start(norm: str, line: Line, core: str) -> int | None:
    """Where ``core`` starts if it is the tail of the line (ignoring trailing blanks)."""
    text = _line_text(norm, line)
    end = line.start + len(text.rstrip(_WS))
    start = end - len(core)
    if start >= line.start and norm.startswith(core, start):
        return start
    found = text.find(core)
    return line.start + found if found >= 0 else None


def map_lines(src: Source, lines: Sequence[Line], first: int, content: str) -> ContentMap:
    """Paragraphs, setext headings, footnote bodies: each content line ends its source line."""
    cmap = ContentMap(src)
    norm = src.norm
    for k, text in enumerate(content.split("\n")):
        index = min(first + k, len(lines) - 1)
        line = lines[index]
        if k:
            _add_newline(cmap, norm, lines[index - 1] if index else line)
        core = text.strip(_WS)
        at = _suffix_start(norm, line, core) if core else None
        _add_line(cmap, norm, line, text, at)
    return cmap


def map_atx(src: Source, line: Line, content: str) -> ContentMap:
    """An ATX heading: the text follows the opening ``#`` run on its one line."""
    cmap = ContentMap(src)
    norm = src.norm
    text = _line_text(norm, line)
    hashes = text.find("#")
    while 0 <= hashes < len(text) and text[hashes] == "#":
        hashes += 1
    core = content.strip(_WS)
    found = text.find(core, max(hashes, 0)) if core else -1
    if found < 0 and core:
        found = text.find(core)
    _add_line(cmap, norm, line, content, line.start + found if found >= 0 else None)
    return cmap


def map_cell(src: Source, line: Line, content: str, cursor: int) -> tuple[ContentMap, int]:
    """A table cell, searched for from ``cursor`` in its row.

    The table rule deletes the backslash of every escaped pipe, so each ``|`` of
    the content stands for ``\\|`` in the source and is mapped as a unit.
    """
    cmap = ContentMap(src)
    norm = src.norm
    raw = content.replace("|", "\\|")
    found = norm.find(raw, cursor, line.end) if raw else -1
    if found < 0:
        cmap.unit(len(content), line.start, line.end)
        return cmap, cursor
    pos = found
    for i, part in enumerate(content.split("|")):
        if i:
            cmap.unit(1, pos, pos + 2)
            pos += 2
        cmap.verbatim(len(part), pos)
        pos += len(part)
    return cmap, pos


def map_code(src: Source, lines: Sequence[Line], first: int, content: str) -> ContentMap:
    """Code block lines: each is its source line minus the block's indentation."""
    cmap = ContentMap(src)
    norm = src.norm
    parts = content.split("\n")
    for k, text in enumerate(parts):
        index = min(first + k, len(lines) - 1)
        line = lines[index]
        if k:
            _add_newline(cmap, norm, lines[index - 1] if index else line)
        if not text:
            continue
        src = _line_text(norm, line)
        if src.endswith(text):
            cmap.verbatim(len(text), line.end - len(text))
            continue
        core = text.lstrip(_WS)
        if core and src.endswith(core):
            cmap.unit(len(text) - len(core), line.end - len(core), line.end - len(core))
            cmap.verbatim(len(core), line.end - len(core))
        else:
            cmap.unit(len(text), line.start, line.end)
    return cmap
