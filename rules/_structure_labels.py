"""Field labels of other page templates: the topic-dependent part of CL201.

A theme built for listings prints labels above its custom fields ("Total Floor
Area", "Prep Time"); published with an article, or scraped from such a page,
they stay behind with nothing to label. A label is only reported when the
article is not about its subject, judged from the article's lemma counts: fewer
than half of the label's content words occur anywhere else. Single-word
defaults ("Title", "Heading") get the same test, so "Title" above a section on
property titles is a heading. A label nobody listed is suspected only when it
is a heading with nothing under it, reads like a field ("Plot Size": Title Case
nouns ending in an attribute) and shares not one word with the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from contentlint.document import Document

from ._structure_catalog import keys, sections
from ._structure_lines import Line, Lines, line_key, title_case
from ._structure_sections import empty_headings

if TYPE_CHECKING:
    from contentlint.analysis import Analysis

LABELS = "structure-field-labels.txt"
GENERIC = "structure-generic-headings.txt"
HEADS = "structure-label-heads.txt"

#: Field labels are short.
MAX_LABEL_WORDS = 4
_LABEL_CHARS = re.compile(r"[^\W\d_]+(?:[ '\u2019&/-]+[^\W\d_]+)*")
#: Words of headings that read as sentences or questions; field labels are bare noun phrases.
_HEADING_WORDS = frozenset(
    "a an the this that these those what who whom whose which when where why how is are was "
    "were be been being do does did can could will would should may might must has have had "
    "i we you he she it they my our your his her its their to from with into about after "
    "before over under not no yes if vs versus".split()
)


@lru_cache(maxsize=1)
def _label_keys() -> frozenset[str]:
    entries = (e for group in sections(LABELS).values() for e in group)
    return frozenset(k for k in map(line_key, entries) if k)


class Topic:
    """What the article is about, as lemma counts; built lazily from the analysis."""

    def __init__(
        self, counts: Mapping[str, int], line_lemmas: Callable[[Line], list[str]], title: str
    ) -> None:
        self.counts = counts
        self.line_lemmas = line_lemmas
        self.title_words = frozenset(line_key(title).split())

    def share(self, line: Line) -> float:
        """Share of the line's content words that occur elsewhere in the article (or its title)."""
        lemmas = self.line_lemmas(line)
        if not lemmas:
            return 1.0
        own: dict[str, int] = {}
        for lemma in lemmas:
            own[lemma] = own.get(lemma, 0) + 1
        seen = sum(
            1
            for lemma in lemmas
            if self.counts.get(lemma, 0) > own[lemma] or lemma in self.title_words
        )
        return seen / len(lemmas)


def find_labels(
    document: Document,
    lines: Lines,
    candidates: list[Line],
    words: list[Line],
    topic_of: Callable[[], Topic],
    chrome_of: Callable[[], frozenset[int]],
    unknown_labels: bool,
) -> list[tuple[Line, str]]:
    """Lines that are placeholders only if the article is not about their words, with their kind.

    The topic needs the article's lemma counts, so it is built only for a line that asks.
    """
    out: list[tuple[Line, str]] = []
    label_keys = _label_keys()
    listed = [line for line in candidates if line.key in label_keys]
    unknown = [
        line
        for line in candidates
        if unknown_labels and line.key not in label_keys and _label_shaped(line)
    ]
    if not listed and not unknown and not words:
        return out
    topic = cache(topic_of)
    out.extend(
        (line, "default")
        for line in words
        if topic().share(line) == 0.0
    )
    for line in listed:
        if topic().share(line) <= 0.5:
            out.append((line, "label"))
    if unknown:
        out.extend(_unknown_labels(document, lines, unknown, topic, chrome_of))
    return out


def _label_shaped(line: Line) -> bool:
    """Two or more Title Case nouns ending in an attribute ("Plot Size", "Energy Rating"):
    no digits, symbols, sentence punctuation or the function words of a real heading."""
    text = line.text.strip()
    if not _LABEL_CHARS.fullmatch(text) or text.isupper() or not title_case(text):
        return False
    words = line.key.split()
    if len(words) < 2 or any(word in _HEADING_WORDS for word in words):
        return False
    return words[-1] in keys(HEADS, "") and line.key not in keys(GENERIC, "")


def _unknown_labels(
    document: Document,
    lines: Lines,
    unknown: list[Line],
    topic: Callable[[], Topic],
    chrome_of: Callable[[], frozenset[int]],
) -> list[tuple[Line, str]]:
    """Unlisted labels: a heading with nothing under it, sharing not one word with the article.

    NOTE: a trailing Title Case line is not enough on its own: bylines and photo
    credits ("Kristine Phillips") look exactly like labels.
    """
    empty = set(empty_headings(document))
    picked = [line for line in unknown if line.block in empty and line.whole]
    if not picked:
        return []
    picked = [line for line in picked if topic().share(line) == 0.0]
    if not picked:
        return []
    chrome = chrome_of()
    return [
        (line, "unknown-label")
        for line in picked
        if line.index not in chrome
    ]


def topic_of(analysis: Analysis, title: str) -> Topic:
    """The article's lemma counts, for the field-label checks (shared with CL202).

    NOTE: ``Analysis.lemma_counts`` walks every word of the article; it is the costly part
    of CL201 on the documents that need it, which is why :func:`find_labels` asks lazily.
    """
    counts = analysis.lemma_counts

    def line_lemmas(line: Line) -> list[str]:
        return [
            w.lemma.lower()
            for s in analysis.sentences_in(line.block)
            for w in s.words
            if line.start <= w.start and w.end <= line.end
            and not w.is_stop and not w.like_num and len(w.text) > 1
        ]

    return Topic(counts, line_lemmas, title)
