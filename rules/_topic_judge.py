"""From evidence to verdicts: score every passage, then decide which ones to report.

The score is a logistic model over the evidence features (lexical, plus
semantic ones with that backend). Its weights were fitted on the development
split of ``benchmarks/offtopic.py`` (``python benchmarks/offtopic.py fit``) and
never on the held-out split. A score above 0 is the default decision point;
``sensitivity`` moves it.

Three article-level guards keep legitimate writing quiet:

* fewer than ``MIN_PASSAGES`` passages: there is too little article to know its topic;
* a passage made mostly of names (a credits line, a list of contributors) is not prose
  about a subject;
* a round-up (a "10 things in tech" digest, an interview that jumps between themes)
  has many passages that look unrelated; when more than twice the allowed number
  look off-topic, the article has no single topic and nothing is reported.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ._topic_lexical import ArticleTerms, Evidence, Passage, features

#: Fewest judged passages an article needs before any is called off-topic.
MIN_PASSAGES = 3
#: A passage whose terms are more than this share names is a credits line, not prose.
MAX_NAME_SHARE = 0.8
#: At most this share of an article's passages (and at least one) are reported.
MAX_REPORTED_SHARE = 0.25
#: With more than this many times the allowed number over the line, the article is a round-up.
ROUNDUP_FACTOR = 2
#: How much more clearly than a paragraph a whole section must look off-topic.
SECTION_MARGIN = 1.0
#: How far ``sensitivity`` 0 or 1 moves the decision point from the default (0.5).
SENSITIVITY_RANGE = 4.0

# Weights fitted on the dev split (see module docstring); features are those of
# ``features()`` plus the ``*_rel`` differences to the article's median passage.
LEXICAL_WEIGHTS: Mapping[str, float] = {
    "bias": -2.12,
    "log_own": 0.08,
    "log_shared": -2.25,
    "coverage": -0.89,
    "affinity": -5.73,
    "neighbours": -0.15,
    "shared_terms": 0.55,
    "coverage_rel": -2.32,
    "affinity_rel": -1.20,
    "topic": -0.40,
    "topic_rel": 0.05,
    "heading_terms": -1.82,
    "own_top": 1.06,
}
LEXICAL_THRESHOLD = 0.75

SEMANTIC_WEIGHTS: Mapping[str, float] = {
    "bias": 0.7,
    "log_own": 0.86,
    "log_shared": -1.53,
    "coverage": -0.66,
    "affinity": -2.85,
    "neighbours": 0.13,
    "shared_terms": -0.21,
    "sem_rest": -3.98,
    "sem_title": -3.35,
    "sem_neighbours": -1.9,
    "sem_best": -3.25,
    "sem_rest_rel": -2.61,
}
SEMANTIC_THRESHOLD = 0.0

#: How many of the article's top terms make up its core subject.
CORE_TERMS = 3
#: The subject-swap test (see ``subject_swap``), tuned on the dev split.
SWAP_MIN_PASSAGES = 5
SWAP_COHESION = 0.8
SWAP_OWN_SUBJECT = math.log1p(4.0)  # e.g. a word of salience 2 used twice
SWAP_TOPIC_GAP = -0.15
SWAP_SCORE = 0.01

RELATIVE = ("coverage", "affinity", "topic", "sem_rest")


@dataclass(frozen=True, slots=True)
class Verdict:
    evidence: Evidence
    score: float  # above 0: off-topic at the chosen sensitivity


def feature_rows(
    article: ArticleTerms,
    passages: Sequence[Passage],
    semantic: Sequence[Mapping[str, float]] | None = None,
    reference: int | None = None,
) -> list[tuple[Evidence, dict[str, float]]]:
    """Evidence and features of every passage.

    The ``*_rel`` features compare a passage with the median of the other
    passages among the first ``reference`` ones (the block passages; sections
    are judged against them too): a loosely knit article lowers the bar for all.
    """
    rows = []
    for k, passage in enumerate(passages):
        evidence = article.evidence(passage)
        row = features(evidence)
        if semantic is not None:
            row.update(semantic[k])
        rows.append((evidence, row))
    n = len(rows) if reference is None else reference
    _core_features(article, rows, n)
    for name in RELATIVE:
        values = [row.get(name) for _, row in rows[:n]]
        for k, (_, row) in enumerate(rows):
            if name not in row:
                continue
            others = [v for j, v in enumerate(values) if j != k and v is not None]
            row[f"{name}_rel"] = row[name] - (statistics.median(others) if others else 0.0)
    return rows


def _core_features(
    article: ArticleTerms, rows: Sequence[tuple[Evidence, dict[str, float]]], n: int
) -> None:
    """Does a passage mention the article's core subject, which the other passages keep to?

    The core is the article's few most salient, most widespread terms
    ("ketamine", "depression"). In an article whose other passages nearly all
    mention it, a passage that never does stands out however many everyday
    words it shares with them.
    """
    core = set(article.topic_terms(None, CORE_TERMS))
    hits = [bool(core.intersection(article.passage_terms(ev.passage))) for ev, _ in rows]
    with_core = sum(hits[:n])
    for k, (_, row) in enumerate(rows):
        others = n - (1 if k < n else 0)
        mine = hits[k]
        share = (with_core - (mine if k < n else 0)) / others if others > 0 else 0.0
        row["core_hit"] = float(mine)
        row["cohesion"] = share
        row["core_missing"] = share * (0.0 if mine else 1.0)


def score(row: Mapping[str, float], weights: Mapping[str, float]) -> float:
    return weights["bias"] + sum(w * row.get(name, 0.0) for name, w in weights.items() if name != "bias")


def _line(semantic: bool, sensitivity: float) -> float:
    base = SEMANTIC_THRESHOLD if semantic else LEXICAL_THRESHOLD
    return base + SENSITIVITY_RANGE * (0.5 - sensitivity)


def subject_swap(row: Mapping[str, float], passages: int) -> bool:
    """The plain-words test: the article keeps to its core subject, this passage has another.

    Nearly every other passage mentions the core terms, this one mentions none,
    repeats a salient subject of its own that nothing else mentions, and its
    term profile is far from the article's. This is what a reader notices in
    an SEO article whose generic wording ("potential benefits", "individuals
    seeking") is shared by every paragraph, pasted one included, so the
    weighted evidence alone is fooled by the common register.
    """
    return (
        passages >= SWAP_MIN_PASSAGES
        and row["cohesion"] >= SWAP_COHESION
        and not row["core_hit"]
        and row["own_top"] >= SWAP_OWN_SUBJECT
        and row["topic_rel"] <= SWAP_TOPIC_GAP
    )


def _over(
    rows: Sequence[tuple[Evidence, Mapping[str, float]]], semantic: bool, line: float
) -> list[Verdict]:
    weights = SEMANTIC_WEIGHTS if semantic else LEXICAL_WEIGHTS
    scored = []
    for ev, row in rows:
        if ev.name_share > MAX_NAME_SHARE or not ev.own_terms:
            continue
        value = score(row, weights) - line
        if value <= 0 and subject_swap(row, len(rows)):
            value = SWAP_SCORE
        scored.append(Verdict(ev, value))
    return sorted((v for v in scored if v.score > 0), key=lambda v: -v.score)


def verdicts(
    rows: Sequence[tuple[Evidence, Mapping[str, float]]],
    semantic: bool,
    sensitivity: float,
) -> list[Verdict]:
    """The block passages to report, most clearly off-topic first."""
    if len(rows) < MIN_PASSAGES:
        return []
    over = _over(rows, semantic, _line(semantic, sensitivity))
    allowed = max(1, math.floor(MAX_REPORTED_SHARE * len(rows)))
    if len(over) > ROUNDUP_FACTOR * allowed:
        return []
    return over[:allowed]


def section_verdicts(
    rows: Sequence[tuple[Evidence, Mapping[str, float]]],
    semantic: bool,
    sensitivity: float,
) -> list[Verdict]:
    """At most one whole section, and only when it clears the line by ``SECTION_MARGIN``.

    Sections are fewer and longer than paragraphs and the weights were fitted
    on paragraphs, so a section must be clearly foreign; two foreign-looking
    sections mean the article is a collection of topics, and none is reported.
    """
    over = _over(rows, semantic, _line(semantic, sensitivity) + SECTION_MARGIN)
    return over if len(over) == 1 else []
