"""Markdown parser: prose blocks with markup removed, every character mapped back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.document import Block, BlockKind, DirectiveKind, Document
from contentlint.parsers.markdown import parse

from .offsets import assert_offsets


def excerpt(doc: Document, block: Block, start: int, end: int) -> str:
    span = block.source_span(start, end)
    return doc.source[span.start : span.end]


def position(doc: Document, block: Block, word: str) -> tuple[int, int]:
    """(line, column) of ``word`` in ``block``, checking it maps back verbatim."""
    i = block.text.index(word)
    assert excerpt(doc, block, i, i + len(word)) == word
    pos = doc.line_index.position(block.source_span(i, i + len(word)).start)
    return pos.line, pos.column


def kinds(doc: Document) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


# -- title and front matter ------------------------------------------------------


def test_front_matter_gives_metadata_and_wins_the_title() -> None:
    source = (
        "---\n"
        "title: Ketamine for Depression\n"
        'description: "How long, how often, and at what cost"\n'
        "tags: [health, ketamine]\n"
        "---\n"
        "# A Different Heading\n"
        "\n"
        "Body text.\n"
    )
    doc = parse(source, "a.md")
    assert doc.format == "markdown"
    assert doc.title == "Ketamine for Depression"
    assert doc.title_block is None
    assert doc.metadata["description"] == "How long, how often, and at what cost"
    assert doc.metadata["tags"] == ["health", "ketamine"]
    assert kinds(doc) == [
        (BlockKind.HEADING, "A Different Heading"),
        (BlockKind.PARAGRAPH, "Body text."),
    ]
    assert doc.blocks[0].level == 1
    assert "title:" not in " ".join(b.text for b in doc.blocks)
    assert position(doc, doc.blocks[0], "Heading") == (6, 15)
    assert_offsets(doc)


def test_first_h1_is_the_title_without_front_matter() -> None:
    doc = parse("Intro text.\n\n# The Title\n\n# Second H1\n", "a.md")
    assert doc.title == "The Title"
    assert doc.title_block == 1
    assert doc.blocks[1].kind is BlockKind.TITLE and doc.blocks[1].level == 1
    assert doc.blocks[2].kind is BlockKind.HEADING and doc.blocks[2].level == 1


@pytest.mark.parametrize(
    "front",
    ["---\ntitle: [unclosed\n---\n", "---\n- a\n- list\n---\n", "---\n---\n", "---\n: : :\n---\n"],
)
def test_bad_or_odd_front_matter_is_not_a_crash(front: str) -> None:
    doc = parse(front + "# Real Title\n\ntext\n", "a.md")
    assert doc.metadata == {}
    assert doc.title == "Real Title"
    assert doc.title_block == 0


def test_setext_headings() -> None:
    source = "Main Title\n==========\n\nA *sub*\nheading\n-------\n\ntext\n"
    doc = parse(source, "a.md")
    title, sub, para = doc.blocks
    assert (title.kind, title.level, title.text) == (BlockKind.TITLE, 1, "Main Title")
    assert (sub.kind, sub.level, sub.text) == (BlockKind.HEADING, 2, "A sub heading")
    assert position(doc, sub, "heading") == (5, 1)
    assert excerpt(doc, sub, 0, len(sub.text)) == "A *sub*\nheading"
    assert para.text == "text"
    assert_offsets(doc)


def test_atx_heading_closing_hashes_and_inline_markup() -> None:
    source = "## Why `ketamine` *works* ##\n"
    doc = parse(source, "a.md")
    [heading] = doc.blocks
    assert (heading.kind, heading.level) == (BlockKind.HEADING, 2)
    assert heading.text == "Why works"
    assert position(doc, heading, "works") == (1, 20)


# -- what is and is not prose --------------------------------------------------------


def test_code_is_not_prose() -> None:
    source = (
        "Run `pip install x` now.\n"
        "\n"
        "```python\n"
        "print('hi')  # CODEWORD\n"
        "```\n"
        "\n"
        "    indented CODEWORD\n"
        "    second line\n"
    )
    doc = parse(source, "a.md")
    para, fence, indented = doc.blocks
    assert para.text == "Run now."
    assert "pip" not in para.text
    assert fence.kind is BlockKind.CODE and not fence.is_prose
    assert fence.text == "print('hi')  # CODEWORD"
    assert fence.attrs["info"] == "python"
    assert indented.text == "indented CODEWORD\nsecond line"
    assert all("CODEWORD" not in b.text for b in doc.prose_blocks)
    assert excerpt(doc, fence, 0, len(fence.text)) == fence.text
    assert position(doc, indented, "second") == (8, 5)
    assert_offsets(doc)


def test_html_images_and_comments_are_not_prose() -> None:
    source = (
        "A <b>bold</b> claim ![alt words](img.png) and <!-- a comment --> more.\n"
        "\n"
        "<div>\n"
        "block html words\n"
        "</div>\n"
    )
    doc = parse(source, "a.md")
    assert kinds(doc) == [(BlockKind.PARAGRAPH, "A bold claim and more.")]
    assert position(doc, doc.blocks[0], "more") == (1, 66)
    assert_offsets(doc)


def test_emphasis_escapes_and_entities_map_exactly() -> None:
    source = "Fish &amp; *chips* \\*not em\\* &#x1F600; **bold _nested_**.\n"
    doc = parse(source, "a.md")
    [para] = doc.blocks
    assert para.text == "Fish & chips *not em* \U0001F600 bold nested."
    amp = para.text.index("&")
    assert excerpt(doc, para, amp, amp + 1) == "&amp;"
    star = para.text.index("*")
    assert excerpt(doc, para, star, star + 1) == "\\*"
    assert excerpt(doc, para, star, star + 4) == "\\*not"
    emoji = para.text.index("\U0001F600")
    assert excerpt(doc, para, emoji, emoji + 1) == "&#x1F600;"
    assert excerpt(doc, para, 0, len(para.text)) == source.rstrip("\n")
    assert position(doc, para, "nested") == (1, 49)
    assert_offsets(doc)


def test_hard_and_soft_breaks() -> None:
    source = "one  \ntwo\\\nthree\n   four\n"
    doc = parse(source, "a.md")
    [para] = doc.blocks
    assert para.text == "one\ntwo\nthree four"
    assert excerpt(doc, para, 3, 4) == "  \n"
    assert excerpt(doc, para, 7, 8) == "\\\n"
    assert excerpt(doc, para, 13, 14) == "\n   "
    assert position(doc, para, "four") == (4, 4)


# -- links and footnotes ---------------------------------------------------------------


def test_links_keep_href_text_and_exact_span() -> None:
    source = (
        "See [the *NIH* study](https://nih.gov/a_(b) \"Title\") and [ref][r], [r], "
        "<https://auto.example/x> or [caf\u00e9](</with space>).\n"
        "\n"
        "[r]: https://example.com/ref\n"
    )
    doc = parse(source, "a.md")
    [para] = doc.blocks
    assert para.text == (
        "See the NIH study and ref, r, https://auto.example/x or caf\u00e9."
    )
    got = [(link.href, link.text, source[link.span.start : link.span.end]) for link in para.links]
    assert got == [
        ("https://nih.gov/a_(b)", "the NIH study", "the *NIH* study"),
        ("https://example.com/ref", "ref", "ref"),
        ("https://example.com/ref", "r", "r"),
        ("https://auto.example/x", "https://auto.example/x", "https://auto.example/x"),
        ("/with%20space", "caf\u00e9", "caf\u00e9"),
    ]
    assert doc.links == para.links
    assert_offsets(doc)


def test_footnote_references_are_citations() -> None:
    source = (
        "Ketamine works fast[^1] and often[^note].\n"
        "\n"
        "[^1]: Smith 2020.\n"
        "[^note]: A longer *note*\n"
        "    over two lines.\n"
    )
    doc = parse(source, "a.md")
    para = doc.blocks[0]
    assert para.text == "Ketamine works fast and often."
    assert [source[c.start : c.end] for c in para.citations] == ["[^1]", "[^note]"]
    notes = [(b.kind, b.text, b.attrs.get("footnote")) for b in doc.blocks[1:]]
    assert notes == [
        (BlockKind.PARAGRAPH, "Smith 2020.", "1"),
        (BlockKind.PARAGRAPH, "A longer note over two lines.", "note"),
    ]
    assert position(doc, doc.blocks[2], "over") == (5, 5)
    assert_offsets(doc)


# -- directives ----------------------------------------------------------------------


def test_directives_in_source_order_with_exact_spans() -> None:
    source = (
        "<!-- contentlint-disable CL201 -->\n"
        "# Title\n"
        "\n"
        "Text <!-- contentlint-disable-next-line CL401, CL402 --> here.\n"
        "\n"
        "<!-- an ordinary comment -->\n"
        "\n"
        "- item <!-- contentlint-enable -->\n"
    )
    doc = parse(source, "a.md")
    got = [(d.kind, d.selectors, source[d.span.start : d.span.end]) for d in doc.directives]
    assert got == [
        (DirectiveKind.DISABLE, ("CL201",), "<!-- contentlint-disable CL201 -->"),
        (
            DirectiveKind.DISABLE_NEXT_LINE,
            ("CL401", "CL402"),
            "<!-- contentlint-disable-next-line CL401, CL402 -->",
        ),
        (DirectiveKind.ENABLE, (), "<!-- contentlint-enable -->"),
    ]
    assert [b.text for b in doc.blocks] == ["Title", "Text here.", "item"]


# -- containers ----------------------------------------------------------------------


def test_nested_lists_have_depth() -> None:
    source = (
        "- top *one*\n"
        "  continued lazily\n"
        "  - nested\n"
        "    1. deep\n"
        "\n"
        "       second paragraph of deep\n"
        "\n"
        "  back in top\n"
        "- top two\n"
        "\t- tab nested\n"
    )
    doc = parse(source, "a.md")
    got = [(b.kind, b.depth, b.text) for b in doc.blocks]
    assert got == [
        (BlockKind.LIST_ITEM, 0, "top one continued lazily"),
        (BlockKind.LIST_ITEM, 1, "nested"),
        (BlockKind.LIST_ITEM, 2, "deep\n\nsecond paragraph of deep"),
        (BlockKind.LIST_ITEM, 0, "back in top"),
        (BlockKind.LIST_ITEM, 0, "top two"),
        (BlockKind.LIST_ITEM, 1, "tab nested"),
    ]
    assert doc.blocks[2].attrs["ordered"] is True
    assert doc.blocks[0].attrs["ordered"] is False
    assert position(doc, doc.blocks[2], "second") == (6, 8)
    assert position(doc, doc.blocks[5], "tab") == (10, 4)
    assert position(doc, doc.blocks[5], "nested") == (10, 8)
    assert_offsets(doc)


def test_blockquote_paragraphs_are_separate_quotes() -> None:
    source = "> First *quoted*\n> paragraph.\n>\n> Second one\nlazy line.\n\n> > Nested.\n"
    doc = parse(source, "a.md")
    assert kinds(doc) == [
        (BlockKind.QUOTE, "First quoted paragraph."),
        (BlockKind.QUOTE, "Second one lazy line."),
        (BlockKind.QUOTE, "Nested."),
    ]
    first = doc.blocks[0]
    joint = first.text.index(" paragraph")
    assert excerpt(doc, first, joint, joint + 1) == "\n> "
    assert position(doc, doc.blocks[2], "Nested") == (7, 5)
    assert_offsets(doc)


def test_tables_give_cells() -> None:
    source = (
        "| Drug | Dose \\| note |\n"
        "|------|:----:|\n"
        "| *Ketamine* | 0.5 mg/kg |\n"
        "| caf\u00e9 |  |\n"
    )
    doc = parse(source, "a.md")
    cells = [(b.text, b.attrs["row"], b.attrs["column"], b.attrs["header"]) for b in doc.blocks]
    assert cells == [
        ("Drug", 0, 0, True),
        ("Dose | note", 0, 1, True),
        ("Ketamine", 1, 0, False),
        ("0.5 mg/kg", 1, 1, False),
        ("caf\u00e9", 2, 0, False),
    ]
    assert all(b.kind is BlockKind.TABLE_CELL and not b.is_prose for b in doc.blocks)
    pipe = doc.blocks[1].text.index("|")
    assert excerpt(doc, doc.blocks[1], pipe, pipe + 1) == "\\|"
    assert position(doc, doc.blocks[3], "mg") == (3, 20)
    assert_offsets(doc)


# -- line endings, tabs, non-ASCII -----------------------------------------------------


def test_crlf_lone_cr_tabs_and_non_ascii_positions() -> None:
    source = (
        "# Caf\u00e9 \u65e5\u672c\u8a9e\r\n"
        "\r\n"
        "Premi\u00e8re *ligne* \U0001F600 na\u00efve\r"
        "\tsuite \u4e2d\u6587 ici.\r"
        "\r"
        "-\t\u00e9l\u00e9ment\n"
    )
    doc = parse(source, "a.md")
    title, para, item = doc.blocks
    assert title.text == "Caf\u00e9 \u65e5\u672c\u8a9e"
    assert para.text == "Premi\u00e8re ligne \U0001F600 na\u00efve suite \u4e2d\u6587 ici."
    assert position(doc, title, "\u65e5\u672c") == (1, 8)
    assert position(doc, para, "ligne") == (3, 11)
    assert position(doc, para, "na\u00efve") == (3, 20)
    assert position(doc, para, "\u4e2d\u6587") == (4, 8)
    assert position(doc, item, "\u00e9l\u00e9ment") == (6, 3)
    joint = para.text.index(" suite")
    assert excerpt(doc, para, joint, joint + 1) == "\r\t"
    assert_offsets(doc)


def test_nul_characters_do_not_break_offsets() -> None:
    doc = parse("a\0b text\n", "a.md")
    assert doc.blocks[0].text == "a\0b text"
    assert_offsets(doc)


def test_empty_input() -> None:
    for source in ("", "\n", "   \n\n"):
        doc = parse(source, "a.md")
        assert doc.blocks == () and doc.title is None and doc.metadata == {}


# -- property ------------------------------------------------------------------------

_WORD_CHARS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00df\u00fc\u4e2d\u6587\U0001F600"
)
_words = st.text(alphabet=_WORD_CHARS, min_size=1, max_size=7)


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]], list[str]]:
    """A Markdown document, (offset, word) of every plain prose word, and code-only words."""
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    parts: list[str] = []
    placed: list[tuple[int, str]] = []
    hidden: list[str] = []
    offset = 0

    def put(text: str, word: bool = False) -> None:
        nonlocal offset
        if word:
            placed.append((offset, text))
        parts.append(text)
        offset += len(text)

    def inline_line() -> None:
        for k in range(draw(st.integers(1, 6))):
            if k:
                put(" ")
            kind = draw(st.integers(0, 9))
            word = draw(_words)
            if kind <= 3:
                put(word, word=True)
            elif kind == 4:
                marker = draw(st.sampled_from(["*", "_", "**", "__"]))
                put(marker)
                put(word, word=True)
                put(marker)
            elif kind == 5:
                put("`ZQ" + word + "`")
                hidden.append("ZQ" + word)
            elif kind == 6:
                put("[")
                put(word, word=True)
                put(f"](https://e.com/{len(word)} \"t\")")
            elif kind == 7:
                put(draw(st.sampled_from(["&amp;", "&eacute;", "\\*", "\\_", "&#169;"])))
            elif kind == 8:
                put("![ZQ" + word + "](i.png)")
                hidden.append("ZQ" + word)
            else:
                put("<span>")
                put(word, word=True)
                put("</span>")

    def lines(prefix: str, count: int) -> None:
        for k in range(count):
            if k:
                put(eol + prefix)
            inline_line()

    for _ in range(draw(st.integers(1, 6))):
        block = draw(st.integers(0, 6))
        if block == 0:
            lines("", draw(st.integers(1, 3)))
        elif block == 1:
            put("#" * draw(st.integers(1, 3)) + " ")
            inline_line()
            put(draw(st.sampled_from(["", " ##"])))
        elif block == 2:
            lines("", draw(st.integers(1, 2)))
            put(eol + draw(st.sampled_from(["===", "---"])))
        elif block == 3:
            for depth in range(draw(st.integers(1, 3))):
                if depth:
                    put(eol)
                indent = draw(st.sampled_from(["  ", "\t"])) * depth
                put(indent + draw(st.sampled_from(["- ", "* ", "1. "])))
                lines("  " * (depth + 1), draw(st.integers(1, 2)))
        elif block == 4:
            put("> ")
            lines(draw(st.sampled_from(["> ", ""])), draw(st.integers(1, 2)))
        elif block == 5:
            put("```" + eol + "ZQcode " + draw(_words) + eol + "```")
            hidden.append("ZQcode")
        else:
            put("| ")
            put(draw(_words), word=True)
            put(" | ")
            put(draw(_words), word=True)
            put(" |" + eol + "|---|---|" + eol + "| ")
            put(draw(_words), word=True)
            put(" | x |")
        put(eol + eol)
    return "".join(parts), placed, hidden


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_property_offsets_map_back_to_the_source(
    generated: tuple[str, list[tuple[int, str]], list[str]],
) -> None:
    source, placed, hidden = generated
    doc = parse(source, "gen.md")
    assert_offsets(doc)
    verbatim: set[int] = set()
    for block in doc.blocks:
        om = block.offsets
        for k, start in enumerate(om.src_starts):
            if om.verbatim[k]:
                verbatim.update(range(start, om.src_ends[k]))
    for offset, word in placed:
        assert all(o in verbatim for o in range(offset, offset + len(word))), (offset, word)
    prose = " ".join(b.text for b in doc.prose_blocks)
    visible = [w for _, w in placed]
    for word in hidden:
        if any(word in v for v in visible):
            continue  # the generator happened to reuse a visible word
        assert word not in prose
