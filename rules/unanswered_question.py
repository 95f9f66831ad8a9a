"""CL302 unanswered-question: a title or heading asks for a quantity the text never gives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.document import Block, BlockKind, Document
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._promise_answers import Cue, find_cues
from ._promise_find import find_promises
from ._promise_index import ArticleIndex, Window

if TYPE_CHECKING:
    from contentlint.analysis import Sentence

_BAD = (
    "# How long do you have to take ketamine for depression?\n\n"
    "Ketamine infusions are a unique approach to treating depression. The recommended "
    "treatment duration can vary based on individual responses, and the intervals between "
    "infusions may be determined by the healthcare provider.\n"
)
_GOOD = (
    "# How long do you have to take ketamine for depression?\n\n"
    "Most clinics start with six infusions over two to three weeks. Patients who respond "
    "then come back for a single booster infusion every three to eight weeks.\n"
)
_INTERROGATIVES = frozenset(
    "how when what which who whom whose why where is are do does did can could should "
    "will would was were has have".split()
)
#: Questions about a person, a reason, a place or a choice do not ask for a quantity, even
#: when they mention one: "Who pays the cost of a tariff?".
_NOT_QUANTITY = frozenset("who whom whose why where which".split())
_PHRASES = frozenset({"how much", "how many", "how long", "how soon", "how quickly", "how often",
                      "how frequently", "how much does", "how much do", "how much will",
                      "how much is", "how much are"})
_NORMALISE = re.compile(r"[\W_]+")
_CLAUSE_START = re.compile(r"(?:^|[:–—-]\s*)(when)\b", re.I)


@dataclass(frozen=True, slots=True)
class Options:
    max_heading_words: int = option(
        20, "Longer 'headings' are taken for sentences the parser mistook for headings."
    )
    max_label_words: int = option(
        8, "A heading that is not a question must be this short to count as a label "
        "promising a quantity (\"Side Effects and Cost\")."
    )


class UnansweredQuestion(Rule[Options]):
    meta = RuleMeta(
        code="CL302",
        slug="unanswered-question",
        summary=(
            "Flags a title or heading that asks for a quantity (how long, how often, how much, "
            "when, cost, price, dosage, duration, frequency, timeline) whose section, or for "
            "the title whose article, never gives a concrete answer: a number, a time span, "
            "a price, a frequency or a dose."
        ),
        why=(
            "A reader who clicks \"How long do you have to take ketamine?\" wants a time "
            "span. Outline-generated articles repeat the question in every heading and answer "
            "it with \"it can vary\". An unanswered question in a title is a broken promise "
            "to every reader who came from search."
        ),
        bad=(_BAD,),
        good=(_GOOD,),
        severity=Severity.WARNING,
        category=Category.PROMISES,
        needs=frozenset({Need.SENTENCES, Need.LEMMAS}),
        fix="Answer the question with a figure (a time span, a price, a dose, a frequency) "
        "near the heading, or reword the heading so it asks only what the text answers.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        document = ctx.document
        asked = [
            (i, block, cues)
            for i, block in enumerate(document.blocks)
            if block.is_heading and block.text
            for cues in [_cues(document, i, block, ctx.analysis.sentences_in(i), ctx.options)]
            if cues
        ]
        if not asked:
            return
        promises = find_promises(document, ctx.analysis)
        index = ArticleIndex.build(document, ctx.analysis, {p.sentence_index for p in promises})
        for i, block, cues in asked:
            section = _section(index, i, block)
            own = index.units[index.block_start[i] : index.block_start[i + 1]]
            asked_kinds = frozenset().union(*(u.kinds for u in own))  # "Cost: $5 a month"
            missing = [
                c for c in cues if not (c.kinds & asked_kinds or index.has_kind(section, c.kinds))
            ]
            if not missing:
                continue
            title = block.kind is BlockKind.TITLE
            what = "the title" if title else "the heading"
            where = "the article" if title else "its section"
            question = block.text.rstrip().endswith("?") or any(
                c.phrase in _PHRASES or c.phrase == "when" for c in missing
            )
            verb = "asks" if question else "names"
            asks = " and ".join(f"'{_shown(block.text, c)}'" for c in missing)
            labels = " or ".join(dict.fromkeys(c.label for c in missing))
            yield Hit(
                block.span,
                f"{what} {verb} {asks} but {where} never gives {labels}; "
                f"{'answer it with' if question else 'add'} a figure or reword {what}",
                fix=self.meta.fix,
            )


def _cues(
    document: Document,
    index: int,
    block: Block,
    sentences: Iterable[Sentence],
    options: Options,
) -> list[Cue]:
    """The quantity cues a heading really asks, after the guards against false questions."""
    text = block.text.strip()
    words = [w for s in sentences for w in s.words]
    if not words or len(words) > options.max_heading_words or text[-1] in ".!":
        return []
    if block.kind is BlockKind.HEADING and _is_title_copy(document, index, text):
        return []  # a pasted copy of the title: the title's finding covers it
    first = words[0].lower
    question = text.endswith("?") or first in _INTERROGATIVES
    out = []
    for cue in find_cues(text):
        if cue.phrase in _PHRASES:
            out.append(cue)
        elif cue.phrase == "when":
            if any(m.start(1) == cue.start for m in _CLAUSE_START.finditer(text)):
                out.append(cue)
        elif question and first in _NOT_QUANTITY:
            continue
        elif question or len(words) <= options.max_label_words:
            out.append(cue)
    return out


def _shown(text: str, cue: Cue) -> str:
    """The cue as written, without the verb of "how much does"."""
    words = text[cue.start : cue.end].split()
    return " ".join(words[:2]) if cue.phrase.startswith("how much ") else " ".join(words)


def _is_title_copy(document: Document, index: int, text: str) -> bool:
    """Is the heading at ``index`` a repeat of the title (not the title itself, which an
    HTML page may give as its first ``<h1>``)?"""
    if not document.title or _key(document.title) != _key(text):
        return False
    first = document.title_block
    if first is None:
        first = next(i for i, b in enumerate(document.blocks) if _key(b.text) == _key(text))
    return index != first


def _key(text: str) -> str:
    return _NORMALISE.sub(" ", text).strip().lower()


def _section(index: ArticleIndex, i: int, block: Block) -> Window:
    """What can answer the heading at block ``i``: its section (for the title, the whole
    article), the heading included."""
    if block.kind is BlockKind.TITLE:
        return Window(((0, len(index.units), False),), "the article")
    section = index.by_heading.get(i)
    stop = section.end if section is not None else i + 1
    return Window(((index.block_start[i], index.block_start[stop], False),), "its section")
