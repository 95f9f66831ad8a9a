"""The document model every parser produces and every rule reads.

Offsets into the *source text of the file the user gave* are the single truth for
positions; lines and columns are derived from them by :class:`LineIndex`. Each
block carries an :class:`OffsetMap` from its extracted text back to those source
offsets, so a finding in an HTML file points into the HTML, not into the text we
pulled out of it.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

T = TypeVar("T")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of source offsets (code points)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column; columns count characters (code points)."""

    line: int
    column: int


class LineIndex:
    r"""Converts source offsets to line/column.

    ``\n``, ``\r\n`` and a lone ``\r`` all end a line, so CRLF and old Mac files
    give the same line numbers an editor shows.
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        self._starts = starts
        self._text = text

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line terminator."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._starts[line - 1] + column - 1


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a block's extracted text to offsets in the source file.

    The text is a concatenation of segments. A *verbatim* segment was copied
    from the source character for character; any other segment (a decoded
    entity, a space standing for a line break and indentation) maps as a whole
    onto its source range, so a span never points into the middle of ``&amp;``.
    """

    text_starts: tuple[int, ...]
    src_starts: tuple[int, ...]
    src_ends: tuple[int, ...]
    verbatim: tuple[bool, ...]
    length: int

    def _segment(self, text_offset: int) -> int:
        return max(0, bisect_right(self.text_starts, text_offset) - 1)

    def start(self, text_offset: int) -> int:
        """Source offset where the character at ``text_offset`` begins."""
        if not self.text_starts:
            return 0
        if text_offset >= self.length:
            return self.src_ends[-1]
        k = self._segment(text_offset)
        if self.verbatim[k]:
            return self.src_starts[k] + (text_offset - self.text_starts[k])
        return self.src_starts[k]

    def end(self, text_offset: int) -> int:
        """Source offset just past the character at ``text_offset - 1``."""
        if not self.text_starts:
            return 0
        if text_offset <= 0:
            return self.src_starts[0]
        k = self._segment(text_offset - 1)
        if self.verbatim[k]:
            return self.src_starts[k] + (text_offset - self.text_starts[k])
        return self.src_ends[k]

    def span(self, start: int, end: int) -> Span:
        """Source span of the text range ``[start, end)``."""
        s = self.start(start)
        if end <= start:
            return Span(s, s)
        return Span(s, max(s, self.end(end)))


class TextBuilder:
    """Accumulates a block's text together with its :class:`OffsetMap`.

    Parsers call :meth:`add` with each piece of text and the source range it
    came from; equal lengths mean the piece is verbatim source text unless the
    parser says otherwise (``verbatim=False`` for a same-length replacement,
    such as a line break shown as a space).
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._text_starts: list[int] = []
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._verbatim: list[bool] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def add(self, text: str, src_start: int, src_end: int, verbatim: bool | None = None) -> None:
        """Append ``text``, which came from ``source[src_start:src_end]``.

        ``verbatim`` says whether ``text`` equals that source range character for
        character; None (the default) judges by length. A piece can only be
        verbatim if the lengths are equal, so ``True`` with unequal lengths is
        treated as False rather than corrupting the map.
        """
        if not text:
            return
        same_length = src_end - src_start == len(text)
        verbatim = same_length if verbatim is None else (verbatim and same_length)
        if (
            verbatim
            and self._verbatim
            and self._verbatim[-1]
            and self._src_ends[-1] == src_start
        ):
            self._src_ends[-1] = src_end  # extend the previous verbatim run
        else:
            self._text_starts.append(self._length)
            self._src_starts.append(src_start)
            self._src_ends.append(src_end)
            self._verbatim.append(verbatim)
        self._parts.append(text)
        self._length += len(text)

    def add_source(self, source: str, start: int, end: int) -> None:
        """Add ``source[start:end]`` verbatim."""
        self.add(source[start:end], start, end)

    def text(self) -> str:
        return "".join(self._parts)

    def build(self, strip: bool = True) -> tuple[str, OffsetMap]:
        """The text and its map; ``strip`` trims surrounding whitespace."""
        text = self.text()
        omap = OffsetMap(
            tuple(self._text_starts),
            tuple(self._src_starts),
            tuple(self._src_ends),
            tuple(self._verbatim),
            self._length,
        )
        if not strip:
            return text, omap
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if lead == 0 and trail == len(text):
            return text, omap
        return text[lead:trail], _slice_map(omap, lead, trail)


def _slice_map(omap: OffsetMap, start: int, end: int) -> OffsetMap:
    """The map of ``text[start:end]``."""
    if end <= start:
        return OffsetMap((), (), (), (), 0)
    builder_starts: list[int] = []
    src_starts: list[int] = []
    src_ends: list[int] = []
    verbatim: list[bool] = []
    n = len(omap.text_starts)
    for k in range(n):
        seg_start = omap.text_starts[k]
        seg_end = omap.text_starts[k + 1] if k + 1 < n else omap.length
        lo, hi = max(seg_start, start), min(seg_end, end)
        if lo >= hi:
            continue
        builder_starts.append(lo - start)
        if omap.verbatim[k]:
            src_starts.append(omap.src_starts[k] + lo - seg_start)
            src_ends.append(omap.src_starts[k] + hi - seg_start)
        else:
            src_starts.append(omap.src_starts[k])
            src_ends.append(omap.src_ends[k])
        verbatim.append(omap.verbatim[k])
    return OffsetMap(
        tuple(builder_starts), tuple(src_starts), tuple(src_ends), tuple(verbatim), end - start
    )


class BlockKind(str, enum.Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"
    CODE = "code"


#: Kinds whose text is prose for the NLP analysis and metrics; tables and code are not.
PROSE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: ``span`` covers its text in the source, ``href`` its target."""

    href: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the article: a title, heading, paragraph, list item, quote, ...

    ``text`` is what a reader sees, with inline markup removed; ``offsets`` maps
    it back to the source. ``level`` is the heading level (title = 1); ``depth``
    the list nesting (0 = top level).
    """

    kind: BlockKind
    text: str
    offsets: OffsetMap
    level: int = 0
    depth: int = 0
    links: tuple[Link, ...] = ()
    citations: tuple[Span, ...] = ()  # <cite>, footnote references and similar markers
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return self.offsets.span(0, len(self.text))

    def source_span(self, start: int, end: int) -> Span:
        """Source span of ``self.text[start:end]``."""
        return self.offsets.span(start, end)

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    @property
    def is_heading(self) -> bool:
        return self.kind in (BlockKind.TITLE, BlockKind.HEADING)


class DirectiveKind(str, enum.Enum):
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_NEXT_LINE = "disable-next-line"


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``<!-- contentlint-... -->`` comment; empty ``selectors`` means all rules."""

    kind: DirectiveKind
    selectors: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level.

    ``blocks`` holds the indices of the section's own content (between the
    heading and its first subsection); ``children`` holds its subsections.
    The root section of a document has no heading.
    """

    heading: int | None
    level: int
    blocks: tuple[int, ...]
    children: tuple[Section, ...]
    end: int  # index one past the last block of the section, subsections included

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Document:
    """A parsed article: its source, blocks in reading order and derived views."""

    path: str
    format: str
    source: str
    blocks: tuple[Block, ...]
    title: str | None = None
    title_block: int | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    directives: tuple[Directive, ...] = ()

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def links(self) -> tuple[Link, ...]:
        return tuple(link for block in self.blocks for link in block.links)

    @cached_property
    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_prose)

    @cached_property
    def sections(self) -> Section:
        """The section tree; the root holds blocks before the first heading."""
        return build_sections(self.blocks)

    def excerpt(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once for this document and shared by every caller of ``key``.

        Why: a rule family reads the same derived views (the structure rules'
        physical lines and page chrome); computed per rule they cost more than
        the rules. Key by something the family owns (a function or class), not
        a string another plugin could pick. The values live and die with the
        document, like its cached properties.
        """
        values: dict[Hashable, Any] = self.__dict__.setdefault("_derived", {})
        if key not in values:
            values[key] = compute()
        return values[key]  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, Any]:
        # NOTE: derived values are caches; they may hold closures, and are rebuilt on demand.
        return {k: v for k, v in self.__dict__.items() if k != "_derived"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


@dataclass(slots=True)
class _Open:
    """A section still collecting blocks while :func:`build_sections` walks the document."""

    heading: int | None
    level: int
    blocks: list[int]
    children: list[Section]


def build_sections(blocks: Sequence[Block]) -> Section:
    """Nest sections by heading level; the title block counts as level 1."""

    # NOTE: _Open lives at module level: a dataclass defined in here was re-created (and
    # its class body processed) on every call, 1.5 ms per document.
    def close(item: _Open, end: int) -> Section:
        return Section(item.heading, item.level, tuple(item.blocks), tuple(item.children), end)

    stack: list[_Open] = [_Open(None, 0, [], [])]
    for i, block in enumerate(blocks):
        if block.is_heading:
            level = max(1, block.level or 1)
            while len(stack) > 1 and stack[-1].level >= level:
                done = stack.pop()
                stack[-1].children.append(close(done, i))
            stack.append(_Open(i, level, [], []))
        else:
            stack[-1].blocks.append(i)
    n = len(blocks)
    while len(stack) > 1:
        done = stack.pop()
        stack[-1].children.append(close(done, n))
    return close(stack[0], n)
