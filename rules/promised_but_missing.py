"""CL301 promised-but-missing: the text announces content it never delivers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.document import BlockKind, Document
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._promise_find import Form, Promise, find_promises
from ._promise_index import ArticleIndex
from ._promise_scope import judge, quote_list

_BAD = (
    "# Ketamine for depression\n\n"
    "## Side effects and cost\n\n"
    "No treatment is without its considerations. This section will discuss common side "
    "effects. Additionally, an overview of the cost of ketamine therapy will be provided, "
    "helping readers make informed decisions.\n\n"
    "## Overall well-being\n\n"
    "Ketamine has been associated with improvements in overall well-being."
)
_GOOD = (
    "# Ketamine for depression\n\n"
    "## Side effects and cost\n\n"
    "This section explains what ketamine therapy costs. A single infusion costs $400 to "
    "$800 at most clinics, and a first course of six infusions over two to three weeks "
    "costs $2,400 to $4,800. Nausea and dizziness are common and usually pass within "
    "two hours."
)
_FORWARD = (
    "Unemployment in the region has fallen for three years. As we will see below, the rate "
    "fell to 3% in 2023, the lowest since records began in 1971."
)
_NAMED_TARGET = re.compile(
    r"^\s*(?:(?i:at|from|on|via|through|by\s+(?:calling|visiting|contacting|emailing))\s+"
    r"(?:the\s+)?[A-Z0-9]|(?i:at|on|from|via|through)\s+(?i:our|the|their|its|this)\s+"
    r"(?i:website|site|web\s+page|page|app|helpline|hotline|blog|library|office))"
)
#: After "available", a promise trails off ("... to offer more insights") or ends.
_OPEN_TAIL = re.compile(r"(?i)^\s*(?:[.!?]|$|,|to\b|for\b|online\b|that\b|which\b)")
# NOTE: a domain name starts where a run of word characters and hyphens starts, so each run
# is scanned once (``\b[\w-]+`` restarted inside "a-b-c-..." and grew quadratically); it
# needs a word character, as ``\b`` did.
_URLISH = re.compile(
    r"(?i)https?://|www\.|(?<![\w-])-*\w[\w-]*\.(?:com|org|net|gov|edu|co\.uk|io)\b"
)


@dataclass(frozen=True, slots=True)
class Options:
    check_summaries: bool = option(
        True, "Also flag closing summaries that claim to have covered what never appeared."
    )
    check_resources: bool = option(
        True, "Also flag 'resources are available' sentences that name or link no resource."
    )


class PromisedButMissing(Rule[Options]):
    meta = RuleMeta(
        code="CL301",
        slug="promised-but-missing",
        summary=(
            "Flags sentences that promise content (\"this section will delve into X\", \"X "
            "will be discussed\", \"readers will gain insights into X\", \"resources are "
            "available\") which the article never delivers with specifics, and closing "
            "summaries that claim to have covered what was never covered."
        ),
        why=(
            "Outline-generated articles announce content instead of giving it: the reader is "
            "told that the cost \"will be provided\" and never learns a price. Every broken "
            "promise costs trust, and a summary of things that were never said is plain "
            "misinformation about the article itself. A promise counts as kept when the "
            "announced section (or, for \"in this article\", the rest of the article) comes "
            "back to the subject with specifics: figures, prices, time spans, names, steps."
        ),
        bad=(_BAD,),
        good=(_GOOD, _FORWARD),
        severity=Severity.ERROR,
        category=Category.PROMISES,
        needs=frozenset({Need.SENTENCES, Need.LEMMAS}),
        fix=(
            "Replace the announcement with the content it announces (the figures, names or "
            "steps), or delete the sentence."
        ),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        document = ctx.document
        promises = find_promises(document, ctx.analysis)
        if not promises:
            return
        index = ArticleIndex.build(document, ctx.analysis, {p.sentence_index for p in promises})
        for promise in promises:
            if promise.form is Form.RESOURCE:
                if ctx.options.check_resources and not _resource_named(document, promise):
                    yield Hit(
                        promise.sentence.span,
                        "promises resources but names or links none; link the resources "
                        "(or name them) or delete the sentence",
                        fix=self.meta.fix,
                    )
                continue
            if promise.form is Form.SUMMARY and not ctx.options.check_summaries:
                continue
            verdict = judge(index, promise)
            if verdict.kept:
                continue
            reasons = "; ".join(verdict.reasons)
            if promise.form is Form.SUMMARY:
                them = "them" if len(verdict.missing) > 1 else "it"
                message = (
                    f"claims to have covered {quote_list(verdict.missing)}; {reasons}; cover "
                    f"{them} or cut {them} from the summary"
                )
            else:
                text = document.blocks[promise.sentence.block].text
                subjects = [text[a:b] for a, b in (s.span for s in promise.subjects)]
                message = (
                    f"promises {quote_list(subjects)}; {reasons}; give the specifics or "
                    "delete the promise"
                )
            yield Hit(promise.sentence.span, message, fix=self.meta.fix)


def _resource_named(document: Document, promise: Promise) -> bool:
    """A resource sentence is fine when it links, names a target or introduces a list."""
    block_index = promise.sentence.block
    block = document.blocks[block_index]
    if block.links or _URLISH.search(promise.sentence.text):
        return True
    _, end = promise.items[0]
    tail = block.text[end : promise.sentence.end]
    if _NAMED_TARGET.match(tail) or not _OPEN_TAIL.match(tail):
        return True
    following = document.blocks[block_index + 1] if block_index + 1 < len(document.blocks) else None
    return bool(
        promise.sentence.text.rstrip().endswith(":")
        and following is not None
        and following.kind is BlockKind.LIST_ITEM
    )
