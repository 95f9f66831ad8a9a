"""Writer instructions left in an article (CL303).

Two shapes, from the briefs that outline generators and content agencies use:

* sentences that describe what the text should contain instead of containing it:
  "This section aims to include expert commentary ...", "Incorporating expert
  opinions adds a valuable layer of credibility to the article", "Quotes from
  reputable professionals can provide readers with a well-rounded perspective",
  "In this section, discuss the benefits of ...";
* editorial notes and brief fields: "Note to editor: ...", "Writer's note: ...",
  "Target keyword: ...", "Meta description: ...".

Bracketed prompts ("[Add a quote from a certified installer here]",
"{{insert statistic}}", "(insert link here)") are fill-in markers: CL201
placeholder-text reports them, so they are not reported twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ._promise_data import phrase_pattern
from ._wordlist_match import caseless

if TYPE_CHECKING:
    from contentlint.analysis import Sentence

_TEXT_NOUN = (
    r"(?:section|segment|paragraph|article|post|blog\s+post|guide|piece|content|introduction|"
    r"intro|conclusion|part|chapter|page|faq|copy|blog)"
)
_SHOULD = (
    r"(?:aims|is\s+meant|is\s+intended|is\s+designed|seeks|should\s+aim|will\s+aim|strives|"
    r"needs|ought|has|will\s+need|should|must)"
)
_INCLUDE = (
    r"(?:include|incorporate|feature|contain|showcase|add|mention|cite|reference|link\s+to|"
    r"quote|insert|embed|weave\s+in|touch\s+on)"
)
_VALUE = re.compile(
    r"(?i)\b(?:adds?|adding|lends?|provides?|provide|gives?|give|offers?|offer|enhances?|"
    r"enhance|strengthens?|strengthen|boosts?|boost|improves?|improve|increases?|increase|"
    r"builds?|build|makes?|make|helps?|help)\b"
)
_AUDIENCE = re.compile(
    r"(?i)\b(?:readers?|audiences?|(?:the|this|your)\s+(?:article|post|piece|content|"
    r"section|blog)|credibility|authority|trustworthiness|engagement|seo)\b"
)
_IMPERATIVE = re.compile(
    r"(?i)^\s*in\s+this\s+(?:section|paragraph|part)\s*,?\s+(?:briefly\s+)?(?:discuss|describe|"
    r"explain|mention|include|introduce|outline|talk\s+about|write\s+about|summari[sz]e|list|"
    r"highlight|insert|add|cover|provide)\b"
)
_NOTE = re.compile(
    r"(?i)\b(?:note\s+to\s+(?:the\s+)?(?:editors?|writers?|self|designers?|clients?|team|devs?)"
    r"|writer(?:'s|’s|s')?\s+(?:note|instructions?|brief)|instructions?\s+(?:to|for)\s+"
    r"(?:the\s+)?writers?|notes?\s+for\s+(?:the\s+)?(?:writers?|editors?))\b"
)
_BRIEF_FIELD = re.compile(
    r"(?i)^\s*(?:(?:target|focus|primary|secondary|main|seo|lsi)\s+key\s*(?:words?|phrases?)|"
    r"meta\s+(?:description|title)|word\s+count|target\s+audience|tone\s+of\s+voice|"
    r"call\s+to\s+action|cta|slug|h1|h2|h3)\s*:"
)


#: Words that every match of _describes and _IMPERATIVE ("this"), or of _NOTE, holds.
#: NOTE: the case-insensitive patterns are tried at every offset; these case-sensitive
#: searches skip ahead, and rule most texts out first.
_THIS = re.compile(caseless("this"))
_NOTE_WORDS = (re.compile(caseless("note")), re.compile(caseless("writer")))


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # offsets in the block's text
    end: int
    kind: str  # "describes", "note", "brief"
    text: str


@lru_cache(maxsize=1)
def _describes() -> re.Pattern[str]:
    return re.compile(
        rf"(?i)\bthis\s+{_TEXT_NOUN}\s+{_SHOULD}(?:\s+to)?"
        rf"(?:\s+(?:also|further|ideally|briefly|clearly))?\s+{_INCLUDE}\b"
    )


@lru_cache(maxsize=1)
def _opens_with_element() -> re.Pattern[str]:
    elements = phrase_pattern("promise-content-elements.txt")
    # NOTE: `(?!\W)` ends the leading punctuation where the first word starts; without it
    # "\W*" gave back hyphens one by one to "[\w-]+" (quadratic on a run of hyphens), and
    # no match ever needed that.
    return re.compile(
        r"(?i)^\W*(?!\W)(?:(?:incorporating|including|adding|integrating|featuring|citing|"
        r"inserting|using|sharing|providing|highlighting|mentioning|weaving\s+in)\s+)?"
        rf"(?:[\w-]+\s+){{0,3}}?{elements}\b"
    )


def sentence_instruction(sentence: Sentence) -> bool:
    """Does this sentence tell the writer what to put in the text?"""
    text = sentence.text
    if _THIS.search(text) and (_describes().search(text) or _IMPERATIVE.match(text)):
        return True
    m = _opens_with_element().match(text)
    if not m:
        return False
    rest = text[m.end() :]
    value = _VALUE.search(rest)
    return bool(value and _AUDIENCE.search(rest, value.start()))


def block_instructions(text: str) -> list[Found]:
    """Editorial notes and brief fields in one block's text."""
    found: list[Found] = []
    note = _NOTE.search(text) if any(w.search(text) for w in _NOTE_WORDS) else None
    # a note runs to the end of its block
    if note:
        found.append(Found(note.start(), len(text), "note", note.group()))
    brief = _BRIEF_FIELD.match(text)
    if brief:
        found.append(Found(brief.start(), len(text), "brief", brief.group().strip()))
    return found
