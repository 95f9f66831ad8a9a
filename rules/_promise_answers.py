"""Concrete answers and the questions that want them (shared by CL301 and CL302).

A *concrete answer* is something a reader can act on: a number (also spelled
out, "four runs a week"), a time span ("two to three weeks"), a price ("$400",
"40 euros"), a frequency ("twice a week", "every day"), a dose ("0.5 mg/kg"),
a date ("in March", "on Tuesday", "2019") or a person's name ("Dr. Ana Ruiz").
Outline-generated text talks *about* these ("the cost can vary", "a series of
sessions") without ever giving one, which is exactly what the promise rules
look for. Detection reads the analysis words and lemmas; only table cells,
which the NLP analysis does not cover, are checked with a small pattern.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ._promise_data import alternation, lines, units

if TYPE_CHECKING:
    from contentlint.analysis import Word


class Kind(str, enum.Enum):
    NUMBER = "number"
    PRICE = "price"
    DURATION = "duration"
    FREQUENCY = "frequency"
    DOSE = "dose"
    DATE = "date"
    NAME = "name"
    STEP = "step"  # a list item or a code block: steps, options, commands


#: Words that may sit between a number and its unit ("2 to 3 weeks", "six more days").
_BRIDGE = frozenset(
    "to or and more additional full consecutive extra straight separate whole long - – "
    "other few".split()
)
#: Before "a day" / "an hour" these make it a time span ("within a day", "for a week").
_SPAN_PREPOSITIONS = frozenset(
    "for within over after about around in under than nearly almost roughly least up "
    "during take takes took last lasts lasted".split()
)
_RELATIVE = frozenset("next last this coming past previous following".split())
_SEASONS = frozenset("week weekend month year spring summer autumn fall winter".split())
_HONORIFICS = frozenset("dr dr. prof prof. professor mr mr. mrs mrs. ms ms. sir dame".split())
_GLUED = re.compile(r"^[$£€¥₹]?\d[\d.,]*(?:[-–]\d[\d.,]*)?([a-zµ/%]+)$")
_GLUED_TIME = frozenset("s sec secs h hr hrs min mins d wk wks yr yrs".split())
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)s?$")
_CELL_PRICE = re.compile(r"[$£€¥₹]\s?\d")
_CELL_TIME = re.compile(r"\d\s*[-–]?\s*(?:min|hour|hr|day|week|month|year)", re.I)


def _is_number(word: Word, cardinals: frozenset[str]) -> bool:
    return (
        any(ch.isdigit() for ch in word.text)
        or word.lower in cardinals
        or word.lemma.lower() in cardinals  # "hundreds", "dozens"
    )


def sentence_kinds(words: Sequence[Word]) -> frozenset[Kind]:
    """The kinds of concrete answer found in one sentence's words."""
    u = units()
    cardinals, time, per = u["cardinal"], u["time"], u["per"]
    unit_words = time | u["dose-unit"]
    found: set[Kind] = set()
    n = len(words)
    lows = [w.lower for w in words]
    lemmas = [w.lemma.lower() for w in words]
    numeric = [_is_number(w, cardinals) for w in words]
    for i in range(n):
        low = lows[i]
        nxt = lemmas[i + 1] if i + 1 < n else ""
        if numeric[i]:
            found.add(Kind.NUMBER)
            if _YEAR.match(low):
                found.add(Kind.DATE)
            glued = _GLUED.match(low)
            if glued:
                suffix = glued.group(1)
                if suffix in u["dose-unit"]:
                    found.add(Kind.DOSE)
                elif suffix in _GLUED_TIME:
                    found.add(Kind.DURATION)
            if low[:1] in u["currency-symbol"]:
                found.add(Kind.PRICE)
        # NOTE: "one" only counts in front of a unit ("one week"), never in "one of them".
        if numeric[i] or (low == "one" and nxt in unit_words):
            found |= _unit_after(lemmas, numeric, i, u)
        if low in u["currency-symbol"] and i + 1 < n and numeric[i + 1]:
            found.add(Kind.PRICE)
        if low in per and nxt in time:
            if low != "a" and low != "an":
                found.add(Kind.FREQUENCY)
            elif i and lows[i - 1] == "half":
                found.add(Kind.DURATION)  # "half an hour"
            elif any(numeric[max(0, i - 4) : i]) or any(
                x in u["frequency-word"] for x in lows[max(0, i - 4) : i]
            ):
                found.add(Kind.FREQUENCY)
            elif i and lemmas[i - 1] in _SPAN_PREPOSITIONS:
                found.add(Kind.DURATION)
        elif low in ("every", "each") and i + 2 < n and lows[i + 1] in ("other", "few") and (
            lemmas[i + 2] in time
        ):
            found.add(Kind.FREQUENCY)
        if low in u["frequency-word"]:
            if low not in ("once", "twice", "thrice") or nxt in per | u["frequency-word"]:
                found.add(Kind.FREQUENCY)
        if _is_date_word(words, lows, lemmas, numeric, i, u):
            found.add(Kind.DATE)
        if i + 1 < n and _starts_name(words, lows, i):
            found.add(Kind.NAME)
    if _free_of_charge(lemmas):
        found.add(Kind.PRICE)
    return frozenset(found)


def _unit_after(
    lemmas: list[str], numeric: list[bool], i: int, u: dict[str, frozenset[str]]
) -> set[Kind]:
    """Kinds given by the unit after the number at ``i`` ("3 weeks", "40 euros", "5 mg")."""
    for j in range(i + 1, min(i + 5, len(lemmas))):
        lemma = lemmas[j]
        if numeric[j] or lemma in _BRIDGE:
            continue
        if lemma in u["time"]:
            return {Kind.DURATION}
        if lemma in u["currency-word"]:
            return {Kind.PRICE}
        if lemma in u["dose-unit"]:
            return {Kind.DOSE}
        if lemma in ("time", "times") and j + 2 < len(lemmas):
            if lemmas[j + 1] in u["per"] and lemmas[j + 2] in u["time"]:
                return {Kind.FREQUENCY}
        return set()
    return set()


def _is_date_word(
    words: Sequence[Word],
    lows: list[str],
    lemmas: list[str],
    numeric: list[bool],
    i: int,
    u: dict[str, frozenset[str]],
) -> bool:
    low = lows[i]
    if low in u["date-word"]:
        return True
    capital = words[i].text[:1].isupper() and i > 0
    if low in u["weekday"] or low.rstrip("s") in u["weekday"]:
        return capital or words[i].text[:1].isupper()
    if low in u["month"]:
        near = (i > 0 and numeric[i - 1]) or (i + 1 < len(words) and numeric[i + 1])
        return near or capital
    return low in _RELATIVE and i + 1 < len(lemmas) and lemmas[i + 1] in _SEASONS


def _starts_name(words: Sequence[Word], lows: list[str], i: int) -> bool:
    """An honorific before a capitalised word ("Dr. Ruiz"), or two capitalised words in a
    row that do not open the sentence ("said Ana Ruiz")."""
    here, after = words[i].text, words[i + 1].text
    if not after[:1].isupper() or words[i + 1].start - words[i].end > 1:
        return False  # "Mechanisms: “Ketamine" are two labels, not a name
    if lows[i] in _HONORIFICS:
        return True
    return i > 0 and here[:1].isupper() and here.isalpha() and after.isalpha() and not (
        here.isupper() or after.isupper()
    )


_FREE = re.compile(
    r"\b(?:free of charge|at no cost|cost nothing|for free|be free|’s free|'s free)\b"
)


def _free_of_charge(lemmas: list[str]) -> bool:
    """"It is free", "free of charge", "at no cost": a price of zero."""
    return bool(_FREE.search(" ".join(lemmas)))


def cell_kinds(text: str) -> frozenset[Kind]:
    """Kinds in a table cell (tables are not part of the NLP analysis)."""
    found: set[Kind] = set()
    if any(ch.isdigit() for ch in text):
        found.add(Kind.NUMBER)
        if _CELL_PRICE.search(text):
            found.add(Kind.PRICE)
        if _CELL_TIME.search(text):
            found.add(Kind.DURATION)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word in a heading or promise that asks for a quantity ("how often", "cost")."""

    phrase: str
    label: str  # what is missing, for messages: "a frequency"
    kinds: frozenset[Kind]
    start: int
    end: int


@lru_cache(maxsize=1)
def _cue_table() -> tuple[re.Pattern[str], dict[str, tuple[str, frozenset[Kind]]]]:
    table: dict[str, tuple[str, frozenset[Kind]]] = {}
    for entry in lines("promise-quantity-cues.txt"):
        phrase, _, rest = entry.partition("=")
        label, _, kinds = rest.partition(":")
        key = " ".join(phrase.lower().split())
        table[key] = (label.strip(), frozenset(Kind(k) for k in kinds.split()))
    # NOTE: hyphen guards keep "cost-effective" and "low-cost" from counting as questions.
    pattern = re.compile(r"(?<![\w-])" + alternation(list(table)) + r"(?![\w-])", re.I)
    return pattern, table


def find_cues(text: str) -> list[Cue]:
    """Quantity cues in ``text``, one per distinct label, in order of appearance."""
    pattern, table = _cue_table()
    out: list[Cue] = []
    seen: set[str] = set()
    for m in pattern.finditer(text):
        key = " ".join(m.group(0).lower().split())
        label, kinds = table[key]
        if label in seen:
            continue
        seen.add(label)
        out.append(Cue(key, label, kinds, m.start(), m.end()))
    return out
