"""One pass over an article that the promise rules (CL301, CL302) query many times.

Every sentence (and table cell, and code block) becomes a :class:`Unit` with its
concrete-answer kinds and content lemmas. Prefix counts and per-lemma position
lists make each question ("is there a price between unit 40 and unit 90?",
"does 'berberine' come back after unit 12?") cost O(log n), so checking many
promises never loops over the article again (no quadratic work on long input).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.document import BlockKind, Section

from ._promise_answers import Kind, cell_kinds, sentence_kinds

if TYPE_CHECKING:
    from contentlint.analysis import Analysis
    from contentlint.document import Document

_STEP = frozenset({Kind.STEP})
#: After a section-level promise, this many plain sentences count as having said something.
MIN_PLAIN_SENTENCES = 2
#: A plain sentence has at least this many words.
PLAIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence, a table cell or a code block, as evidence of delivery."""

    block: int
    kinds: frozenset[Kind]
    lemmas: frozenset[str]
    words: int
    body: bool  # running text, a table cell or code; not a heading
    meta: bool  # itself a promise or a summary: never evidence

    @property
    def evidence(self) -> bool:
        return self.body and not self.meta


@dataclass(frozen=True, slots=True)
class Window:
    """Unit ranges ``[a, b)``; in a range marked ``specific_only`` only units with specifics
    count (the rest of a promise's own intro paragraph is more framing, not delivery)."""

    ranges: tuple[tuple[int, int, bool], ...]
    name: str
    heading: int | None = None  # block of the heading the window belongs to, if any


def _prefix(flags: Iterable[bool]) -> list[int]:
    out = [0]
    for flag in flags:
        out.append(out[-1] + flag)
    return out


_SUFFIXES = ("ally", "al", "y", "ic")


def stem(lemma: str) -> str:
    """Lemmas with adjective endings cut, so "thirsty" finds "thirst" and "nutritional"
    finds "nutrition" (the lookup lemmatizer leaves adjectives alone)."""
    for suffix in _SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            return lemma[: -len(suffix)]
    return lemma


def _positions(units: tuple[Unit, ...], keep: list[bool]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        if keep[k]:
            for key in {stem(lemma) for lemma in u.lemmas}:
                found.setdefault(key, []).append(k)
    return found


@dataclass(frozen=True)
class ArticleIndex:
    document: Document
    units: tuple[Unit, ...]
    unit_of_sentence: dict[int, int]
    block_start: tuple[int, ...]  # per block, and one past the last: its first unit
    owner: dict[int, Section]  # block -> innermost section holding it
    by_heading: dict[int, Section]
    headings: tuple[int, ...]  # block indices of headings (not the title), in order
    _kind: dict[Kind, list[int]] = field(repr=False)
    _specific: list[int] = field(repr=False)
    _plain: list[int] = field(repr=False)
    _parts: list[int] = field(repr=False)
    _topic: dict[str, list[int]] = field(repr=False)
    _specific_topic: dict[str, list[int]] = field(repr=False)
    substantive: frozenset[int] = frozenset()  # headings whose sections say something

    @classmethod
    def build(cls, document: Document, analysis: Analysis, meta: set[int]) -> ArticleIndex:
        """``meta``: indices of the analysis sentences that are promises themselves."""
        by_block: dict[int, list[int]] = {}
        for i, s in enumerate(analysis.sentences):
            by_block.setdefault(s.block, []).append(i)
        units: list[Unit] = []
        unit_of: dict[int, int] = {}
        starts: list[int] = []
        for b, block in enumerate(document.blocks):
            starts.append(len(units))
            if block.kind is BlockKind.TABLE_CELL:
                units.append(Unit(b, cell_kinds(block.text), frozenset(), 1, True, False))
            elif block.kind is BlockKind.CODE and block.text.strip():
                units.append(Unit(b, _STEP, frozenset(), 1, True, False))
            step = _STEP if block.kind is BlockKind.LIST_ITEM else frozenset()
            for i in by_block.get(b, ()):
                s = analysis.sentences[i]
                lemmas = frozenset(w.lemma.lower() for w in s.words if not w.is_stop)
                kinds = sentence_kinds(s.words) | (step if len(s.words) >= 3 else frozenset())
                unit_of[i] = len(units)
                units.append(Unit(b, kinds, lemmas, len(s.words), not block.is_heading, i in meta))
        starts.append(len(units))
        frozen = tuple(units)
        evidence = [u.evidence for u in frozen]
        owner: dict[int, Section] = {}
        by_heading: dict[int, Section] = {}
        for section in document.sections.walk():
            if section.heading is not None:
                by_heading[section.heading] = section
            for b in section.blocks:
                owner[b] = section
        specific = _prefix(e and bool(u.kinds) for e, u in zip(evidence, frozen, strict=True))
        plain = _prefix(e and u.words >= PLAIN_WORDS for e, u in zip(evidence, frozen, strict=True))
        substantive = frozenset(
            h
            for h, s in by_heading.items()
            if _says(specific, plain, starts[h], starts[s.end])
        )
        topical = [
            e or (not u.body and u.block in substantive) for e, u in zip(evidence, frozen, strict=True)
        ]
        return cls(
            document=document,
            units=frozen,
            unit_of_sentence=unit_of,
            block_start=tuple(starts),
            owner=owner,
            by_heading=by_heading,
            headings=tuple(i for i, b in enumerate(document.blocks) if b.kind is BlockKind.HEADING),
            _kind={
                k: _prefix(e and k in u.kinds for e, u in zip(evidence, frozen, strict=True)) for k in Kind
            },
            _specific=specific,
            _plain=plain,
            _parts=_prefix(t and (bool(u.kinds) or not u.body) for t, u in zip(topical, frozen, strict=True)),
            _topic=_positions(frozen, topical),
            _specific_topic=_positions(
                frozen, [e and bool(u.kinds) for e, u in zip(evidence, frozen, strict=True)]
            ),
            substantive=substantive,
        )

    # -- queries over a window ------------------------------------------------------------

    def has_kind(self, window: Window, kinds: frozenset[Kind]) -> bool:
        return any(
            self._kind[k][b] - self._kind[k][a] > 0 for a, b, _ in window.ranges for k in kinds
        )

    def number_with(self, window: Window, lemmas: frozenset[str]) -> bool:
        """A number in the same sentence as one of ``lemmas`` ("how many gels": "two gels")."""
        for lemma in lemmas:
            seq = self._specific_topic.get(stem(lemma), [])
            for a, b, _ in window.ranges:
                for k in seq[bisect_left(seq, a) : bisect_left(seq, b)]:
                    if Kind.NUMBER in self.units[k].kinds:
                        return True
        return False

    def specifics(self, window: Window) -> int:
        return sum(self._specific[b] - self._specific[a] for a, b, _ in window.ranges)

    def says_something(self, window: Window) -> bool:
        return bool(self.specifics(window)) or self.plain(window) >= MIN_PLAIN_SENTENCES

    def plain(self, window: Window) -> int:
        return sum(self._plain[b] - self._plain[a] for a, b, only in window.ranges if not only)

    def block_lemmas(self, block: int) -> frozenset[str]:
        units = self.units[self.block_start[block] : self.block_start[block + 1]]
        return frozenset().union(*(u.lemmas for u in units))

    def parts(self, window: Window) -> int:
        """Sections and sentences with specifics: what a "three ways to ..." promise needs."""
        return sum(self._parts[b] - self._parts[a] for a, b, only in window.ranges if not only)

    def mentions(self, window: Window, lemma: str) -> bool:
        """Does ``lemma`` come back in running text or a substantive section's heading?"""
        topic = self._topic.get(stem(lemma), [])
        specific = self._specific_topic.get(stem(lemma), [])
        for a, b, only in window.ranges:
            seq = specific if only else topic
            if bisect_left(seq, a) < bisect_left(seq, b):
                return True
        return False

    # -- headings -------------------------------------------------------------------------

    def heading_after(self, block: int) -> int | None:
        k = bisect_right(self.headings, block)
        return self.headings[k] if k < len(self.headings) else None

    def heading_named(self, block: int, hint: str) -> int | None:
        """The first heading after ``block`` that shares a word with ``hint`` ("race-day")."""
        words = {w for w in hint.lower().replace("-", " ").split() if len(w) > 2}
        best: int | None = None
        for h in self.headings[bisect_right(self.headings, block) :][:200]:
            text = set(self.document.blocks[h].text.lower().replace("-", " ").split())
            if words & text:
                best = h
                break
        return best


def _says(specific: list[int], plain: list[int], a: int, b: int) -> bool:
    return specific[b] - specific[a] > 0 or plain[b] - plain[a] >= MIN_PLAIN_SENTENCES
