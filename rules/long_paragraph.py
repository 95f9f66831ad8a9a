"""CL503 long-paragraph: walls of text that readers skip on a screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.document import BlockKind, Span
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._style_split import paragraph_break
from ._style_words import word_count

if TYPE_CHECKING:
    from contentlint.analysis import Sentence

_SENTENCES = (
    "Rain gardens catch the water that runs off roofs, driveways and lawns.",
    "They let it soak into the ground within a day or two after a storm.",
    "That keeps fertilizer, oil and soil out of the storm drains and the creeks.",
    "Most home gardens cost a few hundred dollars to build if you dig them yourself.",
    "Plants are the largest cost, at three to four dollars for each small plug.",
    "Compost and mulch add another hundred dollars or so for a typical garden.",
    "Many cities pay rebates that cover most of the materials for a first garden.",
)
_WALL = " ".join(_SENTENCES)
_SPLIT = " ".join(_SENTENCES[:3]) + "\n\n" + " ".join(_SENTENCES[3:])

#: Running-text blocks; headings are never long and table cells are not paragraphs.
_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Options:
    max_words: int = option(150, "Most words a paragraph may have.")
    max_sentences: int = option(
        6,
        "Most sentences a paragraph may have; only counted in paragraphs over half the word "
        "limit, since a run of one-line sentences (scores, short quotes) is no wall of text.",
    )


class LongParagraph(Rule[Options]):
    meta = RuleMeta(
        code="CL503",
        slug="long-paragraph",
        summary="Flags paragraphs over 150 words or 6 sentences.",
        why=(
            "On a screen, a long paragraph is a wall of text: readers skim its first line and "
            "skip the rest. One topic per paragraph, a few sentences each, keeps them reading "
            "and makes the structure visible."
        ),
        bad=(_WALL,),
        good=(_SPLIT,),
        severity=Severity.INFO,
        category=Category.READABILITY,
        needs=frozenset({Need.SENTENCES, Need.LEMMAS}),
        fix="Break the paragraph where the topic shifts, one topic per paragraph.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        opts = ctx.options
        analysis = ctx.analysis
        for index in analysis.body_indices:
            block = ctx.document.blocks[index]
            if block.kind not in _KINDS:
                continue
            sentences = list(analysis.sentences_in(index))
            # NOTE: tokens are never fewer than words: a paragraph whose tokens fit both
            # limits fits them in words, and needs no word count
            tokens = sum(s.word_count for s in sentences)
            short = len(sentences) <= opts.max_sentences or tokens <= opts.max_words / 2
            if tokens <= opts.max_words and short:
                continue
            words = sum(word_count(s, block.text) for s in sentences)
            too_many = len(sentences) > opts.max_sentences and words > opts.max_words / 2
            if words <= opts.max_words and not too_many:
                continue
            message = (
                f"paragraph has {words} words in {len(sentences)} "
                f"sentence{'' if len(sentences) == 1 else 's'} (limits "
                f"{opts.max_words} words, {opts.max_sentences} sentences); break it where the "
                "topic shifts"
            )
            related: tuple[tuple[Span, str], ...] = ()
            split = paragraph_break(sentences)
            if split is not None:
                message += f', for example before "{_opening(block.text, split)}"'
                related = ((split.span, "the topic shifts here: start a new paragraph"),)
            yield Hit(block.span, message, fix=self.meta.fix, related=related)


def _opening(text: str, sentence: Sentence, words: int = 4) -> str:
    """The first few words of a sentence, as written."""
    if len(sentence.words) <= words:
        return sentence.text
    return text[sentence.start : sentence.words[words - 1].end] + "..."
