"""CL202 empty-section: explicit outlines in Markdown/HTML, only sure cases in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import Linter

from .test_placeholder_text import STRUCTURE, markdown_corpus_findings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


def found(linter: Linter, text: str, path: str = "a.md"):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, Config())
    return [(f.line, f.column, f.excerpt) for f in result.findings if f.code == "CL202"]


def test_ketamine_nested_plain_text_is_not_empty(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    """Lines 3, 4 and 7 are headings in a row, but they are repeats and a label (CL204, CL201),
    and the article nests its headings throughout: nothing here is an empty section."""
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    assert [f for f in result.findings if f.code == "CL202"] == []
    structure = sorted((f.line, f.code) for f in result.findings if f.code in STRUCTURE)
    assert structure == [(2, "CL203"), (3, "CL204"), (4, "CL204"), (7, "CL201"), (100, "CL203")]


def test_heat_pump_flat_outline_gap(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "heat-pump-guide.txt"
    result = linter.lint_text(path.read_text(encoding="utf-8"), str(path))
    hits = [f for f in result.findings if f.code == "CL202"]
    assert [(f.line, f.column, f.end_column, f.excerpt) for f in hits] == [
        (34, 1, 22, "Grants and Incentives")
    ]
    assert hits[0].severity.value == "warning"
    assert hits[0].fix == "Write the section, or delete the heading."


def test_half_marathon_example(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "half-marathon-plan.md"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [(69, 4, "Strength Training")]


def test_sourdough_example(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    path = EXAMPLES / "sourdough-starter.html"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [
        (74, 7, "Troubleshooting Common Problems")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Plan\n\n## Strength\n\n## Race week\n\nRest.", [(3, 4, "Strength")]),
        ("# Plan\n\n## Race week\n\nRest.\n\n## Recovery\n", [(7, 4, "Recovery")]),
        ("# Plan\n\n## Race week\n\n### Taper\n\n## Recovery\n\nSleep.", [(5, 5, "Taper")]),
        ("# Plan\n\nIntro.\n\n# Part two\n\n# Part three\n\nText.", [(5, 3, "Part two")]),
        ("Plan\n===\n\nIntro.\n\nRace week\n---------\n\nWarm up\n-------\n\nJog.", [(6, 1, "Race week")]),
    ],
)
def test_empty_sections(linter, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a parent whose content is its subsections
        "# Plan\n\n## Race week\n\n### Taper\n\nRun less.\n\n### Race day\n\nStart slow.",
        # content the parser does not turn into text still counts
        "# Plan\n\n## The course\n\n![Course map](map.png)\n\n## Race week\n\nRest.",
        "# Plan\n\n## The course\n\n<iframe src=\"https://example.com/map\"></iframe>\n\n## Race week\n\nRest.",
        "# Plan\n\n## Paces\n\n| Week | Pace |\n|---|---|\n| 1 | 6:00 |\n\n## Race week\n\nRest.",
        "# Plan\n\n## Pace maths\n\n```python\nprint(120 / 21.1)\n```\n\n## Race week\n\nRest.",
        # a lead-in that introduces the headings below it
        "# Plan\n\n## Further reading:\n\n### The long run\n\nRead it.",
        # a title alone is an empty document, not an empty section
        "# Plan",
    ],
)
def test_not_empty(linter, text) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == []


def test_html_empty_section(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = "<h1>Plan</h1>\n<h2>Strength</h2>\n<h2>Race week</h2>\n<p>Rest.</p>\n"
    assert found(linter, html, "a.html") == [(2, 5, "Strength")]
    with_image = "<h1>Plan</h1>\n<h2>The course</h2>\n<figure><img src=map.png></figure>\n<h2>Race week</h2>\n<p>Rest.</p>\n"
    assert found(linter, with_image, "a.html") == []


def test_plain_text_is_careful(linter) -> None:  # type: ignore[no-untyped-def]
    """Two headings in a row in plain text are reported only against a flat outline."""
    flat = (
        "Heat pumps in winter\n\nHow They Work\n\nThey move heat rather than make it.\n\n"
        "Running Costs Explained\n\nBills depend on the tariff and the insulation.\n\n"
        "Grants and Incentives\n\nTips for Lowering Your Bills\n\n"
        "Keep the thermostat steady and bleed the radiators.\n"
    )
    assert found(linter, flat, "a.txt") == [(11, 1, "Grants and Incentives")]
    nested = (
        "Heat pumps in winter\n\nHow They Work\n\nThe Refrigerant Cycle\n\nThey move heat.\n\n"
        "Defrosting\n\nIce melts off the coil.\n\nRunning Costs\n\nWinter Bills\n\nThey rise.\n"
    )
    assert found(linter, nested, "a.txt") == []
    related = (
        "Jam\n\nPicking Pears\n\nChoose ripe ones.\n\nCooking the Fruit\n\nSimmer gently.\n\n"
        "Jam Tips\n\nTip One: Sterilise the Jars\n\nBoil them for ten minutes.\n"
    )
    assert found(linter, related, "a.txt") == []
    recipe = (
        "Jam\n\nPICKING PEARS\n\nChoose ripe ones.\n\nCOOKING THE FRUIT\n\nSimmer gently.\n\n"
        "Spiced Honey Pear Jam\n\nIngredients\n\n8 ripe pears\n"
    )
    assert found(linter, recipe, "a.txt") == []


def test_placeholder_heading_is_left_to_cl201(linter) -> None:  # type: ignore[no-untyped-def]
    text = "# Plan\n\n## Add Your Heading Text Here\n\n## Race week\n\nRest."
    result = linter.lint_text(text, "a.md", None, Config())
    assert [(f.code, f.line) for f in result.findings if f.code in STRUCTURE] == [("CL201", 3)]


def test_news_corpus_plain_text(news_results) -> None:  # type: ignore[no-untyped-def]
    flagged = {k[:8]: [(f.line, f.excerpt) for f in r.findings if f.code == "CL202"] for k, r in news_results.items()}
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert flagged == {}


def test_news_corpus_markdown(news_dir) -> None:  # type: ignore[no-untyped-def]
    flagged = {k[:8]: [h for h in v if h[0] == "CL202"] for k, v in markdown_corpus_findings().items()}
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert flagged == {}
