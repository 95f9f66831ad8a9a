"""CL501 readability: the article (and each section) against the audience's reading level."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.document import Span
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._style_targets import Miss, Target, misses, others, targets

_HARD = (
    "Ketamine infusions, a distinctive therapeutic modality for treatment-resistant depression, "
    "necessitate intravenous administration under the continuous supervision of appropriately "
    "credentialed healthcare professionals. The procedural protocol is meticulously managed to "
    "guarantee physiological safety and pharmacological efficacy throughout the therapeutic "
    "intervention. Comprehending the multidimensional considerations surrounding ketamine "
    "infusions is consequently indispensable for individuals contemplating this therapeutic "
    "alternative. Furthermore, the recommended duration and frequency of administration "
    "demonstrate considerable variability contingent upon individualized physiological "
    "responsiveness and the documented severity of depressive symptomatology. Typically, an "
    "initial sequence of administrations is recommended, and subsequent intervals are "
    "determined collaboratively by the supervising clinician. Prospective patients should "
    "consult appropriately qualified practitioners before commencing any such treatment."
)
_PLAIN = (
    "Ketamine is a drug that doctors give through a drip in the arm. It can help people with "
    "depression when other drugs have not worked. A nurse or a doctor stays with you the whole "
    "time. Most people get six doses over two or three weeks. After that, some people need one "
    "dose every few weeks to keep the good effect. Your doctor will check how you feel after "
    "each visit and change the plan if you need it. Ask about side effects before you start. "
    "Some people feel dizzy or sick for an hour or two. You should not drive home on the day "
    "of a dose, so bring a friend or take a taxi."
)


@dataclass(frozen=True, slots=True)
class Options:
    min_words: int = option(
        100,
        "Fewest words of running text a document or section needs to be scored; the formulas "
        "swing wildly on less.",
    )
    sections: bool = option(True, "Also check each top-level section on its own.")
    section_grade_margin: float = option(
        4.0,
        "A section is reported when a grade-level metric exceeds the audience's target by more "
        "than this many grades (half as many Dale-Chall points).",
    )
    section_ease_margin: float = option(
        20.0,
        "A section is also reported when its Flesch reading ease falls more than this many "
        "points below the target.",
    )


class Readability(Rule[Options]):
    meta = RuleMeta(
        code="CL501",
        slug="readability",
        summary=(
            "Checks Flesch reading ease and Flesch-Kincaid grade (plus optional Gunning Fog, SMOG "
            "and Dale-Chall targets) of the article and of each section against the audience."
        ),
        why=(
            "A consumer article that needs a college reading level loses most of its readers; "
            "health-literacy guidance asks for grade 6-8 in material for the public. The "
            "`audience` setting says who the text is for (general, professional, academic or "
            "custom targets); long sentences and long words are what push the scores up."
        ),
        bad=(_HARD,),
        good=(_PLAIN,),
        severity=Severity.WARNING,
        category=Category.READABILITY,
        needs=frozenset({Need.METRICS, Need.SENTENCES}),
        fix=(
            "Shorten sentences (15-20 words on average) and swap long words for everyday ones; "
            "the JSON output's metrics list every score, per section too."
        ),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        opts = ctx.options
        audience = ctx.audience
        checked = targets(audience, opts.section_grade_margin, opts.section_ease_margin)
        metrics = ctx.analysis.metrics
        who = f"the {audience.name} audience" if audience.name != "custom" else "the audience"
        if metrics.get("words", 0) >= opts.min_words:
            missed = list(misses(metrics, checked))
            if missed:
                yield Hit(
                    self._document_span(ctx),
                    f"the article is harder to read than {who} needs: {_listing(missed)}"
                    f"{_context(metrics, checked)}; use shorter sentences and plainer words",
                    fix=self.meta.fix,
                )
        if not opts.sections:
            return
        sections = ctx.analysis.sections
        if len(sections) < 2:
            return  # one section is the whole article, already judged above
        for section in sections:
            if section.words < opts.min_words:
                continue
            missed = list(misses(section.readability, checked, with_margin=True))
            if missed:
                name = f'section "{section.title}"' if section.title else "the introduction"
                yield Hit(
                    section.span,
                    f"{name} ({section.words} words) is much harder than {who} needs: "
                    f"{_listing(missed)}; split its long sentences and use plainer words",
                    fix=self.meta.fix,
                )

    @staticmethod
    def _document_span(ctx: RuleContext[Options]) -> Span:
        """The title when there is one (the finding is about the whole article), else its start."""
        doc = ctx.document
        if doc.title_block is not None:
            return doc.blocks[doc.title_block].span
        first = ctx.analysis.body_indices[0] if ctx.analysis.body_indices else None
        start = doc.blocks[first].span.start if first is not None else 0
        return Span(start, start)


def _listing(missed: list[Miss]) -> str:
    return ", ".join(m.target.describe(m.value) for m in missed)


def _context(metrics: Mapping[str, Any], checked: tuple[Target, ...]) -> str:
    rest = others(metrics, checked)
    return f" (also {rest})" if rest else ""
