"""The quality score: one number an editor can compare across articles.

``score = clamp(100 - 1000 * penalty / max(words, 300), 0, 100)``, rounded to
the nearest integer, where ``penalty`` adds 10 per error, 3 per warning and
1 per info finding. Normalising per 1,000 words keeps a long article from
being punished for its length; the 300-word floor keeps one finding in a
60-word stub from reading as a catastrophe. An article with no words (an
unreadable or empty file) has no score: there was nothing to judge.

The formula is deliberately simple so editors can recompute it by hand; the
report prints :data:`FORMULA_HTML` next to the scores and ``docs/html-report.md``
repeats it. Change all three together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from contentlint.document import Document
from contentlint.findings import Finding, Severity

WEIGHTS: Mapping[Severity, int] = {Severity.ERROR: 10, Severity.WARNING: 3, Severity.INFO: 1}
WORD_FLOOR = 300
PER_WORDS = 1000

FORMULA_HTML = (
    "<p><b>Quality score</b> = 100 − 1000 × <i>penalty</i> ÷ max(<i>words</i>, 300), "
    "clamped to 0–100 and rounded (halves up). <i>penalty</i> = 10 per error + 3 per warning + "
    "1 per info finding; <i>words</i> counts the article's body text. So five warnings "
    "per 1,000 words cost 15 points, and one error per 100 words brings the score to 0. "
    "Files with no text to judge (unreadable, empty) get no score.</p>"
)


def penalty(findings: Iterable[Finding]) -> int:
    return sum(WEIGHTS.get(f.severity, 0) for f in findings)


def word_count(metrics: Mapping[str, Any], document: Document | None) -> int:
    """Words of the body text: the analysis's own count, else the prose blocks'."""
    words = metrics.get("words")
    if isinstance(words, int) and not isinstance(words, bool) and words >= 0:
        return words
    if document is None:
        return 0
    return sum(len(block.text.split()) for block in document.prose_blocks)


def quality_score(findings: Iterable[Finding], words: int) -> int | None:
    """The score for an article of ``words`` words, or None when there is nothing to score."""
    if words <= 0:
        return None
    raw = 100 - PER_WORDS * penalty(findings) / max(words, WORD_FLOOR)
    return math.floor(min(100.0, max(0.0, raw)) + 0.5)  # halves round up, as by hand


def band(score: int | None) -> str:
    """A class for colouring: good (90+), fair (70-89), poor (below 70) or none."""
    if score is None:
        return "none"
    if score >= 90:
        return "good"
    return "fair" if score >= 70 else "poor"
