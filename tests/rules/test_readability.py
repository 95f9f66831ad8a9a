"""CL501 readability: document and section scores against the audience, equal to textstat's."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest
import textstat

from contentlint.config import Audience, Config, parse_config
from contentlint.engine import Linter, Overrides
from tests.conftest import PYTHON, NetworkAccessError, subprocess_env

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
}

EASY = (
    "Rain gardens are small beds of plants in a low spot of the yard. They catch the water that "
    "runs off a roof or a drive. The water soaks into the ground in a day or two. That keeps oil "
    "and dirt out of the storm drains. You can build one in two weekends. Dig a hole about six "
    "inches deep. Fill it with good soil and compost. Then put in plants that like wet feet and "
    "dry spells. Most plants cost a few dollars each. Water them once a week in the first summer. "
    "After that they need very little care, just some weeding in the spring."
)
HARD = (
    "Bioretention installations, colloquially designated rain gardens, constitute engineered "
    "depressions incorporating hydrophilic vegetation and amended substrates, facilitating "
    "infiltration of impervious-surface runoff and consequently attenuating pollutant "
    "concentrations entering municipal stormwater infrastructure. Comprehensive implementation "
    "necessitates preliminary evaluation of infiltration capacity, topographical configuration, "
    "and proximity to structural foundations, alongside consideration of regulatory "
    "requirements administered by jurisdictional authorities. Vegetation selection prioritizes "
    "indigenous perennial species demonstrating tolerance of intermittent inundation and "
    "prolonged desiccation, thereby guaranteeing establishment, ecological functionality, and "
    "minimal maintenance obligations throughout successive growing seasons."
)


def readability(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return result, [f for f in result.findings if f.code == "CL501"]


@pytest.fixture(scope="module")
def ketamine(linter, ketamine_path):  # type: ignore[no-untyped-def]
    return linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))


def test_ketamine_misses_the_general_audience(ketamine) -> None:  # type: ignore[no-untyped-def]
    found = [f for f in ketamine.findings if f.code == "CL501"]
    document, *sections = found
    assert (document.line, document.column, document.end_line, document.end_column) == (1, 1, 1, 54)
    assert document.excerpt == "How Long Do You Have to Take Ketamine for Depression?"
    assert document.severity.value == "warning"
    assert document.message.startswith(
        "the article is harder to read than the general audience needs: "
        "Flesch reading ease 13.2 (target >= 60), Flesch-Kincaid grade 16.0 (target <= 8) "
        "(also Gunning Fog 19.2, SMOG 16.6, Dale-Chall 13.2)"
    )
    # Every top-level section of 100+ words is far past the target; the 96-word one is skipped.
    assert [(f.line, f.column, f.end_line, f.end_column) for f in sections] == [
        (14, 1, 30, 408),
        (32, 1, 52, 225),
        (54, 1, 100, 14),
    ]
    assert sections[0].excerpt.startswith("How Often Are Ketamine Infusions Administered?\n")
    assert sections[0].message.startswith(
        'section "How Often Are Ketamine Infusions Administered?" (222 words) is much harder '
        "than the general audience needs: Flesch reading ease 13.8 (target >= 60), "
        "Flesch-Kincaid grade 15.6 (target <= 8)"
    )


def test_metrics_equal_textstat_for_document_and_sections(ketamine, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    from contentlint.parsers import parser_for

    metrics = ketamine.metrics
    document = parser_for("text")(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    body = [b.text for b in document.blocks if b.is_prose and b.text and not b.is_heading]
    prose = "\n\n".join(body)
    for key, fn in TEXTSTAT.items():
        assert metrics[key] == fn(prose), key
    sections = metrics["sections"]
    assert [(s["heading"], s["line"], s["words"]) for s in sections] == [
        (None, 2, 4),
        ("How Long Do You Have to Take Ketamine for Depression?", 3, 96),
        ("How Often Are Ketamine Infusions Administered?", 14, 222),
        ("Fast Facts About Ketamine for Depression", 32, 232),
        ("Ketamine for Treatment-Resistant Depression: When and Where is it Safe?", 54, 690),
    ]
    # The section text is its paragraphs and list items, headings excluded.
    third = "\n\n".join(b.text for b in document.blocks[6:15] if not b.is_heading)
    for key, fn in TEXTSTAT.items():
        assert sections[2][key] == fn(third), key
    assert json.loads(json.dumps(sections)) == sections  # plain JSON data


def test_metrics_leave_out_code_tables_and_front_matter(linter) -> None:  # type: ignore[no-untyped-def]
    text = (
        "---\ntitle: Notes on institutionalization\n---\n\n# Rain gardens\n\n"
        f"{EASY}\n\n```python\nunderstandability = characterization(internationalization)\n```\n\n"
        "| Component | Specification |\n|---|---|\n| Infrastructure | Institutionalization |\n"
    )
    result, found = readability(linter, text)
    assert found == []
    for key, fn in TEXTSTAT.items():
        assert result.metrics[key] == fn(EASY), key


def test_plain_article_passes_and_hard_section_is_reported(linter) -> None:  # type: ignore[no-untyped-def]
    text = f"# Rain gardens\n\nIntro.\n\n## Building one\n\n{EASY}\n\n## The jargon\n\n{HARD} {HARD}\n"
    result, found = readability(linter, text)
    # The article as a whole is hard too, so both levels report; the easy section does not.
    # Spans start at the heading text (after the Markdown "#" marks).
    assert [(f.line, f.column, f.end_line) for f in found] == [(1, 3, 1), (9, 4, 11)]
    assert found[0].excerpt == "Rain gardens"
    assert found[1].excerpt.startswith("The jargon\n\nBioretention")
    assert found[1].excerpt.endswith("successive growing seasons.")
    assert found[1].message.startswith('section "The jargon" (160 words) is much harder')
    easy_only = f"# Rain gardens\n\n## Building one\n\n{EASY}\n\n## Upkeep\n\n{EASY}\n"
    assert readability(linter, easy_only)[1] == []


def test_short_texts_are_not_scored(linter) -> None:  # type: ignore[no-untyped-def]
    result, found = readability(linter, f"# Jargon\n\n{HARD}\n")
    assert result.metrics["words"] < 100 and result.metrics["flesch_kincaid_grade"] > 20
    assert found == []


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ("general", 1),
        ("professional", 1),
        ("academic", 1),  # grade 16.03 > 16 and reading ease 13.2 < 20
        ({"preset": "academic", "min-reading-ease": 10, "max-grade": 17}, 0),
        ({"preset": "academic", "min-reading-ease": 10, "max-grade": 17, "max-smog": 15}, 1),
    ],
)
def test_audiences(linter, ketamine_path, audience, expected) -> None:  # type: ignore[no-untyped-def]
    config = parse_config({"audience": audience}, f"audience-{audience}.toml", ROOT)
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), "k.txt", "text", config)
    document_level = [f for f in result.findings if f.code == "CL501" and f.line == 1]
    assert len(document_level) == expected
    if isinstance(audience, dict) and "max-smog" in audience:
        assert "SMOG 16.6 (target <= 15)" in document_level[0].message


def test_custom_audience_is_named_as_such(linter) -> None:  # type: ignore[no-untyped-def]
    config = Config(source="custom.toml", audience=Audience("custom", 101.0, 1.0))
    _, found = readability(linter, f"# Rain gardens\n\n{EASY}\n", config=config)
    (finding,) = found
    assert finding.message.startswith(
        "the article is harder to read than the audience needs: Flesch reading ease 100.5 "
        "(target >= 101), Flesch-Kincaid grade 1.7 (target <= 1)"
    )


def test_options(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    text = ketamine_path.read_text(encoding="utf-8")
    # NOTE: the linter caches rule options per config source, so each config gets its own name.
    config = parse_config({"rules": {"readability": {"sections": False}}}, "no-sections.toml", ROOT)
    result = linter.lint_text(text, "k.txt", "text", config)
    assert [f.line for f in result.findings if f.code == "CL501"] == [1]
    config = parse_config(
        {"rules": {"readability": {"section-grade-margin": 8, "section-ease-margin": 48}}},
        "margins.toml",
        ROOT,
    )
    result = linter.lint_text(text, "k.txt", "text", config)
    # Only the last section is past a wider margin: grade 16.7 > 8 + 8, ease 9.2 < 60 - 48
    # (the others: grades 15.6 and 15.3, reading ease 13.8 and 17.0).
    assert [f.line for f in result.findings if f.code == "CL501"] == [1, 54]


def test_example_articles(linter) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_paths([str(EXAMPLES / "clean-rain-gardens.md")]).files[0]
    assert result.metrics["flesch_kincaid_grade"] < 8 and result.metrics["flesch_reading_ease"] > 60
    assert [f for f in result.findings if f.code == "CL501"] == []
    result = linter.lint_paths([str(EXAMPLES / "heat-pump-guide.txt")]).files[0]
    assert [(f.line, f.column) for f in result.findings if f.code == "CL501"][0] == (1, 1)


def test_html_article(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<html><head><title>Rain gardens</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Rain gardens</h1><p>{HARD}</p><p>{HARD}</p></article></body></html>"
    )
    result = linter.lint_text(html, "page.html", "html", Config())
    (finding,) = [f for f in result.findings if f.code == "CL501"]
    assert finding.excerpt == "Rain gardens"
    assert result.metrics["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(f"{HARD}\n\n{HARD}")


def test_readability_runs_with_sockets_blocked(ketamine_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A fresh linter (new pipeline, syllable data) with every socket refused."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkAccessError("socket created")

    monkeypatch.setattr(socket, "socket", refuse)
    linter = Linter(overrides=Overrides(select=("CL501", "CL502", "CL503", "CL504", "CL505")))
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), "k.txt", "text", Config())
    assert "CL501" in {f.code for f in result.findings}
    assert result.metrics["smog_index"] > 0


def test_cli_in_a_fresh_process_stays_offline(ketamine_path) -> None:  # type: ignore[no-untyped-def]
    """The console entry in a new interpreter (nothing preloaded), network blocked by netguard."""
    code = "import sys; from contentlint.cli import main; sys.exit(main())"
    args = [PYTHON, "-c", code, "check", str(ketamine_path), "-f", "json", "--select", "CL5"]
    proc = subprocess.run(args, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert "tried to use the network" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["by_rule"]["CL501"] == 4
    assert report["files"][0]["metrics"]["dale_chall"] > 10


def test_news_corpus(news_results) -> None:  # type: ignore[no-untyped-def]
    """News is often grade 10+, so CL501 legitimately fires on much of it for the general audience.

    What must hold: a document-level finding exactly when the metrics miss the target, at
    most one per article, and section findings only for sections of 100+ words.
    """
    documents = sections = 0
    for key, result in news_results.items():
        found = [f for f in result.findings if f.code == "CL501"]
        top = [f for f in found if f.message.startswith("the article")]
        metrics = result.metrics
        if "flesch_reading_ease" not in metrics or metrics["words"] < 100:
            assert found == [], key
            continue
        misses = metrics["flesch_reading_ease"] < 60 or metrics["flesch_kincaid_grade"] > 8
        assert len(top) == int(misses), key
        documents += len(top)
        for finding in found:
            if finding not in top:
                sections += 1
                assert " words) is much harder" in finding.message
    print(f"CL501 on news: {documents} document-level, {sections} section-level findings")
    assert documents < len(news_results)
