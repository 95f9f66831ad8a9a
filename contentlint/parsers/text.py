"""Plain text (typically a scraped article) -> :class:`~contentlint.document.Document`.

Plain text has no markup, so the structure is guessed from the shape of lines.
Each guess is deliberately simple and local so that a surprising result can be
explained from the lines around it:

* **Title.** The first non-blank line, on its own, is the TITLE (level 1),
  unless it is longer than any title (``TITLE_MAX_CHARS``): a file that is one
  long line of prose, or starts with a paragraph, has no title and all of it
  is checked as body text.
* **Paragraphs.** Blank lines separate paragraphs. Consecutive lines are one
  paragraph, joined by a space that maps to the line break and indentation,
  unless a line cannot be a wrapped line: it is longer than any hard wrap
  (> 100 characters); it opens a block and is a Title Case heading, or a
  heading-like line much shorter than the next; it is a short complete
  sentence (< 40 characters, like a scraped "Close this search box."); or the
  next line is a Title Case heading after a finished sentence. A next line
  starting in lower case continues the sentence. Only a block's first line is
  ever treated as a standalone heading, so a wrapped ALL CAPS paragraph (a
  licence disclaimer) stays one paragraph.
* **Headings.** A line that stands alone is *heading-like* when it has at most
  12 words and 100 characters, its first letter is not lower case and it does
  not end with ``. ! ; : ,`` (a question mark is fine: questions are common
  headings). Heading-like lines become HEADING blocks only if body text (a
  paragraph or a list item) follows them, possibly after further headings; a
  run of heading-like lines at the very end of the file ("More Projects",
  footer links) has nothing to introduce and stays PARAGRAPH.
* **Heading levels.** Headings come in *runs* with no body text in between. In
  a run of two or more, the first heading is a parent (level 2) and the rest
  are its children (level 3). A heading alone is level 2 until the first
  parent has been seen, and level 3 after that, because scraped articles that
  nest once keep listing siblings under the last parent.
* **Lists.** A line starting with ``•``, ``-``, ``*``, ``–``, ``◦``, ``▪``, ``‣``,
  ``●``, ``○``, ``1.`` or ``1)`` plus whitespace is a LIST_ITEM; its text starts
  after the marker and is verbatim source. Nesting comes from indentation
  (tabs advance to the next multiple of 4) relative to the items above it in
  the same list; any non-item block ends the list. A following non-item line
  continues the item if it is indented deeper than the marker or reads as a
  wrapped line.
* **Links.** Bare ``http(s)://`` URLs stay in the text and are also recorded
  as :class:`~contentlint.document.Link` objects (href = text = the URL).
* **Suppressions.** A line that is just a directive, either bare
  (``contentlint-disable CL201``) or as an HTML comment, is a directive and no
  text; it separates paragraphs like a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from contentlint.directives import parse_directive
from contentlint.document import Block, BlockKind, Directive, Document, Link, Span, TextBuilder

from ._text_lines import indent_width, invisible, split_lines
from ._text_shape import bullet_end, continues, heading_like

FORMAT = "text"

#: Longest first line still read as the title; longer, it is the first paragraph.
TITLE_MAX_CHARS = 300

# One character class repeated: no nested quantifiers, so no catastrophic backtracking.
_URL = re.compile(r"https?://[^\s<>\"'`]+")
_URL_TRAILING = ".,;:!?'\"\u2019\u201d\u00bb*"


@dataclass(slots=True)
class _Unit:
    """Lines that form one block; ``ranges`` are the source ranges of each line's text."""

    ranges: list[tuple[int, int]]
    item: bool = False
    indent: int = 0
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    depth: int = 0
    attrs: dict[str, object] = field(default_factory=dict)


def parse(source: str, path: str) -> Document:
    """Parse scraped or hand-written plain text; never fails, any string is some text."""
    directives: list[Directive] = []
    lines = split_lines(source)
    title_unit: _Unit | None = None
    units: list[_Unit] = []
    current: _Unit | None = None
    for line in lines:
        text = source[line.start : line.end]
        body = text.strip()
        if not body or invisible(body):  # blank to a reader, whatever the bytes
            current = None
            continue
        start = line.start + len(text) - len(text.lstrip())
        end = start + len(body)
        if body[0] in "<cC":
            directive = _directive(body, Span(start, end))
            if directive is not None:
                directives.append(directive)
                current = None
                continue
        if title_unit is None and not units and end - start <= TITLE_MAX_CHARS:
            title_unit = _Unit([(start, end)], kind=BlockKind.TITLE, level=1)
            continue
        marker = bullet_end(text)
        if marker:
            current = _Unit([(line.start + marker, end)], item=True, indent=indent_width(text))
            current.kind = BlockKind.LIST_ITEM
            current.attrs["ordered"] = text[:marker].strip()[:1].isdigit()
            units.append(current)
            continue
        if current is not None and _continues(source, current, text, body):
            current.ranges.append((start, end))
            continue
        current = _Unit([(start, end)])
        units.append(current)

    _classify(source, units)
    blocks: list[Block] = []
    if title_unit is not None:
        blocks.append(_block(source, title_unit))
    blocks.extend(_block(source, unit) for unit in units)
    title = blocks[0].text if title_unit is not None else None
    return Document(
        path=path,
        format=FORMAT,
        source=source,
        blocks=tuple(blocks),
        title=title,
        title_block=0 if title_unit is not None else None,
        directives=tuple(directives),
    )


def _directive(text: str, span: Span) -> Directive | None:
    """A suppression written on a line of its own, bare or as an HTML comment."""
    if text.startswith("<!--"):
        if len(text) < 7 or not text.endswith("-->"):
            return None
        return parse_directive(text[4:-3], span)
    if text[:12].lower() == "contentlint-":
        return parse_directive(text, span)
    return None


def _continues(source: str, unit: _Unit, text: str, body: str) -> bool:
    prev_start, prev_end = unit.ranges[-1]
    if unit.item and indent_width(text) > unit.indent:
        return True
    return continues(source[prev_start:prev_end], body, len(unit.ranges) == 1)


def _classify(source: str, units: list[_Unit]) -> None:
    """Decide headings, their levels and list depths, in place (see the module docstring)."""
    candidates = [
        not u.item and len(u.ranges) == 1 and heading_like(source[slice(*u.ranges[0])])
        for u in units
    ]
    parent_seen = False
    i = 0
    while i < len(units):
        if not candidates[i]:
            i += 1
            continue
        j = i
        while j < len(units) and candidates[j]:
            j += 1
        if j < len(units):  # body text follows the run, so these are headings
            run = units[i:j]
            for k, unit in enumerate(run):
                unit.kind = BlockKind.HEADING
                if len(run) > 1:
                    unit.level = 2 if k == 0 else 3
                else:
                    unit.level = 3 if parent_seen else 2
            parent_seen = parent_seen or len(run) > 1
        i = j

    stack: list[int] = []  # indentation of the open list levels
    for unit in units:
        if not unit.item:
            stack.clear()
            continue
        while stack and stack[-1] > unit.indent:
            stack.pop()
        if not stack or unit.indent > stack[-1]:
            stack.append(unit.indent)
        unit.depth = len(stack) - 1


def _block(source: str, unit: _Unit) -> Block:
    builder = TextBuilder()
    prev_end = -1
    for start, end in unit.ranges:
        if prev_end >= 0:
            # line break and indentation, as one space: a replacement even when it is one "\n"
            builder.add(" ", prev_end, start, verbatim=False)
        builder.add_source(source, start, end)
        prev_end = end
    text, offsets = builder.build()
    block = Block(
        kind=unit.kind,
        text=text,
        offsets=offsets,
        level=unit.level,
        depth=unit.depth,
        attrs=dict(unit.attrs),
    )
    links = tuple(_links(block))
    return replace(block, links=links) if links else block


def _links(block: Block) -> list[Link]:
    """Bare URLs, without the sentence punctuation that usually follows them."""
    links: list[Link] = []
    for match in _URL.finditer(block.text):
        url = match.group(0)
        opened = url.count("(")
        closed = url.count(")")
        end = len(url)
        while end > 0:
            ch = url[end - 1]
            if ch in _URL_TRAILING:
                end -= 1
            elif ch == ")" and closed > opened:
                closed -= 1
                end -= 1
            else:
                break
        url = url[:end]
        if len(url) <= len("https://"):
            continue
        start = match.start()
        links.append(Link(url, url, block.source_span(start, start + len(url))))
    return links
