"""CL201 placeholder-text: builder defaults, lorem ipsum, fill-in markers and stray field labels."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
NEWS = ROOT.parent / "shared" / "corpus" / "news-articles"
STRUCTURE = ("CL201", "CL202", "CL203", "CL204")


def found(linter: Linter, text: str, path: str = "a.md", code: str = "CL201", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [(f.line, f.column, f.excerpt) for f in result.findings if f.code == code]


@functools.lru_cache(maxsize=1)
def markdown_corpus_findings() -> dict[str, list[tuple[str, int, str]]]:
    """The four structure rules on every clean news body as Markdown (``# first line``, then the rest).

    Shared by the structure rules' tests (computed once per session); it runs the rules
    the way the engine does, minus the readability metrics nobody here looks at.
    """
    from contentlint.analysis import Analysis, NlpPipeline
    from contentlint.parsers.markdown import parse
    from contentlint.registry import Registry
    from contentlint.rule import RuleContext

    truth = json.loads((NEWS / "ground-truth.json").read_text(encoding="utf-8"))
    rules = [Registry.from_entry_points().get(code) for code in STRUCTURE]
    pipeline = NlpPipeline()
    out: dict[str, list[tuple[str, int, str]]] = {}
    for key, value in sorted(truth.items()):
        first, _, rest = value["articleBody"].partition("\n")
        doc = parse(f"# {first}\n\n{rest}", f"{key}.md")
        analysis = Analysis(doc, pipeline)
        hits = []
        for loaded in rules:
            assert loaded is not None
            ctx = RuleContext(doc, analysis, loaded.rule.Options())
            for hit in loaded.rule().check(ctx):
                line = doc.line_index.position(hit.span.start).line
                hits.append((loaded.meta.code, line, doc.excerpt(hit.span)))
        out[key] = hits
    return out


# -- the real scraped article and the bundled examples ------------------------------------


def test_ketamine_field_label(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    hits = [f for f in result.findings if f.code == "CL201"]
    assert [(f.line, f.column, f.end_column, f.excerpt) for f in hits] == [
        (7, 1, 17, "Total Floor Area")
    ]
    assert hits[0].severity.value == "error"
    assert "field label of another page template" in hits[0].message
    assert hits[0].fix == "Delete the label."


def test_heat_pump_example(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "heat-pump-guide.txt"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [
        (7, 1, "Add Your Heading Text Here"),
        (47, 1, "[Add a quote from a certified installer here]"),
    ]


def test_half_marathon_fill_in(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "half-marathon-plan.md"
    assert found(linter, path.read_text(encoding="utf-8"), str(path)) == [
        (10, 9, "[Insert statistic here]")
    ]


def test_sourdough_lorem_ipsum_is_one_finding(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    path = EXAMPLES / "sourdough-starter.html"
    hits = found(linter, path.read_text(encoding="utf-8"), str(path))
    assert [(line, col) for line, col, _ in hits] == [(60, 6)]
    assert hits[0][2].startswith("Lorem ipsum dolor sit amet") and hits[0][2].endswith("laboris.")


def test_clean_example_is_clean(linter) -> None:  # type: ignore[no-untyped-def]
    path = EXAMPLES / "clean-rain-gardens.md"
    result = linter.lint_text(path.read_text(encoding="utf-8"), str(path))
    assert [f for f in result.findings if f.code in STRUCTURE] == []


# -- what is reported ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Rain gardens\n\n## Your Title Goes Here\n\nPlants soak up water.", [(3, 4, "Your Title Goes Here")]),
        ("# Rain gardens\n\n## Sample Page\n\nPlants soak up water.", [(3, 4, "Sample Page")]),
        ("# Hello world!\n\nWelcome to WordPress. This is your first post.", [(1, 3, "Hello world!"), (3, 1, "Welcome to WordPress. This is your first post")]),
        (
            "# Rain gardens\n\nI'm a paragraph. Click here to add your own text and edit me.",
            [(3, 1, "I'm a paragraph. Click here to add your own text and edit me")],
        ),
        ("# Rain gardens\n\nCosts run to $XXX per square foot.", [(3, 14, "$XXX")]),
        ("# Rain gardens\n\nAbout XX% of runoff is captured.", [(3, 7, "XX%")]),
        ("# Rain gardens\n\nTODO: add the council rebate figures.", [(3, 1, "TODO")]),
        ("# Rain gardens\n\n## TBD\n\nPlants soak up water.", [(3, 4, "TBD")]),
        ("# Rain gardens\n\nHi {{ first_name }}, plants soak up water.", [(3, 4, "{{ first_name }}")]),
        ("# Rain gardens\n\nPlants soak up water [link].", [(3, 22, "[link]")]),
        ("# Rain gardens\n\nLorem ipsum.\n\nPlants soak up water.", [(3, 1, "Lorem ipsum.")]),
        ("# Rain gardens\n\n## Add a Catchy Title\n\nPlants soak up water.", [(3, 4, "Add a Catchy Title")]),
        ("# Rain gardens\n\n## Section Heading\n\nPlants soak up water.", [(3, 4, "Section Heading")]),
        ("# Rain gardens\n\nDouble-click to edit\n\nPlants soak up water.", [(3, 1, "Double-click to edit")]),
    ],
)
def test_defaults_markers_and_instructions(linter, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == expected


def test_field_label_only_when_off_topic(linter) -> None:  # type: ignore[no-untyped-def]
    health = (
        "# Ketamine for depression\n\n## Total Floor Area\n\n"
        "Ketamine infusions are given under supervision over two to three weeks."
    )
    house = (
        "# A three-bedroom house in Leeds\n\n## Total Floor Area\n\n"
        "The floor area is 96 square metres, and the garden adds another 40. The total is "
        "large for the area."
    )
    assert found(linter, health) == [(3, 4, "Total Floor Area")]
    assert found(linter, house) == []


def test_unlisted_label_with_nothing_under_it(linter) -> None:  # type: ignore[no-untyped-def]
    text = (
        "# Ketamine for depression\n\n## How infusions work\n\n"
        "Ketamine infusions are given under supervision over two to three weeks.\n\n"
        "## Ceiling Height\n\n## Side effects\n\nDizziness passes within an hour."
    )
    result = linter.lint_text(text, "a.md", None, Config())
    assert [(f.code, f.line, f.excerpt) for f in result.findings if f.code in STRUCTURE] == [
        ("CL201", 7, "Ceiling Height")  # CL201's finding, not also CL202's
    ]


def test_plain_text_line_of_joined_block(linter) -> None:  # type: ignore[no-untyped-def]
    text = "Rain gardens\nAdd Your Heading Text Here\nPlants soak up water from roofs and drives.\n"
    assert found(linter, text, "a.txt") == [(2, 1, "Add Your Heading Text Here")]


def test_html_offsets(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    html = (
        "<article><h1>Rain gardens</h1><p>Roughly [Insert statistic&nbsp;here] of runoff "
        "is captured.</p></article>"
    )
    assert found(linter, html, "a.html") == [(1, 42, "[Insert statistic&nbsp;here]")]


def test_extra_phrases_from_config(linter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = parse_config(
        {"rules": {"placeholder-text": {"extra-phrases": ["Our Amazing Headline"]}}},
        "extra-phrases.toml",
        tmp_path,
    )
    text = "# Rain gardens\n\n## Our amazing headline!\n\nPlants soak up water."
    assert found(linter, text) == []
    assert found(linter, text, config=config) == [(3, 4, "Our amazing headline!")]


# -- near misses that must stay silent ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# Rain gardens\n\n## Costs\n\nA rain garden costs $5 to $15 per square foot.",
        "# Rain gardens\n\n## Title\n\nThe title of the scheme is Slow the Flow.",
        "# Rain gardens\n\nThe title of this page is a placeholder for now, the mayor joked.",
        "# Lluvia\n\nTodo el jardín absorbe el agua de lluvia.",
        "# Rain gardens\n\nThe garden (Photo: Reuters) floods [sic] in spring [1].",
        "# Fixtures\n\nKickoff time: TBD. Super Bowl XXX was played in Tempe.",
        "# Rain gardens\n\nAdd the compost here, then rake it level before planting the sedges.",
        "# Typography\n\nDesigners fill mock-ups with lorem-free sample copy, said the studio.",
        "# Rain gardens\n\n## Key Points\n\n## Where the money goes\n\nMost of it goes on soil.",
    ],
)
def test_near_misses(linter, text) -> None:  # type: ignore[no-untyped-def]
    assert found(linter, text) == []


# -- professionally edited news -------------------------------------------------------------


def test_news_corpus_plain_text(news_results) -> None:  # type: ignore[no-untyped-def]
    hits = {k: [(f.line, f.excerpt) for f in r.findings if f.code == "CL201"] for k, r in news_results.items()}
    flagged = {k: v for k, v in hits.items() if v}
    print(flagged)
    assert flagged == {}


def test_news_corpus_markdown(news_dir) -> None:  # type: ignore[no-untyped-def]
    flagged = {
        k: [h for h in v if h[0] == "CL201"] for k, v in markdown_corpus_findings().items()
    }
    flagged = {k: v for k, v in flagged.items() if v}
    print(flagged)
    assert flagged == {}


def test_narrowed_patterns_match_like_the_full_ones() -> None:
    """Leaving out the phrases and groups a block's words and characters rule out changes no
    match: the narrowed patterns find what the full ones find, case and twins included."""
    import random

    from contentlint.rules import _structure_placeholders as placeholders
    from contentlint.rules._structure_catalog import section_index, section_pattern, sections
    from contentlint.rules._structure_lines import word_set

    data = sections("placeholders.txt")
    full_inline = placeholders._inline(
        frozenset(data["anywhere"]), frozenset(data["lorem"]), frozenset(placeholders._GROUPS)
    )
    assert full_inline is not None
    noise = "the [insert link] (source) <add photo> {{name}} TODO: TBD XXX $XX XX% TK".split()
    rnd = random.Random(3)

    def vary(phrase: str) -> str:
        phrase = rnd.choice([phrase, phrase.upper(), phrase.lower()])
        for plain, twin in (("i", "\u0131"), ("k", "\u212a"), ("s", "\u017f"), ("'", "\u2019")):
            if rnd.random() < 0.1:
                phrase = phrase.replace(plain, twin)
        return phrase.replace(" ", rnd.choice([" ", "_", " - ", "\u00a0"]))

    for name, section in (("placeholders.txt", "anywhere"), ("placeholders.txt", "lorem"),
                          ("boilerplate.txt", "anywhere")):
        phrases, full = sections(name)[section], section_pattern(name, section)
        index = section_index(name, section)
        assert full is not None
        for _ in range(1500):
            text = " ".join(vary(rnd.choice(phrases)) if rnd.random() < 0.5 else rnd.choice(noise)
                            for _ in range(rnd.randint(1, 4)))
            words = word_set(text)
            present = index.present(words)
            narrowed = index.pattern(present) if present else None
            expected = [m.span() for m in full.finditer(text)]
            got = [m.span() for m in narrowed.finditer(text)] if narrowed else []
            assert got == expected, text
            inline = placeholders._inline_for(text, words)
            groups = [(m.lastgroup, m.span()) for m in inline.finditer(text)] if inline else []
            assert groups == [(m.lastgroup, m.span()) for m in full_inline.finditer(text)], text


def test_instruction_words_are_necessary() -> None:
    """Every editor instruction holds a word of _INSTRUCTION_WORDS, the test run before it."""
    import random

    from contentlint.rules._structure_lines import word_set
    from contentlint.rules._structure_placeholders import _INSTRUCTION, _INSTRUCTION_WORDS

    vocab = ("click tap double double-click doubleclick here any this the me text title heading "
             "to add edit insert enter type write paste replace your a some new sample goes image "
             "photo button HERE Here. CLICK cl\u0131ck here_ here's").split()
    rnd = random.Random(7)
    matched = 0
    for _ in range(30000):
        text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 8)))
        if _INSTRUCTION.search(text):
            matched += 1
            assert not _INSTRUCTION_WORDS.isdisjoint(word_set(text)), text
    assert matched > 20
