"""Counting words the way a reader (and textstat) does (CL502, CL503).

spaCy splits "Ketamine's" into two tokens, "don't" into "do" and "n't" and
"hard-to-treat" into three words; a reader sees one word each. Analysis
words that touch without whitespace between them are counted once.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Sentence

_SPACE = re.compile(r"\s")


def word_count(sentence: Sentence, block_text: str) -> int:
    """Whitespace-separated words of the sentence that contain a letter or digit.

    A word counts when whitespace separates it from the word before; the gap is
    searched in place (no slice, no loop per character).
    """
    words = sentence.words
    if not words:
        return 0
    spaced = _SPACE.search
    return 1 + sum(
        1 for before, word in pairwise(words) if spaced(block_text, before.end, word.start)
    )
