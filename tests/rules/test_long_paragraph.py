"""CL503 long-paragraph: over 150 words, or over 6 sentences of real length."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]
WATER = (
    "Rain gardens catch the water that runs off roofs, driveways and lawns. "
    "They let it soak into the ground within a day or two after a storm. "
    "That keeps fertilizer, oil and soil out of the storm drains and the creeks."
)
MONEY = (
    "Most home gardens cost a few hundred dollars to build if you dig them yourself. "
    "Plants are the largest cost, at three to four dollars for each small plug. "
    "Compost and mulch add another hundred dollars or so for a typical garden. "
    "Many cities pay rebates that cover most of the materials for a first garden."
)
SCORES = (
    "Rockledge: Blakely 15 points. Devoe 2 points. Baker 6 points. Brown 4 points. "
    "Upshaw 3 points. Smith 8 points. Jones 1 point."
)


def long_paragraphs(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [f for f in result.findings if f.code == "CL503"]


def test_too_many_sentences(linter) -> None:  # type: ignore[no-untyped-def]
    paragraph = f"{WATER} {MONEY}"
    (finding,) = long_paragraphs(linter, f"# Rain gardens\n\n{paragraph}\n\n{WATER}\n")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
        3, 1, 3, len(paragraph) + 1
    )
    assert finding.excerpt == paragraph
    assert finding.message == (
        "paragraph has 97 words in 7 sentences (limits 150 words, 6 sentences); break it where "
        'the topic shifts, for example before "Most home gardens cost..."'
    )
    # The vocabulary changes from water to money between the third and fourth sentence.
    ((related),) = finding.related
    assert (related.line, related.column) == (3, len(WATER) + 2)
    assert finding.severity.value == "info"


def test_too_many_words(linter) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "The garden needs a shallow basin, a berm on the low side, an inlet from the downspout, "
        "a layer of compost worked into the native soil, and plants that tolerate both standing "
        "water after storms and dry spells in late summer"
    )
    paragraph = "; ".join([sentence] * 4) + "."
    (finding,) = long_paragraphs(linter, paragraph)
    assert finding.message.startswith("paragraph has 164 words in 1 sentence (limits")
    assert finding.related == ()  # a single sentence has no paragraph break to suggest


def test_short_sentences_do_not_make_a_wall(linter) -> None:  # type: ignore[no-untyped-def]
    # Seven sentences but 27 words: a box score, not a wall of text.
    assert long_paragraphs(linter, f"# Results\n\n{SCORES}\n") == []


def test_options_and_block_kinds(linter) -> None:  # type: ignore[no-untyped-def]
    config = parse_config(
        {"rules": {"long-paragraph": {"max-words": 40, "max-sentences": 10}}}, "para40.toml", ROOT
    )
    text = f"# Rain gardens\n\n{MONEY}\n\n- {MONEY}\n\n> {MONEY}\n\n## {MONEY}\n"
    found = long_paragraphs(linter, text, config=config)
    assert [(f.line, f.column) for f in found] == [(3, 1), (5, 3), (7, 3)]  # not the heading


def test_html(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = f"<article><h1>Rain gardens</h1><p>{WATER} {MONEY}</p><p>{WATER}</p></article>"
    (finding,) = long_paragraphs(linter, html, "a.html")
    assert (finding.line, finding.column) == (1, 34)
    assert finding.excerpt == f"{WATER} {MONEY}"


def test_examples(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    ketamine = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), "k.txt", "text")
    assert [f for f in ketamine.findings if f.code == "CL503"] == []  # wordy, not walls
    clean = linter.lint_paths([str(ROOT / "examples" / "articles" / "clean-rain-gardens.md")])
    assert [f for f in clean.files[0].findings if f.code == "CL503"] == []


def test_news_corpus(news_results) -> None:  # type: ignore[no-untyped-def]
    """Residual hits are real long paragraphs: 10 of them in one long-form essay (851498a2),
    tour-date lists flattened into one paragraph, and a few 150-170-word news paragraphs."""
    hits = {
        key[:8]: sum(1 for f in result.findings if f.code == "CL503")
        for key, result in news_results.items()
    }
    total = sum(hits.values())
    articles = [key for key, count in hits.items() if count]
    print(f"CL503 on news: {total} findings in {len(articles)} articles: {sorted(articles)}")
    assert total <= 30 and len(articles) <= 15
    assert hits["851498a2"] == 10
