"""Which headings introduce nothing: the evidence behind CL202 (and CL201's unknown labels).

With explicit levels (Markdown, HTML) a section is empty when the heading is
followed by the next heading of the same or a higher level, or by the end of
the article, with no block in between and no subsection. Images, embeds,
tables and link-only paragraphs that the parser does not turn into text still
count as content, so the source between the heading and the next block is
checked for them; a heading ending with a colon right above other headings
("Related coverage:") introduces them.

Plain text has no levels: the parser guesses them, and a heading followed by
another heading may just as well be a parent and its first child. The only
case reported there is the one a reader would call empty without hesitation:
an article whose outline is flat (at least two Title Case headings, each with
text under it, before any run of headings) that suddenly has two Title Case
headings in a row, the first unrelated in wording to the second. Anything else
in plain text is left alone: a recipe name above "Ingredients", a closing
question above the next heading or a score line are parents or prose, not
empty sections.
"""

from __future__ import annotations

import re

from contentlint.document import BlockKind, Document

from ._structure_lines import line_key, title_case

#: Source between a heading and the next block that a reader sees as content.
_MEDIA = re.compile(
    r"!\[|<(?:img|picture|video|audio|iframe|figure|svg|canvas|embed|object|table|form|script"
    r"|blockquote|amp-img|amp-iframe|p|ul|ol|dl|pre|a)\b|\{\{[<%]|\{%",
    re.IGNORECASE,
)
#: How far after the last heading of an HTML page to look for media (the rest is page chrome).
_TAIL = 2000
#: Flat-outline evidence needed in plain text: single headings with text, before the pair.
_FLAT_SINGLES = 2
_STOP = frozenset(
    "a an and are as at be by do does for from how in is it its of on or the to what when "
    "where which who why with you your".split()
)


def empty_headings(document: Document) -> list[int]:
    """Indices of HEADING blocks whose section has no content, in document order."""
    if document.format == "text":
        return _flat_outline_gaps(document)
    blocks = document.blocks
    out: list[int] = []
    for section in document.sections.walk():
        index = section.heading
        if index is None or blocks[index].kind is not BlockKind.HEADING:
            continue
        if section.blocks or section.children:
            continue
        if _lead_in(document, index, section.end):
            continue
        if _media_after(document, index, section.end):
            continue
        out.append(index)
    return sorted(out)


def _lead_in(document: Document, index: int, end: int) -> bool:
    """ "Related coverage:" above a list of headings introduces them; it is not empty."""
    text = document.blocks[index].text.rstrip()
    return text.endswith(":") and end < len(document.blocks) and document.blocks[end].is_heading


def _media_after(document: Document, index: int, end: int) -> bool:
    start = document.blocks[index].span.end
    if end < len(document.blocks):
        stop = document.blocks[end].span.start
    else:
        stop = len(document.source) if document.format != "html" else start + _TAIL
    return _MEDIA.search(document.source, start, max(start, stop)) is not None


def _flat_outline_gaps(document: Document) -> list[int]:
    blocks = document.blocks
    runs: list[list[int]] = []
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    multi = [run for run in runs if len(run) > 1]
    if not multi or len(multi) > 2:
        return []
    singles = runs[: runs.index(multi[0])]
    titled = sum(1 for run in singles if _style(blocks[run[0]].text) == "title")
    if titled < _FLAT_SINGLES or titled < 0.66 * len(singles):
        return []
    out = []
    for run in multi:
        if len(run) != 2:
            continue
        a, b = run
        same_style = _style(blocks[a].text) == _style(blocks[b].text) == "title"
        if same_style and not _stems(blocks[a].text) & _stems(blocks[b].text):
            out.append(a)
    return out


def _style(text: str) -> str:
    """ "caps", "title" or "sentence": a change of style is a change of role."""
    if text.isupper():
        return "caps"
    return "title" if title_case(text) else "sentence"


def _stems(text: str) -> set[str]:
    """Crude stems of content words: enough to see that "Tips" and "Tip 1" are related."""
    return {w.rstrip("s")[:5] for w in line_key(text).split() if w not in _STOP and len(w) > 2}
