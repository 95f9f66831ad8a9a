"""Titles and headings shown twice: the evidence behind CL204 (and lines CL202 leaves to it).

Lines are compared by :func:`line_key` (case, punctuation, quotes and spacing
folded), so "How Long Do You Have to Take Ketamine for Depression?" and "how
long do you have to take ketamine for depression" are one line; a long title
also matches a line that differs from it by a character or two. Only whole
lines count: a title quoted inside a sentence is a quotation, not a repeat.

* The title: every other line equal to it is a repeat. Where the title is not
  among the blocks (an HTML ``<title>``, a front-matter title), its first
  showing in the body is the page headline and only later ones are repeats.
* A heading: another line equal to it is a repeat when the two are adjacent
  (nothing between them), or when it repeats a heading inside that heading's
  own section or under the same parent (in plain text, whose outline is
  guessed, only adjacent repeats count). Recurring subheadings of parallel
  sections ("Pros", "Cons" under each product) and labels a layout prints
  three or more times are structure, not repeats.
* Three or more consecutive lines that each repeat a different heading are a
  table of contents and are left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from contentlint.document import BlockKind, Document, Span

from ._structure_lines import Line, Lines, line_key, lines_of

_KINDS = frozenset({BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH})
_QUOTE_OPENERS = "\"'\u201c\u2018\u00ab\u201e"
#: A repeated line is a title-sized line, not a paragraph.
_MAX_WORDS = 25
#: Fuzzy title matching: long titles only, nearly equal length, nearly equal text.
_FUZZY_MIN_CHARS = 25
_FUZZY_RATIO = 0.92
#: Title segments split off an HTML <title> ("Headline | Site name").
_TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " \u2022 ", " :: ")
#: Non-adjacent repeats of short headings are usually parallel subsections ("Pros").
_MIN_REPEAT_WORDS = 3
_TOC_SIZE = 3
#: A line shown this often is a recurring label of the layout, not a slip.
_RECURRING = 3


@dataclass(frozen=True, slots=True)
class Repeat:
    line: Line
    original: Span | None  # where the title or heading is shown first
    of_title: bool
    text: str  # the original's text


def repeats_of(document: Document) -> list[Repeat]:
    """:func:`find_repeats` on the document's shared lines, once per document (CL202 asks too)."""
    return document.derived(repeats_of, lambda: find_repeats(document, lines_of(document)))


def find_repeats(document: Document, lines: Lines) -> list[Repeat]:
    """Repeated titles and headings, in document order."""
    blocks = document.blocks
    candidates = [
        line
        for line in lines.all
        if line.standalone
        and blocks[line.block].kind in _KINDS
        and line.words <= _MAX_WORDS
        and line.key
        and not line.text.lstrip().startswith(tuple(_QUOTE_OPENERS))
    ]
    repeats = _title_repeats(document, lines, candidates)
    taken = {r.line.index for r in repeats}
    repeats.extend(_heading_repeats(document, [c for c in candidates if c.index not in taken]))
    repeats = _drop_tables_of_contents(repeats)
    repeats.sort(key=lambda r: r.line.index)
    return repeats


def _title_repeats(document: Document, lines: Lines, candidates: list[Line]) -> list[Repeat]:
    tb = lines.title_block
    keys: set[str] = set()
    original: Span | None = None
    text = document.title or ""
    if tb is not None:
        title_line = lines.block_lines(tb)
        keys.add(line_key(document.blocks[tb].text))
        original = title_line[0].span if len(title_line) == 1 else document.blocks[tb].span
        text = document.blocks[tb].text
    if document.title:
        keys.update(_title_keys(document.title))
    keys.discard("")
    if not keys:
        return []
    out: list[Repeat] = []
    shown = tb is not None
    fuzzy = {k: Counter(k) for k in keys if len(k) >= _FUZZY_MIN_CHARS}
    for line in candidates:
        if line.block == tb or not _is_title(line.key, keys, fuzzy):
            continue
        if not shown:  # the page headline: the title's first showing in the body
            shown, original, text = True, line.span, line.text
            continue
        out.append(Repeat(line, original, True, text))
    return out


def _title_keys(title: str) -> set[str]:
    keys = {line_key(title)}
    for sep in _TITLE_SEPARATORS:
        if sep in title:
            longest = max(title.split(sep), key=len)
            if len(longest.split()) >= 3:
                keys.add(line_key(longest))
    return keys


def _is_title(key: str, title_keys: set[str], fuzzy: dict[str, Counter[str]]) -> bool:
    """Equal to a title key, or, for a long title (``fuzzy``: its letter counts), nearly equal."""
    if key in title_keys:
        return True
    for title, letters in fuzzy.items():
        if (
            abs(len(key) - len(title)) <= 0.1 * len(title)
            and _could_be_close(key, title, letters)
            and SequenceMatcher(None, key, title, autojunk=False).ratio() >= _FUZZY_RATIO
        ):
            return True
    return False


def _could_be_close(key: str, title: str, letters: Counter[str]) -> bool:
    """An upper bound of ``SequenceMatcher.ratio()`` (its ``quick_ratio``) reaches the threshold.

    The ratio counts matching characters, which never exceed the characters the two
    strings have in common; the bound costs a fraction of the ratio itself.
    """
    common = sum((Counter(key) & letters).values())
    return 2.0 * common / (len(key) + len(title)) >= _FUZZY_RATIO


def _heading_repeats(document: Document, candidates: list[Line]) -> list[Repeat]:
    blocks = document.blocks
    parent, section_end = _outline(document)
    first: dict[str, Line] = {}
    count: dict[str, int] = {}
    for line in candidates:  # the original is the first heading with the key, else the first line
        count[line.key] = count.get(line.key, 0) + 1
        known = first.get(line.key)
        if known is None or (
            blocks[line.block].is_heading and not blocks[known.block].is_heading
        ):
            first[line.key] = line
    out: list[Repeat] = []
    previous: Line | None = None
    for line in candidates:
        original = first[line.key]
        recurring = count[line.key] >= _RECURRING  # a layout's label ("Available from Amazon")
        if (
            not recurring
            and line is not original
            and _repeats(document, line, original, previous, parent, section_end)
        ):
            out.append(Repeat(line, original.span, False, original.text))
        previous = line
    return out


def _repeats(
    document: Document,
    line: Line,
    original: Line,
    previous: Line | None,
    parent: dict[int, int | None],
    section_end: dict[int, int],
) -> bool:
    blocks = document.blocks
    adjacent = previous is not None and previous.key == line.key and (
        line.index == previous.index + 1 or _only_headings_between(document, previous, line)
    )
    if adjacent:
        return True
    if document.format == "text":
        return False  # NOTE: parents and sections are guessed in plain text; only adjacency is sure
    if not blocks[original.block].is_heading or len(line.key.split()) < _MIN_REPEAT_WORDS:
        return False
    if blocks[line.block].is_heading:
        return parent.get(line.block) == parent.get(original.block)
    return original.block < line.block < section_end.get(original.block, -1)


def _only_headings_between(document: Document, a: Line, b: Line) -> bool:
    return all(document.blocks[i].is_heading for i in range(a.block + 1, b.block))


def _outline(document: Document) -> tuple[dict[int, int | None], dict[int, int]]:
    """Each heading's parent heading, and where each heading's section ends."""
    parent: dict[int, int | None] = {}
    end: dict[int, int] = {}
    stack = [document.sections]
    while stack:
        section = stack.pop()
        for child in section.children:
            if child.heading is not None:
                parent[child.heading] = section.heading
                end[child.heading] = child.end
            stack.append(child)
    return parent, end


def _drop_tables_of_contents(repeats: list[Repeat]) -> list[Repeat]:
    """Runs of consecutive repeated lines naming three or more different headings are a TOC."""
    if len(repeats) < _TOC_SIZE:
        return repeats
    ordered = sorted(repeats, key=lambda r: r.line.index)
    keep: list[Repeat] = []
    run: list[Repeat] = []
    for r in ordered + [None]:  # type: ignore[list-item]
        if r is not None and run and r.line.index == run[-1].line.index + 1:
            run.append(r)
            continue
        if run and len({x.line.key for x in run if not x.of_title}) < _TOC_SIZE:
            keep.extend(run)
        run = [r] if r is not None else []
    return keep
