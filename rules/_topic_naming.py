"""Naming what an off-topic passage is about, for the message.

The passage's own subject is its salient terms that the rest of the article
never uses, repeated ones first. A two-word term repeated in the passage
("weight loss") names a subject better than either word, even when both words
are common on their own, so repeated pairs of unshared words compete too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ._topic_lexical import SUBJECT_SALIENCE, ArticleTerms, Evidence, Passage
from ._topic_terms import BlockTerms

#: A repeated word pair weighs this much more than its words' salience alone.
PAIR_BONUS = 2.0
#: A topic term is shown with its partner when the pair is at least this share of its uses.
COLLOCATION_SHARE = 0.5


def passage_subject(
    article: ArticleTerms, evidence: Evidence, blocks: Sequence[BlockTerms], limit: int = 2
) -> str:
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for bt in blocks:
        counts.update(bt.counts)
        pairs.update(bt.pairs)

    def unshared(term: str) -> bool:
        return article.df[term] <= sum(1 for bt in blocks if term in bt.counts)

    candidates: list[tuple[float, str, tuple[str, ...]]] = [
        (article.salience(t) * counts[t], article.shown(t), (t,)) for t in evidence.own_terms
    ]
    for (a, b), n in pairs.items():
        if n < 2 or a == b or not (unshared(a) and unshared(b)):
            continue
        weight = article.salience(a) + article.salience(b)
        if weight >= SUBJECT_SALIENCE:
            shown = f"{article.shown(a)} {article.shown(b)}"
            candidates.append((PAIR_BONUS * weight * n, shown, (a, b)))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    chosen: list[str] = []
    used: set[str] = set()
    for _, shown, words in candidates:
        if used.intersection(words):
            continue
        chosen.append(shown)
        used.update(words)
        if len(chosen) == limit:
            break
    return ", ".join(chosen) if chosen else "another subject"


def article_subject(article: ArticleTerms, passage: Passage, limit: int = 2) -> str:
    """The article's top subject terms without ``passage``; a term shows with its usual partner
    ("heat pump") when that pair makes up at least half of the term's uses."""
    inside = set(passage.blocks)
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for b, bt in article.terms.items():
        if b not in inside:
            counts.update(bt.counts)
            pairs.update(bt.pairs)
    partner: dict[str, tuple[int, tuple[str, str]]] = {}
    for (a, b), n in pairs.items():
        if n < 2 or a == b:
            continue
        for term in (a, b):
            if n > partner.get(term, (0, ("", "")))[0]:
                partner[term] = (n, (a, b))
    shown: list[str] = []
    for term in article.topic_terms(passage, limit + 2):
        n, pair = partner.get(term, (0, ("", "")))
        text = article.shown(term)
        if n >= COLLOCATION_SHARE * counts[term]:
            text = f"{article.shown(pair[0])} {article.shown(pair[1])}"
        if text not in shown and not any(text in other or other in text for other in shown):
            shown.append(text)
        if len(shown) == limit:
            break
    return ", ".join(shown)
