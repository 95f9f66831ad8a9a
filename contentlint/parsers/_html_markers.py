"""Inline markers inside a block: links, ``<cite>`` and footnote references.

They are recorded as ranges of the block's text while it is being built and
turned into source spans once the block's text and offset map are final, so a
link's span covers exactly its visible text in the HTML source. A marker that
straddles a block boundary (``<a>`` around two paragraphs) is split: each
block gets the part inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.document import Link, OffsetMap, Span

from ._html_tree import Element

_FOOTNOTE_CLASS = re.compile(r"footnote|fnref|noteref|\bref\b|citation", re.IGNORECASE)
#: Visible text of a footnote reference: "1", "[12]", "a", "*", "†".
_MARKER_TEXT = re.compile(r"^\[?(?:\d{1,3}|[a-z]|[*\u2020\u2021])\]?$")
#: Markers nested deeper than this are ignored (pathological input, quadratic output).
MAX_OPEN = 64


@dataclass
class _Open:
    element: Element
    start: int
    href: str | None = None


def _is_citation(el: Element) -> bool:
    """``<cite>``, or a ``<sup>``/``<a>`` that marks a footnote reference."""
    if el.tag == "cite":
        return True
    if el.tag not in ("sup", "a"):
        return False
    if el.attrs.get("role") == "doc-noteref" or _FOOTNOTE_CLASS.search(el.attrs.get("class", "")):
        return True
    if el.tag == "sup":  # <sup><a href="#fn1">1</a></sup>, possibly one level deeper
        for child in el.children:
            if isinstance(child, Element):
                if child.tag == "a" and child.attrs.get("href", "").startswith("#"):
                    return True
                if any(
                    isinstance(g, Element) and g.tag == "a"
                    and g.attrs.get("href", "").startswith("#")
                    for g in child.children
                ):
                    return True
    return False


class Markers:
    """Open and finished link/citation ranges of the block being built."""

    def __init__(self) -> None:
        self._links: list[tuple[str, int, int]] = []
        self._cites: list[tuple[int, int]] = []
        self._open_links: list[_Open] = []
        self._open_cites: list[_Open] = []

    def enter(self, el: Element, at: int) -> None:
        if el.tag == "a" and "href" in el.attrs and len(self._open_links) < MAX_OPEN:
            self._open_links.append(_Open(el, at, el.attrs["href"]))
        if len(self._open_cites) < MAX_OPEN and _is_citation(el):
            self._open_cites.append(_Open(el, at))

    def leave(self, el: Element, at: int) -> None:
        if self._open_links and self._open_links[-1].element is el:
            link = self._open_links.pop()
            self._links.append((link.href or "", link.start, at))
        if self._open_cites and self._open_cites[-1].element is el:
            self._cites.append((self._open_cites.pop().start, at))

    def take(self, end: int) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
        """Ranges of the block ending at ``end``; still-open markers continue at 0."""
        links = self._links + [(o.href or "", o.start, end) for o in self._open_links]
        cites = self._cites + [(o.start, end) for o in self._open_cites]
        self._links, self._cites = [], []
        for opened in (*self._open_links, *self._open_cites):
            opened.start = 0
        return links, cites

    @staticmethod
    def resolve(
        text: str,
        omap: OffsetMap,
        lead: int,
        links: list[tuple[str, int, int]],
        cites: list[tuple[int, int]],
    ) -> tuple[tuple[Link, ...], tuple[Span, ...]]:
        """Links and citation spans of a finished block; ``lead`` chars were stripped."""
        out_links: list[Link] = []
        out_cites: set[Span] = set()
        for href, s, e in links:
            rng = _trim(text, s - lead, e - lead)
            if rng is None:
                continue  # an image-only link has no text to point at
            span = omap.span(*rng)
            label = text[rng[0] : rng[1]]
            out_links.append(Link(href, label, span))
            if href.startswith("#") and _MARKER_TEXT.match(label):
                out_cites.add(span)  # "[1]" linking to "#fn1" is a footnote marker
        for s, e in cites:
            rng = _trim(text, s - lead, e - lead)
            if rng is not None:
                out_cites.add(omap.span(*rng))
        return tuple(out_links), tuple(sorted(out_cites))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` clamped to ``text`` and stripped of surrounding whitespace."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
