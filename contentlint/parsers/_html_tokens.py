"""A linear HTML tokenizer that reports exact source offsets.

lxml and ``html.parser`` do not say where in the *decoded source string* a tag
or a text run starts, and every finding must point into the HTML the user
wrote. This tokenizer follows the WHATWG tokenizer closely enough for real
pages (raw-text and RCDATA elements, bogus comments, unquoted attributes, EOF
inside a tag or comment) while doing a single left-to-right pass with
``str.find`` and compiled regexes, so a 2 MB single-line page or a page that
is 95 % script costs linear time.

Tokens are delivered to a sink object instead of being collected, so memory
stays proportional to the tree the caller chooses to build.
"""

from __future__ import annotations

import html
import re
from typing import Protocol

#: Elements whose content is raw text up to the matching end tag (no tags, no entities).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"})
#: Elements whose content is text with entities but no tags.
RCDATA = frozenset({"title", "textarea"})

# HTML separates tag parts with ASCII whitespace only; \s would also split on NBSP.
_WS = "\t\n\f\r "
_TAG_NAME = re.compile(f"[^{_WS}/>]*")
_ATTR_NAME = re.compile(f"[^{_WS}/>][^{_WS}/>=]*")
_SPACES = re.compile(f"[{_WS}/]*")
_EQUALS = re.compile(f"[{_WS}]*=[{_WS}]*")
_UNQUOTED = re.compile(f"[^{_WS}>]*")


class TokenSink(Protocol):
    """What the tokenizer calls; offsets are absolute indices into the source."""

    def start_tag(
        self, name: str, attrs: dict[str, str], start: int, end: int, self_closing: bool
    ) -> None: ...

    def end_tag(self, name: str, start: int, end: int) -> None: ...

    def text(self, start: int, end: int) -> None: ...

    def raw_text(self, name: str, start: int, end: int) -> None: ...

    def comment(self, body_start: int, body_end: int, start: int, end: int) -> None: ...


def _closing_pattern(name: str) -> re.Pattern[str]:
    return re.compile("</" + re.escape(name) + f"(?=[{_WS}/>])", re.IGNORECASE)


def tokenize(source: str, sink: TokenSink) -> None:
    """Feed every token of ``source`` to ``sink`` in order.

    A tag or comment left open at end of input is dropped (as browsers do),
    except that an unterminated comment still reaches the sink so directives
    in it are not silently lost.
    """
    n = len(source)
    pos = 0
    closers: dict[str, re.Pattern[str]] = {}
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            sink.text(pos, n)
            return
        nxt = source[lt + 1 : lt + 2]
        if nxt.isascii() and nxt.isalpha():
            if lt > pos:
                sink.text(pos, lt)
            tag = _start_tag(source, lt)
            if tag is None:
                return  # EOF inside a tag: the rest is not rendered
            name, attrs, end, self_closing = tag
            sink.start_tag(name, attrs, lt, end, self_closing)
            pos = end
            if name in RAW_TEXT or name in RCDATA or name == "plaintext":
                if name == "plaintext":
                    sink.raw_text(name, pos, n)
                    return
                pattern = closers.get(name)
                if pattern is None:
                    pattern = closers[name] = _closing_pattern(name)
                match = pattern.search(source, pos)
                stop = match.start() if match else n
                if stop > pos:
                    sink.raw_text(name, pos, stop)
                pos = stop
            continue
        if lt > pos:
            sink.text(pos, lt)
        if source.startswith("<!--", lt):
            pos = _comment(source, lt, sink)
        elif nxt == "/":
            after = source[lt + 2 : lt + 3]
            if after == ">":
                pos = lt + 3  # "</>" is ignored
            elif after.isascii() and after.isalpha():
                name_match = _TAG_NAME.match(source, lt + 2)
                assert name_match is not None
                close = source.find(">", name_match.end())
                if close < 0:
                    return
                sink.end_tag(name_match.group().lower(), lt, close + 1)
                pos = close + 1
            else:
                pos = _bogus_comment(source, lt, lt + 2, sink)
        elif nxt in ("!", "?"):
            pos = _bogus_comment(source, lt, lt + 2 if nxt == "!" else lt + 1, sink)
        else:
            sink.text(lt, lt + 1)  # a lone "<" is text
            pos = lt + 1


def _comment(source: str, lt: int, sink: TokenSink) -> int:
    body = lt + 4
    if source.startswith(">", body):  # "<!-->"
        sink.comment(body, body, lt, body + 1)
        return body + 1
    if source.startswith("->", body):  # "<!--->"
        sink.comment(body, body, lt, body + 2)
        return body + 2
    close = source.find("-->", body)
    if close < 0:
        sink.comment(body, len(source), lt, len(source))
        return len(source)
    sink.comment(body, close, lt, close + 3)
    return close + 3


def _bogus_comment(source: str, lt: int, body: int, sink: TokenSink) -> int:
    """``<!DOCTYPE ...>``, ``<?xml ...?>``, ``<![CDATA[...]]>`` and ``</3>``: skipped to ``>``."""
    close = source.find(">", body)
    end = len(source) if close < 0 else close + 1
    sink.comment(body, max(body, end - 1), lt, end)
    return end


def _start_tag(source: str, lt: int) -> tuple[str, dict[str, str], int, bool] | None:
    """Parse the tag starting at ``lt``; None if the input ends inside it."""
    n = len(source)
    name_match = _TAG_NAME.match(source, lt + 1)
    assert name_match is not None
    name = name_match.group().lower()
    pos = name_match.end()
    attrs: dict[str, str] = {}
    self_closing = False
    while True:
        space = _SPACES.match(source, pos)
        assert space is not None
        self_closing = source.endswith("/", pos, space.end()) if space.end() > pos else False
        pos = space.end()
        if pos >= n:
            return None
        if source[pos] == ">":
            return name, attrs, pos + 1, self_closing
        attr = _ATTR_NAME.match(source, pos)
        assert attr is not None
        key = attr.group().lower()
        pos = attr.end()
        value = ""
        eq = _EQUALS.match(source, pos)
        if eq is not None:
            pos = eq.end()
            quote = source[pos : pos + 1]
            if quote in ('"', "'"):
                close = source.find(quote, pos + 1)
                if close < 0:
                    return None
                value = source[pos + 1 : close]
                pos = close + 1
            else:
                unquoted = _UNQUOTED.match(source, pos)
                assert unquoted is not None
                value = unquoted.group()
                pos = unquoted.end()
            if "&" in value:
                value = html.unescape(value)
        if key not in attrs:
            attrs[key] = value
