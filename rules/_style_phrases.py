"""Phrase lists matched on lemmas: the data behind CL505 filler-phrase.

A phrase list is data (``rules/data/style-filler.txt``), lemmatized with the
document's own pipeline so that inflections match ("delve" finds "delving").
All phrases go into one index keyed by their first lemma, and a sentence is
scanned once, left to right, trying the longest candidate first: linear in
the number of words, whatever the size of the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Word

DEFAULT_SUGGESTION = "cut it or say it plainly"


@dataclass(frozen=True, slots=True)
class Phrase:
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


@lru_cache(maxsize=None)
def bundled_phrases(name: str) -> tuple[Phrase, ...]:
    """A bundled list from ``rules/data/<name>`` (read once; immutable)."""
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(p for p in map(parse_phrase, text.splitlines()) if p is not None)


def key(lemma: str) -> str:
    """Matching key of a lemma: lower case, typographic apostrophes straightened."""
    return lemma.lower().replace("\u2019", "'")


class PhraseIndex:
    """Phrases keyed by lemma sequences; built per document, read-only afterwards."""

    def __init__(
        self,
        phrases: Iterable[Phrase],
        lemmatize: Callable[[str], tuple[str, ...]],
        disabled: Iterable[str] = (),
    ) -> None:
        off = {tuple(map(key, lemmatize(text))) for text in disabled}
        by_first: dict[str, list[tuple[tuple[str, ...], Phrase]]] = {}
        seen: set[tuple[str, ...]] = set()
        for phrase in phrases:
            keys = tuple(map(key, lemmatize(phrase.text)))
            # NOTE: the first entry for a lemma sequence wins, and config extras come first.
            if not keys or keys in seen or keys in off:
                continue
            seen.add(keys)
            by_first.setdefault(keys[0], []).append((keys, phrase))
        for candidates in by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first

    def __len__(self) -> int:
        return sum(map(len, self._by_first.values()))

    def find(self, words: Sequence[Word]) -> Iterator[tuple[int, int, Phrase]]:
        """Non-overlapping matches as ``(first word, one past last word, phrase)``."""
        keys = [key(w.lemma) for w in words]
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
