"""The shared NLP analysis: computed lazily, once per document, read by every rule.

spaCy and textstat are imported only when some rule (or the metrics) asks
for them, so ``contentlint --help`` and word-list-only runs stay fast. All
views carry source :class:`~contentlint.document.Span` values, so rules never
do offset arithmetic of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from .document import Block, BlockKind, Document, OffsetMap, Span
from .language import LanguageGuess, detect_language
from .passive import Passive, passives_in

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from .readability import Counts

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

    The default is spaCy's blank English tokenizer; :meth:`annotate` sets
    sentence starts and lemmas (from the lookup table that ships in
    spacy-lookups-data; nothing is ever downloaded) exactly as spaCy's
    ``sentencizer`` and lookup ``lemmatizer`` components would. ``model``
    names an installed pipeline (e.g. ``en_core_web_sm``) to use instead; it
    is loaded only if it is installed, and its own components are used.

    Why not spaCy's components: in lookup mode a lemma, and the sentencizer's
    view of a token, depend on the token's text alone, yet both components
    call Python code for every token (together more than the tokenizer costs
    on news text). Here each distinct string is looked up once per process and
    a document's annotations are set in one array operation.
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model or None
        self._nlp: Language | None = None
        self._lookup: Mapping[str, str] | None = None
        self._phrase_lemmas: dict[str, tuple[str, ...]] = {}
        # Per-process memos of facts that depend on a string alone (bounded by the vocabulary).
        self._facts: dict[int, tuple[int, int]] = {}
        self._lexemes: dict[tuple[int, int], _Lexeme] = {}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(self.model)
            self._lookup = _lemma_lookup(self._nlp, self.model)
        return self._nlp

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy ``Doc`` objects with sentences and lemmas set."""
        nlp = self.nlp
        if self.model is not None:
            yield from nlp.pipe(texts, batch_size=64)
            return
        for doc in nlp.tokenizer.pipe(texts, batch_size=64):
            self.annotate(doc)
            yield doc

    def annotate(self, doc: Doc) -> None:
        """Set sentence starts and lemmas exactly as spaCy's ``sentencizer`` and lookup
        ``lemmatizer`` would, from one column of token texts.

        NOTE: both components call Python code for every token, and together
        cost more than the tokenizer on news text. Here each distinct string is
        looked up once per process (:meth:`_string_facts`) and the results are
        written back in one ``Doc.from_array`` call.
        """
        import numpy
        from spacy.attrs import LEMMA, ORTH, SENT_START

        if not len(doc):
            return
        orths = doc.to_array(ORTH).tolist()
        facts = self._facts
        rows = [facts.get(o) or self._string_facts(o) for o in orths]
        starts = [_NOT_START] * len(rows)
        start, seen_end = 0, False
        # The sentencizer's rule: a sentence ends after a run of sentence-final
        # punctuation, at the next token that is not punctuation.
        for i, (_, kind) in enumerate(rows):
            if kind == _FINAL_PUNCT:
                seen_end = True
            elif seen_end and kind == _WORD:
                starts[start] = 1
                start, seen_end = i, False
        starts[start] = 1
        table = numpy.array([(lemma, first) for (lemma, _), first in zip(rows, starts, strict=True)],
                            dtype=numpy.uint64)
        doc.from_array([LEMMA, SENT_START], table)

    def _string_facts(self, orth: int) -> tuple[int, int]:
        """(lemma hash, punctuation kind) of one token text, computed once per process."""
        from spacy.pipeline import Sentencizer

        vocab = self.nlp.vocab
        text = vocab.strings[orth]
        lemma = self._lookup.get(text, text) if self._lookup is not None else text
        if text in Sentencizer.default_punct_chars:
            kind = _FINAL_PUNCT
        elif vocab[orth].is_punct:
            kind = _OTHER_PUNCT
        else:
            kind = _WORD
        found = self._facts[orth] = (vocab.strings.add(lemma), kind)
        return found

    def lexeme(self, orth: int, lemma: int) -> _Lexeme:
        """What a word's analysis needs of a string, computed once per (text, lemma) pair."""
        found = self._lexemes.get((orth, lemma))
        if found is None:
            found = self._lexemes[(orth, lemma)] = self._new_lexeme(orth, lemma)
        return found

    def _new_lexeme(self, orth: int, lemma: int) -> _Lexeme:
        vocab = self.nlp.vocab
        lex = vocab[orth]
        text = lex.orth_
        raw = vocab.strings[lemma] if lemma else ""
        return _Lexeme(
            text=text,
            lower=lex.lower_,
            lemma=self._fix_lemma(text, raw or lex.lower_),
            is_stop=lex.is_stop,
            like_num=lex.like_num,
            is_word=not (lex.is_punct or lex.is_space),
        )

    def _fix_lemma(self, text: str, lemma: str) -> str:
        """The lemma, also for capitalised words and typographic apostrophes.

        NOTE: the lookup table matches the exact text, so "Delving" at the
        start of a sentence or in a title-case heading, and "’re" with a
        curly apostrophe, kept their form; they are looked up again in lower
        case with a straight apostrophe.
        """
        if self._lookup and lemma == text:
            plain = text.replace("\u2019", "'")
            if plain.istitle():
                plain = plain.lower()
            if plain != text:
                return self._lookup.get(plain, lemma)
        return lemma

    def lemma(self, token: Token) -> str:
        """The token's lemma, exactly as :attr:`Word.lemma` gives it."""
        return self.lexeme(token.orth, token.lemma).lemma

    def phrase_lemmas(self, phrase: str) -> tuple[str, ...]:
        """Lower-cased lemmas of a phrase's words, exactly as for a document's words."""
        cached = self._phrase_lemmas.get(phrase)
        if cached is None:
            doc = next(self.pipe([phrase]))
            cached = tuple(self.lemma(t).lower() for t in doc if not (t.is_punct or t.is_space))
            self._phrase_lemmas[phrase] = cached
        return cached


# Punctuation kinds of a token text, for sentence boundaries.
_WORD, _OTHER_PUNCT, _FINAL_PUNCT = 0, 1, 2
_NOT_START = 2**64 - 1  # -1 (not a sentence start) in the uint64 column Doc.from_array takes


@dataclass(frozen=True, slots=True)
class _Lexeme:
    """The string-level facts behind a :class:`Word`."""

    text: str
    lower: str
    lemma: str
    is_stop: bool
    like_num: bool
    is_word: bool  # not punctuation or space


def build_pipeline(model: str | None) -> Language:
    from .errors import ConfigError
    from .spacy_loader import import_spacy

    spacy = import_spacy(allow_torch=bool(model))  # NOTE: the blank pipeline never needs torch

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
    # NOTE: no components: NlpPipeline.annotate sets sentences and lemmas itself.
    return nlp


def _lemma_lookup(nlp: Language, model: str | None) -> Mapping[str, str] | None:
    """The lookup lemma table: spacy-lookups-data's for the default pipeline, else the
    model's own if it lemmatizes by lookup (installed data, never downloaded)."""
    if model is None:
        # NOTE: the same data spacy.lookups.load_lookups reads, kept as a plain dict:
        # building spaCy's hash-keyed Table from it takes three times as long.
        from spacy.util import load_language_data, registry

        table: Mapping[str, str] = load_language_data(registry.lookups.get("en")["lemma_lookup"])
        return table
    if not nlp.has_pipe("lemmatizer"):
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "lookup":
        return None
    found = lemmatizer.lookups.get_table("lemma_lookup", None)  # type: ignore[attr-defined]
    return found if found else None


def _is_model_dir(model: str) -> bool:
    from pathlib import Path

    return (Path(model) / "config.cfg").is_file()


class Word(NamedTuple):
    """A token that is a word (not punctuation or space), with its source span.

    NOTE: a named tuple rather than a frozen dataclass: a document has one per
    word, and a tuple is built three times faster (0.1 s on the news corpus).
    It is just as immutable; compare words by their fields, not as tuples.
    """

    text: str
    lower: str
    lemma: str
    is_stop: bool
    like_num: bool
    block: int
    start: int  # offsets in the block's text
    end: int
    offsets: OffsetMap

    @property
    def span(self) -> Span:
        """Source span of the word (mapped on demand: most words never need one)."""
        return self.offsets.span(self.start, self.end)

    def __repr__(self) -> str:
        return f"Word({self.text!r}, block={self.block}, start={self.start})"


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
class SectionStats:
    """Readability of one top-level section of running text (see :attr:`Analysis.sections`)."""

    heading: int | None  # block index of the heading; None for the introduction
    title: str | None
    blocks: tuple[int, ...]  # body blocks (paragraphs, list items, quotes) of the section
    span: Span  # from the heading (or first block) to the end of the last block
    text: str
    words: int
    sentences: int
    readability: Mapping[str, float]


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
        blocks = self.document.blocks
        texts = (blocks[i].text for i in self.prose_indices)
        return tuple(
            BlockDoc(i, blocks[i], doc)
            for i, doc in zip(self.prose_indices, self._pipeline.pipe(texts), strict=True)
        )

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        for bd in self.docs:
            out.extend(self._block_sentences(bd))
        return tuple(out)

    def phrase_lemmas(self, phrase: str) -> tuple[str, ...]:
        """Lower-cased lemmas of a phrase's words, computed as for this document's words.

        Lets rules match phrase lists on lemmas, so "delve" also finds "Delving";
        results are cached per pipeline, so a phrase list costs nothing after
        the first document.
        """
        return self._pipeline.phrase_lemmas(phrase)

    def sentences_in(self, block_index: int) -> Iterator[Sentence]:
        yield from self._sentences_by_block.get(block_index, ())

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
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of running text (no title or headings): what per-sentence metrics count."""
        return tuple(s for s in self.sentences if s.block in self._body_set)

    @cached_property
    def passives(self) -> tuple[Passive, ...]:
        """Passive verb groups in running text, found without a tagger (see :func:`passives_in`)."""
        return tuple(p for s in self.body_sentences for p in passives_in(s))

    @cached_property
    def passive_share(self) -> float | None:
        """Share of running-text sentences with at least one passive verb group."""
        if not self.body_sentences:
            return None
        return len(self._passive_keys) / len(self.body_sentences)

    @cached_property
    def _passive_keys(self) -> frozenset[tuple[int, int]]:
        """(block, start) of each sentence with a passive verb group."""
        return frozenset((p.sentence.block, p.sentence.start) for p in self.passives)

    @cached_property
    def sections(self) -> tuple[SectionStats, ...]:
        """Readability per top-level section: the introduction, then each section under the title.

        A section runs from its heading to the next heading of the same or a
        higher level, subsections included; the top level is the first level
        of the tree with more than one section (usually the H2s under an H1
        title). Per-subsection numbers would rest on too few words to be stable.
        """
        return tuple(stats for stats, _ in self._sections_counted)

    @cached_property
    def _sections_counted(self) -> tuple[tuple[SectionStats, Counts | None], ...]:
        """Each section's stats with the readability counts behind them (see :attr:`metrics`)."""
        from .readability import counts, metrics_from, sentence_count

        english = self.language.code in ("en", "und")
        blocks = self.document.blocks
        out = []
        for heading, indices in _section_units(self.document):
            body = tuple(i for i in indices if i in self._body_set)
            text = "\n\n".join(blocks[i].text for i in body)
            words = len(text.split())
            if not words:
                continue
            first = blocks[heading if heading is not None else body[0]].span
            span = Span(first.start, max(first.end, blocks[body[-1]].span.end))
            sentences = sum(len(self._sentences_by_block.get(i, ())) for i in body)
            title = blocks[heading].text if heading is not None else None
            counted = counts(text) if english else None
            if counted is not None:
                stats = metrics_from(counted, sentence_count(text))
            else:
                stats = readability(text) if english else {}
            out.append((SectionStats(heading, title, body, span, text, words, sentences, stats), counted))
        return tuple(out)

    def _readability(self) -> dict[str, float]:
        """The document's readability; from its sections' counts when they cover the body.

        NOTE: counting each word once instead of twice (document and section)
        halves the metrics' cost; values are identical (tests/test_analysis.py).
        """
        from .readability import metrics_from, sentence_count

        counted = self._sections_counted
        covered = [i for stats, _ in counted for i in stats.blocks]
        with_words = {i for i in self.body_indices if self.document.blocks[i].text.split()}
        parts = [c for _, c in counted if c is not None]
        if (
            parts
            and len(parts) == len(counted)
            and len(set(covered)) == len(covered)
            and with_words <= set(covered) <= self._body_set
        ):
            total = parts[0]
            for part in parts[1:]:
                total = total + part
            return metrics_from(total, sentence_count(self.body_text))
        return readability(self.body_text)

    @cached_property
    def _body_set(self) -> frozenset[int]:
        return frozenset(self.body_indices)

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
            out.update(self._readability())
            out["sentences"] = len(self.body_sentences)
            out["passive_sentences"] = len(self._passive_keys)
            out["passive_share"] = self.passive_share
            out["sections"] = [self._section_metrics(s) for s in self.sections]
        return out

    def _section_metrics(self, section: SectionStats) -> dict[str, Any]:
        line = self.document.line_index.position(section.span.start).line
        return {
            "heading": section.title,
            "line": line,
            "words": section.words,
            "sentences": section.sentences,
            **section.readability,
        }

    def _block_sentences(self, bd: BlockDoc) -> Iterator[Sentence]:
        """The block's sentences and words, read from token arrays.

        NOTE: reading columns with ``Doc.to_array`` and looking string facts up
        once per distinct (text, lemma) avoids creating a Python ``Token`` per
        word, which cost more than tokenizing; see docs/performance.md.
        """
        from spacy.attrs import IDX, LEMMA, ORTH

        doc = bd.doc
        if not len(doc):
            return
        rows = doc.to_array([ORTH, LEMMA, IDX]).tolist()
        lexeme = self._pipeline.lexeme
        block = bd.block
        index = bd.index
        offsets = block.offsets
        for sent in doc.sents:
            words = []
            for orth, lemma, idx in rows[sent.start : sent.end]:
                lex = lexeme(orth, lemma)
                if lex.is_word:
                    end = idx + len(lex.text)
                    words.append(
                        Word(lex.text, lex.lower, lex.lemma, lex.is_stop, lex.like_num,
                             index, idx, end, offsets)
                    )
            start = sent.start_char
            end = sent.end_char
            text = block.text[start:end]
            stripped = text.rstrip()
            end -= len(text) - len(stripped)
            yield Sentence(stripped, index, start, end, block.source_span(start, end), tuple(words))


def readability(text: str) -> dict[str, float]:
    """textstat's own values for ``text`` (tests compare them to textstat directly).

    NOTE: computed by :mod:`contentlint.readability` (same formulas, syllable data
    loaded once per process, no textstat import); see docs/performance.md.
    """
    from .readability import readability as fast_readability

    return fast_readability(text)


def _section_units(document: Document) -> Iterator[tuple[int | None, range]]:
    """(heading, block indices) of the introduction and each top-level section."""
    node = document.sections
    blocks = document.blocks
    while len(node.children) == 1 and not any(blocks[i].is_prose for i in node.blocks):
        node = node.children[0]
    if node.blocks:
        yield None, range(node.blocks[0], node.children[0].heading if node.children else node.end)
    for child in node.children:
        assert child.heading is not None
        yield child.heading, range(child.heading + 1, child.end)


def blocks_of_kind(document: Document, kinds: Sequence[BlockKind]) -> Iterator[tuple[int, Block]]:
    for i, block in enumerate(document.blocks):
        if block.kind in kinds:
            yield i, block
