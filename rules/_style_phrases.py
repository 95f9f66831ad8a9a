"""Phrase lists matched on lemmas: the data behind CL505 filler-phrase.

A phrase list is data (``rules/data/style-filler.txt``), lemmatized with the
document's own pipeline so that inflections match ("delve" finds "delving").
All phrases go into one index keyed by their first lemma, and a sentence is
scanned once, left to right, trying the longest candidate first: linear in
the number of words, whatever the size of the list.

A whole document is matched at once (:meth:`PhraseIndex.find_all`): its
lemma keys are joined into one string, each preceded by ``_WORD`` and each
sentence closed by ``_END``, and the phrases become one prefix-tree pattern
over that string, so ``re`` does the scanning instead of a loop per word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ._wordlist_match import token_trie

if TYPE_CHECKING:
    from contentlint.analysis import Sentence, Word

DEFAULT_SUGGESTION = "cut it or say it plainly"


class Phrase(NamedTuple):
    """A listed phrase and what to say instead.

    NOTE: a named tuple, not a dataclass: phrase lists key a cache per document,
    and a tuple hashes in C.
    """

    text: str
    suggestion: str


def parse_phrase(line: str) -> Phrase | None:
    """``phrase | suggestion`` (the suggestion is optional); None for blanks and comments."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    text, _, suggestion = line.partition("|")
    text = " ".join(text.split())
    if not text:
        return None
    return Phrase(text, suggestion.strip() or DEFAULT_SUGGESTION)


@cache
def bundled_phrases(name: str) -> tuple[Phrase, ...]:
    """A bundled list from ``rules/data/<name>`` (read once; immutable)."""
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(p for p in map(parse_phrase, text.splitlines()) if p is not None)


def key(lemma: str) -> str:
    """Matching key of a lemma: lower case, typographic apostrophes straightened."""
    return lemma.lower().replace("\u2019", "'")


#: Joins a sentence's lemmas so that one ``lower()`` call keys them all (see _keys).
_SEP = "\x1f"
#: In a document's key string: before each word's key, and the key that ends a sentence.
_WORD = _SEP
_END = "\x1e"
_ByFirst = dict[str, list[tuple[tuple[str, ...], Phrase]]]
_LEMMA = attrgetter("lemma")


@dataclass(frozen=True)
class _Index:
    """The phrases by first key (for one sentence), and as one pattern (for a document)."""

    by_first: _ByFirst
    by_keys: dict[tuple[str, ...], Phrase]
    #: None when some key holds _WORD or _END: find_all falls back to find
    pattern: re.Pattern[str] | None


class PhraseIndex:
    """Phrases keyed by lemma sequences; built per document, read-only afterwards.

    NOTE: the lemmas are looked up per document (they depend on the pipeline),
    but the index built from them is cached: the same list and lemmas give the
    same index, and building it cost more than matching a whole article.
    """

    def __init__(
        self,
        phrases: Iterable[Phrase],
        lemmatize: Callable[[str], tuple[str, ...]],
        disabled: Iterable[str] = (),
    ) -> None:
        phrases = tuple(phrases)
        lemmas = tuple(map(lemmatize, [phrase.text for phrase in phrases]))
        off = frozenset(map(lemmatize, disabled))
        self._index = _build(phrases, lemmas, off)
        self._by_first = self._index.by_first

    def __len__(self) -> int:
        return sum(map(len, self._by_first.values()))

    def find_all(
        self, sentences: Sequence[Sentence]
    ) -> Iterator[tuple[Sentence, int, int, Phrase]]:
        """What :meth:`find` finds in each sentence, as ``(sentence, first word, one past
        last word, phrase)``, with one pattern scan for the whole document."""
        text, firsts = _key_text(sentences)
        pattern = self._index.pattern
        if text is None or pattern is None:
            for sentence in sentences:
                for start, end, phrase in self.find(sentence.words):
                    yield sentence, start, end, phrase
            return
        for m in pattern.finditer(text):
            token = text.count(_WORD, 0, m.start())  # matches are rare: count, don't index
            i = bisect_right(firsts, token) - 1
            keys = tuple(m.group()[len(_WORD) :].split(_WORD))
            start = token - firsts[i]
            yield sentences[i], start, start + len(keys), self._index.by_keys[keys]

    def find(self, words: Sequence[Word]) -> Iterator[tuple[int, int, Phrase]]:
        """Non-overlapping matches as ``(first word, one past last word, phrase)``."""
        keys = _keys(words)
        if self._by_first.keys().isdisjoint(keys):
            return  # NOTE: most sentences hold no phrase's first word
        i = 0
        while i < len(keys):
            for phrase_keys, phrase in self._by_first.get(keys[i], ()):
                end = i + len(phrase_keys)
                if tuple(keys[i:end]) == phrase_keys:
                    yield i, end, phrase
                    i = end
                    break
            else:
                i += 1


@lru_cache(maxsize=16)
def _build(
    phrases: tuple[Phrase, ...],
    lemmas: tuple[tuple[str, ...], ...],
    off_lemmas: frozenset[tuple[str, ...]],
) -> _Index:
    """The index (read-only, shared by every document with the same lists and lemmas)."""
    by_first = _by_first(phrases, lemmas, off_lemmas)
    by_keys = {keys: phrase for candidates in by_first.values() for keys, phrase in candidates}
    return _Index(by_first, by_keys, _key_pattern(by_keys))


def _key_pattern(by_keys: dict[tuple[str, ...], Phrase]) -> re.Pattern[str] | None:
    """All phrases over a document's key string, longest first, each ending at a word end."""
    if any(_WORD in k or _END in k for keys in by_keys for k in keys):
        return None
    tree = token_trie(
        [token for k in keys for token in (re.escape(_WORD), *map(re.escape, k))]
        for keys in by_keys
    )
    return None if tree is None else re.compile(tree + "(?=" + re.escape(_WORD) + ")")


def _key_text(sentences: Sequence[Sentence]) -> tuple[str | None, list[int]]:
    """The document's key string, and the index of each sentence's first token in it
    (tokens: one per word, and the ``_END`` of each sentence). None if a lemma holds a
    separator."""
    parts: list[str] = []
    firsts: list[int] = []
    tokens = 0
    for sentence in sentences:
        firsts.append(tokens)
        words = sentence.words
        if words:
            parts.append(_WORD + _WORD.join(map(_LEMMA, words)))
        parts.append(_WORD + _END)
        tokens += len(words) + 1
    text = "".join(parts).lower().replace("\u2019", "'")  # key() of every lemma at once
    if text.count(_WORD) != tokens or text.count(_END) != len(sentences):
        return None, firsts
    return text, firsts


def _by_first(
    phrases: tuple[Phrase, ...],
    lemmas: tuple[tuple[str, ...], ...],
    off_lemmas: frozenset[tuple[str, ...]],
) -> _ByFirst:
    """Phrases by their first key, longest first."""
    off = {tuple(map(key, lemma)) for lemma in off_lemmas}
    by_first: _ByFirst = {}
    seen: set[tuple[str, ...]] = set()
    for phrase, lemma in zip(phrases, lemmas, strict=True):
        keys = tuple(map(key, lemma))
        # NOTE: the first entry for a lemma sequence wins, and config extras come first.
        if not keys or keys in seen or keys in off:
            continue
        seen.add(keys)
        by_first.setdefault(keys[0], []).append((keys, phrase))
    for candidates in by_first.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return by_first


def _keys(words: Sequence[Word]) -> list[str]:
    """``key`` of every word's lemma, with one ``lower()`` for the whole sentence."""
    joined = _SEP.join([w.lemma for w in words])
    keys = joined.lower().replace("\u2019", "'").split(_SEP)
    if len(keys) != len(words):  # a lemma holding the separator: key them one by one
        return [key(w.lemma) for w in words]
    return keys
