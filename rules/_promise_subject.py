"""Cutting a promised subject out of its sentence (CL301).

"This section will delve into the neurological mechanisms at play and shed light
on the duration of ketamine's influence, ensuring ..." promises two subjects;
"the training, the kit and the mindset" is one subject of three items; "an
overview of the cost of ketamine therapy" promises "the cost of ketamine
therapy". All offsets are ranges of the sentence's text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._promise_data import phrase_pattern

Range = tuple[int, int]  # a range of a text

#: Nouns a text calls itself by: "this section", "this guide".
NOUN = (
    r"(?:section|segment|part|chapter|paragraph|article|guide|post|blog\s+post|blog|piece|"
    r"page|tutorial|write-up)"
)
# Where a promised subject ends: a participle clause (", ensuring ..."), a conjunction
# or a scope phrase. Commas followed by a noun are list separators and stay.
# NOTE: no leading `\s*`, and `(?<!\s)` before every `\s+`: a match starts only where a
# whitespace run begins, so a long run of spaces is scanned once (linear, not quadratic);
# `subject_after` trims the whitespace before the end instead.
_SUBJECT_END = re.compile(
    r"(?i)(?:[;:(—–]|\s-\s|[.!?](?:\s|$)|$|,\s*(?!including\b|according\b)(?:[a-z]+ing|which|"
    r"while|so|but|as|because|where|whereas|who|whose|if|then|thus|thereby|to|you|we|i|they|it|"
    r"he|she|this|these|readers)\b|"
    r"(?<!\s)\s+(?:so\s+that|in\s+order\s+to|to\s+help|to\s+ensure|to\s+give|while)\b|"
    rf"(?<!\s)\s+(?:(?:in|throughout)\s+this\s+{NOUN}|in\s+the\s+(?:next|following|[\w-]+)\s+{NOUN}"
    rf"|the\s+(?:[\w-]+\s+){{0,2}}?{NOUN}\s+below|below|later\b|in\s+(?:more\s+|greater\s+)?"
    r"detail|in\s+depth|step\s+by\s+step|here\b|today\b))"
)
_WRAPPER = re.compile(
    r"(?i)(?:also\s+|exactly\s+|both\s+)?(?:(?:a|an|the|some)\s+)?(?:(?:brief|short|quick|"
    r"detailed|in-depth|comprehensive|closer|deeper|thorough|general|clear|clearer|better|"
    r"valuable)\s+)*(?:overview|discussion|exploration|examination|look|summary|explanation|"
    r"analysis|review|introduction|understanding|insights?|breakdown|rundown)\s+(?:of|into|at)"
    r"\s+|(?:also|exactly|more\s+about|about)\s+"
)
_LIST = re.compile(r"(?i)(?<!\s)(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+)")


def subject_after(s: str, start: int) -> Range:
    """Where the subject that starts at ``start`` ends."""
    m = _SUBJECT_END.search(s, start)
    end = m.start() if m else len(s)
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, max(start, end)


def split_subject(s: str, start: int, end: int) -> list[tuple[Range, list[Range]]]:
    """Subjects (split at a second promise verb) with their listed items, trimmed."""
    out = []
    for a, b in _split_verbs(s, start, end):
        items = [_trim(s, x, y) for x, y in _list_items(s, a, b)]
        items = [(x, y) for x, y in items if y > x and any(ch.isalpha() for ch in s[x:y])]
        if items:
            out.append((_trim(s, a, b), items))
    return out


@lru_cache(maxsize=1)
def _joint() -> re.Pattern[str]:
    verbs = phrase_pattern("promise-meta-verbs.txt")
    return re.compile(r"(?i)(?<!\s)(?:\s*,\s+|\s+)and\s+(" + verbs + r")\b")


def _split_verbs(s: str, start: int, end: int) -> list[Range]:
    """"the mechanisms at play and shed light on the duration" -> two subjects."""
    pieces: list[Range] = []
    cursor = start
    for m in _joint().finditer(s, start, end):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, end))
    return pieces


def _list_items(s: str, a: int, b: int) -> list[Range]:
    items: list[Range] = []
    cursor = a
    for m in _LIST.finditer(s, a, b):
        items.append((cursor, m.start()))
        cursor = m.end()
    items.append((cursor, b))
    return items


def _trim(s: str, a: int, b: int) -> Range:
    """Drop wrappers ("an overview of"), surrounding space and trailing punctuation."""
    while a < b and s[a].isspace():
        a += 1
    for _ in range(3):
        m = _WRAPPER.match(s, a, b)
        if not m or m.end() == a:
            break
        a = m.end()
    while b > a and not s[b - 1].isalnum():
        b -= 1
    return a, b
