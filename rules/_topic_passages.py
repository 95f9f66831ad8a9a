"""The passages CL101 judges: paragraphs, runs of list items, and whole sections.

A paragraph is judged on its own. List items are too short to judge one by
one, so a run of them is judged as one list. A pasted-in *section* hides from a
paragraph-by-paragraph check (its paragraphs vouch for each other), so a
section that is a minor part of the article is also judged as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from contentlint.document import BlockKind, Document

from ._topic_lexical import Passage
from ._topic_terms import BlockTerms

if TYPE_CHECKING:
    from contentlint.analysis import Analysis

#: A section judged as a whole may hold at most this share of the article's body words.
MAX_SECTION_SHARE = 0.4


def body_blocks(analysis: Analysis) -> tuple[int, ...]:
    return analysis.body_indices


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
    body_words = sum(bt.words for b, bt in terms.items() if not document.blocks[b].is_heading)
    out = []
    for section in document.sections.walk():
        if section.heading is None or section.heading == document.title_block:
            continue
        blocks = tuple(range(section.heading, section.end))
        inside = [p for p in block_passages if p.blocks[0] in blocks]
        words = sum(
            terms[b].words for b in blocks if b in terms and not document.blocks[b].is_heading
        )
        if len(inside) >= 2 and words >= 2 * min_words and words <= MAX_SECTION_SHARE * body_words:
            out.append(Passage(blocks, words, "section"))
    return out
