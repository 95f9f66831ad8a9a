"""Markdown (CommonMark + tables + footnotes + YAML front matter) -> Document.

markdown-it-py does the parsing; this module decides what is prose and where
every character of it came from. markdown-it reports only line ranges, so
:mod:`._md_align` finds each content line in the source and :mod:`._md_inline`
walks the inline children with a cursor (see those modules for the details).

Blocks:

* ATX and setext headings -> HEADING with their level. The first top-level
  ``#`` heading is the TITLE unless front matter has a ``title``; the
  front-matter title wins and then ``title_block`` is None.
* Paragraphs -> PARAGRAPH; footnote bodies too, with ``attrs["footnote"]``
  set to the label (markdown-it moves them to the end, where readers see them).
* List items -> LIST_ITEM with ``depth`` = nesting (0 = top level); the text
  is the item's own paragraphs joined by a blank line. A nested list or other
  block inside an item ends that text, so blocks stay in reading order; item
  paragraphs after a nested list become another LIST_ITEM of the same depth.
* Block quotes -> one QUOTE per paragraph (and per heading, with
  ``attrs["heading_level"]``: a quoted heading is not the article's outline).
* Table cells -> TABLE_CELL with ``attrs`` row, column and header.
* Fenced and indented code -> CODE (text verbatim, ``attrs["info"]``).
* HTML blocks, front matter, reference definitions and thematic breaks give
  no blocks; ``<!-- contentlint-... -->`` comments anywhere become directives.

Inline: emphasis markers, link brackets and destinations, escapes and
entities are removed (escapes and entities map as whole units onto their
source); inline code, raw HTML, images and footnote markers are left out
entirely. Link hrefs are markdown-it's normalised ones, as a browser gets them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from contentlint.directives import parse_directive
from contentlint.document import Block, BlockKind, Directive, Document, Span, TextBuilder

from ._md_align import ContentMap, Source, map_atx, map_cell, map_code, map_lines
from ._md_inline import Accumulator, InlineWalker
from ._text_lines import Line, invisible, split_lines

FORMAT = "markdown"

#: How two paragraphs of one list item are joined in its text.
_PARAGRAPH_BREAK = "\n\n"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """The parser; text_join is off so escapes and entities stay separate tokens.

    Built once per process: building one (with the plugins and the flat block
    parser below) costs more than parsing a short article, and a MarkdownIt
    keeps no state between parses (references and footnotes live in ``env``).
    NOTE: like the language model, a process-wide cache of a value nobody mutates.
    """
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    try:
        md.use(footnote_plugin, inline=False)
    except TypeError:  # mdit-py-plugins < 0.5 has no options
        md.use(footnote_plugin)
    md.disable("text_join", ignoreInvalid=True)
    _flatten_deep_containers(md)
    return md


#: Block rules that open a container and parse its content recursively.
_CONTAINER_RULES = ["blockquote", "list", "footnote_def"]


def _flatten_deep_containers(md: MarkdownIt) -> None:
    """Read containers nested too deep for markdown-it as plain paragraphs instead of dropping them.

    markdown-it stops at ``maxNesting`` (20 levels of tokens) by skipping
    *everything* to the end of the enclosing range, which for a list item is
    the end of the document: ``"- " * 30 + "text"`` parsed to nothing and a
    deep quote lost the text after it. Below the limit we switch to a copy of
    the block parser without container rules, so deeper ``>`` and list
    markers stay in the text of a paragraph, nothing recurses further and no
    line is lost. Each container adds one or two levels, hence the margin.
    """
    flat = ParserBlock.__new__(ParserBlock)
    flat.ruler = copy.deepcopy(md.block.ruler)
    flat.ruler.disable(_CONTAINER_RULES, ignoreInvalid=True)
    limit = max(1, int(md.options.maxNesting) - 2)
    nested = md.block.tokenize

    def tokenize(state: StateBlock, start_line: int, end_line: int) -> None:
        if state.level >= limit:
            flat.tokenize(state, start_line, end_line)
        else:
            nested(state, start_line, end_line)

    md.block.tokenize = tokenize  # type: ignore[method-assign]


@dataclass(slots=True)
class _Container:
    kind: str  # "list", "item", "quote", "footnote"
    ordered: bool = False
    depth: int = 0
    label: str = ""
    acc: Accumulator | None = None


@dataclass(slots=True)
class _Parse:
    """State of one parse; everything mutable lives here, never at module level."""

    source: Source
    lines: list[Line]
    md: MarkdownIt
    env: dict[str, Any]
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    stack: list[_Container] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    title_block: int | None = None
    row: int = -1
    column: int = 0
    row_cursor: int = 0
    header: bool = False


def parse(source: str, path: str) -> Document:
    """Parse Markdown; bad YAML front matter only loses the metadata."""
    md = _markdown()
    env: dict[str, Any] = {}
    tokens = md.parse(source, env)
    state = _Parse(Source.of(source), split_lines(source), md, env)
    _walk(state, tokens)
    state.directives.sort(key=lambda d: d.span.start)
    return Document(
        path=path,
        format=FORMAT,
        source=source,
        blocks=tuple(state.blocks),
        title=state.title,
        title_block=state.title_block,
        metadata=state.metadata,
        directives=tuple(state.directives),
    )


def _walk(st: _Parse, tokens: list[Token]) -> None:
    i = 0
    while i < len(tokens):
        token = tokens[i]
        t = token.type
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t == "front_matter":
            _front_matter(st, token)
        elif t in ("bullet_list_open", "ordered_list_open"):
            _flush_item(st)
            st.stack.append(_Container("list", ordered=t == "ordered_list_open"))
        elif t == "list_item_open":
            depth = sum(1 for c in st.stack if c.kind == "list") - 1
            ordered = bool(st.stack and st.stack[-1].ordered)
            st.stack.append(_Container("item", ordered=ordered, depth=max(depth, 0)))
        elif t == "blockquote_open":
            _flush_item(st)
            st.stack.append(_Container("quote"))
        elif t == "footnote_open":
            st.stack.append(_Container("footnote", label=str(token.meta.get("label") or "")))
        elif t in ("bullet_list_close", "ordered_list_close", "blockquote_close", "footnote_close"):
            _pop(st)
        elif t == "list_item_close":
            _flush_item(st)
            _pop(st)
        elif t == "heading_open" and nxt is not None and nxt.type == "inline":
            _flush_item(st)
            _heading(st, token, nxt)
            i += 1
        elif t == "paragraph_open" and nxt is not None and nxt.type == "inline":
            _paragraph(st, nxt)
            i += 1
        elif t == "table_open":
            _flush_item(st)
            st.row = -1
        elif t == "tr_open":
            st.row += 1
            st.column = 0
            st.row_cursor = _line(st, token.map[0]).start if token.map else 0
        elif t in ("thead_open", "tbody_open"):
            st.header = t == "thead_open"
        elif t in ("th_open", "td_open") and nxt is not None and nxt.type == "inline":
            _cell(st, nxt)
            st.column += 1
            i += 1
        elif t in ("fence", "code_block"):
            _flush_item(st)
            _code(st, token)
        elif t == "html_block":
            _html_block(st, token)
        i += 1


def _pop(st: _Parse) -> None:
    if st.stack:
        st.stack.pop()


def _nearest(st: _Parse) -> _Container | None:
    for container in reversed(st.stack):
        if container.kind != "list":
            return container
    return None


def _front_matter(st: _Parse, token: Token) -> None:
    try:
        data = yaml.safe_load(token.content)
    except (yaml.YAMLError, ValueError, RecursionError):
        return
    if not isinstance(data, dict):
        return
    st.metadata = data
    title = data.get("title")
    if title is not None and not isinstance(title, (dict, list)) and str(title).strip():
        st.title = str(title).strip()


def _line(st: _Parse, index: int) -> Line:
    return st.lines[min(max(index, 0), len(st.lines) - 1)]


def _walk_inline(st: _Parse, token: Token, cmap: ContentMap, acc: Accumulator) -> None:
    InlineWalker(st.md, st.env, token.content, cmap, acc, st.directives).walk(token.children or [])


def _emit(
    st: _Parse,
    kind: BlockKind,
    acc: Accumulator,
    level: int = 0,
    depth: int = 0,
    attrs: dict[str, Any] | None = None,
) -> int | None:
    text, offsets = acc.builder.build()
    if not text or invisible(text):  # zero-width and bidi characters only: nothing to read
        return None
    st.blocks.append(
        Block(
            kind=kind,
            text=text,
            offsets=offsets,
            level=level,
            depth=depth,
            links=tuple(acc.links),
            citations=tuple(acc.citations),
            attrs=attrs or {},
        )
    )
    return len(st.blocks) - 1


def _heading(st: _Parse, open_token: Token, inline: Token) -> None:
    if not inline.map:
        return
    level = int(open_token.tag[1:]) if open_token.tag[1:].isdigit() else 1
    if open_token.markup.startswith("#"):
        cmap = map_atx(st.source, _line(st, inline.map[0]), inline.content)
    else:
        cmap = map_lines(st.source, st.lines, inline.map[0], inline.content)
    acc = Accumulator()
    _walk_inline(st, inline, cmap, acc)
    container = _nearest(st)
    if container is not None and container.kind == "quote":
        _emit(st, BlockKind.QUOTE, acc, attrs={"heading_level": level})
        return
    is_title = level == 1 and st.title is None and container is None
    kind = BlockKind.TITLE if is_title else BlockKind.HEADING
    index = _emit(st, kind, acc, level=level)
    if is_title and index is not None:
        st.title = st.blocks[index].text
        st.title_block = index


def _paragraph(st: _Parse, inline: Token) -> None:
    if not inline.map:
        return  # e.g. inline footnote bodies synthesised by the plugin
    cmap = map_lines(st.source, st.lines, inline.map[0], inline.content)
    container = _nearest(st)
    if container is not None and container.kind == "item":
        acc = container.acc
        if acc is None:
            acc = container.acc = Accumulator()
        else:
            acc.separate(_PARAGRAPH_BREAK, acc.last_src_end, cmap.start(0))
        _walk_inline(st, inline, cmap, acc)
        acc.last_src_end = cmap.end(cmap.length)
        return
    acc = Accumulator()
    _walk_inline(st, inline, cmap, acc)
    if container is not None and container.kind == "quote":
        _emit(st, BlockKind.QUOTE, acc)
    elif container is not None and container.kind == "footnote":
        _emit(st, BlockKind.PARAGRAPH, acc, attrs={"footnote": container.label})
    else:
        _emit(st, BlockKind.PARAGRAPH, acc)


def _flush_item(st: _Parse) -> None:
    """Emit the innermost list item's text so far, before a block nested in it."""
    container = _nearest(st)
    if container is None or container.kind != "item" or container.acc is None:
        return
    _emit(
        st,
        BlockKind.LIST_ITEM,
        container.acc,
        depth=container.depth,
        attrs={"ordered": container.ordered},
    )
    container.acc = None


def _cell(st: _Parse, inline: Token) -> None:
    if not inline.map or not inline.content:
        return
    cmap, st.row_cursor = map_cell(
        st.source, _line(st, inline.map[0]), inline.content, st.row_cursor
    )
    acc = Accumulator()
    _walk_inline(st, inline, cmap, acc)
    attrs = {"row": st.row, "column": st.column, "header": st.header}
    _emit(st, BlockKind.TABLE_CELL, acc, attrs=attrs)


def _code(st: _Parse, token: Token) -> None:
    if not token.map:
        return
    content = token.content[:-1] if token.content.endswith("\n") else token.content
    if not content.strip():
        return
    first = token.map[0] + (1 if token.type == "fence" else 0)
    cmap = map_code(st.source, st.lines, first, content)
    builder = TextBuilder()
    cmap.add(builder, content, 0, len(content))
    text, offsets = builder.build(strip=False)
    attrs: dict[str, Any] = {"info": token.info.strip()} if token.type == "fence" else {}
    st.blocks.append(Block(kind=BlockKind.CODE, text=text, offsets=offsets, attrs=attrs))


def _html_block(st: _Parse, token: Token) -> None:
    """Directives in an HTML block, found in the source itself so spans are exact."""
    if not token.map or "<!--" not in token.content:
        return
    start = _line(st, token.map[0]).start
    end = _line(st, token.map[1] - 1).end
    source = st.source.text
    pos = source.find("<!--", start, end)
    while pos >= 0:
        close = source.find("-->", pos + 4, end)
        if close < 0:
            break
        directive = parse_directive(source[pos + 4 : close], Span(pos, close + 3))
        if directive is not None:
            st.directives.append(directive)
        pos = source.find("<!--", close + 3, end)
