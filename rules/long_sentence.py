"""CL502 long-sentence: sentences with more words than readers can hold at once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.document import Span
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._style_split import sentence_split
from ._style_words import word_count

_LONG = (
    "Ketamine, which was first recognised as an anaesthetic and which has since evolved in its "
    "application to include the treatment of depression in adults who have not responded to "
    "other medication, impacts the brain in ways that are quite distinct from traditional "
    "antidepressants and that researchers are still working hard to understand."
)


@dataclass(frozen=True, slots=True)
class Options:
    max_words: int = option(30, "Longest allowed sentence, in words (punctuation not counted).")


class LongSentence(Rule[Options]):
    meta = RuleMeta(
        code="CL502",
        slug="long-sentence",
        summary="Flags sentences longer than a word limit (30 by default).",
        why=(
            "Readers hold about one idea per sentence. Past 25-30 words comprehension drops "
            "sharply, and long sentences are where clauses pile up and meaning gets lost. "
            "Splitting them is the cheapest readability win there is."
        ),
        bad=(_LONG,),
        good=(
            "Ketamine was first used as an anaesthetic. Doctors now also use it to treat "
            "depression that has not responded to other medication.",
        ),
        severity=Severity.INFO,
        category=Category.READABILITY,
        needs=frozenset({Need.SENTENCES}),
        fix="Split the sentence at a conjunction or a relative clause, one idea per sentence.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        limit = ctx.options.max_words
        blocks = ctx.document.blocks
        for sentence in ctx.analysis.body_sentences:
            if sentence.word_count <= limit:
                continue  # NOTE: a cheap upper bound first; tokens are never fewer than words
            count = word_count(sentence, blocks[sentence.block].text)
            if count <= limit:
                continue
            message = (
                f"sentence has {count} words (limit {limit}); split it into "
                "shorter sentences with one idea each"
            )
            split = sentence_split(sentence, blocks[sentence.block].text)
            related: tuple[tuple[Span, str], ...] = ()
            if split is not None:
                message += f', for example before "{split.text}"'
                related = ((split.span, "a natural place to end the first sentence"),)
            yield Hit(sentence.span, message, fix=self.meta.fix, related=related)
