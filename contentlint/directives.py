"""Inline suppression comments: ``<!-- contentlint-disable CL201 -->`` and friends.

Parsers turn comments into :class:`~contentlint.document.Directive` values with
:func:`parse_directive`; the engine drops findings they cover with
:func:`suppressed`. Selectors use the same syntax as ``select``/``ignore``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .document import Directive, DirectiveKind, LineIndex, Span

_DIRECTIVE = re.compile(
    r"^\s*contentlint-(disable-next-line|disable|enable)\b([^\n]*?)\s*$", re.IGNORECASE
)


def parse_directive(comment_body: str, span: Span) -> Directive | None:
    """A directive from the inside of a comment, or None if it is an ordinary comment."""
    match = _DIRECTIVE.match(comment_body)
    if match is None:
        return None
    kind = DirectiveKind(match.group(1).lower())
    selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2)) if s)
    return Directive(kind, selectors, span)


def suppressed(
    directives: Sequence[Directive],
    lines: LineIndex,
    source: str,
    start: int,
    matches: Callable[[str], bool],
) -> bool:
    """Whether a finding starting at ``start`` is switched off by a directive.

    ``matches(selector)`` tells whether a selector names the finding's rule.
    ``disable``/``enable`` act on everything after them in source order;
    ``disable-next-line`` acts on the next line that has any text.
    """
    active: dict[str, bool] = {}  # selector -> disabled; "*" for all rules
    for directive in directives:
        if directive.kind is DirectiveKind.DISABLE_NEXT_LINE:
            if _next_text_line(lines, source, directive.span.end) == lines.position(start).line:
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
        # a later `enable SEL` can re-enable single rules after `disable` all
        return not any(not off and sel != "*" and matches(sel) for sel, off in active.items())
    return any(off and sel != "*" and matches(sel) for sel, off in active.items())


def _next_text_line(lines: LineIndex, source: str, offset: int) -> int:
    """The 1-based line of the first non-blank character at or after ``offset``'s next line."""
    line = lines.position(offset).line + 1
    while line <= lines.line_count and not lines.line_text(line).strip():
        line += 1
    return line
