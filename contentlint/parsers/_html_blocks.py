"""Walking the element tree into :class:`~contentlint.document.Block` values.

The walk is iterative (an explicit stack) so 10,000 nested elements cannot hit
the recursion limit. Block-level elements end the current block; the
innermost "kind-giving" ancestor decides what a block is: ``h1``-``h6``
headings, ``li`` list items (depth = enclosing lists - 1), ``blockquote``
quotes, ``td``/``th`` cells of data tables, ``pre`` code. Cells that hold
block elements or long running text are layout cells, and their text is
plain paragraphs, because old pages lay out whole articles in tables.
Two ``<br>`` in a row end a paragraph, as they do visually; one is a newline.

Inline ``<code>`` is dropped from the text: rules analyse prose, and an
identifier in a sentence would be read as a misspelt or unknown word. A
``<code>`` that spans several lines is a code block and becomes a CODE block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from contentlint.document import Block, BlockKind

from ._html_markers import Markers
from ._html_text import InlineText
from ._html_tree import HEADINGS, Element, Text
from ._text_lines import invisible

#: Elements whose content is never rendered as text.
NEVER_TEXT = frozenset(
    "script style noscript template svg math iframe object embed canvas applet audio video "
    "select option optgroup datalist textarea input button head title frameset noembed "
    "noframes xmp plaintext dialog map".split()
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section "
    "summary table tbody thead tfoot tr td th caption ul legend search".split()
)
_LISTS = frozenset({"ul", "ol", "menu"})
#: Block children that make a table cell a layout cell.
_BLOCKY = frozenset(
    "p div table ul ol h1 h2 h3 h4 h5 h6 blockquote pre article section dl li".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Longer text than this in a cell without block children is running prose, not data.
LAYOUT_CELL_CHARS = 300


def is_hidden(el: Element) -> bool:
    """Elements a reader never sees: ``hidden``, ``display:none``, ``visibility:hidden``."""
    attrs = el.attrs
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


@dataclass
class _Context:
    """What blocks inside ``element`` are; kind None defers to the enclosing context."""

    kind: BlockKind | None
    element: Element | None = None
    level: int = 0
    depth: int = 0
    attrs: dict[str, str] = field(default_factory=dict)
    cell: bool = False
    pre: bool = False


class BlockWalker:
    """Produces blocks in reading order; ``owners[i]`` is the element that held block ``i``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.owners: list[Element] = []
        self._text = InlineText(source)
        self._markers = Markers()
        self._ctx: list[_Context] = [_Context(BlockKind.PARAGRAPH)]
        self._block_els: list[Element] = []
        self._lists = 0
        self._pre = 0

    def walk(self, roots: Sequence[Element]) -> None:
        for root in roots:
            self._walk(root)
            self._flush()

    def _walk(self, root: Element) -> None:
        stack: list[tuple[Element | Text, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if isinstance(node, Text):
                if not node.raw:
                    self._text.add_run(node.start, node.end, pre=self._pre > 0)
            elif leaving:
                self._leave(node)
            elif self._enter(node):
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.children))
                if node.tag == "pre" and node.children:
                    self._skip_leading_newline(stack)

    def _skip_leading_newline(self, stack: list[tuple[Element | Text, bool]]) -> None:
        """A newline right after ``<pre>`` is not content (HTML spec)."""
        first = stack[-1][0]
        if isinstance(first, Text):
            skip = 2 if self.source.startswith("\r\n", first.start) else 1
            if self.source.startswith(("\n", "\r"), first.start):
                stack[-1] = (Text(first.start + skip, first.end), False)

    # -- elements ----------------------------------------------------------
    def _enter(self, el: Element) -> bool:
        """Open ``el``; False to skip its subtree."""
        tag = el.tag
        if tag in NEVER_TEXT or is_hidden(el):
            return False
        if tag == "br":
            if self._text.add_break(el.start, el.end):
                self._flush()  # <br><br> ends a paragraph
            return False
        if tag == "code" and not self._pre:
            inner = self.source[el.end : el.close]
            if "\n" not in inner and "\r" not in inner:
                return False  # inline code is not prose
            self._start_block(el)
            self._push(_Context(BlockKind.CODE, el, pre=True))
            return True
        if tag in BLOCK_TAGS:
            self._start_block(el)
            self._push_context(el)
        self._markers.enter(el, len(self._text))
        return True

    def _start_block(self, el: Element) -> None:
        top = self._ctx[-1]
        if top.cell and el.tag in _BLOCKY:
            top.kind = None  # a cell holding blocks is a layout cell
        self._flush()
        self._block_els.append(el)

    def _push(self, ctx: _Context) -> None:
        self._ctx.append(ctx)
        if ctx.pre:
            self._pre += 1

    def _push_context(self, el: Element) -> None:
        tag = el.tag
        if tag in HEADINGS:
            self._push(_Context(BlockKind.HEADING, el, level=int(tag[1])))
        elif tag == "li":
            self._push(_Context(BlockKind.LIST_ITEM, el, depth=max(0, self._lists - 1)))
        elif tag == "blockquote":
            attrs = {"cite": el.attrs["cite"]} if el.attrs.get("cite") else {}
            self._push(_Context(BlockKind.QUOTE, el, attrs=attrs))
        elif tag in ("td", "th"):
            self._push(_Context(BlockKind.TABLE_CELL, el, cell=True))
        elif tag == "pre":
            self._push(_Context(BlockKind.CODE, el, pre=True))
        elif tag in _LISTS:
            self._lists += 1

    def _leave(self, el: Element) -> None:
        self._markers.leave(el, len(self._text))
        if self._block_els and self._block_els[-1] is el:
            self._flush()
            self._block_els.pop()
        if self._ctx[-1].element is el and self._ctx.pop().pre:
            self._pre -= 1
        if el.tag in _LISTS:
            self._lists -= 1

    # -- blocks ------------------------------------------------------------
    def _kind(self) -> tuple[BlockKind, _Context]:
        for ctx in reversed(self._ctx):
            if ctx.kind is not None:
                return ctx.kind, ctx
        return BlockKind.PARAGRAPH, self._ctx[0]

    def _flush(self) -> None:
        inline, self._text = self._text, InlineText(self.source)
        links, cites = self._markers.take(len(inline))
        if not inline.has_text():
            return
        text, omap, lead = inline.build()
        if invisible(text):
            return  # nothing visible: empty, or only zero-width characters
        kind, ctx = self._kind()
        if kind is BlockKind.TABLE_CELL and len(text) > LAYOUT_CELL_CHARS:
            kind = BlockKind.PARAGRAPH
        owner = self._block_els[-1] if self._block_els else None
        attrs: dict[str, str] = {"tag": owner.tag if owner is not None else "#text"}
        if kind is ctx.kind:
            attrs.update(ctx.attrs)
        out_links, out_cites = Markers.resolve(text, omap, lead, links, cites)
        self.blocks.append(
            Block(
                kind,
                text,
                omap,
                level=ctx.level if kind is BlockKind.HEADING else 0,
                depth=ctx.depth if kind is BlockKind.LIST_ITEM else 0,
                links=out_links,
                citations=out_cites,
                attrs=attrs,
            )
        )
        self.owners.append(owner if owner is not None else Element("#text", {}, 0, 0, None))


def walk_blocks(source: str, roots: Sequence[Element]) -> tuple[list[Block], list[Element]]:
    """Blocks of ``roots`` in reading order, and the element holding each."""
    walker = BlockWalker(source)
    walker.walk(roots)
    return walker.blocks, walker.owners
