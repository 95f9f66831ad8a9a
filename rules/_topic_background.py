"""How common a lemma is in general English: the yardstick for a term's salience.

"ketamine" three times in an article says far more about its subject than
"said" thirty times; raw counts cannot tell them apart, a background frequency
can. The table is bundled (``data/topic-background.txt``, generated from
wordfreq by ``benchmarks/offtopic.py make-background``) so the rule stays
offline and loads in milliseconds without another dependency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

#: Zipf value assumed for lemmas missing from the table (they are rarer than its cutoff).
RARE_ZIPF = 2.2

#: Zipf value at and above which a word carries no subject matter ("said", "year", "people").
#: Salience is how far below this a lemma's frequency lies.
CEILING = 5.6


def background() -> Mapping[str, float]:
    """Lemma -> Zipf frequency (log10 occurrences per billion words)."""
    return MappingProxyType(_table())


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    """The table behind ``background``, loaded once per process (about 12 ms).

    NOTE: most of that is creating 55,833 strings and dict entries; building the
    dict in C (``dict(zip(...))`` over the split lines) saved under 1 ms of it,
    so the plain loop stays.
    """
    table: dict[str, float] = {}
    text = files(__package__).joinpath("data/topic-background.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        value, _, lemmas = line.partition("\t")
        zipf = float(value)
        for lemma in lemmas.split():
            table[lemma] = zipf
    return table


def zipf(lemma: str) -> float:
    return _table().get(lemma, RARE_ZIPF)


def salience(lemma: str) -> float:
    """0 for everyday words, up to about 3.4 for words general English hardly uses."""
    return max(0.0, CEILING - zipf(lemma))


def saliences(lemmas: Iterable[str]) -> dict[str, float]:
    """``salience`` of many lemmas at once: one dict lookup each, for an article's vocabulary."""
    table = _table()
    return {t: max(0.0, CEILING - table.get(t, RARE_ZIPF)) for t in lemmas}
