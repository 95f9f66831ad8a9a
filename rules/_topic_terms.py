"""Subject terms per block: content lemmas, the names among them, and two-word phrases.

The analysis already gives lemmas; this module only decides which words are
subject matter and normalises them so "Infusions" at the start of a sentence
and "infusion" in the middle of one are the same term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Analysis, Sentence, Word

_TERM = re.compile(r"[a-z][a-z'\u2019]*[a-z]\Z")
_MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _lemma_table() -> Mapping[str, str]:
    """spaCy's English lookup lemmas (the table the default pipeline lemmatizes with).

    NOTE: the lookup lemmatizer is case-sensitive, so a capitalised word at the
    start of a sentence keeps its inflection ("Infusions"); we look its lower
    case up again. Loaded once per process from spacy-lookups-data (offline),
    the same data ``spacy.lookups.load_lookups`` reads, but kept as a plain
    dict: building spaCy's hash-keyed ``Table`` from it took three times as long
    (about 45 ms against 15 ms) and its lookups hash every key again.
    """
    from spacy.util import load_language_data, registry

    table: dict[str, str] = load_language_data(registry.lookups.get("en")["lemma_lookup"])
    return table


def _word_facts(word: Word) -> tuple[str | None, bool, bool]:
    """(term, starts with a capital, all capitals) of a word that is not a stop word or number."""
    return _facts(word.text, word.lemma, word.lower)


@lru_cache(maxsize=200_000)
def _facts(text: str, lemma: str, lower: str) -> tuple[str | None, bool, bool]:
    """:func:`_word_facts` of one string: a process sees the same few thousand words again
    and again, so each is normalised once (a bounded per-process cache of pure facts)."""
    return _normalise(text, lemma, lower), text[:1].isupper(), text.isupper()


def _normalise(text: str, lemma: str, lower: str) -> str | None:
    if len(text) < _MIN_LETTERS:
        return None
    term = lemma.lower()
    if lemma == text and text[:1].isupper() and not text.isupper():
        term = _lemma_table().get(lower, lower)
    if not _TERM.match(term) or len(term) < _MIN_LETTERS:
        return None
    return term.replace("\u2019", "'")


def term_of(word: Word) -> str | None:
    """The normalised lemma of a content word, or None for function words, numbers, symbols."""
    if word.is_stop or word.like_num:
        return None
    return _word_facts(word)[0]


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
    #: How the article writes each name ("WeWork"), for messages; other terms show as lemmas.
    shown: Mapping[str, str]
    #: The block's sentences, from which ``pairs`` are counted when a message needs them.
    sentences: tuple[Sentence, ...] = field(default=(), repr=False, compare=False)

    @property
    def pairs(self) -> Mapping[tuple[str, str], int]:
        """Adjacent term pairs ("weight loss"), for naming a passage's subject.

        Why on demand: only a reported passage is named, so counting the pairs of
        every block up front cost more than the rest of the block's terms.
        """
        pairs: dict[tuple[str, str], int] = {}
        for sentence in self.sentences:
            previous: str | None = None
            for word in sentence.words:
                term = term_of(word)
                if term is not None and previous is not None:
                    pairs[(previous, term)] = pairs.get((previous, term), 0) + 1
                previous = term
        return MappingProxyType(pairs)


def block_terms(analysis: Analysis, heading_like: frozenset[int]) -> dict[int, BlockTerms]:
    """Terms of every prose block, keyed by block index.

    A term is a name when, inside sentences of running text, it is written
    capitalised (or as an acronym) more often than in lower case: "Beats" the
    brand, not "beat" the verb that an article also uses. Capitals in
    ``heading_like`` blocks (title case) say nothing either way.

    NOTE: this is the rule's only loop over every word, so it keeps to plain
    dicts (a ``Counter`` calls Python code for every new key) and takes each
    word's term from the per-process cache of :func:`_facts`.
    """
    counts: dict[int, dict[str, int]] = {}
    sentences: dict[int, list[Sentence]] = {}
    words: dict[int, int] = {}
    capitalised: dict[str, int] = {}
    lower: dict[str, int] = {}
    written: dict[str, str] = {}
    facts_of = _facts
    for sentence in analysis.sentences:
        b = sentence.block
        c = counts.setdefault(b, {})
        sentences.setdefault(b, []).append(sentence)
        words[b] = words.get(b, 0) + len(sentence.words)
        title_case = b in heading_like
        for position, word in enumerate(sentence.words):
            if word.is_stop or word.like_num:
                continue
            facts = facts_of(word.text, word.lemma, word.lower)
            term = facts[0]
            if term is None:
                continue
            c[term] = c.get(term, 0) + 1
            if title_case or (position == 0 and not facts[2]):
                continue
            if facts[1]:
                capitalised[term] = capitalised.get(term, 0) + 1
                written.setdefault(term, word.text)
            else:
                lower[term] = lower.get(term, 0) + 1
    names = frozenset(t for t, n in capitalised.items() if n > lower.get(t, 0))
    shown = MappingProxyType({t: written[t] for t in names})
    return {
        b: BlockTerms(
            b,
            words[b],
            MappingProxyType(c),
            frozenset(t for t in c if t in names),
            shown,
            tuple(sentences[b]),
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
