"""Fast word-list matching, shared by the sourcing, promise and style rules.

Two tricks keep the word-list patterns cheap on long documents without
changing a single match:

* :func:`trie_alternation` writes a phrase list as a prefix tree
  (``(?:ex(?:pert|ecutive)|...)``) instead of a flat list of alternatives. At
  each position ``re`` then tests a handful of first letters instead of every
  phrase in turn. It tries longer phrases before their own prefixes, so it
  matches exactly what the flat "longest first" alternation matched.
* :func:`folded` lower-cases a text so that a case-insensitive word check can
  run as a case-sensitive search. Python's ``re`` skips ahead only for
  case-sensitive patterns that start with a literal; ``(?i)`` patterns, and
  patterns that start with a look-behind, are tried at every single position.
  A cheap case-sensitive search over the folded text finds where (or whether)
  the expensive pattern can match at all: :class:`WordStarts` lists where a
  listed word starts a word, :func:`scan` tries a pattern only there, and
  :func:`caseless` spells one word so that it needs no folding.

Every prefilter here may let through too much, never too little: findings
stay exactly the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

#: Characters whose lower case differs in length or character class, or that match an ASCII
#: letter under ``re.IGNORECASE`` (dotted and dotless i, the Kelvin sign, the long s). A text
#: holding one is never folded, so a prefilter over folded text is always exact.
_UNFOLDABLE = re.compile("[\u0130\u0131\u212a\u017f]")


def trie_alternation(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of ``phrases`` as a prefix tree.

    Each space in a phrase matches any run of whitespace. Longer phrases are
    tried before their prefixes ("delve into" before "delve"), exactly like a
    flat alternation sorted longest first.
    """
    phrases = tuple(phrases)
    tree = token_trie(_tokens(phrase) for phrase in set(phrases))
    if tree is None:  # see _render: fall back to the flat alternation, longest first
        ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
        return "(?:" + "|".join("".join(_tokens(p)) for p in ordered) + ")"
    return tree


def token_trie(sequences: Iterable[Sequence[str]]) -> str | None:
    """A non-capturing alternation of token sequences (each token a regex matching one
    fixed string), longest first; None if two sibling tokens differ only in case."""
    root: dict[str, dict] = {}
    for sequence in sequences:
        node = root
        for token in sequence:
            node = node.setdefault(token, {})
        node[""] = {}
    if not root:
        return "(?!)"  # an empty list matches nothing
    tree = _render(root)
    return None if tree is None else "(?:" + tree + ")"


def _tokens(phrase: str) -> list[str]:
    """One regex token per character, ``\\s+`` between words."""
    out: list[str] = []
    for k, word in enumerate(phrase.split()):
        if k:
            out.append(r"\s+")
        out.extend(re.escape(ch) for ch in word)
    return out


def _render(node: dict[str, dict]) -> str | None:
    """The subtree's regex; None when two sibling tokens differ only in case.

    NOTE: such siblings could both match under (?i), and then the order between
    them (longest phrase first) would no longer follow from the tree.
    """
    tokens = [token for token in node if token]
    if len({token.lower() for token in tokens}) != len(tokens):
        return None
    branches = []
    for token in sorted(tokens):
        sub = _render(node[token])
        if sub is None:
            return None
        branches.append(token + sub)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: try the longer ones first, then stop
        return "(?:" + body + ")?"
    return body


#: Characters beyond the letter's two cases that match it under ``re.IGNORECASE``.
_ALSO_MATCHES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def caseless(word: str) -> str:
    """A case-sensitive pattern that matches ``word`` exactly where ``(?i)word`` matches.

    ``[tT][hH][iIİı][sSſ]`` starts with a character set, so ``re`` skips ahead
    to candidates instead of trying a case-insensitive match at every offset.
    """
    out = []
    for ch in word:
        if not (ch.isascii() and ch.isalpha()):
            out.append(re.escape(ch))
            continue
        low = ch.lower()
        out.append("[" + low + low.upper() + _ALSO_MATCHES.get(low, "") + "]")
    return "".join(out)


def folded(text: str) -> str | None:
    """``text`` in lower case, offset for offset, or None when folding could change a match.

    In the folded text an ASCII word matches case-sensitively exactly where it
    matches the original case-insensitively, and ``\\w``, ``\\s`` and ``\\d``
    hold at the same offsets.
    """
    if _UNFOLDABLE.search(text):
        return None
    return text.lower()


def scan(
    pattern: re.Pattern[str], text: str, candidate: Callable[[int], int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only the positions ``candidate`` offers.

    ``candidate(pos)`` returns the first position at or after ``pos`` where a
    match may start (-1 for none); it may offer too many positions, never too
    few. ``pattern`` must not match the empty string.
    """
    pos = 0
    while pos <= len(text):
        start = candidate(pos)
        if start < 0:
            return
        m = pattern.match(text, start)
        if m is None:
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)


class WordStarts:
    """Candidates for :func:`scan`: where a word of a list starts a word of a folded text.

    "Starts a word" as ``(?<![\\w-])`` has it: no letter, digit, underscore or
    hyphen before. The list holds lower-case words (or phrases); each is
    searched case-sensitively in folded text, so it stands for any case.
    """

    def __init__(self, words: Iterable[str]) -> None:
        alternatives = trie_alternation(w.lower() for w in words)
        self._at_start = re.compile(alternatives)
        # NOTE: a character set first lets ``re`` skip ahead; a look-behind would not
        self._after_boundary = re.compile(r"[^\w-]" + alternatives)

    def candidates(self, low: str) -> Callable[[int], int]:
        def candidate(pos: int) -> int:
            if pos == 0 and self._at_start.match(low):
                return 0
            m = self._after_boundary.search(low, max(pos - 1, 0))
            return m.start() + 1 if m else -1

        return candidate

    def hits(self, low: str) -> Iterator[int]:
        """Every offset of ``low`` where a listed word starts a word."""
        candidate = self.candidates(low)
        at = candidate(0)
        while at >= 0:
            yield at
            at = candidate(at + 1)

    def search(self, low: str, start: int, end: int) -> bool:
        """Whether a listed word starts a word of ``low[start:end]`` (at ``start``, whatever
        comes before it) and ends by ``end``."""
        return bool(
            self._at_start.match(low, start, end) or self._after_boundary.search(low, start, end)
        )
