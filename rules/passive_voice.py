"""CL504 passive-voice: sentences in the passive, in articles that lean on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

if TYPE_CHECKING:
    from contentlint.analysis import Passive

_BAD = (
    "Side effects will be discussed in this section. The dose is decided by your doctor. "
    "Patients are monitored during the infusion, and a follow-up visit is arranged."
)
_GOOD = (
    "This section explains the side effects. Your doctor decides the dose. A nurse watches "
    "you during the infusion, and the clinic books a follow-up visit."
)


@dataclass(frozen=True, slots=True)
class Options:
    max_share: float = option(
        0.25,
        "Report passive sentences only when more than this share of the article's sentences "
        "is passive (0 reports every one); the share is always in the metrics.",
    )
    min_passive_sentences: int = option(
        3,
        "Fewest passive sentences before the share is judged: in a short text one or two "
        "passives make a large share but say little.",
    )


class PassiveVoice(Rule[Options]):
    meta = RuleMeta(
        code="CL504",
        slug="passive-voice",
        summary="Flags passive sentences when too much of the article is in the passive voice.",
        why=(
            'Passive sentences ("the dose is decided", "side effects will be discussed") hide '
            "who acts and read slower than active ones. A few are fine, for example when the "
            "actor is unknown; a text that leans on them sounds evasive and bureaucratic. The "
            "metrics report `passive_share`, the share of sentences with a passive verb."
        ),
        bad=(_BAD,),
        good=(_GOOD,),
        severity=Severity.INFO,
        category=Category.STYLE,
        needs=frozenset({Need.SENTENCES}),
        fix='Name who acts and make them the subject: "your doctor decides the dose".',
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        analysis = ctx.analysis
        share = analysis.passive_share
        groups = [list(g) for _, g in groupby(analysis.passives, key=_sentence_key)]
        if share is None or share <= ctx.options.max_share:
            return
        if len(groups) < ctx.options.min_passive_sentences:
            return
        percent = f"{share:.0%} of sentences are passive; limit {ctx.options.max_share:.0%}"
        for first, *rest in groups:
            text = ctx.document.blocks[first.sentence.block].text
            excerpt = text[first.auxiliary.start : first.participle.end]
            plural = "s" if len(rest) > 1 else ""
            more = f" and {len(rest)} more passive verb{plural}" if rest else ""
            agent = (
                "make the agent after \"by\" the subject"
                if first.by_agent
                else "say who does it and make them the subject"
            )
            yield Hit(
                first.span,
                f'passive voice "{excerpt}"{more}; {agent} ({percent})',
                fix=self.meta.fix,
                related=tuple((p.span, "also passive") for p in rest),
            )


def _sentence_key(passive: Passive) -> tuple[int, int]:
    return passive.sentence.block, passive.sentence.start
