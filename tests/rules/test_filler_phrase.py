"""CL505 filler-phrase: a curated list matched on lemmas, extendable and trimmable from config."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


def fillers(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [(f.line, f.column, f.excerpt) for f in result.findings if f.code == "CL505"]


def test_ketamine_example(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    found = {(f.line, f.column, f.end_column, f.excerpt) for f in result.findings if f.code == "CL505"}
    required = {
        (30, 25, 32, "delving"),
        (44, 119, 124, "delve"),
        (58, 160, 165, "delve"),
        (90, 69, 90, "multifaceted approach"),
        (98, 42, 60, "evolving landscape"),
        (94, 253, 267, "beacon of hope"),
    }
    assert required <= found
    assert {(12, 371, 376, "delve"), (90, 1, 14, "In conclusion"), (98, 241, 247, "embark")} <= found
    beacon = next(f for f in result.findings if f.code == "CL505" and f.line == 94 and f.column == 253)
    assert beacon.message == '"beacon of hope" is filler; say concretely what it offers'
    assert beacon.fix == "Say concretely what it offers."
    assert beacon.severity.value == "info"
    assert len(found) == 23


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We delved into it. She delves into it. Delving into it helps.", ["delved", "delves", "Delving"]),
        ("They embarked on a journey of discovery.", ["embarked on a journey"]),
        ("They embark on many things.", ["embark"]),
        ("It’s important to note the risk.", ["It’s important to note"]),
        ("It's important to note the risk.", ["It's important to note"]),
        ("It was important to note the risk.", ["It was important to note"]),
        ("In the ever evolving landscape of retail, ", ["ever evolving landscape"]),
        ("Navigating the Complexities of Tax", ["Navigating the Complexities"]),
        ("He plays a pivotal role here; they played a crucial role.", ["plays a pivotal role", "played a crucial role"]),
        ("Safety is paramount. Paramount Pictures said no.", ["is paramount"]),
        ("The landscape is hilly. We studied rain gardens in depth.", []),
        ("The team will navigate the river and journey home.", []),
    ],
)
def test_inflections_and_boundaries(linter, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [excerpt for _, _, excerpt in fillers(linter, text)] == expected


def test_longest_phrase_wins(linter) -> None:  # type: ignore[no-untyped-def]
    assert fillers(linter, "In the ever-evolving landscape of retail, we embark on a journey.") == [
        (1, 8, "ever-evolving landscape"),
        (1, 46, "embark on a journey"),
    ]


def test_markdown_offsets_skip_markup_and_code(linter) -> None:  # type: ignore[no-untyped-def]
    text = (
        "# A *multifaceted* guide\n\n"
        "We **delve** into [the nuances of](https://example.com/x) soil.\n\n"
        "```\nIt is important to note this code.\n```\n\n"
        "Use `delve` as a command.\n"
    )
    assert fillers(linter, text) == [(1, 6, "multifaceted"), (3, 6, "delve"), (3, 20, "the nuances of")]


def test_html_offsets(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<html><body><article><h1>Rain gardens</h1>"
        "<p>In conclusion, this is a beacon&nbsp;of hope for&nbsp;lawns.</p></article></body></html>"
    )
    result = Linter().lint_text(html, "a.html", "html", Config())
    found = [(f.line, f.column, f.excerpt) for f in result.findings if f.code == "CL505"]
    assert found == [(1, 46, "In conclusion"), (1, 71, "beacon&nbsp;of hope")]


def test_extra_and_disabled_phrases(linter) -> None:  # type: ignore[no-untyped-def]
    config = parse_config(
        {
            "rules": {
                "filler-phrase": {
                    "extra-phrases": ["move the needle | say what improves", "synergy"],
                    "disabled-phrases": ["Delving", "in conclusion"],
                }
            }
        },
        "filler-config.toml",
        ROOT,
    )
    text = "In conclusion, we delve into synergies that moved the needle. It is multifaceted."
    result = linter.lint_text(text, "a.txt", "text", config)
    found = [(f.excerpt, f.message) for f in result.findings if f.code == "CL505"]
    assert found == [
        ("synergies", '"synergies" is filler; cut it or say it plainly'),
        ("moved the needle", '"moved the needle" is filler; say what improves'),
        ("multifaceted", '"multifaceted" is filler; say "complex", or name the parts'),
    ]


def test_example_articles(linter) -> None:  # type: ignore[no-untyped-def]
    clean = linter.lint_paths([str(EXAMPLES / "clean-rain-gardens.md")]).files[0]
    assert [f for f in clean.findings if f.code == "CL505"] == []
    marathon = linter.lint_paths([str(EXAMPLES / "half-marathon-plan.md")]).files[0]
    found = [(f.line, f.excerpt) for f in marathon.findings if f.code == "CL505"]
    # Line 8 of the plan, its filler paragraph (67) and its conclusion (79); not the code block.
    assert found == [
        (8, "delve"),
        (8, "It is important to note"),
        (67, "delve"),
        (67, "ever-evolving landscape"),
        (67, "navigating the complexities"),
        (79, "In conclusion"),
        (79, "multifaceted"),
        (79, "beacon of hope"),
        (79, "embark on a journey"),
    ]


def test_news_corpus_is_almost_silent(news_results) -> None:  # type: ignore[no-untyped-def]
    """Residual hits on edited news are real padding: "each and every" (3), "It should be
    noted" (2), "a game changer" and "a wealth of"."""
    hits = [
        (key[:8], f.line, f.excerpt)
        for key, result in news_results.items()
        for f in result.findings
        if f.code == "CL505"
    ]
    print(f"CL505 on news: {len(hits)} findings: {hits}")
    assert len(hits) <= 8
    assert {excerpt.lower() for *_, excerpt in hits} <= {
        "each and every", "it should be noted", "game changer", "a wealth of",
    }


def test_lemmas_of_capitalised_words_and_curly_apostrophes(linter) -> None:  # type: ignore[no-untyped-def]
    """The analysis fixes the lookup lemmatizer's exact-text matching for everyone."""
    from contentlint.analysis import Analysis
    from contentlint.parsers import parser_for

    document = parser_for("text")("Delving deeper. We delved. It’s done. Ketamine helps.", "a.txt")
    analysis = Analysis(document, linter._pipeline(None))
    # Words the table does not know keep their case ("We", "Ketamine"); "’s" reads as "'s".
    assert [w.lemma for w in analysis.words] == [
        "delve", "deep", "We", "delve", "It", "have", "do", "Ketamine", "help",
    ]
    assert analysis.lemma_counts["delve"] == 2
    assert analysis.phrase_lemmas("Navigating the Complexities") == ("navigate", "the", "complexity")
