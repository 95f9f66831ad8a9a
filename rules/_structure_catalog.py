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
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

from ._structure_lines import WORD, line_key


@lru_cache(maxsize=None)
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


@lru_cache(maxsize=None)
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


@lru_cache(maxsize=None)
def section_pattern(name: str, section: str) -> re.Pattern[str] | None:
    return phrase_pattern(sections(name).get(section, ()))
