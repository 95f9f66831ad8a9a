"""Page chrome inside an article body: what CL203 reports (and CL202 leaves to it).

Two sources of evidence, strongest first:

1. the catalogue ``boilerplate.txt``: known theme and plugin strings, as whole
   lines (``[line]``), as sentences anywhere (``[anywhere]``), or, for single
   generic words like "Share", only where chrome lives (``[edge]``);
2. the *shape* of chrome for strings nobody listed: breadcrumbs and pagination
   anywhere; counters ("12 Comments"), reading times and short UI labels (a UI
   verb with a UI object, "More <things>") only where chrome lives.

"Where chrome lives" is the first and last few lines of the body, or next to a
line already known to be chrome: themes put their scaffolding around the
article, and chrome comes in clusters ("Share this:", "Posted in", "Leave a
Reply"). A real heading in the middle of an article is never judged by shape,
nor is a heading that opens a real paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from contentlint.document import BlockKind, Document, Span

from ._structure_catalog import PhraseIndex, keys, section_index, sections
from ._structure_lines import Line, Lines, line_key, lines_of
from ._structure_placeholders import placeholder_line

CATALOGUE = "boilerplate.txt"
VOCABULARY = "structure-ui-vocabulary.txt"

#: How many body lines at each end count as the edge of the article.
EDGE_LINES = 3
#: Chrome labels are short; longer lines are sentences.
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60

_CHECKED_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM})
_BREADCRUMB_SEPARATORS = "\u00bb\u203a>/|\u2192\u2022"
_ANY_SEPARATOR = re.compile(f"[{re.escape(_BREADCRUMB_SEPARATORS)}]")
_HOME = frozenset({"home", "homepage", "start", "you are here home", "you are here"})
_COUNTED = frozenset(
    "comment comments reply replies response responses share shares like likes view views "
    "vote votes".split()
)
_READ_TIME = re.compile(r"\d{1,3} (?:min|mins|minute|minutes) read")
_POINTER_VERBS = frozenset({"click", "tap", "press", "swipe", "hover"})
_PAGE_WORDS = frozenset("next previous prev older newer first last page".split())


@dataclass(frozen=True, slots=True)
class Chrome:
    """A line (or the part of one) that is page chrome; ``why`` finishes "this is ..."."""

    line: Line
    span: Span
    why: str


@cache
def _words(section: str) -> frozenset[str]:
    return frozenset(sections(VOCABULARY).get(section, ()))


def chrome_of(document: Document, extra: tuple[str, ...] = ()) -> list[Chrome]:
    """:func:`find_chrome` on the document's shared lines, computed once per document.

    CL203 finds the chrome; CL201, CL202 and CL204 ask for it too, to leave it to CL203.
    """
    return document.derived(
        (chrome_of, extra), lambda: find_chrome(document, lines_of(document), extra)
    )


def find_chrome(document: Document, lines: Lines, extra: Iterable[str] = ()) -> list[Chrome]:
    """Every chrome line of the body, in reading order."""
    line_keys = keys(CATALOGUE, "line") | frozenset(k for k in map(line_key, extra) if k)
    edge_keys = keys(CATALOGUE, "edge")
    anywhere = section_index(CATALOGUE, "anywhere")
    body = [
        line
        for line in lines.body
        if line.standalone and document.blocks[line.block].kind in _CHECKED_KINDS
    ]
    certain: dict[int, Chrome] = {}
    maybe: dict[int, Chrome] = {}
    for line in body:
        key = line.key
        if not key:
            continue
        bare = _without_count(key)
        if key in line_keys or bare in line_keys:
            certain[line.index] = Chrome(line, line.span, "a theme or plugin string")
            continue
        hit = _anywhere(document, lines, line, anywhere)
        if hit is not None:
            certain[line.index] = hit
            continue
        if _breadcrumb(line.text):
            certain[line.index] = Chrome(line, line.span, "a breadcrumb trail")
        elif _pagination(key):
            certain[line.index] = Chrome(line, line.span, "pagination")
        elif (key in edge_keys or bare in edge_keys) and not _introduces_prose(document, line):
            maybe[line.index] = Chrome(line, line.span, "a button or widget label")
        elif _counter(key):
            maybe[line.index] = Chrome(line, line.span, "a counter or reading-time widget")
        elif (
            _label_shaped(line)
            and _ui_label(key)
            and not _introduces_prose(document, line)
            and not placeholder_line(document, line)  # "Click here to edit text" is CL201's
        ):
            maybe[line.index] = Chrome(line, line.span, "a button or link label")
    return _resolve(certain, maybe, lines.edge_positions(EDGE_LINES))


def _resolve(
    certain: dict[int, Chrome], maybe: dict[int, Chrome], edges: frozenset[int]
) -> list[Chrome]:
    """Keep a "maybe" at the edges of the body, or touching a line that is chrome."""
    found = dict(certain)
    found.update((i, c) for i, c in maybe.items() if i in edges)
    order = sorted(maybe)
    for i in order:  # a cluster grows forwards from chrome ...
        if i not in found and i - 1 in found:
            found[i] = maybe[i]
    for i in reversed(order):  # ... and backwards
        if i not in found and i + 1 in found:
            found[i] = maybe[i]
    return [found[i] for i in sorted(found)]


def _anywhere(document: Document, lines: Lines, line: Line, index: PhraseIndex) -> Chrome | None:
    """Chrome sentences inside a line; the whole line when they are (nearly) all of it."""
    # NOTE: most blocks hold no word of any listed sentence: one set lookup spares them the
    # pattern. A line is part of its block, so what cannot match the block cannot match it.
    phrases = index.present(lines.block_words(line.block))
    pattern = index.pattern(phrases) if phrases else None
    if pattern is None:
        return None
    matches = list(pattern.finditer(line.text))
    if not matches:
        return None
    start, end = matches[0].start(), matches[-1].end()
    rest = line.text[:start] + " ".join(
        line.text[a.end() : b.start()] for a, b in zip(matches, matches[1:], strict=False)
    ) + line.text[end:]
    if len(line_key(rest).split()) <= 3:
        start, end = 0, len(line.text)
    block = document.blocks[line.block]
    span = block.source_span(line.start + start, line.start + end)
    return Chrome(line, span, "a theme or plugin string")


def _without_count(key: str) -> str:
    """ "comments 3" -> "comments": widgets append counts."""
    if not key[-1:].isdigit():
        return key  # the common case, without splitting a paragraph into words
    words = key.split()
    while len(words) > 1 and words[-1].isdigit():
        words.pop()
    return " ".join(words)


def _breadcrumb(text: str) -> bool:
    """ "Home » Health » Ketamine", "You are here: Home / Blog"."""
    if not _ANY_SEPARATOR.search(text):
        return False  # most lines: one scan instead of one per separator
    for sep in _BREADCRUMB_SEPARATORS:
        if text.count(sep) < 1:
            continue
        parts = [p.strip() for p in text.split(sep)]
        if len(parts) < 2 or len(parts) > 8 or not all(parts):
            continue
        if line_key(parts[0]) in _HOME and all(len(p.split()) <= 10 for p in parts):
            return True
    return False


def _pagination(key: str) -> bool:
    """ "page 2 of 5", "1 2 3 next", "previous 1 2 3 … 12 next": page numbers from the first."""
    first = key.partition(" ")[0]
    if first not in _PAGE_WORDS and not (first.isdigit() and len(first) <= 3):
        return False  # an ordinary line: its first word already fails the word test below
    words = key.split()
    if len(words) == 4 and words[0] == "page" and words[2] == "of":
        return words[1].isdigit() and words[3].isdigit()
    if not all(w in _PAGE_WORDS or (w.isdigit() and len(w) <= 3) for w in words):
        return False  # cheap exit for ordinary lines: the same test as below, word by word
    numbers = [int(w) for w in words if w.isdigit() and len(w) <= 3]
    others = [w for w in words if not w.isdigit()]
    if len(numbers) < 2 or len(numbers) + len(others) != len(words):
        return False
    if any(w not in _PAGE_WORDS for w in others):
        return False
    ascending = all(b > a for a, b in zip(numbers, numbers[1:], strict=False)) and numbers[0] <= 2
    return ascending and (bool(others) or len(numbers) >= 3)


def _counter(key: str) -> bool:
    if not key[:1].isdigit():
        return False  # both shapes open with a number (``\d`` implies isdigit())
    words = key.split()
    if len(words) == 2 and words[0].isdigit() and words[1] in _COUNTED:
        return True
    return bool(_READ_TIME.fullmatch(key))


def _label_shaped(line: Line) -> bool:
    """Short, and not a sentence or a question (chrome may end with ":", "…" or "!")."""
    text = line.text.strip()
    if len(text) > MAX_LABEL_CHARS or line.words > MAX_LABEL_WORDS:
        return False
    core = text.rstrip("\"')]}\u201d\u2019*!")
    return not core.endswith(("?", ";")) and not (core.endswith(".") and not core.endswith("..."))


def _ui_label(key: str) -> bool:
    verbs, objects = _words("verbs"), _words("objects")
    words = key.split()
    if not words:
        return False
    if words[0] in verbs and any(w in objects for w in words[1:]):
        return True
    if words[0] in _POINTER_VERBS and len(words) > 2 and words[1] == "to":
        return True  # "Tap to unmute", "Click to rate this post!"
    return len(words) <= 4 and words[0] in _words("listing") and words[-1] in _words("listed")


def _introduces_prose(document: Document, line: Line) -> bool:
    """A heading with explicit markup whose section opens with a real paragraph is a heading."""
    if document.format == "text":
        return False
    block = document.blocks[line.block]
    if block.kind is not BlockKind.HEADING:
        return False
    following = document.blocks[line.block + 1] if line.block + 1 < len(document.blocks) else None
    return (
        following is not None
        and following.kind is BlockKind.PARAGRAPH
        and len(following.text.split()) >= 15
    )
