"""Vague attributions: "studies show", "experts agree", "it is widely believed".

One combined, case-insensitive pattern: up to three modifiers ("numerous",
"many leading"), an unnamed subject from the research or people lists, an
optional "have"/adverb, and a crediting verb; or one of the fixed phrases.
A match only counts when nothing names the subject: it must open a clause
(after punctuation, a conjunction, or one plain modifier such as "trade
experts"), never follow "the", "his" or a capitalised name ("Harvard
researchers found"), which point to people the text has already named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._sourcing_lexicon import alternation, lines
from ._wordlist_match import WordStarts, folded, scan

#: Words after which a vague subject opens a clause.
_OPENERS = frozenset(
    """and but or so yet while as because since although though that which when where
    also now even today still indeed moreover furthermore plus however thus hence
    why how what""".split()
)
#: Words that make the subject specific ("the experts", "his doctors") or deny it ("no studies").
_SPECIFIC = frozenset(
    """the these those this his her their our its my your such both no any every each
    if whether unless whose""".split()
)
#: Fixed phrases starting with these only count when they open a clause ("Some say ...").
_PRONOUNS = frozenset({"some", "many", "most", "everyone"})
_ADVERB = r"(?:[a-z]+ly|also|all|now|long|repeatedly|still|even|too|often)"
_PREVIOUS = re.compile(r"(\S+)\s+$")


@dataclass(frozen=True, slots=True)
class VagueMatch:
    start: int
    end: int
    phrase: str
    kind: str  # "research", "people" or "belief"
    subject: str


@lru_cache(maxsize=8)
def _pattern(extra: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str], WordStarts]:
    """The combined pattern, the fixed phrases by kind, and where a match may start.

    NOTE: the pattern is case-insensitive and starts with a look-behind, so ``re``
    would try it at every offset; it is tried only where a fixed phrase, a
    modifier or an unnamed subject starts a word (``WordStarts``).
    """
    fixed: dict[str, str] = {}
    for entry in lines("sourcing-vague-phrases.txt"):
        kind, _, phrase = entry.partition(" ")
        fixed[" ".join(phrase.lower().split())] = kind
    for phrase in extra:
        fixed.setdefault(" ".join(phrase.lower().split()), "belief")
    mods = alternation(lines("sourcing-vague-modifiers.txt"))
    research = alternation(lines("sourcing-vague-research.txt"))
    people = alternation(lines("sourcing-vague-people.txt"))
    verbs = alternation(lines("sourcing-vague-verbs.txt"))
    pattern = re.compile(
        rf"(?i)(?<![\w-])(?:(?P<fixed>{alternation(tuple(fixed))})"
        rf"|(?P<mods>(?:{mods}\s+){{0,3}})(?:(?P<research>{research})|(?P<people>{people}))\s+"
        rf"(?:(?:have|has|had)\s+)?(?:{_ADVERB}\s+)?(?:(?:have|has|had)\s+)?(?P<verb>{verbs}))"
        rf"(?![\w-])"
    )
    openers = [
        *fixed,
        *lines("sourcing-vague-modifiers.txt"),
        *lines("sourcing-vague-research.txt"),
        *lines("sourcing-vague-people.txt"),
    ]
    return pattern, fixed, WordStarts(openers)


def _clause_start(text: str, start: int, modifier_allowed: bool = True) -> int | None:
    """Where the unnamed subject's phrase begins, or None when words before it name or
    specify the subject ("the experts", "Harvard researchers")."""
    before = text[max(0, start - 60) : start]
    if not before.strip():
        return start
    if before[-1].isalnum() or before[-1] in "-'’":
        return None  # glued to a word ("non-studies")
    if not before[-1].isspace():
        return start  # an opening quote or bracket
    prev = _PREVIOUS.search(before)
    if prev is None:
        return start
    word = prev.group(1)
    if not word[-1].isalnum():
        return start  # punctuation: a new sentence or clause
    low = word.lower()
    if low in _OPENERS:
        return start
    if low in _SPECIFIC or not word.islower() or not modifier_allowed:
        return None
    # one plain modifier ("trade experts say") that itself opens the clause
    word_start = max(0, start - 60) + prev.start(1)
    return word_start if _clause_start(text, word_start, False) is not None else None


def vague_matches(text: str, extra: tuple[str, ...] = ()) -> list[VagueMatch]:
    pattern, fixed, starts = _pattern(extra)
    out: list[VagueMatch] = []
    low = folded(text)
    found = pattern.finditer(text) if low is None else scan(pattern, text, starts.candidates(low))
    for m in found:
        if m.group("fixed"):
            phrase = m.group("fixed")
            kind = fixed.get(" ".join(phrase.lower().split()), "belief")
            subject = {"research": "research", "people": "experts"}.get(kind, "")
            begin: int | None = m.start()
            if phrase.split()[0].lower() in _PRONOUNS:
                begin = _clause_start(text, m.start(), False)  # not "wanted some say in"
        else:
            kind = "research" if m.group("research") else "people"
            # "trade experts say" is vague; "microscopy studies found" names a kind of study
            begin = _clause_start(text, m.start(), modifier_allowed=kind == "people")
            subject = m.group("research") or m.group("people")
        if begin is not None:
            phrase = text[begin : m.end()]
            out.append(VagueMatch(begin, m.end(), phrase, kind, subject.lower()))
    return out
