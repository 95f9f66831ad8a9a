"""Physical lines of an article's blocks, shared by the structure rules (CL201-CL204).

Structure defects are *lines*: a "Close this search box." above the article, a
title pasted twice, a theme label. Parsers may join such a line to its
neighbour (plain text joins a line that starts in lower case to the line above;
Markdown joins soft-wrapped lines), so the structure rules look at the lines
inside each block, recovered from the block's offset map: a piece of block text
that stands for a line break in the source ends a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from contentlint.document import Block, BlockKind, Document, Span

#: Kinds whose lines can be scaffolding; code and table cells never are.
LINE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)

_SPACE_RUN = re.compile(r"\s+")
#: A word for comparisons: letters and digits, with inner apostrophes ("i'm").
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
#: Characters a sentence (not a label or a button) ends with.
SENTENCE_END = frozenset(".!?;\u2026")
_CLOSERS = "\"')]}\u201d\u2019\u00bb*"


def line_key(text: str) -> str:
    """Case, punctuation, quotes and spacing folded away: what a reader calls the same words."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(WORD.findall(folded))


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of a block: ``start``/``end`` index the block's text."""

    index: int  # position among the document's lines
    block: int
    start: int
    end: int
    text: str
    span: Span
    whole: bool  # the line is the entire block
    standalone: bool  # reads as a line of its own, not as part of a wrapped sentence

    @property
    def key(self) -> str:
        return line_key(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def ends_sentence(self) -> bool:
        core = self.text.rstrip(_CLOSERS)
        return bool(core) and core[-1] in SENTENCE_END


def block_line_ranges(block: Block, source: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each line in ``block.text``, without surrounding whitespace."""
    text = block.text
    if not text:
        return []
    span = block.span
    if "\n" not in text and "\n" not in source[span.start : span.end] and "\r" not in source[
        span.start : span.end
    ]:
        return [(0, len(text))]
    cuts: list[tuple[int, int]] = []
    for match in _SPACE_RUN.finditer(text):
        i, j = match.span()
        if "\n" in match.group() or _breaks_line(block, source, i, j):
            cuts.append((i, j))
    out: list[tuple[int, int]] = []
    start = 0
    for i, j in cuts:
        if i > start:
            out.append((start, i))
        start = j
    if start < len(text):
        out.append((start, len(text)))
    return out


def _breaks_line(block: Block, source: str, i: int, j: int) -> bool:
    src = block.source_span(i, j)
    piece = source[src.start : src.end]
    return "\n" in piece or "\r" in piece


class Lines:
    """The lines of a document's prose blocks in reading order, and which of them are the body."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def all(self) -> tuple[Line, ...]:
        out: list[Line] = []
        source = self.document.source
        for b, block in enumerate(self.document.blocks):
            if block.kind not in LINE_KINDS or not block.text:
                continue
            ranges = block_line_ranges(block, source)
            texts = [block.text[s:e] for s, e in ranges]
            for k, (s, e) in enumerate(ranges):
                standalone = len(ranges) == 1 or _standalone(texts, k)
                out.append(
                    Line(
                        len(out), b, s, e, texts[k], block.source_span(s, e), len(ranges) == 1,
                        standalone,
                    )
                )
        return tuple(out)

    @property
    def title_block(self) -> int | None:
        """The block that shows the title, if the document has one among its blocks."""
        return self.document.title_block

    @cached_property
    def body(self) -> tuple[Line, ...]:
        """Lines of the article body: everything but the title block."""
        tb = self.title_block
        return tuple(line for line in self.all if line.block != tb)

    def edge_positions(self, size: int) -> frozenset[int]:
        """Indexes (in :attr:`all`) of the first and last ``size`` body lines."""
        body = self.body
        picked = body[:size] + body[-size:] if body else ()
        return frozenset(line.index for line in picked)

    def block_lines(self, block: int) -> tuple[Line, ...]:
        return self._by_block.get(block, ())

    @cached_property
    def _by_block(self) -> dict[int, tuple[Line, ...]]:
        grouped: dict[int, list[Line]] = {}
        for line in self.all:
            grouped.setdefault(line.block, []).append(line)
        return {b: tuple(v) for b, v in grouped.items()}


def _standalone(texts: list[str], k: int) -> bool:
    """A line inside a multi-line block stands alone if the line before it ended a sentence
    (or a heading-like line) and it does not run on into the next line mid-sentence."""
    if k > 0:
        prev = texts[k - 1].rstrip(_CLOSERS)
        if not prev or (prev[-1] not in SENTENCE_END and prev[-1] != ":"):
            return False
    if k + 1 < len(texts):
        nxt = texts[k + 1].lstrip("\"'\u201c\u2018([")
        core = texts[k].rstrip(_CLOSERS)
        if core and core[-1] not in SENTENCE_END and core[-1] != ":" and nxt[:1].islower():
            return False
    return True


def title_case(text: str) -> bool:
    """Every significant word starts with a capital (short function words may not)."""
    significant = 0
    for i, word in enumerate(text.split()):
        first = next((ch for ch in word if ch.isalpha()), "")
        if not first:
            continue
        if i > 0 and word.strip("\"'()[]").lower() in _SMALL_WORDS:
            continue
        if not first.isupper():
            return False
        significant += 1
    return significant > 0


_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is it nor of on or per the to up via vs with".split()
)
