"""select/ignore semantics: the most specific selector wins (tested as tables)."""

from __future__ import annotations

import pytest

from contentlint.findings import Severity
from contentlint.rule import Category, RuleMeta
from contentlint.selection import is_enabled, severity_for, unknown_selectors

META = RuleMeta(
    "CL502", "long-sentence", "s", "w", ("b",), ("g",), Severity.INFO, Category.READABILITY
)


@pytest.mark.parametrize(
    ("select", "ignore", "enabled"),
    [
        (None, (), True),
        (None, ("CL5",), False),
        (None, ("long-sentence",), False),
        (None, ("readability",), False),
        (("CL5",), ("CL502",), False),
        (("CL502",), ("CL5",), True),
        (("long-sentence",), ("CL",), True),
        (("CL1",), (), False),
        (("ALL",), ("CL50",), False),
        (("CL50",), ("CL5",), True),
        (("readability",), ("ALL",), True),
        (("CL5",), ("CL5",), False),  # a tie goes to ignore
        (("cl502",), (), True),  # codes are case-insensitive
    ],
)
def test_is_enabled(select, ignore, enabled) -> None:  # type: ignore[no-untyped-def]
    assert is_enabled(META, select, ignore) is enabled


def test_extend_select_adds_to_select() -> None:
    assert is_enabled(META, ("CL1",), (), ("long-sentence",))


def test_severity_override_most_specific_wins() -> None:
    assert severity_for(META, {}) is Severity.INFO
    assert severity_for(META, {"CL5": Severity.WARNING}) is Severity.WARNING
    assert severity_for(META, {"CL5": Severity.WARNING, "long-sentence": Severity.ERROR}) is Severity.ERROR


def test_unknown_selectors_are_reported() -> None:
    assert unknown_selectors(["CL5", "long-sentense", "XX9"], [META]) == ["long-sentense", "XX9"]
