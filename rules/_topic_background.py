"""How common a lemma is in general English: the yardstick for a term's salience.

"ketamine" three times in an article says far more about its subject than
"said" thirty times; raw counts cannot tell them apart, a background frequency
can. The table is bundled (``data/topic-background.txt``, generated from
wordfreq by ``benchmarks/offtopic.py make-background``) so the rule stays
offline and loads in milliseconds without another dependency.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

#: Zipf value assumed for lemmas missing from the table (they are rarer than its cutoff).
RARE_ZIPF = 2.2

#: Zipf value at and above which a word carries no subject matter ("said", "year", "people").
#: Salience is how far below this a lemma's frequency lies.
CEILING = 5.6


@lru_cache(maxsize=1)
def background() -> Mapping[str, float]:
    """Lemma -> Zipf frequency (log10 occurrences per billion words)."""
    table: dict[str, float] = {}
    text = files(__package__).joinpath("data/topic-background.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        value, _, lemmas = line.partition("\t")
        zipf = float(value)
        for lemma in lemmas.split():
            table[lemma] = zipf
    return MappingProxyType(table)


def zipf(lemma: str) -> float:
    return background().get(lemma, RARE_ZIPF)


def salience(lemma: str) -> float:
    """0 for everyday words, up to about 3.4 for words general English hardly uses."""
    return max(0.0, CEILING - zipf(lemma))
