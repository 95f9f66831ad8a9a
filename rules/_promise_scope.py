"""Where a promise must be kept, and whether it was (CL301).

A kept promise is followed, inside its scope, by specifics about what it
announced: a price for "the cost", a time span for "the duration", and for a
plain subject ("the neurological mechanisms") sentences with figures, names or
steps, or at least a couple of sentences that say something. Article-wide
promises ("in this article we will delve into berberine") must also see their
subject come back. Promises and summaries never count as delivery, so a chain
of announcements cannot keep itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from contentlint.document import BlockKind

from ._promise_answers import Cue, Kind, find_cues
from ._promise_data import word_set
from ._promise_find import Form, Promise, Range, Scope
from ._promise_index import MIN_PLAIN_SENTENCES, ArticleIndex, Window

NO_SPECIFICS = "gives no specifics (figures, names, steps or findings)"
#: Words that end the head of a noun phrase ("side effects" | "of a badly placed garden").
_HEAD_END = frozenset(
    "of for about in on with to from surrounding associated behind into during at by that "
    "which who you we your their its".split()
)
_COUNTS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


@dataclass(frozen=True, slots=True)
class Verdict:
    kept: bool
    reasons: tuple[str, ...] = ()  # what is missing, for the message
    missing: tuple[str, ...] = ()  # promised items never delivered


@dataclass(frozen=True, slots=True)
class Keys:
    """Content lemmas of a promised item: all of them, and those of its head noun phrase."""

    head: frozenset[str]
    all: frozenset[str]
    count: int = 0  # "the three biggest changes" -> 3


def window(index: ArticleIndex, promise: Promise) -> Window:
    """The units where ``promise`` must be kept."""
    here = index.unit_of_sentence[promise.sentence_index]
    block = promise.sentence.block
    end = len(index.units)
    if promise.scope is Scope.ARTICLE:
        return Window(((0, end, False),), "the article")
    # NOTE: after an article-wide promise, the rest of its own paragraph is usually more
    # framing ("individuals seeking weight loss may find insights"); it counts only where
    # it gives specifics ("as we will see, the rate fell to 3%").
    split = max(here + 1, index.block_start[block + 1])
    rest = Window(((here + 1, split, True), (split, end, False)), "the rest of the article")
    if promise.scope is Scope.REST:
        return rest
    if promise.scope in (Scope.NEXT, Scope.NAMED):
        target = (
            index.heading_named(block, promise.hint)
            if promise.scope is Scope.NAMED
            else index.heading_after(block)
        )
        if target is None:
            return rest
        section = index.by_heading[target]
        a, b = index.block_start[target], index.block_start[section.end]
        name = f"the '{index.document.blocks[target].text}' section"
        return Window(((a, b, False),), name, target)
    section = index.owner.get(block)
    if section is None or section.heading is None or (
        index.document.blocks[section.heading].kind is BlockKind.TITLE
    ):
        return rest
    ranges = ((here + 1, index.block_start[section.end], False),)
    return Window(ranges, "the section", section.heading)


def judge(index: ArticleIndex, promise: Promise) -> Verdict:
    """Was the promise kept inside its window?"""
    win = window(index, promise)
    here = index.unit_of_sentence[promise.sentence_index]
    later = Window(((here + 1, len(index.units), False),), "")
    everywhere = Window(((0, len(index.units), False),), "")
    text = index.document.blocks[promise.sentence.block].text
    generic: list[tuple[str, Keys]] = []
    reasons: list[str] = []
    missing: list[str] = []
    reported: set[tuple[str, frozenset[Kind]]] = set()
    for item in promise.items:
        item_text = text[item[0] : item[1]]
        keys = _keys(promise, item)
        cues = _specific(
            [c for c in find_cues(item_text) if c.phrase != "when" or item_text.lower() == "when"]
        )
        if not cues:
            generic.append((item_text, keys))
        for cue in cues:
            if _answered(index, cue, win, keys) or (
                promise.form is Form.FUTURE and _answered(index, cue, later, keys)
            ):
                continue
            where = "the article" if not _answered(index, cue, everywhere, keys) else win.name
            if (where, cue.kinds) in reported:
                continue  # "the cost ... and the price": one reason is enough
            reported.add((where, cue.kinds))
            reasons.append(f"{where} never gives {cue.label}")
            missing.append(item_text)
    if generic and not _generic_kept(index, promise, win, generic):
        absent = [t for t, keys in generic if not _present(index, keys, win)]
        # NOTE: quote the absent items only when the message names other items too.
        what = ("them" if len(absent) > 1 else "it") if not reasons else quote_list(absent)
        if promise.scope is Scope.ARTICLE:
            reasons.append(f"{win.name} never covers {what}")
            missing.extend(absent)
        elif win.name == "the rest of the article" and absent:
            reasons.append(f"{win.name} never comes back to {what}")
            missing.extend(absent)
        else:
            reasons.append(f"{win.name} {NO_SPECIFICS}")
    unique = tuple(dict.fromkeys(reasons))
    return Verdict(not unique, unique, tuple(dict.fromkeys(missing)))


def quote_list(texts: list[str] | tuple[str, ...], limit: int = 70) -> str:
    """'a', 'b' and 'c' (each shortened to ``limit`` characters)."""
    quoted = [f"'{t if len(t) <= limit else t[: limit - 1].rstrip() + '…'}'" for t in texts]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _specific(cues: list[Cue]) -> list[Cue]:
    """Drop a cue that another cue of the same item narrows ("how much ... costs" -> cost)."""
    return [c for c in cues if not any(o.kinds < c.kinds for o in cues)]


def _keys(promise: Promise, item: Range) -> Keys:
    generic = word_set("promise-generic-words.txt")
    head: set[str] = set()
    every: set[str] = set()
    in_head = True
    count = 0
    for w in promise.sentence.words:
        if not (item[0] <= w.start and w.end <= item[1]):
            continue
        if not count and w.like_num:
            count = min(int(w.lower), 50) if w.lower.isdigit() else _COUNTS.get(w.lower, 0)
        if w.lower in _HEAD_END:
            in_head = False
        lemma = w.lemma.lower()
        if w.is_stop or not w.text.isalpha() or len(w.text) < 3:
            continue
        if lemma in generic or w.lower in generic:
            continue
        every.add(lemma)
        if in_head:
            head.add(lemma)
    return Keys(frozenset(head), frozenset(every), count)


def _answered(index: ArticleIndex, cue: Cue, win: Window, keys: Keys) -> bool:
    if cue.kinds == frozenset({Kind.NUMBER}) and keys.all:
        return index.number_with(win, keys.all)  # "how many gels": a number of gels
    return index.has_kind(win, cue.kinds)


def _present(index: ArticleIndex, keys: Keys, win: Window) -> bool:
    """Does the subject come back: half of its head, or half of all its content lemmas?
    A counted subject ("the three biggest changes") comes back as that many sections,
    list items or sentences with specifics."""
    if keys.count and index.parts(win) >= keys.count:
        return True
    if not keys.all:
        return True
    if keys.head:
        seen = sum(1 for lemma in keys.head if index.mentions(win, lemma))
        if seen >= math.ceil(len(keys.head) / 2):
            return True
    seen = sum(1 for lemma in keys.all if index.mentions(win, lemma))
    return seen >= math.ceil(len(keys.all) / 2)


def _generic_kept(
    index: ArticleIndex, promise: Promise, win: Window, generic: list[tuple[str, Keys]]
) -> bool:
    if promise.scope is Scope.ARTICLE:
        return all(_present(index, keys, win) for _, keys in generic)
    if win.name == "the rest of the article":
        present = any(_present(index, keys, win) for _, keys in generic)
        return present and index.specifics(win) > 0
    if index.specifics(win):
        return True
    # Plain sentences keep a promise only if they are about it: they, or the heading of
    # their section, share a word with the promised subject.
    keys = frozenset().union(*(k.all for _, k in generic))
    heading = index.block_lemmas(win.heading) if win.heading is not None else frozenset()
    on_topic = not keys or bool(keys & heading) or any(index.mentions(win, k) for k in keys)
    return on_topic and index.plain(win) >= MIN_PLAIN_SENTENCES
