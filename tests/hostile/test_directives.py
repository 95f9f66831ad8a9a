"""Suppression directives under load: same answers as the plain definition, in linear time."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.directives import parse_directive, suppressed
from contentlint.document import Directive, DirectiveKind, LineIndex, Span


def reference(
    directives: Sequence[Directive], lines: LineIndex, source: str, start: int,
    matches: Callable[[str], bool],
) -> bool:
    """The definition, one scan per finding (what directives.suppressed did before it was indexed)."""
    def next_text_line(offset: int) -> int:
        line = lines.position(offset).line + 1
        while line <= lines.line_count and not lines.line_text(line).strip():
            line += 1
        return line

    active: dict[str, bool] = {}
    for directive in directives:
        if directive.kind is DirectiveKind.DISABLE_NEXT_LINE:
            if next_text_line(directive.span.end) == lines.position(start).line:
                if not directive.selectors or any(matches(s) for s in directive.selectors):
                    return True
            continue
        if directive.span.start > start:
            break
        disabled = directive.kind is DirectiveKind.DISABLE
        if not directive.selectors:
            active = {"*": disabled}
        else:
            for selector in directive.selectors:
                active[selector] = disabled
    if active.get("*"):
        return not any(not off and sel != "*" and matches(sel) for sel, off in active.items())
    return any(off and sel != "*" and matches(sel) for sel, off in active.items())


_LINE = st.one_of(
    st.sampled_from(["", "  ", "Some text here.", "More text"]),
    st.builds(
        lambda kind, sels: f"<!-- contentlint-{kind} {' '.join(sels)} -->",
        st.sampled_from(["disable", "enable", "disable-next-line"]),
        st.lists(st.sampled_from(["CL1", "CL2", "CL502", "long-sentence", "A"]), max_size=2),
    ),
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=25), queries=st.lists(st.integers(0, 10**6), max_size=30),
       rule=st.sampled_from(["CL1", "CL2", "CL502", "A"]))
def test_indexed_suppression_agrees_with_the_definition(
    lines: list[str], queries: list[int], rule: str
) -> None:
    source = "\n".join(lines)
    directives = []
    pos = 0
    for line in lines:
        if line.startswith("<!--"):
            directive = parse_directive(line[4:-3], Span(pos, pos + len(line)))
            assert directive is not None
            directives.append(directive)
        pos += len(line) + 1
    index = LineIndex(source)
    directives_t = tuple(directives)

    def matches(sel: str) -> bool:
        return sel == rule or (sel == "long-sentence" and rule == "CL502") or rule.startswith(sel)

    for q in queries:  # in any order: the index must start over when asked about earlier text
        start = q % (len(source) + 1)
        assert suppressed(directives_t, index, source, start, matches) == reference(
            directives_t, index, source, start, matches
        ), (source, start)


def test_many_directives_and_findings_are_linear() -> None:
    def run(n: int) -> float:
        block = "<!-- contentlint-disable-next-line CL9 -->\nText line.\n\n<!-- contentlint-disable CL8 -->\n"
        source = block * n
        directives = []
        for i in range(n):
            base = i * len(block)
            directives.append(Directive(DirectiveKind.DISABLE_NEXT_LINE, ("CL9",), Span(base, base + 42)))
            directives.append(Directive(DirectiveKind.DISABLE, ("CL8",), Span(base + 55, base + 86)))
        index = LineIndex(source)
        frozen = tuple(directives)  # as the engine passes them: the Document's own tuple
        started = time.process_time()
        for i in range(n):
            suppressed(frozen, index, source, i * len(block) + 43, lambda s: s == "CL1")
        return time.process_time() - started

    small, large = run(500), run(2000)
    assert large < max(0.5, 9 * small), f"x4 directives and findings took x{large / max(small, 1e-3):.1f}"


def test_long_directive_comment_is_linear() -> None:
    started = time.process_time()
    body = "contentlint-disable" + " " * 200_000 + "CL1" + " " * 200_000
    directive = parse_directive(body, Span(0, 0))
    assert directive is not None and directive.selectors == ("CL1",)
    assert parse_directive("contentlint-disable CL1\nan ordinary comment", Span(0, 0)) is None
    assert time.process_time() - started < 1.0
