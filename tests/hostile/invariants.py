"""Structural invariants every parsed :class:`~contentlint.document.Document` must satisfy.

Shared by the fuzz targets (``tests/test_fuzz_readers.py``), the span property
test and the hostile-input suite, so "the parser accepted it" always means the
same, strict thing: every position points into the file, and text that claims
to be copied from the source really is.
"""

from __future__ import annotations

from contentlint.document import Block, Document, OffsetMap, Span


def check_span(span: Span, size: int, what: str) -> None:
    assert 0 <= span.start <= span.end <= size, f"{what}: span {span} outside 0..{size}"


def check_offsets(block: Block, source: str, where: str) -> None:
    omap: OffsetMap = block.offsets
    size = len(source)
    n = len(omap.text_starts)
    assert len(omap.src_starts) == len(omap.src_ends) == len(omap.verbatim) == n, where
    assert omap.length == len(block.text), f"{where}: map length {omap.length} != text length"
    if n == 0:
        assert block.text == "", f"{where}: text without a map"
        return
    assert omap.text_starts[0] == 0, f"{where}: map does not start at 0"
    for k in range(n):
        t0 = omap.text_starts[k]
        t1 = omap.text_starts[k + 1] if k + 1 < n else omap.length
        s0, s1 = omap.src_starts[k], omap.src_ends[k]
        assert t0 < t1, f"{where}: empty or unordered segment {k}"
        assert 0 <= s0 <= s1 <= size, f"{where}: segment {k} source {s0}..{s1} outside 0..{size}"
        if omap.verbatim[k]:
            assert block.text[t0:t1] == source[s0:s1], (
                f"{where}: segment {k} claims to be verbatim but "
                f"{block.text[t0:t1]!r} != source {source[s0:s1]!r}"
            )


def check_document(doc: Document, source: str) -> None:
    """Assert every invariant; the message names the block and what is wrong."""
    assert doc.source == source, "the document's source is not the input"
    size = len(source)
    for i, block in enumerate(doc.blocks):
        where = f"block {i} ({block.kind.value})"
        assert block.text, f"{where}: empty block"
        check_offsets(block, source, where)
        check_span(block.span, size, where)
        for a, b in ((0, len(block.text)), (0, 1), (len(block.text) - 1, len(block.text))):
            check_span(block.source_span(a, b), size, f"{where} source_span({a}, {b})")
        for link in block.links:
            check_span(link.span, size, f"{where} link {link.href!r}")
        for cite in block.citations:
            check_span(cite, size, f"{where} citation")
    for directive in doc.directives:
        check_span(directive.span, size, f"directive {directive.kind.value}")
    if doc.title_block is not None:
        assert 0 <= doc.title_block < len(doc.blocks), "title_block out of range"
    _ = doc.sections  # builds the section tree; must not fail
    index = doc.line_index
    for offset in (0, size // 2, size):
        pos = index.position(offset)
        assert index.offset(pos.line, pos.column) == offset
