"""Where to split a long sentence or paragraph (CL502, CL503): a hint, not a rewrite.

A sentence splits best at a semicolon, colon or dash, next at a comma before a
conjunction or relative pronoun, and only in its middle half; among equals,
nearest the middle. A paragraph
splits best where the vocabulary changes: the sentence boundary whose
neighbours share the fewest content lemmas (a two-sentence TextTiling).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Sentence, Word

_STRONG = frozenset(";:\u2014\u2013")  # semicolon, colon, em and en dash
_JOINERS = frozenset(
    "and but or so yet which who whom whose where while whereas because although though "
    "since unless as".split()
)
_MIN_PART = 5  # words on each side at least; a split that leaves a fragment is no help


def sentence_split(sentence: Sentence, block_text: str) -> Word | None:
    """The word a long sentence should be split before, or None if there is no clear place."""
    words = sentence.words
    best: tuple[int, float, Word] | None = None
    middle = len(words) / 2
    edge = max(_MIN_PART, len(words) // 4)  # keep both halves substantial
    for k in range(edge, len(words) - edge + 1):
        gap = block_text[words[k - 1].end : words[k].start]
        if _STRONG.intersection(gap):
            rank = 0
        elif "," in gap and words[k].lower in _JOINERS:
            rank = 1
        else:
            continue
        candidate = (rank, abs(k - middle), words[k])
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


def paragraph_break(sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence a new paragraph should start with, or None for fewer than four sentences."""
    if len(sentences) < 4:
        return None
    lemmas = [_content(s) for s in sentences]
    middle = len(sentences) / 2
    best: tuple[float, float, int] | None = None
    for k in range(2, len(sentences) - 1):  # at least two sentences on the first side
        before = lemmas[k - 1] | lemmas[k - 2]
        after = lemmas[k] | (lemmas[k + 1] if k + 1 < len(lemmas) else set())
        union = before | after
        overlap = len(before & after) / len(union) if union else 1.0
        candidate = (overlap, abs(k - middle), k)
        if best is None or candidate < best:
            best = candidate
    return sentences[best[2]] if best else None


def _content(sentence: Sentence) -> set[str]:
    return {
        w.lemma.lower()
        for w in sentence.words
        if not w.is_stop and not w.like_num and len(w.text) > 2
    }
