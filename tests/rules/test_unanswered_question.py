"""CL302 unanswered-question on real text: the ketamine example, answered headings, news."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import Linter
from contentlint.findings import FileResult, Finding
from tests.conftest import corpus_hits

CODE = "CL302"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def findings(
    linter: Linter, text: str, name: str = "article.md", fmt: str | None = None
) -> list[Finding]:
    result = linter.lint_text(text, name, fmt, Config())
    return [f for f in result.findings if f.code == CODE]


@pytest.fixture(scope="module")
def ketamine(linter: Linter, ketamine_path: Path) -> list[Finding]:
    text = ketamine_path.read_text(encoding="utf-8")
    return [f for f in linter.lint_text(text, str(ketamine_path)).findings if f.code == CODE]


def test_ketamine_questions_are_flagged_exactly(ketamine: list[Finding]) -> None:
    # Lines 3 and 4 repeat the title ("How Long ...?"): they are copies of the title, which
    # CL204 repeated-title reports; flagging them again would report one question three times.
    # "Results and Complications" (24) mentions a timeline only in its text, not its heading.
    assert [(f.line, f.column, f.excerpt) for f in ketamine] == [
        (1, 1, "How Long Do You Have to Take Ketamine for Depression?"),
        (14, 1, "How Often Are Ketamine Infusions Administered?"),
        (20, 1, "Treatment Duration and Frequency"),
        (42, 1, "Neurological Impact and Duration"),
        (46, 1, "Side Effects and Cost"),
        (54, 1, "Ketamine for Treatment-Resistant Depression: When and Where is it Safe?"),
    ]


def test_ketamine_messages(ketamine: list[Finding]) -> None:
    messages = {f.line: f.message for f in ketamine}
    assert messages[1].startswith(
        "the title asks 'How Long' but the article never gives a time span"
    )
    assert messages[14].startswith(
        "the heading asks 'How Often' but its section never gives a frequency"
    )
    assert messages[20].startswith(
        "the heading names 'Duration' and 'Frequency' but its section never gives a duration "
        "or a frequency"
    )
    assert messages[46].startswith("the heading names 'Cost' but its section never gives a cost")
    assert messages[54].startswith("the heading asks 'When' but its section never gives a date")


@pytest.mark.parametrize(
    "text",
    [
        "# How long do you have to take ketamine?\n\nMost clinics start with six infusions over "
        "two to three weeks.\n",
        "# How often are infusions given?\n\nTwice a week at first, then every three to eight "
        "weeks.\n",
        "## Dosage\n\nThe usual dose is 0.5 mg/kg, infused over 40 minutes.\n",
        "## Side effects and cost\n\nNausea is common. A single infusion costs $400 to $800.\n",
        "## When to plant\n\nSow the seeds in March, once the soil has warmed.\n",
        "## How much does it cost?\n\n| Item | Cost |\n|---|---|\n| Plants | $195 |\n",
        "## Price: $5 a month\n\nThe plan renews automatically.\n",
        "## How many people use it?\n\nAbout forty thousand, according to the company.\n",
    ],
    ids=["duration", "frequency", "dose", "price", "date", "table", "in-heading", "spelled"],
)
def test_answered_questions_do_not_fire(linter: Linter, text: str) -> None:
    assert findings(linter, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "## Who pays the cost of a tariff?\n\nImporters pay it, and they pass it on.\n",
        "## Modeling cost-effectiveness\n\nWe compare programmes by the good they do.\n",
        "## Why is ketamine so expensive?\n\nClinics need an anaesthetist on site.\n",
        "## What to do when your starter smells\n\nFeed it and leave it somewhere warm.\n",
    ],
    ids=["who", "hyphenated", "why", "when-in-clause"],
)
def test_questions_that_do_not_ask_for_a_quantity(linter: Linter, text: str) -> None:
    assert findings(linter, text) == []


def test_unanswered_label_and_question_headings(linter: Linter) -> None:
    text = (
        "# How much does Invisalign cost?\n\n"
        "In today's world a confident smile matters.\n\n"
        "## Dosage and timeline\n\n"
        "Treatment length varies from person to person.\n"
    )
    found = findings(linter, text)
    assert [(f.line, f.column, f.excerpt) for f in found] == [
        (1, 3, "How much does Invisalign cost?"),
        (5, 4, "Dosage and timeline"),
    ]
    assert "never gives a dose or a timeline" in found[1].message


def test_example_articles(linter: Linter) -> None:
    path = EXAMPLES / "heat-pump-guide.txt"
    found = findings(linter, path.read_text(encoding="utf-8"), str(path))
    # The title (planted) and two cost headings whose sections give no figure at all; the
    # copies of the title on lines 3-4 are left to CL204.
    assert [f.line for f in found] == [1, 24, 30]
    clean = EXAMPLES / "clean-rain-gardens.md"
    assert findings(linter, clean.read_text(encoding="utf-8"), str(clean)) == []


def test_html_headings(linter: Linter) -> None:
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<html><body><article><h1>How much does a sourdough starter cost?</h1>"
        "<p>It depends on your kitchen and on the flour you use.</p>"
        "<h2>How long until it is ready?</h2><p>Usually five to seven days.</p>"
        "</article></body></html>"
    )
    found = findings(linter, html, "page.html", "html")
    assert [f.excerpt for f in found] == ["How much does a sourdough starter cost?"]


def test_news_corpus_is_silent(news_results: dict[str, FileResult]) -> None:
    assert len(corpus_hits(news_results, CODE)) <= 2


@pytest.fixture(scope="module")
def kinds_of() -> Callable[[str], set[str]]:
    """The shared concrete-answer helper, run on one sentence of real analysis."""
    from contentlint.rules._promise_answers import sentence_kinds

    from contentlint.analysis import Analysis, NlpPipeline
    from contentlint.parsers import parser_for

    pipeline = NlpPipeline()

    def kinds(text: str) -> set[str]:
        analysis = Analysis(parser_for("text")(text, "s.txt"), pipeline, "en")
        return {k.value for s in analysis.sentences for k in sentence_kinds(s.words)}

    return kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most clinics give six infusions over two to three weeks.",
            {"number", "dose", "duration"},
        ),
        ("Water them twice a week.", {"frequency"}),
        ("Runners do four runs a week.", {"number", "frequency"}),
        ("It costs £159.99 without adverts.", {"number", "price"}),
        ("The app is free.", {"price"}),
        ("The usual dose is 0.5 mg/kg.", {"number", "dose"}),
        ("Take 10mg at night.", {"number", "dose"}),
        ("It drains within a day.", {"duration"}),
        ("Sow the seeds in March.", {"date"}),
        ("The plan was approved in 2019.", {"number", "date"}),
        ("Updates arrive every few months.", {"frequency"}),
        ("About a dozen people came.", {"number"}),
        ("It was led by Ana Ruiz of Lakeland State University.", {"name"}),
        ("The intervals between infusions may be determined by the provider.", set()),
        ("Some may need more time, and one of them needs a series of sessions.", set()),
        ("Once established, it may help with a few sessions.", set()),
    ],
)
def test_concrete_answer_kinds(
    kinds_of: Callable[[str], set[str]], text: str, expected: set[str]
) -> None:
    assert kinds_of(text) == expected
