"""CL505 filler-phrase: AI clichés and padding that readers skim past."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._style_phrases import PhraseIndex, bundled_phrases, parse_phrase

_BUNDLED = "style-filler.txt"


@dataclass(frozen=True, slots=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        'More phrases to flag, each "phrase" or "phrase | suggestion"; matched on lemmas like '
        "the bundled list, and they win over a bundled entry for the same words.",
    )
    disabled_phrases: tuple[str, ...] = option(
        (), "Bundled phrases not to flag, written as in the list (any inflection works)."
    )


class FillerPhrase(Rule[Options]):
    meta = RuleMeta(
        code="CL505",
        slug="filler-phrase",
        summary="Flags AI clichés and filler phrases, each with a plainer wording.",
        why=(
            'Phrases like "delve into", "multifaceted", "in the ever-evolving landscape" or '
            '"it is important to note" add words but no information. Readers learn to skim '
            "them, and they mark a text as machine-written boilerplate, which costs trust."
        ),
        bad=(
            "In this guide, we delve into the multifaceted world of rain gardens.",
            "It is important to note that, in the ever-evolving landscape of home repair, "
            "a heat pump is a beacon of hope.",
        ),
        good=(
            "This guide explains how to build a rain garden.",
            "A heat pump costs less to run than an oil boiler.",
        ),
        severity=Severity.INFO,
        category=Category.STYLE,
        needs=frozenset({Need.SENTENCES, Need.LEMMAS}),
        fix="Replace the phrase with the plainer wording, or cut it and state the point.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        extras = (p for p in map(parse_phrase, ctx.options.extra_phrases) if p is not None)
        index = PhraseIndex(
            (*extras, *bundled_phrases(_BUNDLED)),
            ctx.analysis.phrase_lemmas,
            ctx.options.disabled_phrases,
        )
        blocks = ctx.document.blocks
        for sentence, start, end, phrase in index.find_all(ctx.analysis.sentences):
            first, last = sentence.words[start], sentence.words[end - 1]
            text = blocks[sentence.block].text[first.start : last.end]
            yield Hit(
                blocks[sentence.block].source_span(first.start, last.end),
                f'"{text}" is filler; {phrase.suggestion}',
                fix=phrase.suggestion[0].upper() + phrase.suggestion[1:] + ".",
            )
