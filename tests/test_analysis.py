"""The default pipeline's own sentence and lemma annotation equals spaCy's components.

``NlpPipeline.annotate`` replaces spaCy's ``sentencizer`` and lookup
``lemmatizer`` for speed (docs/performance.md); every rule's findings depend
on it giving the very same sentences and lemmas, so it is compared with the
real components on real text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contentlint.analysis import Analysis, NlpPipeline
from contentlint.parsers import parser_for


@pytest.fixture(scope="module")
def reference() -> Any:
    """spaCy's blank English with the stock sentencizer and lookup lemmatizer."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # installed spacy-lookups-data: no download
    return nlp


def _texts(ketamine_path: Path, news_bodies: list[tuple[str, str]]) -> list[str]:
    texts = [ketamine_path.read_text(encoding="utf-8")]
    texts += [body for _, body in news_bodies[:60]]
    texts += ["", "   ", "Dr. Smith said so... Really?! Yes.", "“Quoted.” Then more", "a\n\nb"]
    return texts


def test_annotation_equals_spacy_components(
    reference: Any, ketamine_path: Path, news_bodies: list[tuple[str, str]]
) -> None:
    pipeline = NlpPipeline()
    for text in _texts(ketamine_path, news_bodies):
        for paragraph in text.split("\n\n"):
            ours = next(pipeline.pipe([paragraph]))
            theirs = reference(paragraph)
            assert [t.text for t in ours] == [t.text for t in theirs]
            assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs], paragraph
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs], paragraph


def test_words_carry_fixed_lemmas_and_lazy_spans(ketamine_path: Path) -> None:
    text = ketamine_path.read_text(encoding="utf-8")
    document = parser_for("text")(text, str(ketamine_path))
    analysis = Analysis(document, NlpPipeline())
    words = analysis.words
    assert words, "no words"
    for word in words[:2000]:
        assert text[word.span.start : word.span.end] == word.text
    # The lookup table is exact-case: a capitalised word is looked up again in lower case.
    assert {w.lemma for w in words if w.lower == "delving"} == {"delve"}
    assert analysis.phrase_lemmas("Delving into") == ("delve", "into")


def test_document_readability_from_section_counts_equals_direct(
    ketamine_path: Path, news_bodies: list[tuple[str, str]]
) -> None:
    """The document's metrics are summed from its sections' counts: same values as direct."""
    from contentlint.analysis import readability

    pipeline = NlpPipeline()
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").rglob("*.md"))
    inputs = [(ketamine_path.read_text(encoding="utf-8"), "text")]
    inputs += [(body, "text") for _, body in news_bodies[:80]]
    inputs += [(path.read_text(encoding="utf-8"), "markdown") for path in examples]
    for text, fmt in inputs:
        analysis = Analysis(parser_for(fmt)(text, "x"), pipeline, language="en")
        if not analysis.body_text.split():
            continue
        metrics = analysis.metrics
        direct = readability(analysis.body_text)
        assert {k: metrics[k] for k in direct} == direct


def test_annotation_equals_spacy_components_on_generated_text(reference: Any) -> None:
    """Any text, not only prose: punctuation runs, quotes, symbols, other scripts, spaces."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pipeline = NlpPipeline()
    pieces = st.sampled_from(
        ["Dr.", "U.S.", "said", "it's", "don\u2019t", ".", "!", "?", "...", "\u2026", "\u201c",
         "\u201d", '"', "(", ")", "-", "\u2014", ";", ":", "3.5", "e.g.", "Mr", " ", "\n", "\t",
         "\u3002", "\u0964", "na\u00efve", "\u65e5\u672c", "#", "@user", "https://x.example/a?b=c",
         "A", "The", "Delving", "studies", "were", "was", "\u00a0", "''", "--"]
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(pieces, max_size=40).map(" ".join))
    def same(text: str) -> None:
        ours = next(pipeline.pipe([text]))
        theirs = reference(text)
        assert [t.text for t in ours] == [t.text for t in theirs]
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]

    same()
