"""CL303 writer-instructions on real text: the ketamine example, prompts, notes, near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import Linter
from contentlint.findings import FileResult, Finding
from tests.conftest import corpus_hits

CODE = "CL303"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def findings(
    linter: Linter, text: str, name: str = "article.md", fmt: str | None = None
) -> list[Finding]:
    result = linter.lint_text(text, name, fmt, Config())
    return [f for f in result.findings if f.code == CODE]


def test_ketamine_instruction_paragraph(linter: Linter, ketamine_path: Path) -> None:
    text = ketamine_path.read_text(encoding="utf-8")
    found = [f for f in linter.lint_text(text, str(ketamine_path)).findings if f.code == CODE]
    # One finding for the three adjacent instruction sentences of line 74. Line 94 ("Expert
    # opinions from reputable professionals ... further underscore the legitimacy ...") is
    # summary filler, not an instruction: it tells nobody what to add.
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(74, 1, 74, 453)]
    assert found[0].excerpt.startswith("Incorporating expert opinions adds a valuable layer")
    assert found[0].excerpt.endswith("in the broader landscape of mental health care.")
    assert found[0].message.startswith("writer instructions left in the text")


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Note to editor: add a comparison table.", "Note to editor: add a comparison table."),
        ("Target keyword: invisalign cost", "Target keyword: invisalign cost"),
        ("In this section, discuss the benefits of yoga for older adults.",
         "In this section, discuss the benefits of yoga for older adults."),
        ("This article should include three quotes from nurses.",
         "This article should include three quotes from nurses."),
        ("Statistics from trusted sources can give readers confidence in the article.",
         "Statistics from trusted sources can give readers confidence in the article."),
    ],
    ids=["note", "brief", "imperative", "should-include", "element-benefit"],
)
def test_instructions_fire(linter: Linter, text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings(linter, text)] == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "Editor's note: This story was updated at 5:45 p.m. ET to include details from NASA.",
        "This post may contain affiliate links.",
        "Add the flour [about 500 g] and stir. [Update: the mill now sells rye too.]",
        "Add more water (about 20 g) if the dough feels stiff.",
        "He said it was \"the [Syrian] regime\" that blocked the road.",
        "Your introduction should include a hook, and each section should include an example.",
        "\"This section aims to include the voices of patients,\" the editor wrote in 2019.",
        "Expert opinions from psychiatrists further underscore the potential of ketamine.",
        "Using data from 41 contractors, the group found that prices rose by 12%.",
    ],
    ids=["editors-note", "affiliate", "brackets", "parenthesis", "sic", "writing-advice",
         "quoted", "filler", "data"],
)
def test_near_misses_do_not_fire(linter: Linter, text: str) -> None:
    assert findings(linter, text) == []


def test_example_articles(linter: Linter) -> None:
    lines = {}
    for name in ("heat-pump-guide.txt", "half-marathon-plan.md", "clean-rain-gardens.md"):
        path = EXAMPLES / name
        found = findings(linter, path.read_text(encoding="utf-8"), str(path))
        lines[name] = [f.line for f in found]
    assert lines == {
        # Line 47 of the guide and line 10 of the plan are bracketed prompts: CL201's.
        "heat-pump-guide.txt": [45],
        "half-marathon-plan.md": [],
        "clean-rain-gardens.md": [],
    }


def test_html_prompt(linter: Linter) -> None:
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<html><body><article><h1>Heat pumps</h1>"
        "<p>Incorporating expert opinions adds a valuable layer of credibility to the "
        "article.</p><p>[Add a quote from an installer&nbsp;here]</p></article></body></html>"
    )
    found = findings(linter, html, "page.html", "html")
    assert [f.excerpt for f in found] == [
        "Incorporating expert opinions adds a valuable layer of credibility to the article.",
    ]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Roughly [Insert statistic here] of entrants never start.", "[Insert statistic here]"),
        ("## Expert opinions\n\n[Add a quote from a certified installer here]",
         "[Add a quote from a certified installer here]"),
        ("Prices start at {{insert price}} a month.", "{{insert price}}"),
        ("See the official guidance (insert link here) before you start.", "(insert link here)"),
    ],
    ids=["bracket", "bracket-heading", "template", "parenthesis"],
)
def test_bracketed_prompts_are_placeholder_texts(linter: Linter, text: str, excerpt: str) -> None:
    """One defect, one finding: a bracketed prompt is CL201's fill-in marker, not also CL303's."""
    found = linter.lint_text(text, "draft.md").findings
    assert [(f.code, f.excerpt) for f in found if f.code in ("CL201", CODE)] == [("CL201", excerpt)]


def test_news_corpus_is_silent(news_results: dict[str, FileResult]) -> None:
    assert len(corpus_hits(news_results, CODE)) <= 1
