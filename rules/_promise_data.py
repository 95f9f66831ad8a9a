"""Curated word lists of the promise family (CL301-CL303), loaded once from ``rules/data``.

The lists are data so an editor can extend them without reading the rules. Each
list becomes ONE compiled alternation (longest phrase first, words separated by
any whitespace), never a regex per phrase.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ._wordlist_match import trie_alternation


@cache
def lines(name: str) -> tuple[str, ...]:
    """Entries of ``rules/data/<name>``: one per line, blank lines and ``#`` comments skipped."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    stripped = (raw.strip() for raw in text.splitlines())
    return tuple(entry for entry in stripped if entry and not entry.startswith("#"))


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A non-capturing regex alternation of ``phrases``, longest first (so "delve into"
    wins over "delve"), each space matching any run of whitespace."""
    return trie_alternation(phrases)  # a prefix tree: same matches, far fewer attempts


@cache
def phrase_pattern(name: str) -> str:
    """The alternation of a whole data file."""
    return alternation(lines(name))


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(e.lower() for e in lines(name))


@cache
def units() -> dict[str, frozenset[str]]:
    """``promise-units.txt`` grouped by kind: {"time": {"day", "week", ...}, ...}."""
    grouped: dict[str, set[str]] = {}
    for entry in lines("promise-units.txt"):
        kind, _, word = entry.partition(" ")
        grouped.setdefault(kind, set()).add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in grouped.items()}
