"""ACM001 click-here-link: link text that says nothing about its target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint import Category, Hit, Rule, RuleContext, RuleMeta, Severity, option


@dataclass(frozen=True, slots=True)
class Options:
    phrases: tuple[str, ...] = option(
        ("click here", "here", "this link", "read more"), "Link texts that say nothing."
    )


class ClickHereLink(Rule[Options]):
    meta = RuleMeta(
        code="ACM001",
        slug="click-here-link",
        summary="Flags links whose text says nothing about where they go.",
        why="Readers scan links; screen readers list them out of context. "
        "'Click here' tells neither where the link leads.",
        bad=("The full report is [here](https://example.com/report).",),
        good=("Read the [2025 water-quality report](https://example.com/report).",),
        severity=Severity.WARNING,
        category=Category.CUSTOM,
        languages=frozenset({"en"}),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        vague = {p.lower() for p in ctx.options.phrases}
        for link in ctx.document.links:
            text = re.sub(r"\s+", " ", link.text).strip().lower()
            if text in vague:
                yield Hit(
                    link.span,
                    f"link text {link.text!r} does not say where it goes; "
                    "describe the target instead",
                )
