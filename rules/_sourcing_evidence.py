"""What counts as a verifiable source, for both sourcing rules.

A source is a link (``block.links``), a citation marker the parser found
(``block.citations``: ``<cite>``, footnote references), a citation written in
the text (a URL, a DOI, "(Smith et al., 2021)", "Smith (2021)", "[3]", "(12)", "¹"),
an entry in a reference list, or, for a quoted person, an affiliation or a named publication
in the words that introduce them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from contentlint.document import Block, Document

from ._sourcing_lexicon import UPPER

#: Citations written into the text itself.
TEXT_CITATION = re.compile(
    r"\bhttps?://[^\s<>\"]+"
    r"|\bwww\.[\w-]+\.[a-z]{2,}"
    r"|\bdoi:\s*10\.\d{4,9}/\S+|\b10\.\d{4,9}/[^\s\"]+"
    rf"|\((?:see\s+|e\.g\.,?\s+)?[{UPPER}][\w'’-]+"
    rf"(?:\s+et\s+al\.?|\s+(?:and|&)\s+[{UPPER}][\w'’-]+)?,?"
    r"\s+(?:19|20)\d{2}[a-z]?(?:[;,][^()\n]{0,80})?\)"
    rf"|\b[{UPPER}][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[{UPPER}][\w'’-]+)?\s+"
    r"\((?:19|20)\d{2}[a-z]?\)"
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,6}\]"
    r"|(?<=[\w.,;:!?”\")])[ \t]?\(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,6}\)"
    r"|(?<=[\w.,;:”\")])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    r"|\bet\s+al\.?"
)
#: What every reference entry holds: a comma and an initial ("Thompson, S.").
_INITIAL = re.compile(rf",\s+[{UPPER}]\.")
#: Headings of reference lists.
_REFERENCE_HEADING = re.compile(
    r"(?i)^\s*(?:references?|sources?|bibliography|works\s+cited|citations?|footnotes|"
    r"end\s*notes|notes|further\s+reading|literature|studies\s+cited)\s*:?\s*$"
)
#: A line that names its source ("Source: ...", "Via ...").
_SOURCE_LINE = re.compile(r"(?i)^\s*(?:sources?|references?|via|credit)\s*[:\-–—]")
#: A reference-list entry written as one: "Thompson, S. (2021)".
_REFERENCE_ENTRY = re.compile(
    rf"(?<![\w'’-])[{UPPER}][\w'’-]+,\s+[{UPPER}]\.(?:\s*[{UPPER}]\.)*.{{0,200}}?\b(?:19|20)\d{{2}}"
)


def _reference_entry(text: str) -> bool:
    """A reference-style entry in ``text``; the costly pattern runs only after an initial."""
    return bool(_INITIAL.search(text) and _REFERENCE_ENTRY.search(text))


def block_has_source(block: Block) -> bool:
    """A link, citation marker or written citation anywhere in the block."""
    return bool(block.links or block.citations or TEXT_CITATION.search(block.text))


def is_source_line(block: Block) -> bool:
    """A short line after a quote that points to its source ("Source: ...", a lone link)."""
    if _SOURCE_LINE.match(block.text):
        return True
    return bool(block.links) and len(block.text.split()) <= 30


@dataclass(frozen=True)
class References:
    """Surnames that appear in the document's reference lists and source lines."""

    words: frozenset[str]

    def names(self, key: str) -> bool:
        return key in self.words


def references(document: Document) -> References:
    """Collect the words of reference sections, "Source:" lines and reference-style entries."""
    blocks = document.blocks
    texts: list[str] = []
    for section in document.sections.walk():
        if section.heading is None or not _REFERENCE_HEADING.match(blocks[section.heading].text):
            continue
        texts.extend(blocks[i].text for i in range(section.heading + 1, section.end))
    texts.extend(b.text for b in blocks if _SOURCE_LINE.match(b.text) or _reference_entry(b.text))
    words = frozenset(w.lower() for t in texts for w in re.findall(r"[^\W\d_][\w'’-]*", t))
    return References(words)


def texts_name_source(
    texts: Iterable[str], organisation: re.Pattern[str], publication: re.Pattern[str]
) -> str:
    """Which kind of source the texts name: "affiliation", "publication", "citation" or ""."""
    for text in texts:
        if not text.strip():
            continue
        if organisation.search(text):
            return "affiliation"
        if publication.search(text):
            return "publication"
        if TEXT_CITATION.search(text):
            return "citation"
    return ""
