"""Subject terms per block: content lemmas, the names among them, and two-word phrases.

The analysis already gives lemmas; this module only decides which words are
subject matter and normalises them so "Infusions" at the start of a sentence
and "infusion" in the middle of one are the same term.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.lookups import Table

    from contentlint.analysis import Analysis, Word

_TERM = re.compile(r"[a-z][a-z'\u2019]*[a-z]\Z")
_MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _lemma_table() -> Table:
    """spaCy's English lookup lemmas (the table the default pipeline lemmatizes with).

    NOTE: the lookup lemmatizer is case-sensitive, so a capitalised word at the
    start of a sentence keeps its inflection ("Infusions"); we look its lower
    case up again. Loaded once per process from spacy-lookups-data (offline) and
    only ever read (a spaCy ``Table`` is keyed by string hashes, so it cannot be
    copied into a plain mapping).
    """
    import spacy

    return spacy.lookups.load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def term_of(word: Word) -> str | None:
    """The normalised lemma of a content word, or None for function words, numbers, symbols."""
    if word.is_stop or word.like_num or len(word.text) < _MIN_LETTERS:
        return None
    lemma = word.lemma.lower()
    if word.lemma == word.text and word.text[:1].isupper() and not word.text.isupper():
        lemma = _lemma_table().get(word.lower, word.lower)
    if not _TERM.match(lemma) or len(lemma) < _MIN_LETTERS:
        return None
    return lemma.replace("\u2019", "'")


def normalise_topic(topic: Iterable[str]) -> frozenset[str]:
    """The user's extra topic terms as lemmas ("Heat pumps" -> heat, pump)."""
    out = set()
    for phrase in topic:
        for word in phrase.lower().replace("-", " ").split():
            word = word.strip(".,;:!?\"'()")
            lemma = _lemma_table().get(word, word)
            lemma = lemma if isinstance(lemma, str) else word
            if _TERM.match(lemma) and len(lemma) >= _MIN_LETTERS:
                out.add(lemma)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class BlockTerms:
    """The subject terms of one prose block."""

    index: int
    words: int
    counts: Mapping[str, int]
    #: Terms the article writes capitalised inside sentences: people, places, brands, acronyms.
    names: frozenset[str]
    #: Adjacent term pairs ("weight loss"), for naming a passage's subject.
    pairs: Mapping[tuple[str, str], int]
    #: How the article writes each name ("WeWork"), for messages; other terms show as lemmas.
    shown: Mapping[str, str]


def block_terms(analysis: Analysis, heading_like: frozenset[int]) -> dict[int, BlockTerms]:
    """Terms of every prose block, keyed by block index.

    A term is a name when, inside sentences of running text, it is written
    capitalised (or as an acronym) more often than in lower case: "Beats" the
    brand, not "beat" the verb that an article also uses. Capitals in
    ``heading_like`` blocks (title case) say nothing either way.
    """
    counts: dict[int, Counter[str]] = {}
    pairs: dict[int, Counter[tuple[str, str]]] = {}
    words: Counter[int] = Counter()
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    written: dict[str, str] = {}
    for sentence in analysis.sentences:
        b = sentence.block
        c = counts.setdefault(b, Counter())
        p = pairs.setdefault(b, Counter())
        words[b] += len(sentence.words)
        previous: str | None = None
        for position, word in enumerate(sentence.words):
            term = term_of(word)
            if term is None:
                previous = None
                continue
            c[term] += 1
            if previous is not None:
                p[(previous, term)] += 1
            previous = term
            if b in heading_like or (position == 0 and not word.text.isupper()):
                continue
            if word.text[:1].isupper():
                capitalised[term] += 1
                written.setdefault(term, word.text)
            else:
                lower[term] += 1
    names = frozenset(t for t, n in capitalised.items() if n > lower[t])
    shown = MappingProxyType({t: written[t] for t in names})
    return {
        b: BlockTerms(
            b,
            words[b],
            MappingProxyType(dict(c)),
            frozenset(t for t in c if t in names),
            MappingProxyType(dict(pairs[b])),
            shown,
        )
        for b, c in counts.items()
    }


#: Separators between a page title and the site's name ("Ketamine and depression | Healthline").
_TITLE_WORD = re.compile(r"[a-z][a-z']*[a-z]")
#: Applied to whitespace-collapsed text, so no unbounded repeat (linear on any input).
_TITLE_PARTS = re.compile(r" (?:[|\u2013\u2014:-]{1,2}|\u00b7) ")


def headline(title: str | None) -> str:
    """The headline in a page title: the longest part between separators.

    Why: a page title often ends in the site's name ("... | CNN", "Opinion | ...").
    """
    return max(_TITLE_PARTS.split(" ".join(title.split())), key=len) if title else ""


def title_terms(headline: str) -> frozenset[str]:
    """Subject terms of a title that is not a block of the body (an HTML ``<title>``, a
    front-matter title).

    Why: a news page usually keeps its headline outside the article container, so
    without this the article's own statement of its topic is ignored. Words are
    lemmatized in lower case with the same lookup table as ``term_of`` (title
    case says nothing about names).
    """
    if not headline:
        return frozenset()
    from spacy.lang.en.stop_words import STOP_WORDS

    out = set()
    for word in _TITLE_WORD.findall(headline.replace("\u2019", "'").lower()):
        word = word.removesuffix("'s")  # the tokenizer splits a possessive off in the body
        if word in STOP_WORDS:
            continue
        lemma = _lemma_table().get(word, word)
        lemma = lemma if isinstance(lemma, str) else word
        if lemma not in STOP_WORDS and len(lemma) >= _MIN_LETTERS and _TERM.match(lemma):
            out.add(lemma)
    return frozenset(out)
