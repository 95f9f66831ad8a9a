"""CL402 vague-attribution: claims credited to unnamed authorities.

"Studies show", "research indicates", "experts agree" and "it is widely
believed" lend a claim the weight of science without saying whose science.
The rule flags them unless a link, citation marker, written citation or named
source sits in the same sentence or paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.document import Block, BlockKind
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._sourcing_evidence import block_has_source
from ._sourcing_lexicon import lexicon
from ._sourcing_vague import VagueMatch, vague_matches

_BODY = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})
_EVIDENCE_WORDS = re.compile(
    r"(?i)\b(?:stud(?:y|ies)|trials?|review|research|survey|analysis|paper)\b"
)

_WHAT_FIXES = {
    "research": "name the study (authors, journal, year) and link to it or cite it",
    "people": "name the {subject}, say where they work, and link to or cite what they said",
    "belief": "say who holds this view and cite them, or back the claim with your own evidence",
}
_WHOM = {
    "research": "unnamed {subject}",
    "people": "unnamed {subject}",
    "belief": "nobody in particular",
}


@dataclass(frozen=True, slots=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (), 'More fixed phrases that credit a claim to nobody ("insiders say"), lower case.'
    )


class VagueAttribution(Rule[Options]):
    meta = RuleMeta(
        code="CL402",
        slug="vague-attribution",
        summary=(
            'Flags claims credited to unnamed authorities ("studies show", "experts agree", '
            '"it is widely believed") with no citation or link in the same sentence or paragraph.'
        ),
        why=(
            "Appeals to unnamed studies and experts sound authoritative but cannot be checked; "
            "they often stand in for evidence the writer does not have. Naming and linking the "
            "source lets readers judge it, and keeps the article honest."
        ),
        bad=(
            "Numerous studies substantiate ketamine's efficacy in treatment-resistant depression.",
            "Experts agree that consistency matters more than speed.",
        ),
        good=(
            "A 2023 trial of 403 patients found ketamine as effective as electroconvulsive "
            "therapy ([Anand et al., 2023](https://doi.org/10.1056/NEJMoa2302399)).",
            "The Harvard researchers found no difference between the two groups.",
        ),
        severity=Severity.WARNING,
        category=Category.SOURCING,
        needs=frozenset({Need.SENTENCES}),
        fix=(
            "Replace the unnamed authority with a named, cited source: a link, a footnote, or "
            "an author-year citation such as (Smith et al., 2021); or drop the appeal."
        ),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        lex = lexicon()
        blocks = ctx.document.blocks
        for index in ctx.analysis.body_indices:
            block = blocks[index]
            if block.kind not in _BODY:
                continue
            matches = vague_matches(block.text, tuple(ctx.options.extra_phrases))
            if not matches or block_has_source(block) or _evidence_follows(blocks, index):
                continue
            sentences = list(ctx.analysis.sentences_in(index))
            starts = [s.start for s in sentences]
            flagged: set[int] = set()
            for match in matches:
                i = bisect_right(starts, match.start) - 1
                sentence = sentences[i] if i >= 0 else None
                key = sentence.start if sentence else -1
                if key in flagged:
                    continue
                text = sentence.text if sentence else block.text
                if lex.named_source.search(text):
                    continue
                flagged.add(key)
                yield Hit(
                    block.source_span(match.start, match.end),
                    _message(match),
                    fix=self.meta.fix,
                )


def _evidence_follows(blocks: tuple[Block, ...], index: int) -> bool:
    """The next paragraph cites the evidence ("For example, one study ... (8)").

    NOTE: web articles often give each sentence its own paragraph, so the
    citation for "studies show" sits one paragraph down.
    """
    if index + 1 >= len(blocks):
        return False
    nxt = blocks[index + 1]
    return nxt.kind in _BODY and block_has_source(nxt) and bool(_EVIDENCE_WORDS.search(nxt.text))


def _message(match: VagueMatch) -> str:
    whom = _WHOM[match.kind].format(subject=match.subject)
    todo = _WHAT_FIXES[match.kind].format(subject=match.subject)
    return (
        f"“{match.phrase}” credits the claim to {whom} with no citation or link nearby; {todo}"
    )
