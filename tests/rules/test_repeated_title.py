"""CL204 repeated-title: the title or a heading shown again as a whole line, with small differences."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import Linter

from .test_placeholder_text import markdown_corpus_findings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


def found(linter: Linter, text: str, path: str = "a.md"):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, Config())
    return [(f.line, f.column, f.excerpt) for f in result.findings if f.code == "CL204"]


def test_ketamine_title_pasted_twice(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    hits = [f for f in result.findings if f.code == "CL204"]
    title = "How Long Do You Have to Take Ketamine for Depression"
    assert [(f.line, f.column, f.end_column, f.excerpt) for f in hits] == [
        (3, 1, 54, title + "?"),
        (4, 1, 53, title),
    ]
    for f in hits:
        assert f.severity.value == "warning"
        assert f.fix == "Delete the repeated line."
        assert [(r.message, r.line, r.column, r.end_line, r.end_column) for r in f.related] == [
            ("title is here", 1, 1, 1, 54)
        ]
        assert f.message == f"the title \u201c{title}?\u201d is repeated here; delete the repeated line"


def test_heat_pump_repeats_inside_a_joined_paragraph(linter) -> None:  # type: ignore[no-untyped-def]
    """Plain text joins line 4 (it starts in lower case) to line 3; each line is still a repeat."""
    path = EXAMPLES / "heat-pump-guide.txt"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [
        (3, 1, "How Much Does It Cost to Run a Heat Pump Through the Winter?"),
        (4, 1, "how much does it cost to run a heat pump through the winter"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Rain Gardens: What They Cost\n\nRain gardens what they cost\n\nThey cost $5.", [(3, 1, "Rain gardens what they cost")]),
        ("# How big should it be?\n\n## How Big Should It Be\n\nAbout a fifth of the roof.", [(3, 4, "How Big Should It Be")]),
        # a one-character typo in a long title
        ("# How much does a rain garden cost?\n\nHow much does a rain garden cots?\n\nAbout $5.", [(3, 1, "How much does a rain garden cots?")]),
        # a heading printed twice in a row
        ("# Rain gardens\n\n## Where the money goes\n\n## Where the Money Goes\n\nSoil and plants.", [(5, 4, "Where the Money Goes")]),
        # a heading repeated as a line inside its own section
        ("# Rain gardens\n\n## Where the money goes\n\nSoil and plants.\n\nWhere the money goes\n\nLabour too.", [(7, 1, "Where the money goes")]),
        # front-matter title: its first showing in the body is the headline, the second a repeat
        ("---\ntitle: Rain gardens explained\n---\n\n# Rain gardens explained\n\nRain Gardens Explained\n\nThey soak.", [(7, 1, "Rain Gardens Explained")]),
    ],
)
def test_repeats(linter, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the title quoted in the body
        "# How much does a rain garden cost?\n\n\u201cHow much does a rain garden cost?\u201d is the first question residents ask.",
        "# How much does a rain garden cost?\n\n\u201cHow much does a rain garden cost?\u201d\n\nResidents ask it first.",
        # the front-matter title shown once as the headline
        "---\ntitle: Rain gardens explained\n---\n\n# Rain gardens explained\n\nThey soak up water.",
        # parallel subsections under different parents
        "# Two kits\n\n## Kit A\n\n### Pros and cons of it\n\nCheap.\n\n## Kit B\n\n### Pros and cons of it\n\nDear.",
        "# Two kits\n\n## Kit A\n\n### Pros\n\nCheap.\n\n### Cons\n\nFlimsy.\n\n## Kit B\n\n### Pros\n\nSturdy.\n\n### Cons\n\nDear.",
        # a table of contents before the sections it lists
        "# Rain gardens\n\nWhat a rain garden does\n\nWhere the money goes\n\nHow big it should be\n\n"
        "## What a rain garden does\n\nIt soaks.\n\n## Where the money goes\n\nSoil.\n\n## How big it should be\n\nSmall.",
        # a recurring layout label (a deals box) is not a slip
        "Deals\n\nAirPods\n\nAvailable from Amazon\n\nGood.\n\niPad\n\nAvailable from Amazon\n\nGood.\n\nKindle\n\nAvailable from Amazon\n\nGood.",
    ],
)
def test_near_misses(linter, text) -> None:  # type: ignore[no-untyped-def]
    path = "a.txt" if not text.startswith(("#", "---")) else "a.md"
    assert found(linter, text, path) == []


def test_html_title_with_site_name(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    page = (
        "<html><head><title>How to Make a Sourdough Starter | The Crumb Kitchen</title></head>"
        "<body><article><h1>How to Make a Sourdough Starter</h1><p>Mix flour and water.</p>\n"
        "<p>How to make a sourdough starter</p><p>Feed it daily.</p></article></body></html>"
    )
    result = linter.lint_text(page, "a.html", None, Config())
    hits = [f for f in result.findings if f.code == "CL204"]
    assert [(f.line, f.column, f.excerpt) for f in hits] == [(2, 4, "How to make a sourdough starter")]
    assert [(r.message, r.line, r.column) for r in hits[0].related] == [("title is here", 1, 105)]


def test_news_corpus_plain_text(news_results) -> None:  # type: ignore[no-untyped-def]
    flagged = {k[:8]: [(f.line, f.excerpt) for f in r.findings if f.code == "CL204"] for k, r in news_results.items()}
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert flagged == {}


def test_news_corpus_markdown(news_dir) -> None:  # type: ignore[no-untyped-def]
    flagged = {k[:8]: [h for h in v if h[0] == "CL204"] for k, v in markdown_corpus_findings().items()}
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert flagged == {}


def _reference_key(text: str) -> str:
    """``line_key`` as first written: NFKC, full case folding, then the WORD regex."""
    import unicodedata

    from contentlint.rules._structure_lines import WORD

    folded = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(WORD.findall(folded))


def test_line_key_fast_path_equals_the_unicode_definition() -> None:
    """The byte-table fast path of ``line_key`` must fold exactly like NFKC + casefold + WORD."""
    import random

    from contentlint.rules._structure_lines import line_key

    alphabet = list("aZ09'_ -.,!?\t\n") + [
        "\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0", "\u2022",
        "\u00ab", "\u00bb", "\u00e9", "\u0130", "\u0131", "\u017f", "\u212a", "\u00df", "\u2122",
        "\ufb01", "\u0301",
    ]
    rnd = random.Random(1)
    samples = ["", "'", "Don't Miss", "rock'n'roll", "students' ''quoted''", "\u2122 \ufb01le"]
    for _ in range(20000):
        samples.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))))
    assert [s for s in samples if line_key(s) != _reference_key(s)] == []


def test_structure_values_are_per_document() -> None:
    """The shared per-document values (lines, repeats) never leak into another document."""
    from contentlint.rules._structure_lines import lines_of
    from contentlint.rules._structure_repeats import repeats_of

    from contentlint.parsers import parser_for

    one = parser_for("markdown")("# Rain gardens\n\nRain gardens\n\nThey drain.", "a.md")
    two = parser_for("markdown")("# Rain gardens\n\nThey drain.", "a.md")
    assert lines_of(one) is lines_of(one)
    assert len(repeats_of(one)) == 1
    assert repeats_of(two) == []
    assert [line.text for line in lines_of(two).all] == ["Rain gardens", "They drain."]
