"""Main-content detection: which blocks of a full page are the article.

The page is first turned into blocks as if everything were content; each
block knows the element that holds it. Blocks are *good* (paragraphs, list
items and quotes of at least ``MIN_PROSE_CHARS`` characters, counted without
their link text), *junk* (link text, and all text of link lists) or neutral
(short lines, headings, table cells). Element names (:mod:`._html_hints`)
mark chrome: under *hard* chrome (``<nav>``, ``<footer>``, ``<aside>``,
``class="related-posts"``, ``id="cookie-banner"``, a section whose first
heading is such a name, ...) good text counts as junk for every ancestor.

The container is the element that maximises ``good - JUNK_WEIGHT * junk``
where each level up the tree discounts what it inherits by ``DECAY``, so a
wrapper that also holds teaser lists or comments loses to the tighter
article body. The choice is then widened (:func:`_climb`) to ancestors that
add only neutral text or a lot of clean prose, for articles split into
sections around a figure. Inside the container, blocks under hard or *soft*
chrome (bylines, captions, ad slots, tag lists) and link lists are dropped;
everything else stays, including stray interface text such as "Close this
search box." in the article body, which is exactly what a linter should report.

Names lie sometimes: a chrome-named element holding most of the page's prose
(``<div class="theiaStickySidebar">`` around the article, an ASP.NET ``<form>``
around the whole page) is treated as a layout wrapper. Hints on ``<html>`` and
``<body>`` are ignored.

Every pass is a loop over a pre-order array of elements (children are
aggregated into parents by walking it backwards), so 10,000 nested elements
stay linear. The thresholds were tuned on the news-articles corpus with
``benchmarks/extraction.py``; see that script for the figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contentlint.document import Block, BlockKind

from ._html_hints import hint
from ._html_tree import HEADINGS, Element

_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})


@dataclass(frozen=True)
class Tuning:
    """Thresholds of the detector, tuned with ``benchmarks/extraction.py``."""

    #: Characters a paragraph, list item or quote needs to count as running prose.
    min_prose_chars: int = 40
    #: Weight of junk (link and chrome text) against good prose.
    junk_weight: float = 0.5
    #: Share of link text from which a block is junk when choosing the container.
    link_density: float = 0.5
    #: Share of link text above which a block in the container is dropped as a link list.
    link_list: float = 0.6
    #: Share of an element's score its parent inherits (prefers tight containers).
    decay: float = 0.85
    #: Hints at or below this are dropped inside the container (-1: soft chrome too).
    drop_hint: int = -1
    #: Widen to a parent adding >= climb_share more prose with <= climb junk per prose char.
    climb: float = 0.1
    climb_share: float = 0.3


DEFAULT = Tuning()


@dataclass
class Selection:
    """The chosen container (None if there was no prose) and, per block, whether to keep it."""

    container: Element | None
    keep: list[bool]


def _link_chars(block: Block) -> int:
    return sum(len(link.text) for link in block.links)


def _is_link_list(block: Block, tuning: Tuning) -> bool:
    n = len(block.text)
    return bool(n) and _link_chars(block) / n > tuning.link_list


def _elements(root: Element) -> list[Element]:
    """Elements in pre-order (parents before children), iteratively."""
    out: list[Element] = []
    stack = [root]
    while stack:
        el = stack.pop()
        out.append(el)
        stack.extend(c for c in reversed(el.children) if isinstance(c, Element))
    return out


class _Page:
    """Per-element arrays in pre-order: ``parent[i] < i``, so a backward loop is bottom-up."""

    def __init__(self, root: Element, tuning: Tuning) -> None:
        self.tuning = tuning
        self.order = _elements(root)
        self.index = {id(el): i for i, el in enumerate(self.order)}
        self.parent = [self.index.get(id(el.parent), -1) for el in self.order]
        self.hints = [hint(el) for el in self.order]
        n = len(self.order)
        self.good = [0.0] * n  # own prose chars, then aggregated
        self.junk = [0.0] * n

    def add_blocks(self, blocks: Sequence[Block], owners: Sequence[Element]) -> None:
        t = self.tuning
        for block, owner in zip(blocks, owners, strict=True):
            i = self.index.get(id(owner))
            if i is None:
                continue
            n = len(block.text)
            links = _link_chars(block)
            if n and links / n >= t.link_density:
                self.junk[i] += n
            elif block.kind in _PROSE and n >= t.min_prose_chars:
                self.good[i] += n - links
                self.junk[i] += links
            else:
                self.junk[i] += links

    def mark_headed_sections(self) -> None:
        """``<section><h3 class="related-title">``: a section headed as chrome is chrome."""
        for i, el in enumerate(self.order):
            if el.tag in ("#root", "body"):
                continue
            first = next((c for c in el.children if isinstance(c, Element)), None)
            if first is None or first.tag not in HEADINGS:
                continue
            if self.hints[self.index[id(first)]] <= -2:
                self.hints[i] = min(self.hints[i], -2)

    def unmask_wrappers(self) -> None:
        """A chrome-named element holding most of the page's prose is a layout wrapper."""
        raw = self.good[:]
        best_positive = [0.0] * len(raw)  # prose of the largest article-named descendant
        for i in range(len(raw) - 1, -1, -1):
            if self.hints[i] > 0:
                best_positive[i] = max(best_positive[i], raw[i])
            p = self.parent[i]
            if p >= 0:
                raw[p] += raw[i]
                best_positive[p] = max(best_positive[p], best_positive[i])
        total = raw[0] if raw else 0.0
        for i, h in enumerate(self.hints):
            if h < 0 and raw[i] >= 0.5 * total > 0:
                if h == -1 or best_positive[i] >= 0.5 * raw[i]:
                    self.hints[i] = 0

    def in_chrome(self) -> list[bool]:
        out = [False] * len(self.order)
        for i, h in enumerate(self.hints):
            p = self.parent[i]
            out[i] = h <= -2 or (p >= 0 and out[p])
        return out

    def choose(self, in_chrome: list[bool]) -> tuple[int, list[float], list[float]]:
        """Best container index (-1 if none), and undecayed prose/junk per element."""
        t = self.tuning
        good, junk = self.good[:], self.junk[:]
        flat_good, flat_junk = self.good[:], self.junk[:]
        best, best_score = -1, 0.0
        for i in range(len(good) - 1, -1, -1):
            g, j, fg, fj = good[i], junk[i], flat_good[i], flat_junk[i]
            if self.hints[i] <= -2:  # chrome prose is junk for everything above
                g, j, fg, fj = 0.0, j + g, 0.0, fj + fg
            score = (g - t.junk_weight * j) * (1.0 + 0.1 * max(0, self.hints[i]))
            if g > 0 and score > best_score and not in_chrome[i]:
                best, best_score = i, score
            p = self.parent[i]
            if p >= 0:
                good[p] += t.decay * g
                junk[p] += t.decay * j
                flat_good[p] += fg
                flat_junk[p] += fj
        return best, flat_good, flat_junk

    def climb(self, best: int, good: list[float], junk: list[float]) -> int:
        """Widen to ancestors that add only neutral text, or a lot of clean prose.

        The decayed score prefers tight containers; this undoes it where the
        article is split into sibling sections (around a figure or a share
        bar), and where a wrapper only adds headings, short lines or tables.
        """
        t = self.tuning
        p = self.parent[best]
        while p >= 0 and self.hints[p] >= 0:
            added_good = good[p] - good[best]
            added_junk = junk[p] - junk[best]
            neutral = added_good <= 1e-6 and added_junk <= 1e-6
            more = added_good >= t.climb_share * good[best] and added_junk <= t.climb * added_good
            if not (neutral or more):
                break
            best, p = p, self.parent[p]
        return best

    def inside(self, container: Element) -> set[int]:
        """ids of elements under ``container`` and not under chrome within it."""
        ok: set[int] = {id(container)}
        for el in _elements(container)[1:]:
            if id(el.parent) in ok and self.hints[self.index[id(el)]] > self.tuning.drop_hint:
                ok.add(id(el))
        return ok


def select_main(
    root: Element,
    blocks: Sequence[Block],
    owners: Sequence[Element],
    tuning: Tuning = DEFAULT,
) -> Selection:
    """Choose the main-content container of a full page and the blocks to keep."""
    page = _Page(root, tuning)
    page.add_blocks(blocks, owners)
    page.mark_headed_sections()
    page.unmask_wrappers()
    in_chrome = page.in_chrome()
    best, good, junk = page.choose(in_chrome)
    container: Element | None = None
    if best < 0:  # no running prose anywhere: keep what is not chrome
        allowed = [not in_chrome[page.index.get(id(o), 0)] for o in owners]
    else:
        container = page.order[page.climb(best, good, junk)]
        inside = page.inside(container)
        allowed = [id(o) in inside for o in owners]
    keep = [ok and not _is_link_list(b, tuning) for ok, b in zip(allowed, blocks, strict=True)]
    return Selection(container, keep)

def has_chrome(root: Element, blocks: Sequence[Block], tuning: Tuning = DEFAULT) -> bool:
    """Whether a full page has anything to strip: chrome elements or link lists.

    A page that is just ``<body>`` plus article markup has none, and then all
    of its text is the article.
    """
    if sum(1 for b in blocks if _is_link_list(b, tuning)) >= 3:
        return True
    return any(hint(el) <= -2 for el in _elements(root))
