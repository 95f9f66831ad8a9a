"""Lexical evidence that a passage belongs to the rest of its article.

A passage belongs when the subject terms it uses are the article's own: terms
the other blocks use too, especially in several paragraphs or in the title and
headings, and especially terms general English rarely uses. A pasted-in
passage shares (almost) none of them and brings salient terms of its own that
nothing else in the article mentions. Every passage is judged against the
article *without* it (leave one out), so an intruder never vouches for itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ._topic_background import salience, zipf
from ._topic_terms import BlockTerms

#: A name ("Neumann", "NYAG") is specific even when the word is common ("Jobs", "Apple").
NAME_SALIENCE = 2.0
#: Salience below which a term is too common to name a subject in a message.
SUBJECT_SALIENCE = 0.8


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit the rule judges: one paragraph or quote, a run of list items, or a section."""

    blocks: tuple[int, ...]
    words: int
    kind: str  # "paragraph", "list" or "section"


@dataclass(frozen=True, slots=True)
class Evidence:
    """How a passage relates to the rest of the article (the features the score combines)."""

    passage: Passage
    shared: float  # salience of the passage's terms the rest also uses, weighted by their spread
    own: float  # salience of the passage's terms the rest never uses
    coverage: float  # shared / total salience
    affinity: float  # per word: how much better the article's term use explains the passage
    neighbours: float  # best cosine with the block before or after
    shared_terms: int  # how many salient terms the rest also uses
    name_share: float  # share of the passage's terms that are names (a credits line is all names)
    topic: float  # cosine with the rest's topic vector (salience x spread): the core subject
    heading_terms: float  # salience of the title's and headings' terms the passage uses
    own_top: float  # the strongest own term: salience x repetitions ("berberine" three times)
    own_terms: tuple[str, ...]  # the passage's own subject, most salient first


class ArticleTerms:
    """Term statistics of one article, with leave-one-out views for each passage."""

    def __init__(
        self,
        terms: Mapping[int, BlockTerms],
        headings: Iterable[int],
        order: Sequence[int],
        extra_topic: Iterable[str] = (),
    ) -> None:
        self.terms = terms
        self.headings = frozenset(headings)
        self.order = tuple(order)  # body blocks in reading order, for neighbours
        self._position = {b: k for k, b in enumerate(self.order)}
        self.df: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.heading_df: Counter[str] = Counter()
        names: set[str] = set()
        for b, bt in terms.items():
            self.df.update(bt.counts.keys())
            self.counts.update(bt.counts)
            if b in self.headings:
                self.heading_df.update(bt.counts.keys())
            else:
                names.update(bt.names)
        for term in extra_topic:  # the user's own topic terms count as a heading
            self.df[term] += 1
            self.heading_df[term] += 1
        self.names = frozenset(names)
        self.total = sum(self.counts.values())
        self._full_topic_norm = sum(
            self._topic_weight(t, n, self.heading_df[t] > 0) ** 2 for t, n in self.df.items()
        )
        self._written: dict[str, str] = {}
        for bt in terms.values():
            self._written.update(bt.shown)

    def shown(self, term: str) -> str:
        """How to show a term: names as the article writes them, other terms as lemmas."""
        return self._written.get(term, term) if term in self.names else term

    def salience(self, term: str) -> float:
        s = salience(term)
        return max(s, NAME_SALIENCE) if term in self.names else s

    def _passage_counts(self, passage: Passage) -> tuple[Counter[str], Counter[str], Counter[str]]:
        counts: Counter[str] = Counter()
        df: Counter[str] = Counter()
        heading_df: Counter[str] = Counter()
        for b in passage.blocks:
            bt = self.terms.get(b)
            if bt is None:
                continue
            counts.update(bt.counts)
            df.update(bt.counts.keys())
            if b in self.headings:
                heading_df.update(bt.counts.keys())
        return counts, df, heading_df

    def evidence(self, passage: Passage) -> Evidence:
        counts, df, heading_df = self._passage_counts(passage)
        rest_total = max(1, self.total - sum(counts.values()))
        shared = own = total = affinity = heading_terms = 0.0
        topic_dot = mine_norm = own_top = 0.0
        shared_terms = 0
        own_terms: list[tuple[float, str]] = []
        for term, count in counts.items():
            s = self.salience(term)
            rest_df = self.df[term] - df[term]
            if s > 0:
                total += s
                mine = s * (1.0 + math.log(count))
                mine_norm += mine * mine
                if rest_df > 0:
                    spread = min(1.0, math.log1p(rest_df) / math.log(4.0))
                    in_heading = self.heading_df[term] - heading_df[term] > 0
                    if in_heading:
                        spread += 0.5
                        heading_terms += s
                    shared += s * spread
                    topic_dot += mine * self._topic_weight(term, rest_df, in_heading)
                    shared_terms += s >= SUBJECT_SALIENCE
                else:
                    own += s * (1.0 + 0.5 * math.log(count))
                    own_top = max(own_top, s * count)
                    if s >= SUBJECT_SALIENCE:
                        own_terms.append((s * count, term))
            # NOTE: a language-model ratio: the rest's use of the term against general English
            # (content words are about 45% of running text, hence the division).
            background = 10 ** (zipf(term) - 9) / 0.45
            rest_rate = (self.counts[term] - count) / rest_total
            affinity += min(count, 2) * math.log(0.5 + 0.5 * rest_rate / background)
        words = max(1, passage.words)
        rest_norm = self._topic_norm(counts, df, heading_df)
        topic = topic_dot / math.sqrt(mine_norm * rest_norm) if mine_norm and rest_norm else 0.0
        name_count = sum(n for t, n in counts.items() if t in self.names)
        own_terms.sort(key=lambda x: (-x[0], x[1]))
        return Evidence(
            passage=passage,
            shared=shared,
            own=own,
            coverage=shared / total if total else 0.0,
            affinity=affinity / words,
            neighbours=self._neighbours(passage, counts),
            shared_terms=shared_terms,
            name_share=name_count / max(1, sum(counts.values())),
            topic=topic,
            heading_terms=heading_terms,
            own_top=own_top,
            own_terms=tuple(t for _, t in own_terms),
        )

    def _topic_weight(self, term: str, rest_df: int, in_heading: bool) -> float:
        return self.salience(term) * math.log1p(rest_df) * (2.0 if in_heading else 1.0)

    def _topic_norm(
        self, counts: Mapping[str, int], df: Mapping[str, int], heading_df: Mapping[str, int]
    ) -> float:
        """Squared norm of the topic vector of the article without the passage.

        NOTE: computed from the whole-article norm minus the passage's own
        terms, so judging every passage stays linear in the article's length.
        """
        norm = self._full_topic_norm
        for term in counts:
            rest_df = self.df[term] - df[term]
            full = self._topic_weight(term, self.df[term], self.heading_df[term] > 0)
            norm -= full * full
            if rest_df > 0:
                in_heading = self.heading_df[term] - heading_df[term] > 0
                w = self._topic_weight(term, rest_df, in_heading)
                norm += w * w
        return max(norm, 0.0)

    def _neighbours(self, passage: Passage, counts: Mapping[str, int]) -> float:
        positions = [self._position[b] for b in passage.blocks if b in self._position]
        if not positions:
            return 0.0
        mine = self._vector(counts)
        best = 0.0
        for k in (min(positions) - 1, max(positions) + 1):
            if 0 <= k < len(self.order):
                other = self.terms.get(self.order[k])
                if other is not None:
                    best = max(best, _cosine(mine, self._vector(other.counts)))
        return best

    def _vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        return {t: self.salience(t) for t in counts if self.salience(t) > 0}

    def passage_terms(self, passage: Passage) -> set[str]:
        return {t for b in passage.blocks if b in self.terms for t in self.terms[b].counts}

    def topic_terms(self, passage: Passage | None, limit: int = 2) -> list[str]:
        """The article's most salient subject terms, leaving ``passage`` out (if given)."""
        if passage is None:
            df: Counter[str] = Counter()
            heading_df: Counter[str] = Counter()
        else:
            _, df, heading_df = self._passage_counts(passage)
        ranked = []
        for term, n in self.df.items():
            rest = n - df[term]
            if rest <= 0:
                continue
            s = self.salience(term)
            if s < SUBJECT_SALIENCE:
                continue
            in_heading = self.heading_df[term] - heading_df[term]
            ranked.append((s * (rest + 2 * in_heading), term))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return [t for _, t in ranked[:limit]]


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def features(ev: Evidence) -> dict[str, float]:
    """The lexical inputs of the score, on scales a linear model handles."""
    return {
        "log_own": math.log1p(ev.own),
        "log_shared": math.log1p(ev.shared),
        "coverage": ev.coverage,
        "affinity": ev.affinity,
        "neighbours": ev.neighbours,
        "shared_terms": math.log1p(ev.shared_terms),
        "topic": ev.topic,
        "heading_terms": math.log1p(ev.heading_terms),
        "own_top": math.log1p(ev.own_top),
    }
