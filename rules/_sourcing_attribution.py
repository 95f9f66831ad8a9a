"""Who said it: links every quotation in a document to its speaker.

For each quotation the speaker is looked for, in order, in the rest of its
sentence ("…,” said Jane Doe, a cardiologist at Mount Sinai."), in the words
before it ("Jane Doe told Newsweek: “…"), and then in the block that
introduces it: the parent bullet of a nested list ("Dr. Sarah Thompson,
Psychiatrist:" above "Opinion: “…”"), a lead-in ending in a colon, a name
line above it, or a dash line after a blockquote. "He said" and "the expert
warned" resolve to the nearest person mentioned before. Each attribution
keeps the text ranges that introduce the quote, where a source may be named.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from contentlint.document import Block, BlockKind, Document

from ._sourcing_lexicon import Lexicon
from ._sourcing_people import (
    Mention,
    document_hints,
    find_mentions,
    name_line,
    pronoun_at,
    sentence_bounds,
    speaks,
)
from ._sourcing_quotes import Quote, find_quotes, is_attribution_line

if TYPE_CHECKING:  # NOTE: analysis imports spaCy lazily; keep it out of import time
    from contentlint.analysis import Analysis

_BODY = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})
#: Entity labels that name an organisation or a place of work.
ORG_LABELS = frozenset({"ORG", "FAC"})


@dataclass
class BlockView:
    """One prose block with what the sourcing rules need to know about it."""

    index: int
    block: Block
    bounds: list[tuple[int, int]]
    quotes: list[Quote]
    ranges: list[tuple[int, int]]
    mentions: list[Mention]
    orgs: list[tuple[int, int]] = field(default_factory=list)

    # NOTE: the offset lists are built on first use; most blocks are never looked up.
    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.bounds]

    @cached_property
    def _range_starts(self) -> list[int]:
        return [s for s, _ in self.ranges]

    def in_range(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        return sentence_bounds(self.bounds, self._sentence_starts, pos, len(self.block.text))

    def neighbours(self, start: int, end: int) -> tuple[int, int]:
        """End of the quoted range before ``start`` and start of the one after ``end``."""
        i = bisect_left(self._range_starts, start)
        prev_end = self.ranges[i - 1][1] if i > 0 else 0
        j = bisect_left(self._range_starts, end)
        next_start = self.ranges[j][0] if j < len(self.ranges) else len(self.block.text)
        return prev_end, next_start


#: (block, start, end): a stretch of a block's text.
Stretch = tuple[int, int, int]
#: Entities per block: PERSON ranges and organisation ranges, in block-text offsets.
Entities = dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]]
#: How far back a nested bullet or a blockquote looks for what introduces it.
_LOOK_BACK = 50


@dataclass(frozen=True, slots=True)
class Attribution:
    quote: Quote
    speaker: Mention
    anchor: Mention | None  # the words that name the speaker; None when resolved from "he"
    context: tuple[Stretch, ...]  # the words introducing the quote
    blocks: tuple[int, ...]  # blocks whose links and citations are next to the quote


def entity_spans(analysis: Analysis) -> Entities:
    """PERSON and organisation entities per block, when the pipeline recognises entities."""
    out: Entities = {}
    for bd in analysis.docs:
        # NOTE: an empty ``ents`` (no recogniser, or nothing found) is cheaper to test than
        # has_annotation("ENT_IOB"), and a block without entities needs no entry
        ents = bd.doc.ents
        if not ents:
            continue
        people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
        orgs = [(e.start_char, e.end_char) for e in ents if e.label_ in ORG_LABELS]
        out[bd.index] = (people, orgs)
    return out


class Attributor:
    """Finds the quotations of one document and their speakers."""

    def __init__(
        self, document: Document, analysis: Analysis, lex: Lexicon, min_words: int
    ) -> None:
        self.document = document
        self.lex = lex
        entities = entity_spans(analysis)
        bounds: dict[int, list[tuple[int, int]]] = {}
        for s in analysis.sentences:
            bounds.setdefault(s.block, []).append((s.start, s.end))
        self.views: dict[int, BlockView] = {}
        indices = analysis.prose_indices
        hints = document_hints([document.blocks[i].text for i in indices], lex)
        for i, hint in zip(indices, hints, strict=True):
            block = document.blocks[i]
            quotes, ranges = find_quotes(block, i, min_words)
            people, orgs = entities.get(i, ([], []))
            mentions = find_mentions(block.text, i, lex, people, ranges, hint)
            self.views[i] = BlockView(i, block, bounds.get(i, []), quotes, ranges, mentions, orgs)
        self.all_mentions = [m for v in self.views.values() for m in v.mentions]
        self._order = [(m.block, m.start) for m in self.all_mentions]

    def attributions(self, reported: bool) -> Iterator[Attribution]:
        for view in self.views.values():
            if view.block.kind not in _BODY:
                continue
            for quote in view.quotes:
                found = self._speaker(view, quote)
                if found is not None:
                    yield found
            if reported:
                yield from self._reported(view)

    # -- the speaker of one quotation --------------------------------------------------------

    def _speaker(self, view: BlockView, q: Quote) -> Attribution | None:
        text = view.block.text
        prev_end, next_start = view.neighbours(q.start, q.end)
        before = (max(prev_end, view.sentence(q.start)[0]), q.start)
        after, p, new_sentence, dashed = self._after(view, q, next_start)
        context = ((view.index, *before), (view.index, *after))
        found = self._from_after(view, q, after, p, new_sentence, dashed, context)
        if found is None:
            found = self._from_before(view, q, before, context)
        if found is not None:
            return found
        seg = text[before[0] : before[1]].rstrip()
        if before[0] == 0 and not view.in_range(*before) and (not seg or seg.endswith(":")):
            lead = self._lead_in(view)
            if lead is not None:
                return self._introduced_by(q, lead, context)
        if q.end + 4 >= len(text) and not text[q.end :].strip(" .,;”\"'’"):
            trail = self._trailer(view)
            if trail is not None:
                return self._introduced_by(q, trail, context)
        return None

    def _after(
        self, view: BlockView, q: Quote, next_start: int
    ) -> tuple[tuple[int, int], int, bool, bool]:
        """The rest of the quote's sentence, where its first word is, whether that word opens
        a new sentence, and whether the rest starts with an attribution dash."""
        text = view.block.text
        rest = text[q.end : next_start]
        p = q.end + len(rest) - len(rest.lstrip())
        if p >= next_start:
            return (q.end, q.end), p, False, False
        sentence = view.sentence(p)
        end = min(next_start, sentence[1])
        new_sentence = sentence != view.sentence(max(q.end - 1, 0))
        dashed = is_attribution_line(rest)
        if dashed:  # "” — Dr. Laura Benning": the name follows the dash (maybe a new sentence)
            p += len(rest.lstrip()) - len(rest.lstrip().lstrip("—–―-").lstrip())
            end = min(next_start, max(end, view.sentence(p)[1]))
        return (q.end, end), p, new_sentence, dashed

    def _from_after(
        self,
        view: BlockView,
        q: Quote,
        after: tuple[int, int],
        p: int,
        new_sentence: bool,
        dashed: bool,
        context: tuple[Stretch, ...],
    ) -> Attribution | None:
        """“…,” said Jane Doe / “…,” she said / “…” — Dr. Jane Doe."""
        text = view.block.text
        seg = text[after[0] : after[1]]
        if not seg.strip() or not (dashed or self.lex.speech_re.search(seg)):
            return None
        for m in view.in_range(*after):
            if not new_sentence or m.start == p:
                return Attribution(q, m, m, context, (view.index,))
        pos = pronoun_at(text, after[0], after[1], self.lex)
        if pos is not None and (not new_sentence or pos == p):
            return self._resolved(q, view.index, pos, context)
        return None

    def _from_before(
        self, view: BlockView, q: Quote, before: tuple[int, int], context: tuple[Stretch, ...]
    ) -> Attribution | None:
        """Jane Doe told Newsweek: “…” / He added, “…”."""
        text = view.block.text
        seg = text[before[0] : before[1]]
        if not (self.lex.speech_re.search(seg) or seg.rstrip().endswith((":", ","))):
            return None
        inside = view.in_range(*before)
        if inside:
            return Attribution(q, inside[0], inside[0], context, (view.index,))
        pos = pronoun_at(text, before[0], before[1], self.lex)
        if pos is not None:
            return self._resolved(q, view.index, pos, context)
        return None

    def _introduced_by(
        self, q: Quote, who: Mention, context: tuple[Stretch, ...]
    ) -> Attribution:
        """A quote whose speaker is named in another block (a parent bullet, a dash line)."""
        whole = (who.block, 0, len(self.document.blocks[who.block].text))
        return Attribution(q, who, who, (*context, whole), (q.block, who.block))

    def _resolved(
        self, q: Quote, block: int, pos: int, context: tuple[Stretch, ...]
    ) -> Attribution | None:
        """"he said": the person named last before ``pos``."""
        i = bisect_left(self._order, (block, pos)) - 1
        if i < 0:
            return None
        return Attribution(q, self.all_mentions[i], None, context, (block,))

    def _lead_in(self, view: BlockView) -> Mention | None:
        """The parent bullet, a colon lead-in or a name line introducing a quote block."""
        blocks = self.document.blocks
        block = view.block
        j = view.index - 1
        stop = max(-1, j - _LOOK_BACK)
        if block.kind is BlockKind.LIST_ITEM and block.depth > 0:
            while j > stop and blocks[j].kind is BlockKind.LIST_ITEM:
                if blocks[j].depth < block.depth:
                    break
                j -= 1
            if j <= stop or blocks[j].kind is not BlockKind.LIST_ITEM:
                return None
        else:
            while block.kind is BlockKind.QUOTE and j > stop and blocks[j].kind is BlockKind.QUOTE:
                j -= 1
            if j <= stop or j not in self.views:
                return None
            text = blocks[j].text.rstrip()
            short = len(text.split()) <= 12
            if not text.endswith(":") and not (short and name_line(text, j, self.lex)):
                return None
        lead = self.views.get(j)
        if lead is None:
            return None
        if lead.mentions:
            return lead.mentions[0]
        return name_line(lead.block.text.rstrip(), j, self.lex)

    def _trailer(self, view: BlockView) -> Mention | None:
        """A dash line after the quote ("— Dr. Simon Aldridge, Food Scientist")."""
        j = view.index + 1
        while j in self.views and j - view.index <= 6:
            nxt = self.views[j]
            if is_attribution_line(nxt.block.text):
                return nxt.mentions[0] if nxt.mentions else None
            if nxt.block.kind is not BlockKind.QUOTE or view.block.kind is not BlockKind.QUOTE:
                return None
            j += 1
        return None

    # -- reported speech ---------------------------------------------------------------------

    def _reported(self, view: BlockView) -> Iterator[Attribution]:
        """Sentences that report what an expert said without quotation marks."""
        if not any(m.named for m in view.mentions):
            return  # only a named person's statement counts
        text = view.block.text
        for start, end in view.bounds:
            prev_end, next_start = view.neighbours(start, start)
            if prev_end > start or next_start < end:
                continue  # the sentence holds (part of) a quotation
            for m in view.in_range(start, end):
                if m.named and speaks(text, m, end, self.lex):
                    words = len(text[start:end].split())
                    q = Quote(view.index, start, end, words, direct=False)
                    yield Attribution(q, m, m, ((view.index, start, end),), (view.index,))
                    break
