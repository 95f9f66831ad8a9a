"""Plain-text parser: structure guessed from line shapes, offsets exact in the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.document import Block, BlockKind, Document
from contentlint.parsers.text import parse

from .offsets import assert_offsets


def position(doc: Document, block: Block, word: str) -> tuple[int, int]:
    """(line, column) of ``word`` in ``block``, checking it maps back verbatim."""
    i = block.text.index(word)
    span = block.source_span(i, i + len(word))
    assert doc.source[span.start : span.end] == word
    pos = doc.line_index.position(span.start)
    return pos.line, pos.column


def line_of(doc: Document, block: Block) -> int:
    return doc.line_index.position(block.span.start).line


# -- the real scraped article --------------------------------------------------


@pytest.fixture(scope="module")
def ketamine(ketamine_path: Path) -> Document:
    return parse(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))


def test_ketamine_title(ketamine: Document) -> None:
    assert ketamine.title == "How Long Do You Have to Take Ketamine for Depression?"
    assert ketamine.title_block == 0
    title = ketamine.blocks[0]
    assert title.kind is BlockKind.TITLE and title.level == 1
    assert line_of(ketamine, title) == 1


def test_ketamine_offsets_are_exact(ketamine: Document) -> None:
    assert_offsets(ketamine)
    for block in ketamine.blocks:
        if "\n" not in ketamine.source[block.span.start : block.span.end]:
            assert ketamine.source[block.span.start : block.span.end] == block.text


def test_ketamine_headings_and_levels(ketamine: Document) -> None:
    headings = {line_of(ketamine, b): b for b in ketamine.blocks if b.kind is BlockKind.HEADING}
    assert sorted(headings) == [3, 4, 7, 14, 16, 20, 24, 28, 32, 34, 38, 42, 46, 50, 54, 56,
                                60, 64, 68, 72]  # fmt: skip
    assert headings[14].text == "How Often Are Ketamine Infusions Administered?"
    parents = {line for line, b in headings.items() if b.level == 2}
    assert parents == {3, 14, 32, 54}
    assert all(b.level == 3 for line, b in headings.items() if line not in parents)
    assert headings[54].text == (
        "Ketamine for Treatment-Resistant Depression: When and Where is it Safe?"
    )


def test_ketamine_ui_strings_stay_paragraphs(ketamine: Document) -> None:
    by_text = {b.text: b for b in ketamine.blocks}
    assert by_text["Close this search box."].kind is BlockKind.PARAGRAPH
    more = by_text["More Projects"]
    assert more.kind is BlockKind.PARAGRAPH
    assert line_of(ketamine, more) == 100
    assert more is ketamine.blocks[-1]


def test_ketamine_berberine_paragraph_is_one_block(ketamine: Document) -> None:
    [block] = [b for b in ketamine.blocks if line_of(ketamine, b) == 12]
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text.startswith("In recent years, the exploration of alternative treatments")
    assert block.text.endswith("contribute to their overall well-being.")
    assert "berberine" in block.text
    assert ketamine.source[block.span.start : block.span.end] == block.text
    assert ketamine.line_index.position(block.span.end - 1).line == 12


def test_ketamine_list_items(ketamine: Document) -> None:
    items = [b for b in ketamine.blocks if b.kind is BlockKind.LIST_ITEM]
    top = [line_of(ketamine, b) for b in items if b.depth == 0]
    nested = [line_of(ketamine, b) for b in items if b.depth == 1]
    assert top == [76, 78, 80, 82, 84, 86]
    assert nested == [77, 79, 81, 83, 85, 87]
    first = items[0]
    assert first.text == "Dr. Sarah Thompson, Psychiatrist:"  # no bullet in the text
    assert position(ketamine, first, "Dr. Sarah Thompson") == (76, 5)
    quote = items[1]
    assert quote.text.startswith("Opinion on Ketamine\u2019s Mechanisms: \u201cKetamine\u2019s")
    assert ketamine.source[quote.span.start : quote.span.end] == quote.text
    assert position(ketamine, quote, "glutamate") == (77, 70)


def test_ketamine_sections_nest_under_parents(ketamine: Document) -> None:
    root = ketamine.sections
    [title_section] = root.children
    assert title_section.heading == 0
    headings = [ketamine.blocks[s.heading].text for s in title_section.children if s.heading]
    assert "Fast Facts About Ketamine for Depression" in headings
    fast = next(
        s for s in title_section.children
        if s.heading is not None and ketamine.blocks[s.heading].text.startswith("Fast Facts")
    )
    assert [ketamine.blocks[c.heading].text for c in fast.children if c.heading] == [
        "Understanding Ketamine",
        "Candidacy and Therapy Expectations",
        "Neurological Impact and Duration",
        "Side Effects and Cost",
        "Overall Well-being",
    ]


# -- small inputs ---------------------------------------------------------------


def test_empty_and_blank_input() -> None:
    for source in ("", "\n\n", " \t \r\n"):
        doc = parse(source, "x.txt")
        assert doc.blocks == () and doc.title is None and doc.title_block is None
        assert doc.format == "text"


def test_wrapped_lines_join_with_one_space_mapped_to_the_break() -> None:
    source = (
        "Title\n\n"
        "This paragraph was wrapped by an editor at roughly sixty\n"
        "   columns, so its lines belong together. It ends here.\n"
    )
    doc = parse(source, "x.txt")
    [para] = doc.blocks[1:]
    assert para.kind is BlockKind.PARAGRAPH
    assert para.text == (
        "This paragraph was wrapped by an editor at roughly sixty columns, so its lines "
        "belong together. It ends here."
    )
    joint = para.text.index("sixty ") + len("sixty")
    span = para.source_span(joint, joint + 1)
    assert source[span.start : span.end] == "\n   "
    assert position(doc, para, "columns") == (4, 4)
    assert_offsets(doc)


def test_crlf_lone_cr_tabs_and_non_ascii_positions() -> None:
    source = (
        "Caf\u00e9 \u65e5\u672c\u8a9e Title\r\n\r\n"
        "Premi\u00e8re section\r\r"
        "\tL\u2019\u00e9t\u00e9 \U0001F600 arriva, na\u00efve words, wrapped by a narrow editor\r"
        "\tSecond line \u4e2d\u6587 here.\n"
    )
    doc = parse(source, "x.txt")
    assert_offsets(doc)
    title, heading, para = doc.blocks
    assert title.text == "Caf\u00e9 \u65e5\u672c\u8a9e Title"
    assert heading.kind is BlockKind.HEADING and heading.text == "Premi\u00e8re section"
    assert para.kind is BlockKind.PARAGRAPH
    assert position(doc, title, "Title") == (1, 10)
    assert position(doc, heading, "section") == (3, 10)
    assert position(doc, para, "arriva") == (5, 10)
    assert position(doc, para, "na\u00efve") == (5, 18)
    assert position(doc, para, "\u4e2d\u6587") == (6, 14)
    assert position(doc, para, "here") == (6, 17)
    # the lone CR plus the tab collapse into the one joining space
    joint = para.text.index("editor ") + len("editor")
    span = para.source_span(joint, joint + 1)
    assert source[span.start : span.end] == "\r\t"


def test_headings_need_body_text_after_them() -> None:
    source = "Title\n\nOverview\n\nBody text follows the heading.\n\nFooter Link\nAnother Link\n"
    doc = parse(source, "x.txt")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.TITLE, "Title"),
        (BlockKind.HEADING, "Overview"),
        (BlockKind.PARAGRAPH, "Body text follows the heading."),
        (BlockKind.PARAGRAPH, "Footer Link"),
        (BlockKind.PARAGRAPH, "Another Link"),
    ]
    assert doc.blocks[1].level == 2


def test_heading_shapes() -> None:
    source = (
        "Title\n\n"
        "Why does it matter?\n"
        "Because it does, and this sentence explains at some length why.\n\n"
        "this starts in lower case\n\n"
        "Body.\n\n"
        "Ends with a colon:\n\n"
        "Body.\n"
    )
    doc = parse(source, "x.txt")
    kinds = [(b.kind, b.text[:20]) for b in doc.blocks[1:]]
    assert kinds == [
        (BlockKind.HEADING, "Why does it matter?"),
        (BlockKind.PARAGRAPH, "Because it does, and"),
        (BlockKind.PARAGRAPH, "this starts in lower"),
        (BlockKind.PARAGRAPH, "Body."),
        (BlockKind.PARAGRAPH, "Ends with a colon:"),
        (BlockKind.PARAGRAPH, "Body."),
    ]


def test_wrapped_all_caps_paragraph_and_heading_without_blank_lines() -> None:
    source = (
        "Licence\n\n"
        "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND,\n"
        "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
        "LIABILITY ARISING FROM THE SOFTWARE.\n"
        "What Happens Next\n"
        "Nothing at all, this paragraph only checks the heading above it.\n"
    )
    doc = parse(source, "x.txt")
    got = [(b.kind, b.text.split()[0]) for b in doc.blocks[1:]]
    assert got == [
        (BlockKind.PARAGRAPH, "THE"),
        (BlockKind.HEADING, "What"),
        (BlockKind.PARAGRAPH, "Nothing"),
    ]
    assert doc.blocks[1].text.endswith("ARISING FROM THE SOFTWARE.")
    assert position(doc, doc.blocks[1], "AUTHORS") == (4, 1)
    assert_offsets(doc)


def test_single_headings_become_children_once_a_parent_was_seen() -> None:
    source = "T\n\nAlone\n\nBody.\n\nParent\n\nChild\n\nBody.\n\nSibling\n\nBody.\n"
    doc = parse(source, "x.txt")
    levels = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert levels == [("Alone", 2), ("Parent", 2), ("Child", 3), ("Sibling", 3)]


def test_lists_markers_depth_tabs_and_continuations() -> None:
    source = (
        "Title\n\n"
        "- first item\n"
        "\t- tab nested item\n"
        "\t  continued deeper\n"
        "- second item\n"
        "1. numbered\n"
        "2) other\n"
        "  * spaced\n"
        "\u2013 en dash item\n\n"
        "2023. A year is not a list item.\n"
    )
    doc = parse(source, "x.txt")
    assert_offsets(doc)
    items = [
        (b.text, b.depth, b.attrs["ordered"]) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM
    ]
    assert items == [
        ("first item", 0, False),
        ("tab nested item continued deeper", 1, False),
        ("second item", 0, False),
        ("numbered", 0, True),
        ("other", 0, True),
        ("spaced", 1, False),
        ("en dash item", 0, False),
    ]
    nested = doc.blocks[2]
    assert position(doc, nested, "tab") == (4, 4)
    assert position(doc, nested, "continued") == (5, 4)
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH


def test_bare_urls_become_links() -> None:
    source = (
        "Title\n\n"
        "See https://en.wikipedia.org/wiki/Foo_(bar). Or (http://example.com/a?b=1), too.\n"
    )
    doc = parse(source, "x.txt")
    para = doc.blocks[1]
    assert [link.href for link in para.links] == [
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "http://example.com/a?b=1",
    ]
    for link in para.links:
        assert link.text == link.href
        assert source[link.span.start : link.span.end] == link.href
    assert doc.links == para.links


def test_directive_lines_are_not_text() -> None:
    source = (
        "Title\n\n"
        "<!-- contentlint-disable CL201 -->\n"
        "Some text here.\n"
        "contentlint-disable-next-line CL401\n"
        "More text here.\n"
    )
    doc = parse(source, "x.txt")
    assert [b.text for b in doc.blocks] == ["Title", "Some text here.", "More text here."]
    kinds = [(d.kind.value, d.selectors) for d in doc.directives]
    assert kinds == [("disable", ("CL201",)), ("disable-next-line", ("CL401",))]
    first = doc.directives[0].span
    assert source[first.start : first.end] == "<!-- contentlint-disable CL201 -->"


# -- property ------------------------------------------------------------------

_WORD_CHARS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00df\u00fc\u4e2d\u6587\U0001F600"
)
_words = st.text(alphabet=_WORD_CHARS, min_size=1, max_size=8)
_ends = st.sampled_from(["\n", "\r\n", "\r"])
_indent = st.sampled_from(["", " ", "  ", "\t", " \t", "    "])
_punct = st.sampled_from(["", ".", "?", ":", ","])
_bullet = st.sampled_from(["\u2022 ", "- ", "* ", "\u2013 ", "1. ", "12) "])


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """A plain-text document and (offset, word) for every word written into it."""
    parts: list[str] = []
    placed: list[tuple[int, str]] = []
    offset = 0

    def put(text: str, word: bool = False) -> None:
        nonlocal offset
        if word:
            placed.append((offset, text))
        parts.append(text)
        offset += len(text)

    for _ in range(draw(st.integers(1, 8))):
        for _ in range(draw(st.integers(1, 3))):
            put(draw(_indent))
            if draw(st.booleans()):
                put(draw(_bullet))
            for k, word in enumerate(draw(st.lists(_words, min_size=1, max_size=14))):
                if k:
                    put(draw(st.sampled_from([" ", "  ", "\t"])))
                put(word, word=True)
            put(draw(_punct))
            put(draw(st.sampled_from([" ", "", "\t"])) + draw(_ends))
        put(draw(_ends) * draw(st.integers(0, 2)))
    return "".join(parts), placed


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_property_offsets_map_back_to_the_source(
    generated: tuple[str, list[tuple[int, str]]],
) -> None:
    source, placed = generated
    doc = parse(source, "gen.txt")
    assert_offsets(doc)
    # every word written is in some block, at the very source offset it was written to
    found: set[int] = set()
    for block in doc.blocks:
        om = block.offsets
        for k, start in enumerate(om.src_starts):
            if om.verbatim[k]:
                found.update(range(start, om.src_ends[k]))
    for offset, word in placed:
        assert all(o in found for o in range(offset, offset + len(word))), (offset, word)
