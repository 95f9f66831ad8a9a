"""Template defaults and unfinished writing: the evidence behind CL201.

Inside any prose block, one combined pattern finds the catalogue's distinctive
defaults, lorem ipsum and the other blind texts, ``[bracketed fill-ins]``,
``{{template variables}}``, TODO/TBD/XXX markers and ``$XX``/``XX%`` numbers.
Each *line* is then checked as a whole against the short defaults ("Sample
Page"), the grammar of editor instructions ("Add your title here"), and, in
:mod:`._structure_labels`, the field labels of other page templates, which
only count when the article is not about their subject ("Total Floor Area" in
a health article).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from contentlint.document import BlockKind, Document, Span

from ._structure_catalog import keys, phrase_regex, section_index
from ._structure_labels import MAX_LABEL_WORDS, Topic, find_labels
from ._structure_lines import Line, Lines, line_key

CATALOGUE = "placeholders.txt"

_BLOCK_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)
#: Editor instructions are short; a longer line is prose that happens to say "add ... here".
_MAX_INSTRUCTION_WORDS = 15
_MARKERS_ALWAYS = frozenset({"TKTK", "FIXME"})
_FILL_VERBS = frozenset(
    "insert add enter include put place paste fill write type replace cite".split()
)
_FILL_SLOTS = frozenset(
    "link source citation image photo picture stat statistic statistics number figure name "
    "date city quote url title heading caption product brand location keyword cta email phone "
    "tbd tbc tba todo tk tktk xxx fixme placeholder".split()
)
_NOUNS = (
    r"(?:text|title|heading|headline|sub-?heading|sub-?title|content|paragraph|copy|caption|"
    r"description|tagline|slogan|quote|testimonial|statistic|stat|image|photo|picture|logo|"
    r"link|bio|summary|excerpt|name|keyword|button|label|video|number|figure|cta)s?"
)
_W = r"[\w'\u2019-]+\s+"
#: Editor instructions, judged on a whole (short) line. Bounded repeats only: linear.
_INSTRUCTION = re.compile(
    r"\b(?:click|tap|double[- ]?click)(?:\s+(?:here|any|this|the|me))?"
    r"(?:\s+(?:text|title|heading|element|block|box|field))?\s+to\s+(?:add|edit|change|replace|"
    r"update|insert|type|write|style|customi[sz]e)\b"
    r"|\b(?:add|insert|enter|type|write|put|place|paste|edit|replace|change|upload|drop)\s+"
    rf"(?:(?:your|a|an|the|some|this|my|our|own|new)\s+){{0,2}}(?:{_W}){{0,2}}?{_NOUNS}"
    r"\s+(?:goes\s+)?here\b"
    rf"|\b(?:your|sample|dummy|placeholder|example)\s+(?:{_W}){{0,2}}?{_NOUNS}\s+(?:goes\s+)?here\b"
    rf"|^(?:{_W}){{0,2}}?{_NOUNS}\s+goes\s+here\b"
    r"|^\W*(?:add|insert|enter|type|write|put|place|paste|drop|upload)\s+"
    rf"(?:your|a|an|the|some|this|my|our)\s+(?:{_W}){{0,3}}?here\W*$",
    re.IGNORECASE,
)
#: Every alternative of _INSTRUCTION holds one of these as a whole word (case ignored).
_INSTRUCTION_WORDS = frozenset({"here", "click", "tap", "doubleclick"})
#: Words template placeholders are made of: "Heading Text", "Sample Subheading", "New Title".
_SLOT_WORDS = frozenset(
    "heading headline subheading subtitle title text paragraph caption tagline content copy "
    "button label".split()
)
_PLACEHOLDER_WORDS = _SLOT_WORDS | frozenset(
    "sample example dummy placeholder new your section insert add enter type write edit body "
    "sub main here goes block page post site website my".split()
)
_DETERMINERS = frozenset("a an the this some".split())
#: A whole short line that only asks for something: "Add Title", "Enter a subheading".
_BARE_REQUEST = re.compile(
    rf"(?:add|insert|enter|type|write|edit)\s+(?:(?:a|an|the|your|new|some)\s+)?(?:{_W})?{_NOUNS}"
    r"[\s.:\u2026]*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """What CL201 reports; ``kind`` picks the message."""

    span: Span
    block: int
    kind: str  # default, lorem, fill-in, marker, instruction, label, unknown-label
    text: str


#: Substrings without which a group of :func:`_inline` cannot match (case matters: the
#: markers are upper case). A block that has none of a group's is searched without it.
_TRIGGERS = {
    "bracket": ("[", "<", "("),
    "template": ("{{", "*|", "%%"),
    "marker": ("TODO", "FIXME", "TB", "XX", "TK"),
    "number": ("XX",),
}
_TRIGGER_WORDS = sorted({t for ts in _TRIGGERS.values() for t in ts})
#: Every trigger in one scan of the block (no trigger's end starts another trigger, so
#: none hides one); literal alternatives only, so linear.
_TRIGGER_SCAN = re.compile("|".join(map(re.escape, _TRIGGER_WORDS)))
_GROUPS_OF = {t: frozenset(g for g, ts in _TRIGGERS.items() if t in ts) for t in _TRIGGER_WORDS}
#: The fixed groups of :func:`_inline`, in their order of precedence.
_GROUPS = {
    "bracket": r"\[[^\[\]\n]{1,80}\]|<[^<>\n]{1,80}>|\([^()\n]{1,80}\)",
    "template": r"\{\{[^{}\n]{1,60}\}\}|\*\|[A-Z0-9_]{2,30}\|\*|%%[A-Z0-9_]{2,30}%%",
    "marker": r"(?<![\w-])(?:TODO|FIXME|TBD|TBC|TBA|XXX|TKTK|TK)(?![\w-])",
    "number": r"\$\s?X{2,}(?:,X{3})*(?!\w)|(?<!\w)X{2,3}(?:\s?%|\s+percent\b)",
}


@lru_cache(maxsize=256)
def _inline(
    defaults: frozenset[str], lorem: frozenset[str], groups: frozenset[str]
) -> re.Pattern[str] | None:
    """ONE pattern for the inline evidence a block may hold, or None if it holds none.

    The full pattern has the catalogue's distinctive defaults, the lorem phrases
    and the fixed groups, in that order; each block gets only the phrases and
    groups that :func:`_inline_for` could not rule out. Dropped alternatives
    could not have matched there, so the matches are the full pattern's.
    """
    default_source = phrase_regex(defaults)
    lorem_source = phrase_regex(lorem)
    parts = [
        rf"(?P<default>(?i:{default_source}))" if default_source else "",
        rf"(?P<lorem>(?i:{lorem_source}))" if lorem_source else "",
        *(rf"(?P<{name}>{source})" for name, source in _GROUPS.items() if name in groups),
    ]
    source = "|".join(p for p in parts if p)
    return re.compile(source) if source else None


def _inline_for(text: str, words: frozenset[str]) -> re.Pattern[str] | None:
    """:func:`_inline` narrowed to what could match ``text`` (whose word set is ``words``)."""
    groups = frozenset(
        group for trigger in set(_TRIGGER_SCAN.findall(text)) for group in _GROUPS_OF[trigger]
    )
    defaults = section_index(CATALOGUE, "anywhere").present(words)
    lorem = section_index(CATALOGUE, "lorem").present(words)
    if not (groups or defaults or lorem):
        return None  # most blocks
    return _inline(defaults, lorem, groups)


def find_placeholders(
    document: Document,
    lines: Lines,
    topic: Callable[[], Topic],
    extra: Iterable[str] = (),
    chrome: Callable[[], frozenset[int]] = frozenset,
    unknown_labels: bool = True,
) -> list[Placeholder]:
    """All placeholders, in document order. ``topic`` and ``chrome`` are computed only if needed.

    ``unknown_labels`` enables the unlisted-label signal, which reads English Title Case.
    """
    found: list[Placeholder] = []
    flagged_lines: set[int] = set()
    for index, block in enumerate(document.blocks):
        if block.kind not in _BLOCK_KINDS or not block.text:
            continue
        found.extend(_inline_hits(document, index, lines, flagged_lines))
    line_keys = keys(CATALOGUE, "line") | frozenset(k for k in map(line_key, extra) if k)
    candidates: list[Line] = []
    words: list[Line] = []
    for line in lines.all:
        if line.index in flagged_lines or not line.standalone:
            continue
        kind = _line_kind(document, line, line_keys)
        if kind == "default" and " " not in line.key and line.block != lines.title_block:
            words.append(line)  # "Title", "Heading": only if the article never uses the word
        elif kind is not None:
            found.append(Placeholder(line.span, line.block, kind, line.text))
        elif line.block != lines.title_block and line.words <= MAX_LABEL_WORDS:
            candidates.append(line)
    if candidates or words:
        found.extend(
            Placeholder(line.span, line.block, kind, line.text)
            for line, kind in find_labels(
                document, lines, candidates, words, topic, chrome, unknown_labels
            )
        )
    found.sort(key=lambda p: (p.span.start, p.span.end))
    return found


def _inline_hits(
    document: Document, index: int, lines: Lines, flagged: set[int]
) -> list[Placeholder]:
    block = document.blocks[index]
    text = block.text
    out: list[Placeholder] = []
    lorem: list[tuple[int, int]] = []
    pattern = _inline_for(text, lines.block_words(index))
    if pattern is None:
        return out
    for match in pattern.finditer(text):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind == "lorem":
            lorem.append((start, end))
            continue
        if kind == "bracket" and not _fill_in(match.group()):
            continue
        if kind == "marker" and not _marker(text, start, end, lines.block_lines(index)):
            continue
        label = "fill-in" if kind in ("bracket", "template", "number") else kind
        out.append(Placeholder(block.source_span(start, end), index, label, match.group()))
        flagged.update(ln.index for ln in lines.block_lines(index) if ln.start <= start < ln.end)
    if lorem and not _lorem_evidence(text, lorem, lines.block_lines(index)):
        lorem = []
    if lorem:
        start, end = lorem[0][0], lorem[-1][1]
        if end - start >= 0.5 * len(text):
            start, end = 0, len(text)
        out.append(Placeholder(block.source_span(start, end), index, "lorem", text[start:end]))
        flagged.update(ln.index for ln in lines.block_lines(index))
    return out


def _lorem_evidence(text: str, hits: list[tuple[int, int]], block_lines: tuple[Line, ...]) -> bool:
    """A lorem phrase of two words or more, or "Lorem" alone on its line; not "lorem-free"."""
    for start, end in hits:
        words = line_key(text[start:end])
        if " " in words or any(
            ln.start <= start < ln.end and ln.key == words for ln in block_lines
        ):
            return True
    return False


def _fill_in(bracketed: str) -> bool:
    """ "[Insert statistic here]", "[link]", "<insert photo>"; not "[sic]" or "(the president)".

    Square brackets are the writer's fill-in convention; round and angle brackets
    are common in prose and markup, so they only count with an instruction verb.
    """
    content = bracketed[1:-1]
    words = line_key(content).split()
    if not words or len(words) > 14:
        return False
    if bracketed[0] != "[":
        return len(words) <= 8 and words[0] in _FILL_VERBS and words[0] != "type"
    if words[0] in _FILL_VERBS or "here" in words:
        return True
    if ":" in content or len(words) > 3:
        return False
    if words[0] == "your" and len(words) > 1:
        return True
    return words[-1] in _FILL_SLOTS


def _marker(text: str, start: int, end: int, block_lines: tuple[Line, ...]) -> bool:
    """TODO/TBD/XXX as a writer's note: alone on a line, opening it, or followed by a colon."""
    if text[start:end] in _MARKERS_ALWAYS:
        return True
    if text[end : end + 2].lstrip().startswith(":"):
        return True
    for line in block_lines:
        if line.start <= start < line.end:
            head = text[line.start : start].strip("\"'([{<*- \t")
            return not head and (end == line.end or not text[end:line.end].strip()[:1].isalnum())
    return False


def placeholder_line(document: Document, line: Line) -> bool:
    """Whether a line is a default or an editor instruction by the catalogue and grammar alone
    (no field labels): cheap, for rules that must not report a placeholder as something else."""
    return _line_kind(document, line, keys(CATALOGUE, "line")) is not None


def _line_kind(document: Document, line: Line, line_keys: frozenset[str]) -> str | None:
    key = line.key
    if not key:
        return None
    if key in line_keys:
        return "default"
    if line.words > _MAX_INSTRUCTION_WORDS:
        return None
    if not _INSTRUCTION_WORDS.isdisjoint(line.word_set) and _INSTRUCTION.search(line.text):
        return "instruction"
    if _only_placeholder_words(key) and not line.ends_sentence:
        return "default"
    kind = document.blocks[line.block].kind
    if kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.TITLE) and (
        line.words <= 5 and not line.ends_sentence and _BARE_REQUEST.fullmatch(line.text.strip())
    ):
        return "instruction"
    return None


def _only_placeholder_words(key: str) -> bool:
    """ "Section Heading", "Heading Text", "New Title": nothing but template vocabulary."""
    words = key.split()
    if len(words) < 2 or len(words) > 5:
        return False
    if any(w not in _PLACEHOLDER_WORDS and w not in _DETERMINERS for w in words):
        return False
    return any(w in _SLOT_WORDS for w in words) and any(
        w in _PLACEHOLDER_WORDS for w in words[:-1]
    )
