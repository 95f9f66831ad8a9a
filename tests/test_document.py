"""The position model: offsets are the truth, line/column derived; maps survive edits."""

from __future__ import annotations

from contentlint.document import (
    Block,
    BlockKind,
    LineIndex,
    Span,
    TextBuilder,
    build_sections,
)


def test_line_index_handles_lf_crlf_and_lone_cr() -> None:
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert index.line_count == 4
    assert index.position(text.index("c")) == (index.position(4))
    assert (index.position(text.index("c")).line, index.position(text.index("c")).column) == (2, 1)
    assert (index.position(text.index("e")).line, index.position(text.index("e")).column) == (3, 1)
    assert (index.position(text.index("h")).line, index.position(text.index("h")).column) == (4, 2)
    assert index.line_text(1) == "ab"
    assert index.line_text(2) == "cd"
    assert index.offset(4, 2) == text.index("h")


def test_columns_count_characters_not_bytes() -> None:
    text = "café 😀 naïve\n日本語 word"
    index = LineIndex(text)
    pos = index.position(text.index("naïve"))
    assert (pos.line, pos.column) == (1, 8)
    pos = index.position(text.index("word"))
    assert (pos.line, pos.column) == (2, 5)


def test_text_builder_maps_verbatim_and_replaced_pieces() -> None:
    source = "<p>Fish &amp; chips\n   today</p>"
    builder = TextBuilder()
    builder.add_source(source, 3, 8)  # "Fish "
    builder.add("&", 8, 13)  # entity
    builder.add_source(source, 13, 19)  # " chips"
    builder.add(" ", 19, 23)  # newline + indentation collapsed
    builder.add_source(source, 23, 28)  # "today"
    text, omap = builder.build()
    assert text == "Fish & chips today"
    amp = text.index("&")
    assert source[omap.start(amp) : omap.end(amp + 1)] == "&amp;"
    chips = text.index("chips")
    span = omap.span(chips, chips + 5)
    assert source[span.start : span.end] == "chips"
    whole = omap.span(0, len(text))
    assert source[whole.start : whole.end] == "Fish &amp; chips\n   today"


def test_build_strips_and_keeps_the_map() -> None:
    source = "   hello world  "
    builder = TextBuilder()
    builder.add_source(source, 0, len(source))
    text, omap = builder.build()
    assert text == "hello world"
    span = omap.span(6, 11)
    assert source[span.start : span.end] == "world"


def _block(kind: BlockKind, text: str, level: int = 0) -> Block:
    builder = TextBuilder()
    builder.add(text, 0, len(text))
    return Block(kind, *builder.build(), level=level)


def test_sections_nest_by_level() -> None:
    blocks = [
        _block(BlockKind.TITLE, "Title", 1),
        _block(BlockKind.PARAGRAPH, "Intro."),
        _block(BlockKind.HEADING, "A", 2),
        _block(BlockKind.PARAGRAPH, "a text"),
        _block(BlockKind.HEADING, "A.1", 3),
        _block(BlockKind.PARAGRAPH, "a1 text"),
        _block(BlockKind.HEADING, "B", 2),
    ]
    root = build_sections(blocks)
    assert root.heading is None and root.blocks == ()
    (title,) = root.children
    assert title.heading == 0 and title.blocks == (1,)
    a, b = title.children
    assert a.heading == 2 and a.blocks == (3,) and a.end == 6
    assert a.children[0].heading == 4 and a.children[0].blocks == (5,)
    assert b.heading == 6 and b.blocks == () and b.end == 7
    assert [s.heading for s in root.walk()] == [None, 0, 2, 4, 6]


def test_span_validation() -> None:
    assert len(Span(2, 5)) == 3
    assert Span(0, 10).contains(Span(2, 3))


def test_derived_values_are_computed_once_per_document_and_not_pickled() -> None:
    import pickle

    from contentlint.parsers import parser_for

    parse = parser_for("markdown")
    first, second = parse("# One\n\nText.\n", "a.md"), parse("# One\n\nText.\n", "b.md")
    calls: list[str] = []

    def lines() -> int:
        calls.append("x")
        return len(calls)

    assert first.derived(lines, lines) == first.derived(lines, lines) == 1
    assert second.derived(lines, lines) == 2  # another document, even with the same text
    copy = pickle.loads(pickle.dumps(first))
    assert "_derived" not in copy.__dict__ and copy.blocks == first.blocks
