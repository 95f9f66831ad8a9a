"""Lexical evidence that a passage belongs to the rest of its article.

A passage belongs when the subject terms it uses are the article's own: terms
the other blocks use too, especially in several paragraphs or in the title and
headings, and especially terms general English rarely uses. A pasted-in
passage shares (almost) none of them and brings salient terms of its own that
nothing else in the article mentions. Every passage is judged against the
article *without* it (leave one out), so an intruder never vouches for itself.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import chain, repeat

from ._topic_background import RARE_ZIPF, background, salience, saliences
from ._topic_terms import BlockTerms

#: A name ("Neumann", "NYAG") is specific even when the word is common ("Jobs", "Apple").
NAME_SALIENCE = 2.0
#: Salience below which a term is too common to name a subject in a message.
SUBJECT_SALIENCE = 0.8
#: ``spread`` is log1p(other blocks using a term) / log(4): three other blocks make it 1.
_LOG4 = math.log(4.0)


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
    """Term statistics of one article, with leave-one-out views for each passage.

    NOTE on cost: everything that depends on a term alone (its salience, its
    background rate, its weight in the whole article's topic vector) or on a
    block alone (its salience vector) is computed once here, not once per
    passage that uses it; each passage is then judged in one pass over its own
    terms, against whole-article totals minus its own counts.
    """

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
        blocks = terms.values()
        heading_blocks = [bt for b, bt in terms.items() if b in self.headings]
        # NOTE: counted by Counter's C loop over whole iterables, not ``update`` per block,
        # which runs a Python loop for every mapping it adds (a third of this method's time).
        self.df: Counter[str] = Counter(chain.from_iterable(bt.counts for bt in blocks))
        self.counts: Counter[str] = Counter(chain.from_iterable(_elements(bt) for bt in blocks))
        self.heading_df: Counter[str] = Counter(
            chain.from_iterable(bt.counts for bt in heading_blocks)
        )
        names = {t for b, bt in terms.items() if b not in self.headings for t in bt.names}
        for term in sorted(extra_topic):  # the user's own topic terms count as a heading (sorted:
            # set order follows the hash seed, and float sums follow insertion order)
            self.df[term] += 1
            self.heading_df[term] += 1
        self.names = frozenset(names)
        self.total = sum(self.counts.values())
        self._prepare_term_tables()
        self._written: dict[str, str] = {}
        last: Mapping[str, str] | None = None
        for bt in terms.values():
            if bt.shown is not last:  # usually one mapping shared by every block
                self._written.update(bt.shown)
                last = bt.shown
        self._vectors: dict[int, Vector] = {}
        self._cosines: dict[tuple[int, int], float] = {}

    def _prepare_term_tables(self) -> None:
        """Per-term values every passage using the term reads, computed once per article."""
        self._salience = saliences(self.df)
        for term in self.names:
            self._salience[term] = max(self._salience[term], NAME_SALIENCE)
        self._rate = _background_rates(self.df)
        #: Each term's weight in the whole article's topic vector.
        self._full_weight = {
            t: self._topic_weight(t, n, self.heading_df.get(t, 0) > 0) for t, n in self.df.items()
        }
        self._full_topic_norm = sum(w**2 for w in self._full_weight.values())
        # log1p and spread of every possible number of blocks using a term
        self._log1p = [math.log1p(n) for n in range(max(self.df.values(), default=0) + 1)]
        self._spread = [min(1.0, v / _LOG4) for v in self._log1p]

    def shown(self, term: str) -> str:
        """How to show a term: names as the article writes them, other terms as lemmas."""
        return self._written.get(term, term) if term in self.names else term

    def salience(self, term: str) -> float:
        found = self._salience.get(term)
        return self._term_salience(term) if found is None else found

    def _term_salience(self, term: str) -> float:
        s = salience(term)
        return max(s, NAME_SALIENCE) if term in self.names else s

    def _passage_counts(
        self, passage: Passage
    ) -> tuple[Mapping[str, int], Mapping[str, int], Mapping[str, int]]:
        """The passage's term counts, and in how many of its blocks and headings each term is.

        Every term of the counts is a key of the second mapping; the third holds
        only terms that occur in the passage's headings.
        """
        if len(passage.blocks) == 1:  # a paragraph: its block's own counts, no copies
            bt = self.terms.get(passage.blocks[0])
            if bt is None:
                return {}, {}, {}
            ones = dict.fromkeys(bt.counts, 1)
            return bt.counts, ones, ones if bt.index in self.headings else {}
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
        size = sum(counts.values())
        rest_total = max(1, self.total - size)
        shared = own = total = affinity = heading_terms = 0.0
        topic_dot = mine_norm = own_top = 0.0
        # NOTE: the squared norm of the rest's topic vector, from the whole article's minus
        # this passage's terms, so judging every passage stays linear in the article's length.
        rest_norm = self._full_topic_norm
        shared_terms = name_count = 0
        own_terms: list[tuple[float, str]] = []
        saliences, full_df, full_heading_df = self._salience, self.df, self.heading_df
        full_weight, full_counts, rates = self._full_weight, self.counts, self._rate
        names, log, log1p_of, spread_of = self.names, math.log, self._log1p, self._spread
        for term, count in counts.items():
            s = saliences[term]
            rest_df = full_df[term] - df[term]
            if s > 0:
                total += s
                mine = s * (1.0 + log(count))
                mine_norm += mine * mine
                full = full_weight[term]
                rest_norm -= full * full
                if rest_df > 0:
                    spread = spread_of[rest_df]
                    in_heading = full_heading_df.get(term, 0) - heading_df.get(term, 0) > 0
                    if in_heading:
                        spread += 0.5
                        heading_terms += s
                    shared += s * spread
                    # the term's weight in the rest's topic vector (``_topic_weight``, inlined)
                    w = s * log1p_of[rest_df] * (2.0 if in_heading else 1.0)
                    rest_norm += w * w
                    topic_dot += mine * w
                    shared_terms += s >= SUBJECT_SALIENCE
                else:
                    own += s * (1.0 + 0.5 * log(count))
                    own_top = max(own_top, s * count)
                    if s >= SUBJECT_SALIENCE:
                        own_terms.append((-s * count, term))
            if term in names:
                name_count += count
            # NOTE: a language-model ratio: the rest's use of the term against general English.
            rest_rate = (full_counts[term] - count) / rest_total
            affinity += (2 if count > 1 else 1) * log(0.5 + 0.5 * rest_rate / rates[term])
        words = max(1, passage.words)
        rest_norm = max(rest_norm, 0.0)
        topic = topic_dot / math.sqrt(mine_norm * rest_norm) if mine_norm and rest_norm else 0.0
        own_terms.sort()  # strongest first, ties by name
        return Evidence(
            passage=passage,
            shared=shared,
            own=own,
            coverage=shared / total if total else 0.0,
            affinity=affinity / words,
            neighbours=self._neighbours(passage, counts),
            shared_terms=shared_terms,
            name_share=name_count / max(1, size),
            topic=topic,
            heading_terms=heading_terms,
            own_top=own_top,
            own_terms=tuple(t for _, t in own_terms),
        )

    def _topic_weight(self, term: str, rest_df: int, in_heading: bool) -> float:
        return self._salience[term] * math.log1p(rest_df) * (2.0 if in_heading else 1.0)

    def _neighbours(self, passage: Passage, counts: Mapping[str, int]) -> float:
        """The best cosine of the passage with the block before it or the block after it."""
        positions = [self._position[b] for b in passage.blocks if b in self._position]
        if not positions:
            return 0.0
        around = (min(positions) - 1, max(positions) + 1)
        others = [self.order[k] for k in around if 0 <= k < len(self.order)]
        others = [b for b in others if b in self.terms]
        if len(passage.blocks) == 1:
            cosines = [self._block_cosine(passage.blocks[0], b) for b in others]
        else:
            mine = _with_norm(self._vector(counts))
            cosines = [_cosine(mine, self._block_vector(b)) for b in others]
        return max([0.0, *cosines])

    def _block_cosine(self, a: int, b: int) -> float:
        """``_cosine`` of two blocks, cached: two neighbouring paragraphs share their pair.

        The key is the order ``_cosine`` sums in (the shorter vector first, else
        the order of the call), so a cached value is the very float a fresh call
        would give.
        """
        if len(self._block_vector(a)[0]) > len(self._block_vector(b)[0]):
            a, b = b, a
        found = self._cosines.get((a, b))
        if found is None:
            found = self._cosines[(a, b)] = _cosine(self._block_vector(a), self._block_vector(b))
        return found

    def _block_vector(self, b: int) -> Vector:
        """A block's salience vector and its norm, built once: each is a neighbour twice."""
        found = self._vectors.get(b)
        if found is None:
            found = self._vectors[b] = _with_norm(self._vector(self.terms[b].counts))
        return found

    def _vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        saliences = self._salience
        return {t: saliences[t] for t in counts if saliences[t] > 0}

    def mentions(self, passage: Passage, terms: AbstractSet[str]) -> bool:
        """Does the passage use any of ``terms``?"""
        return any(
            not terms.isdisjoint(self.terms[b].counts) for b in passage.blocks if b in self.terms
        )

    def topic_terms(self, passage: Passage | None, limit: int = 2) -> list[str]:
        """The article's most salient subject terms, leaving ``passage`` out (if given)."""
        df: Mapping[str, int] = {}
        heading_df: Mapping[str, int] = {}
        if passage is not None:
            _, df, heading_df = self._passage_counts(passage)
        ranked = []
        saliences = self._salience
        for term, n in self.df.items():
            rest = n - df.get(term, 0)
            if rest <= 0:
                continue
            s = saliences[term]
            if s < SUBJECT_SALIENCE:
                continue
            in_heading = self.heading_df[term] - heading_df.get(term, 0)
            ranked.append((-s * (rest + 2 * in_heading), term))
        return [t for _, t in heapq.nsmallest(limit, ranked)]  # highest first, ties by name


def _elements(bt: BlockTerms) -> Iterator[str]:
    """Every term of the block as often as it occurs (like ``Counter.elements``, in C)."""
    return chain.from_iterable(map(repeat, bt.counts.keys(), bt.counts.values()))


#: A salience vector and its Euclidean norm.
Vector = tuple[dict[str, float], float]


def _with_norm(vector: dict[str, float]) -> Vector:
    """The vector with its norm, so a block's norm is computed once, not per cosine."""
    return vector, math.sqrt(sum(v * v for v in vector.values()))


def _background_rates(terms: Iterable[str]) -> dict[str, float]:
    """How often general English uses each term, per content word (content words are about
    45% of running text, hence the division)."""
    table = background()
    return {t: 10 ** (table.get(t, RARE_ZIPF) - 9) / 0.45 for t in terms}


def _cosine(a: Vector, b: Vector) -> float:
    if not a[0] or not b[0]:
        return 0.0
    if len(a[0]) > len(b[0]):
        a, b = b, a
    (small, na), (large, nb) = a, b
    dot = sum(v * large.get(t, 0.0) for t, v in small.items())
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
