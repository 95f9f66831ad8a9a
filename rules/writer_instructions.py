"""CL303 writer-instructions: the brief to the writer was published instead of the content."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.document import BlockKind, Span
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta

from ._promise_find import Quoted
from ._promise_instructions import block_instructions, sentence_instruction

_BAD = (
    "## Expert opinions\n\n"
    "Incorporating expert opinions adds a valuable layer of credibility to the article. "
    "This section aims to include expert commentary on efficacy and safety."
)
_BAD_NOTE = "Note to editor: add the installer's quote here before publishing."
_GOOD = (
    "## Expert opinions\n\n"
    "\"Ketamine is not a first-line treatment,\" said Dr. Ana Ruiz, a psychiatrist at "
    "Lakeland University Hospital. \"We offer it after two antidepressants have failed.\""
)
_MESSAGES = {
    "describes": (
        "writer instructions left in the text: it describes what the article should contain "
        "instead of containing it; write the content itself (the quotes, names, figures) or "
        "delete it"
    ),
    "note": "editorial note left in the text; act on it and delete it",
    "brief": "a field of the writer's brief ({text}) left in the text; delete it",
}


@dataclass(frozen=True, slots=True)
class Options:
    """CL303 has no options."""


class WriterInstructions(Rule[Options]):
    meta = RuleMeta(
        code="CL303",
        slug="writer-instructions",
        summary=(
            "Flags text that tells the writer what to write instead of saying it: sentences "
            "describing what a section should contain (\"This section aims to include expert "
            "commentary\", \"Incorporating expert opinions adds credibility to the article\"), "
            "editorial notes and brief fields. Bracketed prompts (\"[Add a quote here]\") are "
            "CL201 placeholder-text's."
        ),
        why=(
            "These sentences are the outline or the brief, published by mistake. They tell "
            "the reader that expert quotes would be valuable without giving one, and they "
            "show at a glance that nobody edited the page."
        ),
        bad=(_BAD, _BAD_NOTE),
        good=(_GOOD,),
        severity=Severity.ERROR,
        category=Category.PROMISES,
        needs=frozenset({Need.SENTENCES}),
        fix="Write what the instruction asks for (the actual quotes, names and figures), or "
        "delete it.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        document = ctx.document
        runs: list[tuple[int, Span]] = []  # (last sentence, span) of adjacent instructions
        quoted: dict[int, Quoted] = {}
        sentences = ctx.analysis.sentences
        for i, sentence in enumerate(sentences):
            if not sentence_instruction(sentence):
                continue
            if sentence.block not in quoted:  # NOTE: built only for blocks that need it
                quoted[sentence.block] = Quoted(document.blocks[sentence.block].text)
            if sentence.start in quoted[sentence.block]:
                continue
            last = runs[-1] if runs else None
            if last and last[0] == i - 1 and sentences[i - 1].block == sentence.block:
                runs[-1] = (i, Span(last[1].start, sentence.span.end))
            else:
                runs.append((i, sentence.span))
        for _, span in runs:
            yield Hit(span, _MESSAGES["describes"], fix=self.meta.fix)
        starts = [span.start for _, span in runs]  # runs are in order and never overlap
        for block in document.blocks:
            if not block.text or block.kind is BlockKind.CODE:
                continue
            for found in block_instructions(block.text):
                where = block.source_span(found.start, found.end)
                k = bisect_right(starts, where.start) - 1
                if k >= 0 and runs[k][1].end > where.start or (
                    k + 1 < len(runs) and runs[k + 1][1].start < where.end
                ):
                    continue  # already inside a flagged instruction sentence
                text = found.text if len(found.text) <= 80 else found.text[:79] + "…"
                yield Hit(
                    where,
                    _MESSAGES[found.kind].format(text=f"'{text}'"),
                    fix=self.meta.fix,
                )

