"""The curated catalogues of the structure rules, loaded once from ``rules/data``.

A catalogue file is UTF-8 text with one entry per line; a line starting with
``#`` is a comment (as is anything after two spaces and ``#``), and ``[name]``
starts a section. Sections say *how* an entry may match (a whole
line, anywhere in a line, only near the edges of the body), so the knowledge
stays in data a non-programmer can extend and the code only says what each
section means. Everything returned here is immutable and cached per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType

from ._structure_lines import WORD, line_key, word_set


@cache
def sections(name: str) -> Mapping[str, tuple[str, ...]]:
    """Entries of ``rules/data/<name>`` by section (entries before any header are in "")."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.split("  #", 1)[0].strip()  # an inline comment needs two spaces before "#"
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(line)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


@cache
def keys(name: str, section: str) -> frozenset[str]:
    """The normalised keys (see :func:`line_key`) of one section, for whole-line lookups."""
    return frozenset(k for k in (line_key(e) for e in sections(name).get(section, ())) if k)


def phrase_regex(phrases: Iterable[str]) -> str | None:
    """ONE alternation (as source text) matching any phrase word by word.

    Case is for the caller to ignore; punctuation and spacing between words are ignored here.

    Each phrase becomes its words joined by ``[\\W_]+``; a run of non-word
    characters between two literal words cannot be matched two ways, so the
    pattern is linear. Longer phrases come first so the longest one wins.
    Compile it with ``re.IGNORECASE`` or embed it in ``(?i:...)``.
    """
    alternatives = sorted(
        {_words_pattern(p) for p in phrases if WORD.search(p)}, key=lambda s: (-len(s), s)
    )
    if not alternatives:
        return None
    return r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])"


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """:func:`phrase_regex`, compiled to ignore case."""
    source = phrase_regex(phrases)
    return re.compile(source, re.IGNORECASE) if source else None


def _words_pattern(phrase: str) -> str:
    words = WORD.findall(phrase.replace("\u2019", "'"))
    return r"[\W_]+".join(re.escape(w).replace("'", "['\u2019]") for w in words)


@cache
def section_pattern(name: str, section: str) -> re.Pattern[str] | None:
    return phrase_pattern(sections(name).get(section, ()))


class PhraseIndex:
    """The phrases of a catalogue section, indexed by one word each, to rule them out cheaply.

    Running an alternation of a hundred phrases over every paragraph costs far more
    than looking up a paragraph's words: a phrase can only occur in a text whose
    :func:`~._structure_lines.word_set` holds all of its words, so :meth:`present`
    narrows the phrases down (usually to none) and :meth:`pattern` compiles just
    those. Leaving out phrases that cannot match changes no match of the others.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        always: list[str] = []
        for phrase in phrases:
            if not WORD.search(phrase):
                continue  # phrase_regex() drops it too
            words = word_set(phrase)
            if not all(w.isascii() for w in words):
                always.append(phrase)  # NOTE: non-ASCII case folding is subtler than lower()
                continue
            rarest = max(words, key=lambda w: (len(w), w))  # the longest word is the rarest
            self._by_word.setdefault(rarest, []).append((phrase, words))
        self._always = frozenset(always)
        self._indexed = frozenset(self._by_word)

    def present(self, words: frozenset[str]) -> frozenset[str]:
        """The phrases that may occur in a text with these words; no other phrase can."""
        if self._indexed.isdisjoint(words):
            return self._always  # most texts: not one indexed word
        found = set(self._always)
        for word in self._indexed.intersection(words):
            found.update(p for p, needed in self._by_word[word] if needed <= words)
        return frozenset(found)

    @staticmethod
    def pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
        """:func:`phrase_pattern` of some phrases, compiled once per set of phrases."""
        return _subset_pattern(phrases)


@lru_cache(maxsize=512)
def _subset_pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    return phrase_pattern(phrases)


@cache
def section_index(name: str, section: str) -> PhraseIndex:
    """The :class:`PhraseIndex` of one section."""
    return PhraseIndex(sections(name).get(section, ()))
