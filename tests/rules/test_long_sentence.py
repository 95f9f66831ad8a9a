"""CL502 long-sentence: words counted as a reader counts them, with a hint where to split."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]
LONG = (
    "Ketamine, which was first recognised as an anaesthetic and which has since evolved in its "
    "application to include the treatment of depression in adults who have not responded to "
    "other medication, impacts the brain in ways that are quite distinct from traditional "
    "antidepressants."
)
#: 30 words for a reader, 38 spaCy tokens ("Ketamine" + "'s", "hard" "to" "treat", ...).
THIRTY = (
    "Ketamine's effects don't last: the clinic's hard-to-treat patients usually need a top-up "
    "dose every few weeks, and they're told to bring a friend because they can't drive home by "
    "themselves."
)
THIRTY_ONE = THIRTY[:-1] + " afterwards."


def long_sentences(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [f for f in result.findings if f.code == "CL502"]


def test_long_sentence_span_and_message(linter) -> None:  # type: ignore[no-untyped-def]
    (finding,) = long_sentences(linter, f"# Ketamine\n\n{LONG} It works fast.\n")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 3, len(LONG) + 1)
    assert finding.excerpt == LONG
    assert finding.message == (
        "sentence has 43 words (limit 30); split it into shorter sentences with one idea each"
    )
    assert finding.related == ()  # no comma or semicolon in the middle half to split at
    assert finding.severity.value == "info"


def test_words_are_counted_like_a_reader_counts_them(linter) -> None:  # type: ignore[no-untyped-def]
    assert long_sentences(linter, THIRTY) == []
    (finding,) = long_sentences(linter, THIRTY_ONE)
    assert finding.message == (
        "sentence has 31 words (limit 30); split it into shorter sentences with one idea each, "
        'for example before "and"'
    )
    # The colon after four words would leave a fragment; the ", and" is in the middle.
    ((related),) = finding.related
    assert (related.line, related.column, related.message) == (
        1, 112, "a natural place to end the first sentence"
    )
    assert THIRTY_ONE[111:114] == "and"


def test_headings_and_titles_are_skipped(linter) -> None:  # type: ignore[no-untyped-def]
    heading = " ".join(["Word"] * 35)
    assert long_sentences(linter, f"# {heading}\n\n## {heading}\n\nShort text.\n") == []


def test_max_words_option(linter) -> None:  # type: ignore[no-untyped-def]
    config = parse_config({"rules": {"long-sentence": {"max-words": 45}}}, "max45.toml", ROOT)
    assert long_sentences(linter, LONG, config=config) == []
    config = parse_config({"rules": {"long-sentence": {"max-words": 8}}}, "max8.toml", ROOT)
    found = long_sentences(linter, "The clinic opens at nine on every weekday morning. It closes at five.", config=config)
    assert [(f.column, f.message[:27]) for f in found] == [(1, "sentence has 9 words (limit")]


def test_list_items_and_quotes_count(linter) -> None:  # type: ignore[no-untyped-def]
    text = f"# Notes\n\n- {LONG}\n\n> {LONG}\n"
    assert [(f.line, f.column) for f in long_sentences(linter, text)] == [(3, 3), (5, 3)]


def test_html(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = f"<article><h1>Ketamine</h1><p>{LONG.replace('brain', '<em>brain</em>')}</p></article>"
    (finding,) = long_sentences(linter, html, "a.html")
    assert finding.column == 30
    assert finding.excerpt.startswith("Ketamine, which") and "<em>brain</em>" in finding.excerpt


def test_example_articles(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    examples = ROOT / "examples" / "articles"
    clean = linter.lint_paths([str(examples / "clean-rain-gardens.md")]).files[0]
    assert [f for f in clean.findings if f.code == "CL502"] == []
    heat = linter.lint_paths([str(examples / "heat-pump-guide.txt")]).files[0]
    found = [(f.line, f.message.split(";")[0]) for f in heat.findings if f.code == "CL502"]
    assert (22, "sentence has 101 words (limit 30)") in found  # the planted monster sentence
    # The ketamine article is wordy but its sentences stay at 30 words or fewer.
    ketamine = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), "k.txt", "text")
    assert [f for f in ketamine.findings if f.code == "CL502"] == []


def test_news_corpus(news_results) -> None:  # type: ignore[no-untyped-def]
    """News sentences average about 20 words, but ledes and attributions often run past 30.

    The 30-word default is the issue's; on edited news it flags roughly one sentence in
    seven. This test pins that rate so a sentence-splitting regression (which would glue
    sentences together) shows up.
    """
    flagged = sentences = 0
    for result in news_results.values():
        flagged += sum(1 for f in result.findings if f.code == "CL502")
        sentences += result.metrics.get("sentences", 0)
    print(f"CL502 on news: {flagged} of {sentences} sentences")
    assert flagged / sentences < 0.16
