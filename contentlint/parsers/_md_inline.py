"""Reader-visible text of one markdown-it inline token, with exact source offsets.

markdown-it's inline children tile the token's ``content`` in order: each
text, delimiter, code span, link, image or break consumes a stretch of it, and
nothing is consumed twice. So one cursor walking the content and advancing by
each child's raw form finds every child's position; a
:class:`~contentlint.parsers._md_align.ContentMap` then turns content positions
into source offsets. Link destinations and image tails are not children, so
they are skipped with markdown-it's own helpers, replaying its link rule.

Not prose, and so left out of the text: inline code, raw HTML and comments,
images (alt text included) and footnote markers. Where one of them is left out
between two spaces, the second space is dropped too, so "use `x` here" reads
"use here" and rules looking for doubled spaces do not fire on markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from contentlint.directives import parse_directive
from contentlint.document import Directive, Link, Span, TextBuilder

from ._md_align import ContentMap

_DELIMITERS = frozenset(
    {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
)
_SPACE = " \t\n"


@dataclass(slots=True)
class Accumulator:
    """Text, links and citations of one block, possibly fed by several inline tokens."""

    builder: TextBuilder = field(default_factory=TextBuilder)
    links: list[Link] = field(default_factory=list)
    citations: list[Span] = field(default_factory=list)
    last_char: str = ""
    last_src_end: int = -1

    def add(self, text: str, cmap: ContentMap, a: int, b: int, unit: bool = False) -> None:
        if not text:
            return
        if unit:
            cmap.add_unit(self.builder, text, a, b)
        else:
            cmap.add(self.builder, text, a, b)
        self.last_char = text[-1]

    def separate(self, text: str, src_start: int, src_end: int) -> None:
        """A break between two inline tokens of the same block (paragraphs of one list item)."""
        if len(self.builder) and src_start >= 0 and src_end >= src_start:
            self.builder.add(text, src_start, src_end, verbatim=False)
            self.last_char = text[-1]


@dataclass(slots=True)
class _OpenLink:
    href: str
    label_start: int
    label_end: int
    auto: bool
    builder: TextBuilder = field(default_factory=TextBuilder)


class InlineWalker:
    """Walks the children of one inline token; see the module docstring."""

    def __init__(
        self,
        md: MarkdownIt,
        env: dict[str, Any],
        content: str,
        cmap: ContentMap,
        acc: Accumulator,
        directives: list[Directive],
    ) -> None:
        self._md = md
        self._env = env
        self._content = content
        self._cmap = cmap
        self._acc = acc
        self._directives = directives
        self._cursor = 0
        self._link: _OpenLink | None = None
        self._skipped = False  # something non-prose was just left out
        self._state: StateInline | None = None
        self._handlers: dict[str, Callable[[Token], None]] = {
            "text": self._on_text,
            "text_special": self._on_text_special,
            "softbreak": self._on_softbreak,
            "hardbreak": self._on_hardbreak,
            "code_inline": self._on_code_inline,
            "html_inline": self._on_html_inline,
            "image": self._on_image,
            "footnote_ref": self._on_footnote_ref,
            "link_open": self._on_link_open,
            "link_close": self._on_link_close,
        }

    # -- helpers ------------------------------------------------------------
    def _state_for_labels(self) -> StateInline:
        if self._state is None:
            self._state = StateInline(self._content, self._md, self._env, [])
        return self._state

    def _locate(self, raw: str) -> int:
        """Where ``raw`` starts: at the cursor, or (defensively) the next place it occurs."""
        if not raw or self._content.startswith(raw, self._cursor):
            return self._cursor
        found = self._content.find(raw, self._cursor)
        return found if found >= 0 else self._cursor

    def _emit(self, text: str, a: int, b: int, unit: bool = False) -> None:
        if self._skipped and (not self._acc.last_char or self._acc.last_char in _SPACE):
            stripped = text.lstrip(_SPACE)
            if not stripped:
                return
            if not unit:
                a += len(text) - len(stripped)
            text = stripped
        if not text:
            return
        self._skipped = False
        self._acc.add(text, self._cmap, a, b, unit)
        if self._link is not None:
            if unit:
                self._cmap.add_unit(self._link.builder, text, a, b)
            else:
                self._cmap.add(self._link.builder, text, a, b)

    def _skip_to(self, end: int) -> None:
        self._cursor = max(self._cursor, min(end, len(self._content)))
        self._skipped = True

    # -- walking --------------------------------------------------------------
    def walk(self, children: list[Token]) -> None:
        for token in children:
            handler = self._handlers.get(token.type)
            if handler is not None:
                handler(token)
            elif token.type in _DELIMITERS:
                start = self._locate(token.markup)
                self._cursor = start + len(token.markup)
            # anything else (footnote_anchor, plugin tokens) has no source of its own

    def _on_text(self, token: Token) -> None:
        if self._link is not None and self._link.auto:
            return  # the autolink's text was taken from the source at link_open
        text = token.content
        start = self._locate(text)
        self._cursor = start + len(text)
        self._emit(text, start, self._cursor)

    def _on_text_special(self, token: Token) -> None:
        raw = token.markup or token.content
        start = self._locate(raw)
        self._cursor = start + len(raw)
        self._emit(token.content, start, self._cursor, unit=True)

    def _break(self, text: str) -> None:
        newline = self._content.find("\n", self._cursor)
        if newline < 0:
            return
        end = newline + 1
        while end < len(self._content) and self._content[end] in " \t":
            end += 1
        if self._skipped and (not self._acc.last_char or self._acc.last_char in _SPACE):
            self._cursor = end
            return
        src_start = self._cmap.start(self._cursor)
        src_end = self._cmap.start(end) if end < len(self._content) else self._cmap.end(end)
        # the break stands for the line break and indentation, even when it is one "\n"
        self._acc.builder.add(text, src_start, max(src_start, src_end), verbatim=False)
        self._acc.last_char = text
        if self._link is not None:
            self._link.builder.add(text, src_start, max(src_start, src_end), verbatim=False)
        self._skipped = False
        self._cursor = end

    def _on_softbreak(self, token: Token) -> None:
        self._break(" ")

    def _on_hardbreak(self, token: Token) -> None:
        self._break("\n")

    def _on_code_inline(self, token: Token) -> None:
        fence = token.markup or "`"
        start = self._locate(fence)
        content = self._content
        pos = start + len(fence)
        while True:
            tick = content.find("`", pos)
            if tick < 0:
                self._skip_to(len(content))
                return
            run = tick
            while run < len(content) and content[run] == "`":
                run += 1
            if run - tick == len(fence):
                self._skip_to(run)
                return
            pos = run

    def _on_html_inline(self, token: Token) -> None:
        raw = token.content
        start = self._locate(raw)
        end = start + len(raw)
        if raw.startswith("<!--") and raw.endswith("-->"):
            span = Span(self._cmap.start(start), self._cmap.end(end))
            directive = parse_directive(raw[4:-3], span)
            if directive is not None:
                self._directives.append(directive)
        self._skip_to(end)

    def _on_image(self, token: Token) -> None:
        start = self._locate("![")
        label_end = parseLinkLabel(self._state_for_labels(), start + 1, False)
        if label_end < 0:
            self._skip_to(start + 2)
            return
        self._skip_to(_image_tail(self._md, self._state_for_labels(), self._content, label_end))

    def _on_footnote_ref(self, token: Token) -> None:
        content = self._content
        start = self._cursor
        if content.startswith("^[", start):  # inline footnote ^[...]
            label_end = parseLinkLabel(self._state_for_labels(), start + 1)
            end = label_end + 1 if label_end >= 0 else start + 2
        else:
            start = self._locate("[^")
            close = content.find("]", start)
            end = close + 1 if close >= 0 else start + 2
        self._acc.citations.append(Span(self._cmap.start(start), self._cmap.end(end)))
        self._skip_to(end)

    def _on_link_open(self, token: Token) -> None:
        href = str(token.attrs.get("href", ""))
        content = self._content
        if token.markup == "autolink" or token.info == "auto":
            start = self._locate("<")
            close = content.find(">", start)
            end = close if close >= 0 else len(content)
            self._link = _OpenLink(href, start + 1, end, auto=True)
            self._cursor = start + 1
            self._emit(content[start + 1 : end], start + 1, end)
            self._cursor = min(end + 1, len(content))
            return
        start = self._locate("[")
        label_end = parseLinkLabel(self._state_for_labels(), start, True)
        self._link = _OpenLink(href, start + 1, label_end, auto=False)
        self._cursor = start + 1

    def _on_link_close(self, token: Token) -> None:
        link = self._link
        if link is None:
            return
        self._link = None
        text, offsets = link.builder.build()
        if text:
            span = offsets.span(0, len(text))
        else:
            end = link.label_end if link.label_end >= 0 else link.label_start
            span = Span(self._cmap.start(link.label_start), self._cmap.end(end))
            span = Span(span.start, max(span.start, span.end))
        self._acc.links.append(Link(link.href, text, span))
        if link.auto:
            return
        label_end = link.label_end
        if label_end < 0:
            close = self._content.find("]", self._cursor)
            label_end = close if close >= 0 else self._cursor
        self._cursor = _link_tail(self._md, self._state_for_labels(), self._content, label_end)


def _skip_space(src: str, pos: int) -> int:
    while pos < len(src) and src[pos] in " \t\n":
        pos += 1
    return pos


def _link_tail(md: MarkdownIt, state: StateInline, src: str, label_end: int) -> int:
    """End of ``](dest "title")``, ``][ref]``, ``][]`` or ``]``, replaying markdown-it's rule."""
    maximum = len(src)
    pos = label_end + 1
    parse_reference = True
    if pos < maximum and src[pos] == "(":
        parse_reference = False
        pos = _skip_space(src, pos + 1)
        if pos >= maximum:
            return maximum
        res = parseLinkDestination(src, pos, maximum)
        if res.ok:
            if md.validateLink(md.normalizeLink(res.str)):
                pos = res.pos
            start = pos
            pos = _skip_space(src, pos)
            title = parseLinkTitle(src, pos, maximum)
            if pos < maximum and start != pos and title.ok:
                pos = _skip_space(src, title.pos)
        if pos >= maximum or src[pos] != ")":
            parse_reference = True
        pos += 1
    if parse_reference:
        if pos < maximum and src[pos] == "[":
            end = parseLinkLabel(state, pos)
            pos = end + 1 if end >= 0 else label_end + 1
        else:
            pos = label_end + 1
    return min(pos, maximum)


def _image_tail(md: MarkdownIt, state: StateInline, src: str, label_end: int) -> int:
    """End of an image after its label: markdown-it's image rule, replayed."""
    maximum = len(src)
    pos = label_end + 1
    if pos < maximum and src[pos] == "(":
        pos = _skip_space(src, pos + 1)
        if pos >= maximum:
            return maximum
        res = parseLinkDestination(src, pos, maximum)
        if res.ok and md.validateLink(md.normalizeLink(res.str)):
            pos = res.pos
        start = pos
        pos = _skip_space(src, pos)
        title = parseLinkTitle(src, pos, maximum)
        if pos < maximum and start != pos and title.ok:
            pos = _skip_space(src, title.pos)
        return min(pos + 1, maximum)
    if pos < maximum and src[pos] == "[":
        end = parseLinkLabel(state, pos)
        if end >= 0:
            return end + 1
    return min(label_end + 1, maximum)
