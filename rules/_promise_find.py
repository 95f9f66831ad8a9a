"""Finding promises: meta-discourse that announces (or claims to have given) content.

Outline-generated articles say what they will say instead of saying it: "This
section will delve into X", "X will be discussed", "Readers will gain insights
into X", "This guide has navigated through X", "resources are available".
This module finds those sentences and cuts out the promised subject X, its
parts and the scope in which it has to be delivered; ``_promise_scope``
decides whether it was.

Everything here is phrase matching over one sentence at a time, with the verb
lists in ``rules/data/promise-*.txt`` compiled into one pattern.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ._promise_data import alternation, lines, phrase_pattern
from ._promise_subject import NOUN, Range, split_subject, subject_after
from ._wordlist_match import WordStarts, folded

if TYPE_CHECKING:
    from contentlint.analysis import Analysis, Sentence
    from contentlint.document import Document


class Scope(str, enum.Enum):
    """Where a promise has to be kept."""

    SECTION = "section"  # "this section will ...", passives, "readers will ..."
    NEXT = "next"  # "in the next section ..."
    NAMED = "named"  # "the troubleshooting section below ..."
    REST = "rest"  # "in this article ...", "later in this guide", "below"
    ARTICLE = "article"  # a closing summary: the whole article


class Form(str, enum.Enum):
    FUTURE = "future"  # announces content
    SUMMARY = "summary"  # claims to have covered content
    RESOURCE = "resource"  # "resources are available" with nothing named or linked


@dataclass(frozen=True, slots=True)
class Subject:
    """One promised subject ("the duration of ketamine's influence") and its listed items."""

    span: Range
    items: tuple[Range, ...]


@dataclass(frozen=True, slots=True)
class Promise:
    sentence: Sentence
    sentence_index: int
    form: Form
    scope: Scope
    subjects: tuple[Subject, ...]
    hint: str = ""  # for Scope.NAMED: the words naming the section ("troubleshooting")

    @property
    def items(self) -> tuple[Range, ...]:
        return tuple(item for subject in self.subjects for item in subject.items)


_THIS = r"this\s+(?:[\w-]+\s+){0,2}?"  # "this", "this comprehensive", "this short"
_ARTICLE_NOUN = re.compile(r"article|guide|post|blog|piece|page|tutorial|write-up")
_MODAL = (
    r"(?:will|shall|'ll|’ll|is\s+going\s+to|are\s+going\s+to|is\s+about\s+to|is\s+set\s+to|"
    r"aims\s+to|seeks\s+to|is\s+designed\s+to|is\s+intended\s+to|will\s+aim\s+to)"
)
_ADV = (
    r"(?:\s+(?:also|further|then|now|briefly|first|next|additionally|finally|closely|"
    r"thoroughly|carefully|specifically|mainly|even))?"
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    meta = phrase_pattern("promise-meta-verbs.txt")
    reader = phrase_pattern("promise-reader-verbs.txt")
    passive = phrase_pattern("promise-passive-verbs.txt")
    summary = phrase_pattern("promise-summary-verbs.txt")
    agent = (
        rf"(?P<agent>(?:this|the\s+following|the\s+next|our)\s+{NOUN}"
        rf"|the\s+(?:[\w-]+\s+){{0,2}}?{NOUN}\s+below|\bwe\b|\bi\b)"
    )
    parts = [
        rf"(?P<present>\b(?:(?:in|throughout|within)\s+{_THIS}{NOUN}|below|in\s+the\s+"
        rf"(?:following|next)\s+{NOUN}s?),?\s+(?:we|i|you)\b\s*"
        rf"(?:{_MODAL}\s+)?(?:also\s+|briefly\s+)?(?:{meta}|{reader}))",
        rf"(?P<active>\b{agent}\s*{_MODAL}{_ADV}\s+(?P<verb>{meta}))",
        rf"(?P<lets>\blet(?:'s|’s|\s+us)(?:\s+(?:now|first|next|also|briefly))?\s+{meta})",
        rf"(?P<readon>\b(?:(?:keep|continue)\s+reading|read\s+on|stay\s+tuned)\s+(?:to\s+"
        rf"{reader}|as\s+(?:we|i)\s+{meta}))",
        rf"(?P<reader>\b(?P<who>readers|the\s+reader|you|individuals|viewers|learners)\s*"
        rf"(?:will|'ll|’ll|are\s+going\s+to|shall){_ADV}\s+{reader})",
        rf"(?P<passive>\bwill{_ADV}\s+be(?:\s+(?:briefly|thoroughly|closely|also|further|"
        rf"carefully|explored\s+and))?\s+{passive})",
        rf"(?P<summary>\b(?:(?:this|our)\s+(?:[\w-]+\s+){{0,2}}?{NOUN}|the\s+(?:[\w-]+\s+)"
        rf"{{0,2}}?(?:article|guide|post|blog\s+post))\s+(?:has|have)"
        rf"(?:\s+(?:also|now|successfully))?\s+{summary}"
        rf"|\bwe\s*(?:have|'ve|’ve)(?:\s+(?:also|now))?\s+(?P<we_summary>{summary}))",
        rf"(?P<including>\b(?:in|from)\s+{_THIS}{NOUN},?\s+including)",
        r"(?P<resource>\b(?:(?:resources|materials|guides|tools)|(?:more|further|additional|"
        r"extra)\s+(?:information|details|reading|guidance|support|help|resources))\s+(?:is|are)"
        r"\s+(?:readily\s+|widely\s+|also\s+|freely\s+|easily\s+)?available\b)",
    ]
    return re.compile(r"(?i)" + "|".join(parts))


#: The verb lists of _pattern: every promise holds one of their phrases.
_VERB_LISTS = (
    "promise-meta-verbs.txt",
    "promise-reader-verbs.txt",
    "promise-passive-verbs.txt",
    "promise-summary-verbs.txt",
)


#: A word that each alternative of _pattern holds besides its verb (this, a modal, "has" ...).
#: NOTE: keep in step with _pattern: an alternative without one of these is never found.
_CONTEXT_WORDS = (
    "this", "below", "following", "next",  # present
    "will", "shall", "'ll", "’ll", "going", "about", "set", "aims", "seeks", "designed",
    "intended",  # active and reader (_MODAL), passive ("will")
    "let",  # lets
    "read", "stay",  # readon
    "has", "have", "'ve", "’ve",  # summary
    "including", "available",  # including and resource: the word is the verb too
)


@lru_cache(maxsize=1)
def _hints() -> tuple[WordStarts, re.Pattern[str]]:
    """What every match of :func:`_pattern` holds: a listed verb (or "including",
    "available") after whitespace, and one of ``_CONTEXT_WORDS``.

    Searched case-sensitively in folded text (``_wordlist_match.folded``). NOTE: the
    case-insensitive ``_pattern`` is tried at every offset of a sentence; most
    sentences lack one of the two and skip it.
    """
    verbs = [w.lower() for name in _VERB_LISTS for w in lines(name)]
    return WordStarts([*verbs, "including", "available"]), re.compile(alternation(_CONTEXT_WORDS))


@lru_cache(maxsize=1)
def _strong() -> re.Pattern[str]:
    return re.compile(r"(?i)^" + phrase_pattern("promise-strong-verbs.txt") + r"$")


_SCOPE_REST = re.compile(
    rf"(?i)\b(?:(?:in|throughout|within)\s+{_THIS}{NOUN}|below|later\b|"
    rf"(?:further|later)\s+down|this\s+(?:article|guide|post|piece|tutorial))"
)
_SCOPE_NEXT = re.compile(rf"(?i)\b(?:the\s+(?:next|following)\s+{NOUN})")
_SCOPE_NAMED = re.compile(rf"(?i)\bthe\s+((?:[\w-]+\s+){{1,2}}?){NOUN}\s+below\b")
_SCOPE_SECTION = re.compile(r"(?i)\bthis\s+(?:section|segment|part|chapter|paragraph)\b")
_SCOPE_HERE = re.compile(r"(?i)\bhere\b")
_LEAD = re.compile(
    r"(?i)^(?:(?:additionally|moreover|furthermore|also|finally|lastly|next|then|here|later|"
    r"simultaneously|subsequently|similarly|likewise|in\s+addition|in\s+this\s+\w+)\b,?\s*|"
    r"(?:[a-z]+ing|[a-z]+ed)\b[^,]{0,120},\s*)"
)
_PROMISE_TAIL = re.compile(
    r"(?i)(?:,\s*(?:[a-z]+ing|so\s+that|which)\b|(?:in\s+(?:more\s+)?detail|in\s+depth|"
    r"below|later|here|further|briefly|as\s+well|too|thoroughly|in\s+this\s+\w+|"
    r"in\s+the\s+(?:next|following)\s+\w+)\b)"
)
#: "As we will see below, the rate fell to 3%": a forward reference in a sentence that says
#: something itself. "... limitations, as I'll discuss later" has no subject and drops out.
_AS_BEFORE = re.compile(r"(?i)^\W*as\s+(?:\w+\s+){0,2}$")


class Quoted:
    """The quoted stretches of a block's text ("...," she said), for O(log n) lookups."""

    _PATTERN = re.compile(r"“[^”]{0,3000}”|\"[^\"\n]{0,3000}\"")

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in self._PATTERN.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]


class _Hinted:
    """Which sentences may hold a promise (:func:`_hints`), each block folded once."""

    def __init__(self) -> None:
        self._folded: dict[int, str | None] = {}

    def __call__(self, block_text: str, sentence: Sentence) -> bool:
        if sentence.block not in self._folded:
            self._folded[sentence.block] = folded(block_text)
        low = self._folded[sentence.block]
        if low is None:
            return True  # not foldable: try the pattern
        return self._holds(low, sentence.start, sentence.end)

    @staticmethod
    def _holds(low: str, start: int, end: int) -> bool:
        verbs, context = _hints()
        return verbs.search(low, start, end) and context.search(low, start, end) is not None


def find_promises(document: Document, analysis: Analysis) -> list[Promise]:
    """Every promise sentence of the document, in reading order."""
    pattern = _pattern()
    out: list[Promise] = []
    quoted: dict[int, Quoted] = {}
    hinted = _Hinted()
    for index, sentence in enumerate(analysis.sentences):
        block = document.blocks[sentence.block]
        if block.is_heading or not hinted(block.text, sentence):
            continue
        if sentence.block not in quoted:
            quoted[sentence.block] = Quoted(block.text)
        for m in pattern.finditer(sentence.text):
            if sentence.start + m.start() in quoted[sentence.block]:
                continue  # somebody quoted says it: "We will review the policy," she said.
            promise = _promise(sentence, index, m)
            if promise is not None:
                out.append(promise)
                break
    return out


def _promise(sentence: Sentence, index: int, m: re.Match[str]) -> Promise | None:
    s = sentence.text
    before = s[: m.start()]
    if _AS_BEFORE.search(before):
        return None  # a forward reference inside a sentence that says something itself
    kind = m.lastgroup
    if kind == "resource":
        span = (sentence.start + m.start(), sentence.start + m.end())
        return Promise(sentence, index, Form.RESOURCE, Scope.ARTICLE, (Subject(span, (span,)),))
    if kind in ("summary", "including"):
        if m.group("we_summary") and not _SCOPE_REST.search(s):
            return None
        start, end = subject_after(s, m.end())
        return _make(sentence, index, Form.SUMMARY, Scope.ARTICLE, s, start, end)
    if kind == "passive":
        lead = _LEAD.match(before)
        start = lead.end() if lead else 0
        if not _passive_tail_ok(s[m.end() :]):
            return None
        return _make(sentence, index, Form.FUTURE, _scope(s)[0], s, start, m.start(), _scope(s)[1])
    if kind == "active" and m.group("agent").lower() in ("we", "i"):
        if not (_strong().match(" ".join(m.group("verb").lower().split())) or _has_scope(s)):
            return None
    if kind == "reader" and m.group("who").lower() == "you" and not _has_scope(s):
        return None
    start, end = subject_after(s, m.end())
    scope, hint = _scope(s)
    if kind == "readon" and scope is Scope.SECTION:
        scope = Scope.REST
    if kind == "active" and _ARTICLE_NOUN.search(m.group("agent").lower()):
        scope = Scope.REST if scope == Scope.SECTION else scope
    return _make(sentence, index, Form.FUTURE, scope, s, start, end, hint)


def _has_scope(s: str) -> bool:
    return bool(
        _SCOPE_REST.search(s) or _SCOPE_NEXT.search(s) or _SCOPE_NAMED.search(s)
        or _SCOPE_SECTION.search(s) or _SCOPE_HERE.search(s)
    )


def _scope(s: str) -> tuple[Scope, str]:
    named = _SCOPE_NAMED.search(s)
    if named:
        return Scope.NAMED, named.group(1).strip()
    if _SCOPE_NEXT.search(s):
        return Scope.NEXT, ""
    if _SCOPE_SECTION.search(s):
        return Scope.SECTION, ""
    if _SCOPE_REST.search(s):
        return Scope.REST, ""
    return Scope.SECTION, ""


def _passive_tail_ok(tail: str) -> bool:
    """News uses the same passives with an agent, place or time ("will be discussed at
    Tuesday's meeting"); a promise ends there or goes on with a participle or a scope."""
    tail = tail.strip()
    if not tail or tail[0] in ".!?;:":
        return True
    return bool(_PROMISE_TAIL.match(tail))


def _make(
    sentence: Sentence,
    index: int,
    form: Form,
    scope: Scope,
    s: str,
    start: int,
    end: int,
    hint: str = "",
) -> Promise | None:
    base = sentence.start
    subjects = [
        Subject((base + a, base + b), tuple((base + x, base + y) for x, y in items))
        for (a, b), items in split_subject(s, start, end)
    ]
    if not subjects:
        return None
    return Promise(sentence, index, form, scope, tuple(subjects), hint)
