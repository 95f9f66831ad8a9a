"""People in a block: named speakers, unnamed experts, and what describes them.

The embedded default needs no statistical model: a name is a run of
capitalised words found next to an honorific ("Dr. Sarah Thompson"), a speech
verb ("said Jane Doe", "Jane Doe said"), a job title ("psychiatrist Jane Doe")
or an attribution dash ("— Jane Doe"). When the configured spaCy pipeline has
an entity recogniser, its PERSON entities are added (``person_spans``).
Everything here works on one block's text; offsets are block-text offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ._sourcing_lexicon import FULL_NAME, NAME_WORD, NOT_NAMES, OLOGIST, UPPER, Lexicon
from ._wordlist_match import folded, scan

_NAME_WORD = re.compile(NAME_WORD)
#: A dash before a capital: what an attribution dash ("— Jane Doe") needs at the least.
_DASH_HINT = re.compile(rf"[—–―-][ \t]*[{UPPER}]")
_BOUNDARY = re.compile(r"[,.;:!?“”\"()\[\]—–―]")
#: Words between "said" and a capitalised word that make it no speaker ("said on Tuesday").
_STOP_WORDS_BEFORE_NAME = frozenset(
    "on in at to that the this it of for with by after before during last next about".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person in the text: ``named`` people have a surname ``key``."""

    block: int
    start: int
    end: int
    name: str  # as written: "Dr. Sarah Thompson", "one legal expert"
    key: str  # lower-cased surname; unnamed mentions get a unique key
    named: bool
    honorific: str = ""


@dataclass(frozen=True)
class _Patterns:
    honorific: re.Pattern[str]
    inverted: re.Pattern[str]
    name_first: re.Pattern[str]
    dash: re.Pattern[str]
    pre_title: re.Pattern[str]
    unnamed: re.Pattern[str]
    name_line: re.Pattern[str]
    speech_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    pronoun: re.Pattern[str]
    descriptor_stop: re.Pattern[str]
    honorific_hint: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Hints:
    """Which kinds of mention a block can hold at all, and where, from a few cheap scans.

    NOTE: the mention patterns are case-insensitive or start with a look-behind,
    so ``re`` tries them at every offset; most blocks have no honorific, no job
    title or no speech verb, and then the patterns that need one are skipped.
    Patterns that start with a verb or a title are tried only where one starts.
    """

    honorific: bool
    dash: bool
    speech: bool
    #: Block offsets where a verb that may precede the speaker ("said Jane Doe") starts a
    #: word, and where a job title may start; None when unknown (try every offset).
    verbs_before: list[int] | None
    titles: list[int] | None

    @property
    def title(self) -> bool:
        return self.titles is None or bool(self.titles)

    def __bool__(self) -> bool:
        return self.honorific or self.dash or self.speech or self.title


#: Hints of a text that could not be folded: every pattern is tried everywhere.
_UNKNOWN = Hints(True, True, True, None, None)
#: Joins a document's blocks for the hint scans; no hint pattern can match across it.
_SEP = "\x00"


def document_hints(texts: Sequence[str], lex: Lexicon) -> list[Hints]:
    """The :class:`Hints` of each of ``texts`` (a document's blocks).

    NOTE: one scan per hint pattern over the whole document costs far less
    than the same scans block by block.
    """
    joined = _SEP.join(texts)
    low = folded(joined)
    if low is None:
        return [block_hints(text, lex) for text in texts] if len(texts) > 1 else [_UNKNOWN]
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + len(_SEP))
    found = _Found(starts)
    pats = _patterns(lex)
    for m in pats.honorific_hint.finditer(joined):
        found.honorific.add(found.block(m.start()))
    for m in _DASH_HINT.finditer(joined):
        found.dash.add(found.block(m.start()))
    for at in lex.word_starts.hits(low):
        k = found.block(at)
        if lex.speech_hint.match(low, at):
            found.speech.add(k)
        if lex.speech_before_hint.match(low, at):
            found.verbs_before[k].append(at - starts[k])
        if lex.title_hint.match(low, at):
            found.titles[k].append(at - starts[k])
    at = low.find(OLOGIST)
    while at >= 0:  # "psychologist": from where its letters start
        k = found.block(at)
        begin = at
        while begin > starts[k] and "a" <= low[begin - 1] <= "z":
            begin -= 1
        found.titles[k].append(begin - starts[k])
        at = low.find(OLOGIST, at + 1)
    return [found.hints(k) for k in range(len(texts))]


def block_hints(text: str, lex: Lexicon) -> Hints:
    """The :class:`Hints` of one block's text."""
    return document_hints([text], lex)[0]


class _Found:
    """What the hint scans of one document found, block by block."""

    def __init__(self, starts: list[int]) -> None:
        self._starts = starts
        self.honorific: set[int] = set()
        self.dash: set[int] = set()
        self.speech: set[int] = set()
        self.verbs_before: dict[int, list[int]] = defaultdict(list)
        self.titles: dict[int, list[int]] = defaultdict(list)

    def block(self, at: int) -> int:
        return bisect_right(self._starts, at) - 1

    def hints(self, k: int) -> Hints:
        titles = sorted(set(self.titles[k])) if k in self.titles else []
        return Hints(
            k in self.honorific,
            k in self.dash,
            k in self.speech,
            self.verbs_before.get(k, []),
            titles,
        )


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _Patterns:
    hon = rf"(?<![\w.])(?P<hon>{lex.honorific})(?:\.[ \t]*|[ \t]+)"
    appositive = r"(?:\s*\([^()\n]{0,120}\)|,[^;:“”\"\n]{0,200}?,)?"
    return _Patterns(
        honorific=re.compile(rf"{hon}(?P<name>{FULL_NAME})"),
        inverted=re.compile(
            rf"(?i:(?<![\w-]){lex.speech_before})\s+(?P<pre>(?:[a-z][\w-]*\s+){{0,3}}?)"
            rf"(?P<name>{FULL_NAME})"
        ),
        name_first=re.compile(
            rf"(?P<name>{FULL_NAME}){appositive}\s+(?:[a-z]+ly\s+)?(?i:{lex.speech})(?![\w-])"
        ),
        dash=re.compile(rf"(?:^|(?<=\s))(?:—|–|―|--?)[ \t]*(?P<name>{FULL_NAME})"),
        pre_title=re.compile(rf"(?i:(?<![\w-]){lex.title_lower})[ \t]+(?P<name>{FULL_NAME})"),
        unnamed=re.compile(
            rf"(?i:(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{lex.title_lower})(?![\w-])"
        ),
        name_line=re.compile(
            rf"^(?:(?P<hon>{lex.honorific})\.?[ \t]+)?(?P<name>{FULL_NAME})"
            rf"(?:[ \t]*(?:,|\(|–|—|-)[^:\n]{{1,120}}?)?\)?[ \t]*:?$"
        ),
        speech_after=re.compile(
            rf"^{appositive}\s*(?:[a-z]+ly\s+)?(?i:{lex.speech})(?![\w-])"
        ),
        speech_before=re.compile(
            rf"(?i:(?<![\w-]){lex.speech_before})\s+(?:[a-z][\w-]*\s+){{0,3}}$"
        ),
        pronoun=re.compile(rf"(?i:\b(?:he|she)\b|\b(?:the|this)\s+{lex.title_lower}\b)"),
        descriptor_stop=re.compile(rf"[;:“”\")]|\s(?i:{lex.speech})(?![\w-])"),
        honorific_hint=re.compile(lex.honorific),
    )


def _surname(name: str) -> str:
    words = _NAME_WORD.findall(name)
    return words[-1].lower() if words else ""


def _clean(name: str) -> str:
    """Drop leading and trailing capitalised words that are not names ("Yesterday", "Tuesday")."""
    words = name.split()
    while words and words[0].lower().rstrip(".") in NOT_NAMES:
        words.pop(0)
    while words and words[-1].lower().rstrip(".") in NOT_NAMES:
        words.pop()
    return " ".join(words)


def find_mentions(
    text: str,
    block: int,
    lex: Lexicon,
    person_spans: Iterable[tuple[int, int]] = (),
    exclude: Sequence[tuple[int, int]] = (),
    hints: Hints | None = None,
) -> list[Mention]:
    """People mentioned in ``text`` outside the ``exclude`` ranges (quotations), in order.

    ``hints`` are the text's :class:`Hints` when the caller has them (``document_hints``).
    """
    hints = block_hints(text, lex) if hints is None else hints
    person_spans = tuple(person_spans)
    if not hints and not person_spans:
        return []
    found: list[Mention] = []
    for start, end, name, honorific in _named(text, lex, hints, person_spans):
        mention = _mention(text, block, lex, start, end, name, honorific)
        if mention is not None:
            found.append(mention)
    if hints.title and hints.speech:  # an unnamed expert counts only with a speech verb
        found.extend(_unnamed(text, block, lex))
    return _dedupe(found, exclude)


def _named(
    text: str, lex: Lexicon, hints: Hints, person_spans: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, honorific) of every candidate name, before cleaning."""
    pats = _patterns(lex)
    if hints.honorific:
        for m in pats.honorific.finditer(text):
            yield m.start(), m.end(), m.group("name"), m.group("hon")
    # "said Jane Doe" starts at its verb, "psychiatrist Jane Doe" at the title
    for m in _at(pats.inverted, text, hints.verbs_before):
        pre = m.group("pre").split()
        if not any(w.lower() in _STOP_WORDS_BEFORE_NAME for w in pre):
            yield m.start("name"), m.end("name"), m.group("name"), ""
    named = (
        pats.name_first.finditer(text) if hints.speech else (),
        pats.dash.finditer(text) if hints.dash else (),
        _at(pats.pre_title, text, hints.titles),
    )
    for matches in named:
        for m in matches:
            yield m.start("name"), m.end("name"), m.group("name"), ""
    for start, end in person_spans:
        yield start, end, text[start:end], ""


def _at(pattern: re.Pattern[str], text: str, offsets: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at ``offsets`` (sorted; None: everywhere)."""
    if offsets is None:
        return pattern.finditer(text)
    if not offsets:
        return iter(())

    def candidate(pos: int) -> int:
        i = bisect_left(offsets, pos)
        return offsets[i] if i < len(offsets) else -1

    return scan(pattern, text, candidate)


def _mention(
    text: str, block: int, lex: Lexicon, start: int, end: int, name: str, honorific: str
) -> Mention | None:
    """A named mention, without the capitalised words around the name that are no name."""
    cleaned = _clean(name)
    if not cleaned:
        return None
    offset = name.find(cleaned)
    if not honorific:
        start, end = start + offset, start + offset + len(cleaned)
    key = _surname(cleaned)
    if not key or key in NOT_NAMES or lex.title.fullmatch(cleaned.split()[-1]):
        return None
    return Mention(block, start, end, text[start:end], key, True, honorific)


def _unnamed(text: str, block: int, lex: Lexicon) -> Iterator[Mention]:
    """Unnamed experts with a speech verb before or after them ("one psychiatrist said")."""
    pats = _patterns(lex)
    for m in pats.unnamed.finditer(text):
        if pats.speech_before.search(text[max(0, m.start() - 80) : m.start()]) or (
            pats.speech_after.match(text[m.end() : m.end() + 240])
        ):
            key = f"#{block}:{m.start()}"  # every unnamed expert is a person of their own
            yield Mention(block, m.start(), m.end(), m.group(0), key, False)


def _dedupe(found: list[Mention], exclude: Sequence[tuple[int, int]]) -> list[Mention]:
    """Longest mention first at each offset, no overlaps, none inside ``exclude`` (sorted)."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    starts = [s for s, _ in exclude]
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < exclude[i][1]:
            continue
        out.append(m)
    return out


def name_line(text: str, block: int, lex: Lexicon) -> Mention | None:
    """A block that is only a name and a title ("Dr. Sarah Thompson, Psychiatrist:")."""
    m = _patterns(lex).name_line.match(text)
    if not m:
        return None
    mentions = find_mentions(text, block, lex)
    if mentions:
        return mentions[0]
    name = _clean(m.group("name"))
    key = _surname(name)
    if not key or key in NOT_NAMES:
        return None
    start = m.start("name") + m.group("name").find(name)
    return Mention(block, start, start + len(name), name, key, True, m.group("hon") or "")


def pronoun_at(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Offset of "he", "she" or "the expert" in ``text[start:end]``, if any."""
    m = _patterns(lex).pronoun.search(text, start, end)
    return m.start() if m else None


def speaks(text: str, mention: Mention, end: int, lex: Lexicon) -> bool:
    """True when a speech verb is attached to the mention ("Dr. X says", "according to Dr. X")."""
    pats = _patterns(lex)
    if pats.speech_after.match(text[mention.end : min(end, mention.end + 240)]):
        return True
    return bool(pats.speech_before.search(text[max(0, mention.start - 80) : mention.start]))


def descriptor(text: str, mention: Mention, sentence_end: int, lex: Lexicon) -> tuple[int, int]:
    """The words that describe a mention: a few before it and its appositive after it.

    "said Jane Doe, a cardiologist at Mount Sinai." gives "said " and
    ", a cardiologist at Mount Sinai."; the name itself is left out by the caller.
    """
    lo = max(0, mention.start - 80)
    before = text[lo : mention.start]
    cut = [m.end() for m in _BOUNDARY.finditer(before)]
    start = lo + (cut[-1] if cut else 0)
    words = list(re.finditer(r"\S+", text[start : mention.start]))
    if len(words) > 5:
        start += words[-5].start()
    after = text[mention.end : min(sentence_end, mention.end + 300)]
    m = re.match(r"[ \t]*(?:[,(]|(?:of|at|from|with)\s)", after)
    if not m:
        post = lex.postnominal.match(after)
        return start, mention.end + (post.end() if post else 0)
    stop = _patterns(lex).descriptor_stop.search(after, m.end())
    end = stop.start() if stop else len(after)
    return start, mention.end + end


def sentence_bounds(
    bounds: Sequence[tuple[int, int]], starts: Sequence[int], pos: int, length: int
) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``pos``; the whole block if there is none."""
    i = bisect_right(starts, pos) - 1
    if 0 <= i < len(bounds) and bounds[i][0] <= pos < max(bounds[i][1], bounds[i][0] + 1):
        return bounds[i]
    return (0, length)
