"""Readability targets of an audience, and how far a text misses them (CL501).

Grade-like metrics (Flesch-Kincaid, Gunning Fog, SMOG) are harder when higher;
Flesch reading ease is harder when lower. Dale-Chall runs on a compressed scale
(one point is about two school grades), so its section margin is half the
grade margin.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from contentlint.config import Audience

#: (metrics key, label) of every readability metric, in report order.
LABELS: tuple[tuple[str, str], ...] = (
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning Fog"),
    ("smog_index", "SMOG"),
    ("dale_chall", "Dale-Chall"),
)


@dataclass(frozen=True, slots=True)
class Target:
    key: str
    label: str
    limit: float
    higher_is_harder: bool
    margin: float  # how far past the limit a section must be to count as "much harder"

    def excess(self, value: float) -> float:
        """How far ``value`` is past the limit, in the metric's units (<= 0: on target)."""
        return value - self.limit if self.higher_is_harder else self.limit - value

    def describe(self, value: float) -> str:
        sign = "<=" if self.higher_is_harder else ">="
        return f"{self.label} {value:.1f} (target {sign} {self.limit:g})"


@dataclass(frozen=True, slots=True)
class Miss:
    target: Target
    value: float


def targets(audience: Audience, grade_margin: float, ease_margin: float) -> tuple[Target, ...]:
    """The audience's targets; optional ones only when the config sets them."""
    labels = dict(LABELS)
    limits = (
        ("flesch_reading_ease", audience.min_reading_ease, False, ease_margin),
        ("flesch_kincaid_grade", audience.max_grade, True, grade_margin),
        ("gunning_fog", audience.max_gunning_fog, True, grade_margin),
        ("smog_index", audience.max_smog, True, grade_margin),
        ("dale_chall", audience.max_dale_chall, True, grade_margin / 2),
    )
    return tuple(
        Target(key, labels[key], limit, harder, margin)
        for key, limit, harder, margin in limits
        if limit is not None
    )


def misses(
    values: Mapping[str, float], targets: tuple[Target, ...], with_margin: bool = False
) -> Iterator[Miss]:
    """Targets the values miss (by more than each target's margin when ``with_margin``)."""
    for target in targets:
        value = values.get(target.key)
        if value is None:
            continue
        if target.excess(value) > (target.margin if with_margin else 0.0):
            yield Miss(target, value)


def others(values: Mapping[str, float], checked: tuple[Target, ...]) -> str:
    """The unchecked metrics, for context: "Gunning Fog 19.2, SMOG 16.6, Dale-Chall 13.2"."""
    keys = {t.key for t in checked}
    return ", ".join(
        f"{label} {values[key]:.1f}" for key, label in LABELS if key not in keys and key in values
    )
