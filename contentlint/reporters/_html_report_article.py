"""The article as a reader sees it, with every finding highlighted in place.

Blocks become the elements a reader expects (title, headings by level,
paragraphs, nested lists, quotes, code, tables). Each finding that overlaps a
block's text becomes a ``<mark>``; the first piece of each finding carries its
``id`` (the jump target) and is focusable, further pieces (a crossing overlap,
a span over several blocks) carry the same ``data-f`` so the script can treat
them as one. A finding that runs over more than two blocks (a whole section,
say) would bury the text under one colour: it is highlighted in its first
block only (usually the section's heading) and a bar in the margin of the
other blocks shows how far it reaches. Links are rendered inert (a dotted span whose target shows on
hover and in print): the report must never navigate away or fetch anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from contentlint.document import Block, BlockKind, Document
from contentlint.findings import Finding, Severity

from ._html_report_spans import Interval, place, render_marked
from ._html_report_text import SEVERITIES, esc, token

#: A finding over more blocks than this is marked in its first block plus a margin bar.
MAX_MARKED_BLOCKS = 2


@dataclass
class _Marks:
    """Renders block text with marks; remembers which findings got an anchor."""

    findings: Mapping[str, Finding]
    links: Mapping[str, str]
    anchored: set[str] = field(default_factory=set)

    def open(self, iv: Interval, continued: bool) -> str:
        if iv.key in self.links:
            return f'<span class="ln" data-href="{esc(self.links[iv.key])}">'
        f = self.findings[iv.key]
        sev, cat = f.severity.value, token(f.category or "other")
        attrs = (
            f'class="m s-{sev} c-{cat}" data-f="{esc(iv.key)}" data-code="{esc(f.code)}" '
            f'data-sev="{sev}" data-cat="{esc(f.category)}"'
        )
        if iv.key not in self.anchored and not continued:
            self.anchored.add(iv.key)
            attrs += f' id="m{esc(iv.key)}" tabindex="0"'
        return f"<mark {attrs}>"

    def close(self, iv: Interval) -> str:
        return "</span>" if iv.key in self.links else "</mark>"

    def text(self, block: Block, intervals: Sequence[Interval]) -> str:
        keep = block.kind is BlockKind.CODE
        return render_marked(
            block.text, intervals, lambda s: esc(s, keep_lines=keep), self.open, self.close
        )


def render_article(
    document: Document, findings: Sequence[tuple[str, Finding]]
) -> tuple[str, set[str]]:
    """The article's HTML and the ids of the findings highlighted in it."""
    blocks = document.blocks
    links: dict[str, str] = {}
    spans = [(fid, finding.span) for fid, finding in findings]
    for index, block in enumerate(blocks):
        for number, link in enumerate(block.links):
            key = f"link:{index}:{number}"
            links[key] = link.href
            spans.append((key, link.span))
    placed = place(blocks, spans)
    bars = _spread(placed, set(links))
    marks = _Marks(dict(findings), links)
    severity = {fid: f.severity for fid, f in findings}
    out: list[str] = []
    runs = groupby(range(len(blocks)), key=lambda i: _group(blocks[i].kind))
    for kind, members in runs:
        indices = [i for i in members if blocks[i].text]
        if not indices:
            continue
        texts = {
            i: (marks.text(blocks[i], placed.get(i, ())), _bar(bars.get(i, ()), severity))
            for i in indices
        }
        if kind is BlockKind.LIST_ITEM:
            out.append("".join(_list(blocks, indices, texts)))
        elif kind is BlockKind.TABLE_CELL:
            out.append("".join(_table(blocks, indices, texts)))
        elif kind is BlockKind.QUOTE:
            quote = "".join(f"<p{texts[i][1]}>{texts[i][0]}</p>" for i in indices)
            out.append(f"<blockquote>{quote}</blockquote>")
        else:
            out.extend(_single(blocks[i], *texts[i]) for i in indices)
    return "\n".join(out), marks.anchored


def _spread(placed: dict[int, list[Interval]], links: set[str]) -> dict[int, list[str]]:
    """Keep long findings' marks in their first block only; the other blocks get a bar.

    Mutates ``placed`` and returns, per block index, the findings barred there.
    """
    where: dict[str, list[int]] = {}
    for index in sorted(placed):
        for iv in placed[index]:
            if iv.key not in links:
                where.setdefault(iv.key, []).append(index)
    bars: dict[int, list[str]] = {}
    for key, indices in where.items():
        if len(indices) <= MAX_MARKED_BLOCKS:
            continue
        for index in indices[1:]:
            placed[index] = [iv for iv in placed[index] if iv.key != key]
            bars.setdefault(index, []).append(key)
    return bars


def _bar(keys: Sequence[str], severity: Mapping[str, Severity]) -> str:
    """Attributes of a block inside long findings: their ids and the worst severity."""
    if not keys:
        return ""
    worst = next(s for s in SEVERITIES if any(severity[k] is s for k in keys))
    return f' data-fs="{esc(" ".join(keys))}" data-sv="{worst.value}"'


_Texts = Mapping[int, tuple[str, str]]  # block index -> (inner HTML, extra attributes)


def _group(kind: BlockKind) -> BlockKind | None:
    """Consecutive list items, cells and quotes render together; other blocks alone."""
    return kind if kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.QUOTE) else None


def _single(block: Block, html: str, attrs: str) -> str:
    if block.kind is BlockKind.TITLE:
        return f'<h1 class="at"{attrs}>{html}</h1>'
    if block.kind is BlockKind.HEADING:
        level = min(6, max(2, block.level or 2))
        return f"<h{level}{attrs}>{html}</h{level}>"
    if block.kind is BlockKind.CODE:
        return f"<pre{attrs}><code>{html}</code></pre>"
    return f"<p{attrs}>{html}</p>"


def _list(blocks: Sequence[Block], indices: Sequence[int], texts: _Texts) -> Iterator[str]:
    """Nested ``<ul>``/``<ol>`` from items with depths, always well formed.

    A deeper item opens a list inside the open item; a shallower one closes
    lists down to its depth; a change of list type at the same depth starts a
    new list.
    """
    stack: list[tuple[int, bool]] = []  # (depth, ordered) of each open list
    for i in indices:
        block = blocks[i]
        depth, ordered = max(0, block.depth), bool(block.attrs.get("ordered"))
        while stack and stack[-1][0] > depth:
            yield "</li></ol>" if stack.pop()[1] else "</li></ul>"
        if stack and stack[-1][0] == depth:
            if stack[-1][1] == ordered:
                yield "</li>"
            else:
                yield "</li></ol>" if stack.pop()[1] else "</li></ul>"
        if not stack or stack[-1][0] < depth:
            stack.append((depth, ordered))
            yield "<ol>" if ordered else "<ul>"
        html, attrs = texts[i]
        yield f"<li{attrs}>{html}"
    while stack:
        yield "</li></ol>" if stack.pop()[1] else "</li></ul>"


def _table(blocks: Sequence[Block], indices: Sequence[int], texts: _Texts) -> Iterator[str]:
    """A table when cells know their row (Markdown), otherwise a simple run of cells."""
    rows = [blocks[i].attrs.get("row") for i in indices]
    if not all(isinstance(row, int) for row in rows):
        yield '<div class="cells">'
        yield from (f'<span class="cell"{texts[i][1]}>{texts[i][0]}</span>' for i in indices)
        yield "</div>"
        return
    yield '<div class="tw"><table>'
    for _, cells in groupby(indices, key=lambda i: blocks[i].attrs.get("row")):
        yield "<tr>"
        for i in cells:
            tag = "th" if blocks[i].attrs.get("header") else "td"
            yield f"<{tag}{texts[i][1]}>{texts[i][0]}</{tag}>"
        yield "</tr>"
    yield "</table></div>"
