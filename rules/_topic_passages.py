"""The passages CL101 judges: paragraphs, runs of list items, and whole sections.

A paragraph is judged on its own. List items are too short to judge one by
one, so a run of them is judged as one list. A pasted-in *section* hides from a
paragraph-by-paragraph check (its paragraphs vouch for each other), so a
section that is a minor part of the article is also judged as a whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import TYPE_CHECKING

from contentlint.document import BlockKind, Document

from ._topic_lexical import Passage
from ._topic_terms import BlockTerms

if TYPE_CHECKING:
    from contentlint.analysis import Analysis

#: A section judged as a whole may hold at most this share of the article's body words.
MAX_SECTION_SHARE = 0.4


def passages(
    document: Document,
    analysis: Analysis,
    terms: Mapping[int, BlockTerms],
    min_words: int,
) -> list[Passage]:
    """Block-level passages of at least ``min_words`` words, in reading order."""
    out: list[Passage] = []
    run: list[int] = []

    def words(blocks: list[int]) -> int:
        return sum(terms[b].words for b in blocks if b in terms)

    def close_run() -> None:
        if run and words(run) >= min_words:
            out.append(Passage(tuple(run), words(run), "list"))
        run.clear()

    for b in analysis.body_indices:
        block = document.blocks[b]
        if block.kind is BlockKind.LIST_ITEM:
            if run and run[-1] != b - 1:
                close_run()
            run.append(b)
            continue
        close_run()
        if words([b]) >= min_words:
            out.append(Passage((b,), words([b]), "paragraph"))
    close_run()
    return out


def section_passages(
    document: Document,
    terms: Mapping[int, BlockTerms],
    block_passages: list[Passage],
    min_words: int,
) -> list[Passage]:
    """Sections (heading included) that hold two or more passages and a minor share of the body."""
    before = [0]  # body words in the blocks before each index, for O(1) section sums
    for b, block in enumerate(document.blocks):
        bt = terms.get(b)
        before.append(before[-1] + (bt.words if bt is not None and not block.is_heading else 0))
    starts = [p.blocks[0] for p in block_passages]
    out = []
    for section in document.sections.walk():
        if section.heading is None or section.heading == document.title_block:
            continue
        inside = bisect_left(starts, section.end) - bisect_left(starts, section.heading)
        words = before[section.end] - before[section.heading]
        if inside >= 2 and 2 * min_words <= words <= MAX_SECTION_SHARE * before[-1]:
            blocks = tuple(range(section.heading, section.end))
            out.append(Passage(blocks, words, "section"))
    return out
