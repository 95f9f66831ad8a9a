"""CL401 unsourced-quote: expert quotes with no affiliation, link, citation or publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config, load_config
from contentlint.engine import Linter, Overrides

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
Q = "Ketamine can lift severe depression within hours for some patients"


@pytest.fixture(scope="module")
def cl401(registry):  # type: ignore[no-untyped-def]
    return Linter(registry=registry, overrides=Overrides(select=("CL401",), language="en"))


def hits(linter: Linter, text: str, fmt: str = "markdown", config: Config | None = None):  # type: ignore[no-untyped-def]
    ext = {"markdown": "md", "text": "txt", "html": "html"}[fmt]
    result = linter.lint_text(text, f"snippet.{ext}", fmt, config or Config())
    return [f for f in result.findings if f.code == "CL401"]


def spots(linter: Linter, text: str, fmt: str = "markdown", config: Config | None = None):  # type: ignore[no-untyped-def]
    return [(f.line, f.column, f.excerpt) for f in hits(linter, text, fmt, config)]


# -- the example article -----------------------------------------------------------------------


def test_ketamine_six_experts_one_finding_each(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    found = [f for f in result.findings if f.code == "CL401"]
    # Exactly these: nothing else in the article is a quotation attributed to anyone.
    assert [(f.line, f.column, f.excerpt) for f in found] == [
        (76, 5, "Dr. Sarah Thompson"),
        (78, 5, "Prof. Jonathan Richards"),
        (80, 5, "Dr. Maria Rodriguez"),
        (82, 5, "Dr. Michael Carter"),
        (84, 5, "Prof. Emily Walker"),
        (86, 5, "Dr. Christopher Harris"),
    ]
    first = found[0]
    assert first.message == (
        "a quote attributed to Dr. Sarah Thompson (Psychiatrist) has no verifiable source: "
        "no affiliation, link, citation or publication is given; say where they work, link to "
        "where the quote appeared, or cite it"
    )
    assert first.severity.value == "warning" and first.fix
    assert "(Researcher in Depression Studies)" in found[4].message
    # each finding points at its quote on the next line
    assert [f.related[0].line for f in found] == [77, 79, 81, 83, 85, 87]


def test_bundled_examples(cl401) -> None:  # type: ignore[no-untyped-def]
    lines = {}
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".md", ".txt", ".html"):
            result = cl401.lint_text(path.read_text(encoding="utf-8"), str(path), None, Config())
            lines[path.name] = [f.line for f in result.findings if f.code == "CL401"]
    assert lines == {
        "clean-rain-gardens.md": [],  # named, affiliated and linked quotes
        "half-marathon-plan.md": [56],  # line 63 is suppressed with a directive
        "heat-pump-guide.txt": [49, 51, 53, 55],
        "sourdough-starter.html": [67],  # the miller's quote has a link and a <cite>
    }


# -- attributed quotes that must not fire ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"Doctors are cautious. “{Q},” said Jane Doe, a cardiologist at Mount Sinai.", id="journalistic"),
        pytest.param(f'"{Q}," said Dr. Jane Doe, a psychiatrist at Yale.', id="straight-quotes"),
        pytest.param("According to Dr. Jane Doe of the Mayo Clinic, ketamine works fast.", id="according-to-org"),
        pytest.param(f"“{Q},” Dr. Jane Doe told The New York Times.", id="told-publication"),
        pytest.param(f"“{Q},” said Dr. Jane Doe, a psychiatrist, in an interview with Stat.", id="interview-with"),
        pytest.param(f"Dr. Jane Doe, a psychiatrist, said: “{Q}” [1].", id="bracket-citation"),
        pytest.param(f"Psychiatrist Jane Doe says “{Q}” (Doe et al., 2021).", id="author-year"),
        pytest.param(f"As Professor Jane Doe (2019) put it, “{Q}.”", id="narrative-citation"),
        pytest.param(f"[Dr. Jane Doe](https://example.org/doe), a psychiatrist, said: “{Q}.”", id="markdown-link"),
        pytest.param(f"“{Q},” said Dr. Jane Doe, a psychiatrist.[^1]\n\n[^1]: Interview, March 2021.\n", id="footnote"),
        pytest.param(f"“{Q},” said Dr. Jane Doe, a psychiatrist (https://example.org/doe).", id="plain-url"),
        pytest.param(
            f"- Dr. Sarah Thompson, Psychiatrist:\n  - On speed: “{Q}.”\n\n## References\n\n"
            "1. Thompson, S. (2021). Ketamine in practice. Journal of Psychiatry, 3(2).\n",
            id="reference-list",
        ),
        pytest.param(f"> “{Q}.”\n>\n> — Dr. Jane Doe, psychiatrist\n\nSource: [interview](https://example.org/i)\n", id="source-line"),
        pytest.param(f"Dr. Jane Doe, a psychiatrist at Yale, studies ketamine.\n\n“{Q},” Doe said.", id="surname-later"),
        pytest.param(f"Jane Doe, a psychiatrist at Yale, studies ketamine.\n\n“{Q},” she said.", id="pronoun-later"),
        pytest.param(f"“{Q},” said Jane Doe, a patient from Ohio.", id="not-an-authority"),
        pytest.param(f"“{Q},” Commerzbank analyst Carsten Fritsch said.", id="employer-before-title"),
        pytest.param(f"“{Q},” said Jeffrey Halley, a market analyst with the research firm Oanda.", id="with-the-firm"),
        pytest.param(f"“{Q},” said one legal expert, as reported by the Independent newspaper.", id="unnamed-but-published"),
        pytest.param("She calls it “a small miracle” but Dr. Jane Doe said little.", id="scare-quote"),
    ],
)
def test_sourced_or_not_expert_quotes_pass(cl401, text) -> None:  # type: ignore[no-untyped-def]
    assert spots(cl401, text) == []


# -- unsourced expert quotes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"“{Q},” said Dr. Jane Doe, a psychiatrist.", [(1, 76, "Dr. Jane Doe")], id="said-x"),
        pytest.param(f'"{Q}," Dr. Jane Doe said.', [(1, 71, "Dr. Jane Doe")], id="x-said-straight"),
        pytest.param("According to Dr. Jane Doe, a leading psychiatrist, ketamine works fast.", [(1, 14, "Dr. Jane Doe")], id="according-to"),
        pytest.param(f"Some text.\n\n> “{Q}.” — Dr. Jane Doe\n", [(3, 75, "Dr. Jane Doe")], id="blockquote-dash"),
        pytest.param(f"Some text.\n\n> {Q}.\n>\n> — Dr. Jane Doe, Psychiatrist\n", [(5, 5, "Dr. Jane Doe")], id="blockquote-no-marks"),
        pytest.param(f"“{Q},” one psychiatrist said.", [(1, 71, "one psychiatrist")], id="unnamed-expert"),
        pytest.param(f"- Jane Doe, Psychiatrist:\n  - “{Q}.”\n", [(1, 3, "Jane Doe")], id="list-without-honorific"),
        pytest.param(f"### Dr. Jane Doe, Psychiatrist\n\n“{Q}.”\n", [(1, 5, "Dr. Jane Doe")], id="heading-lead-in"),
        pytest.param(f"What Dr. Jane Doe, a psychiatrist, told us:\n\n> {Q}.\n", [(1, 6, "Dr. Jane Doe")], id="colon-lead-in"),
        pytest.param(f"Dr. Jane Doe, a psychiatrist, disagrees.\n\n“{Q},” she said.", [(1, 1, "Dr. Jane Doe")], id="pronoun"),
    ],
)
def test_unsourced_expert_quotes_fire(cl401, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert spots(cl401, text) == expected


def test_one_finding_per_person_with_every_quote_related(cl401) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"Dr. Jane Doe said: “{Q}.” Later, Dr. Jane Doe added: “Ketamine is also risky for "
        "people with a history of psychosis.”\n\n“Nobody should take it without a doctor,” said "
        "Prof. John Roe, a pharmacologist."
    )
    found = hits(cl401, text)
    assert [(f.line, f.column, f.excerpt) for f in found] == [(1, 1, "Dr. Jane Doe"), (3, 48, "Prof. John Roe")]
    assert found[0].message.startswith("2 quotes attributed to Dr. Jane Doe have no verifiable source")
    assert [(r.line, r.column, r.message) for r in found[0].related] == [
        (1, 20, "quoted here (Dr. Jane Doe)"),
        (1, 117, "quoted here (Dr. Jane Doe)"),
    ]
    assert "(pharmacologist)" in found[1].message


def test_unnamed_expert_message(cl401) -> None:  # type: ignore[no-untyped-def]
    (finding,) = hits(cl401, f"“{Q},” one psychiatrist said.")
    assert finding.message.startswith("a quote attributed to an unnamed expert (“one psychiatrist”)")
    assert "name the expert" in finding.message


def test_plain_text_list_layout_and_span(cl401) -> None:  # type: ignore[no-untyped-def]
    text = f"Expert Opinions\n\n  • Dr. Jane Doe, Psychiatrist:\n    • On speed: “{Q}.”\n"
    (finding,) = hits(cl401, text, "text")
    assert (finding.line, finding.column, finding.end_column, finding.excerpt) == (3, 5, 17, "Dr. Jane Doe")
    assert finding.related[0].line == 4


def test_html_cite_counts_as_source(cl401) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<article><h1>Ketamine</h1><p>An introduction that is long enough to be the article body.</p>"
        f"<p>“{Q},” said Dr. Jane Doe, a psychiatrist, in <cite>Ketamine Today</cite>.</p>"
        f"<blockquote><p>“{Q}.”</p><p>&mdash; Dr. John Roe, Psychiatrist</p></blockquote></article>"
    )
    found = hits(cl401, html, "html")
    assert [f.excerpt for f in found] == ["Dr. John Roe"]
    assert html[found[0].span.start : found[0].span.end] == "Dr. John Roe"


# -- options and the entity recogniser ----------------------------------------------------------


def _config(toml: str, tmp_path: Path) -> Config:
    # NOTE: the linter caches a plan per config file, so every variant gets its own file
    path = tmp_path / f"contentlint-{abs(hash(toml))}.toml"
    path.write_text(toml, encoding="utf-8")
    return load_config(path)


def test_options(cl401, tmp_path) -> None:  # type: ignore[no-untyped-def]
    coach = f"“{Q},” said Jane Doe, a running coach."
    assert spots(cl401, coach) == []
    config = _config('[rules.unsourced-quote]\nextra-titles = ["coach"]\n', tmp_path)
    assert spots(cl401, coach, config=config) == [(1, 76, "Jane Doe")]
    reported = "According to Dr. Jane Doe, a leading psychiatrist, ketamine works fast."
    config = _config("[rules.unsourced-quote]\nreported-speech = false\n", tmp_path)
    assert spots(cl401, reported, config=config) == []
    short = "“It works,” said Dr. Jane Doe, a psychiatrist."
    assert spots(cl401, short) == []
    config = _config("[rules.unsourced-quote]\nmin-quote-words = 2\n", tmp_path)
    assert spots(cl401, short, config=config) == [(1, 18, "Dr. Jane Doe")]


@pytest.fixture(scope="module")
def ner_model(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """A tiny installed-style pipeline whose entity ruler plays the part of an NER model."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Kaiser Permanente"},
            {"label": "PERSON", "pattern": "Łukasz Nowak"},
        ]
    )
    path = tmp_path_factory.mktemp("ner") / "model"
    nlp.to_disk(path)
    return str(path)


def test_entities_of_a_configured_pipeline_are_used(cl401, ner_model) -> None:  # type: ignore[no-untyped-def]
    # Ł is outside the default name pattern; "of Kaiser Permanente" has no organisation cue word.
    polish = f"Ketamine is no cure. “{Q},” said Dr. Łukasz Nowak, a psychiatrist."
    kaiser = f"Ketamine is no cure. “{Q},” said Dr. Jane Doe, who runs the programme of Kaiser Permanente."
    default = Config(source="<cl401-default>")
    with_ner = Config(source="<cl401-ner>", model=ner_model)
    assert spots(cl401, polish, config=default) == []
    assert spots(cl401, kaiser, config=default) == [(1, 97, "Dr. Jane Doe")]
    assert spots(cl401, polish, config=with_ner) == [(1, 101, "Łukasz Nowak")]
    assert spots(cl401, kaiser, config=with_ner) == []


# -- professional news --------------------------------------------------------------------------


def test_news_corpus_is_almost_silent(news_results) -> None:  # type: ignore[no-untyped-def]
    flagged = {
        key: [(f.line, f.excerpt, f.message) for f in result.findings if f.code == "CL401"]
        for key, result in news_results.items()
    }
    flagged = {key: found for key, found in flagged.items() if found}
    for key, found in flagged.items():
        print(key[:12], found)
    # The issue allows 1 article in 20 (9 of 181). The one residual hit is CNBC's "says certified
    # financial planner Eric Roberge" with no firm named (his podcast is named a sentence later,
    # attributed to "he and his wife"): a fair catch for an editor, not a rule error.
    assert len(flagged) <= len(news_results) // 20
    assert set(k[:12] for k in flagged) <= {"f81c6c05d9cb"}
