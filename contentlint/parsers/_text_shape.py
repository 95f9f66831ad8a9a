"""What a single line of plain text looks like: a bullet, a heading, a wrapped line.

Scraped articles have no markup, so structure has to be read off the shape of
lines. Every predicate here looks at one or two lines only, which keeps the
parser linear and each guess explainable in one sentence.
"""

from __future__ import annotations

import re

#: A list marker at the start of a line, followed by whitespace and some text.
#: The numeric form is capped at three digits so "2023. A good year" is prose.
BULLET = re.compile(
    r"[ \t]*(?:[-*\u2022\u2023\u25e6\u25aa\u25cf\u25cb\u2013]|\d{1,3}[.)])[ \t]+(?=\S)"
)

#: Headings are short; these bounds are what a scraped sub-heading fits in.
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 12

#: Nobody hard-wraps prose wider than this, so a longer line ends its paragraph.
WRAP_MAX = 100

#: Shortest line that can be a wrapped line of a paragraph even though it ends a
#: sentence; shorter complete sentences ("Close this search box.") stand alone.
MIN_WRAPPED = 40

#: A line that ends with one of these is a sentence or a fragment, not a heading.
#: The question mark is missing on purpose: "How Often Is It Given?" is a heading.
_TERMINAL = frozenset(".!;:,\u2026\u3002\uff01\uff1b\uff1a\uff0c\u3001")
_CLOSERS = "\"')]}\u201d\u2019\u00bb"

#: Words Title Case leaves in lower case.
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is it nor of on or per the to up via vs with".split()
)


def bullet_end(line: str) -> int:
    """Length of the bullet marker and its following whitespace, or 0 if ``line`` is no item."""
    match = BULLET.match(line)
    return match.end() if match else 0


def _first_letter(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return ch
    return ""


def heading_like(text: str) -> bool:
    """Short, starts like a title and does not end like a sentence (``text`` is stripped)."""
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if len(text.split()) > HEADING_MAX_WORDS:
        return False
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL:
        return False
    first = _first_letter(text)
    return bool(first) and not first.islower()


def title_case(text: str) -> bool:
    """Every significant word is capitalised; uncased scripts (CJK) never count."""
    significant = 0
    for i, word in enumerate(text.split()):
        first = _first_letter(word)
        if not first:
            continue
        if i > 0 and word.strip(_CLOSERS + "(\"'[").lower() in _SMALL_WORDS:
            continue
        if not first.isupper():
            return False
        significant += 1
    return significant > 0


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    return bool(core) and (core[-1] in _TERMINAL or core[-1] in "?\uff1f")


def _titled(text: str) -> bool:
    """Title Case; ALL CAPS only when short, since wrapped shouting is common in disclaimers."""
    return title_case(text) and (len(text) < MIN_WRAPPED or not text.isupper())


def continues(prev: str, line: str, prev_opens: bool) -> bool:
    """Whether ``line`` is a wrapped continuation of ``prev`` (both stripped, no blank between).

    Consecutive lines are one paragraph by default, as in any plain-text file;
    the exceptions catch scraped pages that put a heading or a UI string on the
    line right above the text. Only a block's first line (``prev_opens``) can
    be such a standalone line: a heading never sits inside a wrapped paragraph,
    which is what keeps an ALL CAPS licence paragraph in one piece.
    """
    if len(prev) > WRAP_MAX:
        return False
    lower = _starts_lower(line)
    if prev_opens:
        prev_heading = heading_like(prev)
        if prev_heading and _titled(prev):
            return False
        if lower:
            return True
        if prev_heading and (len(prev) < MIN_WRAPPED or len(prev) < 0.6 * len(line)):
            return False
    elif lower:
        return True
    if _ends_sentence(prev):
        if heading_like(line) and _titled(line):
            return False  # a heading right after a paragraph
        return len(prev) >= MIN_WRAPPED
    return True
