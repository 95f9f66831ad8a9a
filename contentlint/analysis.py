"""The shared NLP analysis: computed lazily, once per document, read by every rule.

spaCy and textstat are imported only when some rule (or the metrics) asks
for them, so ``contentlint --help`` and word-list-only runs stay fast. All
views carry source :class:`~contentlint.document.Span` values, so rules never
do offset arithmetic of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .document import Block, BlockKind, Document, Span
from .language import LanguageGuess, detect_language

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

#: Readability metrics reported for every English document, named as in the JSON output.
READABILITY_METRICS: tuple[tuple[str, str], ...] = (
    ("flesch_reading_ease", "flesch_reading_ease"),
    ("flesch_kincaid_grade", "flesch_kincaid_grade"),
    ("gunning_fog", "gunning_fog"),
    ("smog_index", "smog_index"),
    ("dale_chall", "dale_chall_readability_score"),
)


class NlpPipeline:
    """Builds the spaCy pipeline on first use; one per process (held by the engine).

    The default is spaCy's blank English with a sentencizer and the lookup
    lemmatizer whose tables ship in spacy-lookups-data: nothing is ever
    downloaded. ``model`` names an installed pipeline (e.g. ``en_core_web_sm``)
    to use instead; it is loaded only if it is installed.
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model or None
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(self.model)
        return self._nlp


def build_pipeline(model: str | None) -> Language:
    import spacy

    from .errors import ConfigError

    if model:
        if not (spacy.util.is_package(model) or _is_model_dir(model)):
            raise ConfigError(
                "model",
                f"spaCy pipeline {model!r} is not installed; contentlint never downloads "
                f"models: install it yourself or remove the `model` setting",
            )
        nlp = spacy.load(model)
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe(
            "sentencizer"
        ):
            nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.blank("en")
    # NOTE: the default 1,000,000-character limit guards the parser and NER memory;
    # this pipeline has neither and processes one block at a time.
    nlp.max_length = 100_000_000
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data (installed, offline)
    return nlp


def _is_model_dir(model: str) -> bool:
    from pathlib import Path

    return (Path(model) / "config.cfg").is_file()


@dataclass(frozen=True, slots=True)
class Word:
    """A token that is a word (not punctuation or space), with its source span."""

    text: str
    lower: str
    lemma: str
    is_stop: bool
    like_num: bool
    block: int
    start: int  # offsets in the block's text
    end: int
    span: Span


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one block; sentences never cross block boundaries."""

    text: str
    block: int
    start: int
    end: int
    span: Span
    words: tuple[Word, ...]

    @property
    def word_count(self) -> int:
        return len(self.words)


@dataclass(frozen=True, slots=True)
class BlockDoc:
    """A prose block and its spaCy ``Doc`` (the escape hatch for plugins)."""

    index: int
    block: Block
    doc: Doc


class Analysis:
    """Lazy, cached views of one document; rules only read it."""

    def __init__(
        self, document: Document, pipeline: NlpPipeline, language: str | None = None
    ) -> None:
        self.document = document
        self._pipeline = pipeline
        self._language_override = language if language not in (None, "", "auto") else None

    @cached_property
    def language(self) -> LanguageGuess:
        if self._language_override:
            return LanguageGuess(self._language_override, 1.0, "config")
        return detect_language(self.body_text or self.prose_text)

    @cached_property
    def prose_indices(self) -> tuple[int, ...]:
        return tuple(i for i, b in enumerate(self.document.blocks) if b.is_prose and b.text)

    @cached_property
    def prose_text(self) -> str:
        """All prose (title and headings included), blocks separated by blank lines."""
        return "\n\n".join(self.document.blocks[i].text for i in self.prose_indices)

    @cached_property
    def body_indices(self) -> tuple[int, ...]:
        """Prose blocks that are running text: paragraphs, list items and quotes."""
        return tuple(i for i in self.prose_indices if not self.document.blocks[i].is_heading)

    @cached_property
    def body_text(self) -> str:
        """Running text for readability formulas (headings lack sentence punctuation)."""
        return "\n\n".join(self.document.blocks[i].text for i in self.body_indices)

    @cached_property
    def docs(self) -> tuple[BlockDoc, ...]:
        nlp = self._pipeline.nlp
        blocks = self.document.blocks
        texts = (blocks[i].text for i in self.prose_indices)
        return tuple(
            BlockDoc(i, blocks[i], doc)
            for i, doc in zip(self.prose_indices, nlp.pipe(texts, batch_size=64))
        )

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        for bd in self.docs:
            for sent in bd.doc.sents:
                out.append(self._sentence(bd, sent))
        return tuple(out)

    def sentences_in(self, block_index: int) -> Iterator[Sentence]:
        for sentence in self._sentences_by_block.get(block_index, ()):
            yield sentence

    @cached_property
    def _sentences_by_block(self) -> dict[int, list[Sentence]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.block, []).append(sentence)
        return grouped

    @cached_property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for s in self.sentences for w in s.words)

    @cached_property
    def lemma_counts(self) -> Counter[str]:
        """Lower-cased lemmas of content words (no stop words, numbers or one-letter words)."""
        return Counter(
            w.lemma.lower()
            for w in self.words
            if not w.is_stop and not w.like_num and len(w.text) > 1
        )

    @cached_property
    def metrics(self) -> dict[str, Any]:
        """Document metrics for reports; readability only for English running text."""
        body = [self.document.blocks[i] for i in self.body_indices]
        words = sum(len(b.text.split()) for b in body)
        out: dict[str, Any] = {
            "language": self.language.code,
            "blocks": len(self.document.blocks),
            "words": words,
        }
        if self.language.code in ("en", "und") and words:
            out.update(readability(self.body_text))
        return out

    def _sentence(self, bd: BlockDoc, sent: SpacySpan) -> Sentence:
        block = bd.block
        words = tuple(
            Word(
                text=t.text,
                lower=t.lower_,
                lemma=t.lemma_ or t.lower_,
                is_stop=t.is_stop,
                like_num=t.like_num,
                block=bd.index,
                start=t.idx,
                end=t.idx + len(t.text),
                span=block.source_span(t.idx, t.idx + len(t.text)),
            )
            for t in sent
            if not (t.is_punct or t.is_space)
        )
        start = sent.start_char
        end = sent.end_char
        text = block.text[start:end]
        stripped = text.rstrip()
        end -= len(text) - len(stripped)
        return Sentence(stripped, bd.index, start, end, block.source_span(start, end), words)


def readability(text: str) -> dict[str, float]:
    """textstat's own values for ``text`` (tests compare them to textstat directly)."""
    import textstat

    return {name: float(getattr(textstat, fn)(text)) for name, fn in READABILITY_METRICS}


def blocks_of_kind(document: Document, kinds: Sequence[BlockKind]) -> Iterator[tuple[int, Block]]:
    for i, block in enumerate(document.blocks):
        if block.kind in kinds:
            yield i, block
