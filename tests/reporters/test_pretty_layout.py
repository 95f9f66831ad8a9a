"""The pretty reporter's fast layout for plain lines equals the per-character layout."""

from __future__ import annotations

import pytest

from contentlint.reporters import pretty


def _slow(line: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    pieces = pretty._display_pieces(line)
    cumulative = [0]
    for piece in pieces:
        cumulative.append(cumulative[-1] + pretty.cell_len(piece))
    return tuple(pieces), tuple(cumulative)


EDGE_CASES = [
    "", "plain ascii", "“quoted” — dash… ‘single’ • bullet", "café naïve Ærø", "a\tb\tc",
    "soft\u00adhyphen", "e\u0301 combining", "\u202eright-to-left override", "日本語の文",
    "\x1b[31mred", "line\u2028separator", "zero\u200bwidth", "nbsp\u00a0here", "\u205fmath space",
]


@pytest.mark.parametrize("line", EDGE_CASES)
def test_layout_equals_per_character_layout(line: str) -> None:
    assert pretty._layout.__wrapped__(line) == _slow(line)


def test_layout_on_news_paragraphs(news_bodies: list[tuple[str, str]]) -> None:
    lines = [line for _, body in news_bodies for line in body.splitlines()]
    fast = 0
    for line in lines:
        assert pretty._layout.__wrapped__(line) == _slow(line), line[:80]
        fast += bool(pretty._ONE_CELL_EACH.fullmatch(line))
    assert fast > len(lines) / 2, "the fast path should take most news lines"
