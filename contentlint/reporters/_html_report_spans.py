"""Placing findings (source offsets) into the rendered article (block text).

A finding's ``span`` points into the file the user gave; the report shows each
block's *extracted* text. :func:`text_range` inverts a block's
:class:`~contentlint.document.OffsetMap`: a text character is covered when the
source range it came from overlaps the finding, so a span that starts inside
removed markup (``**``, a tag) or an entity still lands on the right letters.

:func:`render_marked` then writes a block's text with its intervals (findings
and links) as properly nested inline elements: intervals that nest become
nested elements, intervals that cross are split at the crossing into pieces
carrying the same finding id, so the HTML is always well formed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from contentlint.document import Block, OffsetMap, Span


def text_range(omap: OffsetMap, span: Span) -> tuple[int, int] | None:
    """The ``[start, end)`` block-text range covering source ``span``, or None.

    Empty spans never cover anything (they are listed, not highlighted). A
    span overlapping a non-verbatim segment (a decoded entity, a joined line
    break) covers that whole segment, mirroring :meth:`OffsetMap.span`.
    """
    if span.end <= span.start or not omap.text_starts:
        return None
    lo: int | None = None
    hi = 0
    count = len(omap.text_starts)
    for k in range(count):
        src_start, src_end = omap.src_starts[k], omap.src_ends[k]
        if src_start >= span.end or src_end <= span.start:
            continue
        text_start = omap.text_starts[k]
        text_end = omap.text_starts[k + 1] if k + 1 < count else omap.length
        if omap.verbatim[k]:
            first = text_start + max(0, span.start - src_start)
            last = text_start + min(text_end - text_start, span.end - src_start)
        else:
            first, last = text_start, text_end
        if last > first:
            lo = first if lo is None else min(lo, first)
            hi = max(hi, last)
    return None if lo is None else (lo, hi)


@dataclass(frozen=True, slots=True)
class Interval:
    """A range of one block's text to wrap in an element.

    ``key`` identifies what it is (a finding id or a link) and ``order`` breaks
    ties deterministically between intervals with the same bounds.
    """

    start: int
    end: int
    key: str
    order: int


class BlockLocator:
    """Finds the blocks whose source range overlaps a span, without scanning them all."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        spans = sorted((b.span.start, b.span.end, i) for i, b in enumerate(blocks) if b.text)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        reach: list[int] = []
        for _, end, _ in spans:
            reach.append(max(end, reach[-1]) if reach else end)
        self._reach = reach  # the furthest end among blocks up to each position

    def overlapping(self, span: Span) -> list[int]:
        """Indices of blocks overlapping non-empty ``span``, in reading (index) order."""
        out = []
        k = bisect_left(self._starts, span.end) - 1
        while k >= 0 and self._reach[k] > span.start:
            start, end, index = self._spans[k]
            if start < span.end and end > span.start:
                out.append(index)
            k -= 1
        return sorted(out)


def place(blocks: Sequence[Block], spans: Sequence[tuple[str, Span]]) -> dict[int, list[Interval]]:
    """Intervals per block index for ``(key, source span)`` pairs; unplaced keys are absent."""
    locator = BlockLocator(blocks)
    out: dict[int, list[Interval]] = defaultdict(list)
    for order, (key, span) in enumerate(spans):
        if span.end <= span.start:
            continue
        for index in locator.overlapping(span):
            found = text_range(blocks[index].offsets, span)
            if found is not None:
                out[index].append(Interval(found[0], found[1], key, order))
    return dict(out)


def render_marked(
    text: str,
    intervals: Sequence[Interval],
    chunk: Callable[[str], str],
    open_tag: Callable[[Interval, bool], str],
    close_tag: Callable[[Interval], str],
) -> str:
    """``text`` as HTML with ``intervals`` wrapped; ``chunk`` escapes plain text.

    ``open_tag(interval, continued)`` is told whether the element continues a
    piece that had to be closed for a crossing interval. Intervals open
    longest first, so nesting intervals need no split.
    """
    length = len(text)
    live = [iv for iv in intervals if 0 <= iv.start < iv.end <= length]
    if not live:
        return chunk(text)
    starting: dict[int, list[Interval]] = defaultdict(list)
    bounds = {0, length}
    for iv in live:
        starting[iv.start].append(iv)
        bounds.update((iv.start, iv.end))
    out: list[str] = []
    stack: list[Interval] = []
    position = 0
    for point in sorted(bounds):
        if point > position:
            out.append(chunk(text[position:point]))
            position = point
        reopen: list[Interval] = []
        lowest = next((i for i, iv in enumerate(stack) if iv.end == point), None)
        if lowest is not None:
            above = stack[lowest:]
            out.extend(close_tag(iv) for iv in reversed(above))
            del stack[lowest:]
            reopen = [iv for iv in above if iv.end != point]
        opening = [(iv, True) for iv in reopen] + [(iv, False) for iv in starting.get(point, ())]
        opening.sort(key=lambda item: (-item[0].end, item[0].order))
        for iv, continued in opening:
            out.append(open_tag(iv, continued))
            stack.append(iv)
    out.extend(close_tag(iv) for iv in reversed(stack))
    return "".join(out)
