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
from dataclasses import dataclass, field
from functools import cached_property

from contentlint.document import Block, BlockKind, Document, Span

#: Kinds whose lines can be scaffolding; code and table cells never are.
LINE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)

_SPACE_RUN = re.compile(r"\s+")
#: A word for comparisons: letters and digits, with inner apostrophes ("i'm").
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
#: Where :attr:`Line.words` stops counting; above every limit the rules compare it with.
WORDS_COUNTED = 26
#: Characters a sentence (not a label or a button) ends with.
SENTENCE_END = frozenset(".!?;\u2026")
_CLOSERS = "\"')]}\u201d\u2019\u00bb*"


def line_key(text: str) -> str:
    """Case, punctuation, quotes and spacing folded away: what a reader calls the same words."""
    return _key(text, _plain_fold(text))


def _key(text: str, folded: str | None) -> str:
    """:func:`line_key`, given ``_plain_fold(text)``."""
    if folded is None:
        folded = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
        return " ".join(WORD.findall(folded))
    if "'" in folded:  # an apostrophe only joins two words, as in WORD
        folded = _STRAY_APOSTROPHES.sub(" ", folded)
    return " ".join(folded.split())


#: Lower-cases ASCII letters, keeps digits and apostrophes, turns any other byte into a space.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 39 else 32
    for c in range(256)
)
#: Punctuation that NFKC and case folding leave as punctuation ("\u2026" and the no-break
#: space become "..." and " "): as far as words go, each is a space.
_PLAIN_PUNCTUATION = (
    "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0", "\u2022", "\u00ab",
    "\u00bb",
)
#: In a folded text: apostrophes that do not sit alone between two word characters (a
#: run, or one without a letter or digit after or before it). Opens with the apostrophe,
#: so ``re`` jumps from one apostrophe to the next.
_STRAY_APOSTROPHES = re.compile(r"'(?:'+|(?![a-z0-9])|(?<![a-z0-9]'))")


def _plain_fold(text: str) -> str | None:
    """``text`` lower-cased, with a space for every character that is not a letter, digit or
    apostrophe, if it is ASCII but for common punctuation; None otherwise.

    The fast path of :func:`line_key` and :func:`word_set`: a byte table instead of a
    Unicode regex over every character (most lines are ASCII but for their quotes).
    """
    if not text.isascii():
        text = text.replace("\u2019", "'")
        for mark in _PLAIN_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return None
    return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")


_ALNUM_RUN = re.compile(r"[^\W_]+")
#: The only non-ASCII characters ``re.IGNORECASE`` equates with ASCII letters (documented
#: in the ``re`` module); lower-casing alone would miss them.
_TWINS = "\u0130\u0131\u017f\u212a"
_ASCII_TWINS = str.maketrans(dict(zip(_TWINS, "iisk", strict=True)))


def word_set(text: str) -> frozenset[str]:
    """The runs of letters and digits in ``text``, lower-cased.

    A phrase pattern of :mod:`._structure_catalog` (ASCII words, case ignored, any
    non-word characters between them) can only match a text whose word set holds
    every word of the phrase: a cheap test that spares most texts the pattern.
    """
    return _word_set(text, _plain_fold(text))


def _word_set(text: str, folded: str | None) -> frozenset[str]:
    """:func:`word_set`, given ``_plain_fold(text)``."""
    if folded is not None:
        return frozenset(folded.replace("'", " ").split())
    if any(twin in text for twin in _TWINS):
        text = text.translate(_ASCII_TWINS)  # NOTE: before lower(): "\u0130".lower() is 2 chars
    return frozenset(_ALNUM_RUN.findall(text.lower()))


@dataclass(frozen=True)
class Line:
    """One physical line of a block: ``start``/``end`` index the block's text.

    Derived values are cached on the line: every structure rule reads them.
    """

    index: int  # position among the document's lines
    block: int
    start: int
    end: int
    text: str
    whole: bool  # the line is the entire block
    standalone: bool  # reads as a line of its own, not as part of a wrapped sentence
    source: Block = field(repr=False, compare=False)  # the block itself, for the source span

    @cached_property
    def span(self) -> Span:
        """Where the line is in the source; only findings need it, so it is computed lazily."""
        return self.source.source_span(self.start, self.end)

    @cached_property
    def key(self) -> str:
        return _key(self.text, self._folded)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """:func:`word_set` of the line."""
        return _word_set(self.text, self._folded)

    @cached_property
    def _folded(self) -> str | None:
        return _plain_fold(self.text)  # shared by the key and the word set

    @cached_property
    def words(self) -> int:
        """Whitespace-separated words, counted up to :data:`WORDS_COUNTED`: the rules only
        compare the count with smaller limits, so a paragraph need not be split up."""
        return len(self.text.split(None, WORDS_COUNTED - 1))

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


def lines_of(document: Document) -> Lines:
    """The document's :class:`Lines`, built once and shared by the structure rules."""
    return document.derived(Lines, lambda: Lines(document))


class Lines:
    """The lines of a document's prose blocks in reading order, and which of them are the body."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._block_words: dict[int, frozenset[str]] = {}

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
                out.append(Line(len(out), b, s, e, texts[k], len(ranges) == 1, standalone, block))
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

    def block_words(self, block: int) -> frozenset[str]:
        """:func:`word_set` of a block's text, computed once (CL201 and CL203 both ask)."""
        words = self._block_words.get(block)
        if words is None:
            text = self.document.blocks[block].text
            lines = self.block_lines(block)
            if len(lines) == 1 and lines[0].text == text:
                words = lines[0].word_set  # most blocks are one line: fold the text once
            else:
                words = word_set(text)
            self._block_words[block] = words
        return words

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
