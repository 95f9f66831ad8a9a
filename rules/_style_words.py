"""Counting words the way a reader (and textstat) does (CL502, CL503).

spaCy splits "Ketamine's" into two tokens, "don't" into "do" and "n't" and
"hard-to-treat" into three words; a reader sees one word each. Analysis
words that touch without whitespace between them are counted once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Sentence


def word_count(sentence: Sentence, block_text: str) -> int:
    """Whitespace-separated words of the sentence that contain a letter or digit."""
    words = sentence.words
    count = 0
    for k, word in enumerate(words):
        if k == 0 or _spaced(block_text[words[k - 1].end : word.start]):
            count += 1
    return count


def _spaced(gap: str) -> bool:
    return any(ch.isspace() for ch in gap)
