"""Offset assertions shared by the parser tests: every block maps exactly into its source."""

from __future__ import annotations

from contentlint.document import Document


def assert_offsets(doc: Document) -> None:
    """Every block maps into the source, in order; verbatim text equals the source exactly.

    Pieces that stand for something else (a space for a line break, a decoded
    entity) are marked non-verbatim by the parsers and map as a whole.
    """
    source = doc.source
    for block in doc.blocks:
        om = block.offsets
        assert om.length == len(block.text)
        assert 0 <= block.span.start <= block.span.end <= len(source)
        previous_end = 0
        count = len(om.text_starts)
        for k in range(count):
            text_start = om.text_starts[k]
            text_end = om.text_starts[k + 1] if k + 1 < count else om.length
            src_start, src_end = om.src_starts[k], om.src_ends[k]
            assert previous_end <= src_start <= src_end <= len(source)
            previous_end = src_end
            if om.verbatim[k]:
                piece = block.text[text_start:text_end]
                assert piece == source[src_start : src_start + len(piece)], (block.text, k)
        for link in block.links:
            assert block.span.start <= link.span.start <= link.span.end <= block.span.end
        for citation in block.citations:
            assert 0 <= citation.start < citation.end <= len(source)
