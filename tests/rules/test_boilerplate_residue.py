"""CL203 boilerplate-residue: page chrome inside the article body, with a delete-the-line fix."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter

from .test_placeholder_text import markdown_corpus_findings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


def found(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [(f.line, f.column, f.excerpt) for f in result.findings if f.code == "CL203"]


def test_ketamine_search_box_and_footer(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    hits = [f for f in result.findings if f.code == "CL203"]
    assert [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in hits] == [
        (2, 1, 2, 23, "Close this search box."),
        (100, 1, 100, 14, "More Projects"),
    ]
    for f in hits:
        assert f.severity.value == "error"
        assert f.fix == "Delete the line."
        assert f.replacement == ""
        assert f.message.endswith("not article text; delete the line")


def test_heat_pump_example(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "heat-pump-guide.txt"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [
        (2, 1, "Skip to content"),
        (64, 1, "Share this:"),
        (65, 1, "Posted in Uncategorized"),
        (66, 1, "Leave a Reply"),
    ]


def test_half_marathon_read_more(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "half-marathon-plan.md"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [(18, 1, "Read more")]


def test_sourdough_page_reports_only_the_article(linter) -> None:  # type: ignore[no-untyped-def]
    """The skip link, menu, cookie banner, aside and footer are outside <article>: not reported."""
    pytest.importorskip("contentlint.parsers.html")
    path = EXAMPLES / "sourdough-starter.html"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [(42, 6, "Share this:")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # catalogue lines anywhere in the body
        ("# Rain gardens\n\nPlants soak up water.\n\nAdvertisement\n\nSedges need no watering.", [(5, 1, "Advertisement")]),
        ("# Rain gardens\n\nPlants soak up water.\n\nRead More »\n\nSedges need no watering.", [(5, 1, "Read More »")]),
        # a sentence only chrome uses, inside a longer line
        (
            "# Rain gardens\n\nPlants soak up water.\n\nYour email address will not be published. Required fields are marked *",
            [(5, 1, "Your email address will not be published. Required fields are marked *")],
        ),
        # breadcrumbs and pagination by shape
        ("# Rain gardens\n\nHome » Gardening » Rain gardens\n\nPlants soak up water.", [(3, 1, "Home » Gardening » Rain gardens")]),
        ("# Rain gardens\n\nPlants soak up water.\n\n1 2 3 … 9 Next »", [(5, 1, "1 2 3 … 9 Next »")]),
        ("# Rain gardens\n\nPlants soak up water.\n\nPage 2 of 5", [(5, 1, "Page 2 of 5")]),
        # unlisted UI labels at the edges of the body
        ("# Rain gardens\n\nSkip to Recipe\n\nPlants soak up water.", [(3, 1, "Skip to Recipe")]),
        ("# Rain gardens\n\nPlants soak up water.\n\nOther Projects", [(5, 1, "Other Projects")]),
        ("# Rain gardens\n\nPlants soak up water.\n\n24 Comments", [(5, 1, "24 Comments")]),
        # generic words only where chrome lives: at the end, and next to other chrome
        (
            "# Rain gardens\n\nPlants soak up water.\n\nSedges need no watering.\n\nDrains clog.\n\nShare\n\nTweet\n\nEmail",
            [(9, 1, "Share"), (11, 1, "Tweet"), (13, 1, "Email")],
        ),
    ],
)
def test_chrome_is_reported(linter, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == expected


def test_chrome_joined_to_a_paragraph_in_plain_text(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Rain gardens\n\nPlants soak up water from roofs and drives.\nShare this:\nfacebook twitter\n"
    assert found(linter, text, "a.txt") == [(4, 1, "Share this:")]


def test_extra_phrases_from_config(linter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = parse_config(
        {"rules": {"boilerplate-residue": {"extra-phrases": ["Get the Garden Gazette"]}}},
        "chrome.toml",
        tmp_path,
    )
    text = "# Rain gardens\n\nPlants soak up water.\n\nGet the Garden Gazette »\n\nSedges need no watering."
    assert found(linter, text) == []
    assert found(linter, text, config=config) == [(5, 1, "Get the Garden Gazette »")]


# -- near misses that must stay silent ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "Share" as a normal word in a sentence, at the very start and end
        "# Rain gardens\n\nShare your photos with the council.\n\nNeighbours share the cost of the kerb cut.",
        # a real short heading in the middle of the article
        "# Rain gardens\n\nPlants soak up water.\n\nSedges need no watering.\n\nKerbs need a cut.\n\n"
        "## Print\n\nPrinted guides are free.\n\nSoil matters.\n\nMulch helps.\n\nDrains clog.",
        # ... and one that opens the article, with a real paragraph under it
        "# Rain gardens\n\n## Print\n\nPrinted guides to rain gardens are free at every branch of the "
        "city library, and the council posts one to anyone who asks.\n\nSedges need no watering.",
        # a UI-looking heading that opens a real section
        "# Rain gardens\n\n## Read more about native plants\n\nNative sedges and rushes tolerate both standing water and summer drought, which is why they anchor most plans.",
        # a generic chrome word as a heading mid-article
        "# Rain gardens\n\nPlants soak up water.\n\nSedges need no watering.\n\nKerbs need a cut.\n\n"
        "## Comments\n\nResidents sent 40 comments.\n\nSoil matters.\n\nMulch helps.\n\nDrains clog.",
        # a reading-time-like sentence and a home page mention
        "# Rain gardens\n\nHome is where the garden is: 4 minutes from the station.",
    ],
)
def test_near_misses(linter, text) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == []


# -- professionally edited news -------------------------------------------------------------


def test_news_corpus_plain_text(news_results) -> None:  # type: ignore[no-untyped-def]
    """Two bodies of the corpus really carry a widget label: "Don't Miss" (a BGR deals box at
    the top) and "See more photos:" (a gallery link at the end); nothing else is reported."""
    hits = {k: [(f.line, f.excerpt) for f in r.findings if f.code == "CL203"] for k, r in news_results.items()}
    flagged = {k[:8]: v for k, v in hits.items() if v}
    print(flagged)
    assert len(flagged) <= 3
    assert sorted(e for v in flagged.values() for _, e in v) == ["Don't Miss", "See more photos:"]


def test_news_corpus_markdown(news_dir) -> None:  # type: ignore[no-untyped-def]
    flagged = {
        k[:8]: [(line, e) for code, line, e in v if code == "CL203"]
        for k, v in markdown_corpus_findings().items()
    }
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert sorted(e for v in flagged.values() for _, e in v) == ["Don't Miss", "See more photos:"]


def test_full_html_pages_report_nothing_outside_the_main_content(news_dir) -> None:  # type: ignore[no-untyped-def]
    """On the full pages only article blocks are checked; menus, footers and asides never are."""
    pytest.importorskip("contentlint.parsers.html")
    from contentlint.analysis import Analysis, NlpPipeline
    from contentlint.parsers.html import parse
    from contentlint.registry import Registry
    from contentlint.rule import RuleContext

    rules = [Registry.from_entry_points().get(c) for c in ("CL201", "CL202", "CL203", "CL204")]
    pipeline = NlpPipeline()
    pages = sorted((news_dir / "html").glob("*.html.gz"))
    assert len(pages) == 181
    reported = 0
    for page in pages:
        source = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        doc = parse(source, str(page))
        analysis = Analysis(doc, pipeline)
        spans = [b.span for b in doc.blocks]
        start = doc.metadata.get("main_content_span")
        for loaded in rules:
            assert loaded is not None
            for hit in loaded.rule().check(RuleContext(doc, analysis, loaded.rule.Options())):
                reported += 1
                assert any(s.start <= hit.span.start and hit.span.end <= s.end for s in spans)
                if start is not None:
                    assert hit.span.start >= start.start, (page.name, doc.excerpt(hit.span))
    print(reported)
