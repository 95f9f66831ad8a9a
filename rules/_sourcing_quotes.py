"""Quotations in a block: straight, curly and guillemet quotes, and blockquotes.

A quotation is found by scanning the block's text once for an opening mark
and its closing mark; an opening curly quote with no closing one runs to the
end of the block (news style, where a quote goes on in the next paragraph).
A blockquote without marks is one quotation, minus a trailing attribution
("— Dr. Jane Doe").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.document import Block, BlockKind

_PAIRS = {"“": "”", "„": "“", "«": "»", "‘": "’", '"': '"'}
#: Characters after which a straight or single quote mark opens a quotation.
_OPENS_AFTER = set(" \t\n([{—–-/:;,")
_DASH_LINE = re.compile(r"^\s*(?:—|–|―|--?)\s*\S")
_DASH_TAIL = re.compile(r"(?:^|\s)(?:—|–|―|--)\s*[^\W\d_]")
_WORD = re.compile(r"\w+")
#: Every mark that may open a quotation (the keys of _PAIRS).
_OPENING = re.compile("[" + "".join(_PAIRS) + "]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in a block's text: ``start``/``end`` include the marks."""

    block: int
    start: int
    end: int
    words: int
    direct: bool = True  # False for reported speech ("according to Dr. X, ...")


def is_attribution_line(text: str) -> bool:
    """A line that only attributes ("— Dr. Simon Aldridge, Food Scientist")."""
    return bool(_DASH_LINE.match(text))


def _closing(text: str, i: int, mark: str) -> int:
    """Index of the mark closing the quotation opened at ``i``, or -1."""
    close = _PAIRS[mark]
    if mark != "‘":
        return text.find(close, i + 1)
    j = text.find("’", i + 1)
    while j >= 0 and j + 1 < len(text) and text[j + 1].isalpha():  # an apostrophe: don’t
        j = text.find("’", j + 1)
    return j


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in ``text``, marks included, in one pass."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        mark = _OPENING.search(text, i)  # NOTE: jumps to the next mark; no loop per character
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in "\"‘" and i > 0 and text[i - 1] not in _OPENS_AFTER:
            i += 1
            continue
        j = _closing(text, i, ch)
        if j < 0:
            if ch in "“„«":  # runs on into the next paragraph
                out.append((i, n))
                break
            i += 1
            continue
        out.append((i, j + 1))
        i = j + 1
    return out


def find_quotes(
    block: Block, index: int, min_words: int
) -> tuple[list[Quote], list[tuple[int, int]]]:
    """Quotations of at least ``min_words`` words, and every quoted range (for exclusion)."""
    text = block.text
    ranges = quote_ranges(text)
    if block.kind is BlockKind.QUOTE and not ranges and not is_attribution_line(text):
        tail = None
        for tail in _DASH_TAIL.finditer(text):  # noqa: B007 - keeps the last match
            pass
        end = tail.start() if tail and tail.start() > 0 else len(text)
        ranges = [(0, end)]
    quotes = []
    for start, end in ranges:
        words = len(_WORD.findall(text, start, end))
        if words >= min_words:
            quotes.append(Quote(index, start, end, words))
    return quotes, ranges
