"""Escaping and naming helpers shared by the HTML report modules.

Every piece of article text, message, path or metric reaches the page only
through :func:`esc`, which HTML-escapes it *and* quotes (``"`` and ``'``) so
the same helper is safe in text and in attribute values. Characters that would
let article text hide or reorder what an editor sees (controls, bidi
overrides) are shown as visible placeholders first, one for one, so offsets
computed on the raw text stay valid.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from contentlint.findings import Severity

from . import visible_char

#: Severities from most to least serious: the order of filters, counts and columns.
SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_SAFE_TOKEN = re.compile(r"[^a-z0-9-]+")


def clean(text: str, keep_lines: bool = False) -> str:
    """``text`` with controls, bidi overrides and lone surrogates made visible (1:1).

    ``keep_lines`` keeps newlines and tabs (code blocks); otherwise they become
    spaces, which is what a browser would show for them in running text anyway.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char in "\n\t":
            out.append(char if keep_lines else " ")
        elif char == "\r":
            out.append("" if keep_lines else " ")
        elif unicodedata.category(char) == "Cs":
            out.append("\ufffd")
        else:
            out.append(visible_char(char))
    return "".join(out)


def esc(value: object, keep_lines: bool = False) -> str:
    """Any value as safe HTML text or attribute content (quotes are escaped too)."""
    return html.escape(clean(str(value), keep_lines), quote=True)


def token(value: str, fallback: str = "other") -> str:
    """A value reduced to ``[a-z0-9-]``, for class names (never trust a plugin's category)."""
    cleaned = _SAFE_TOKEN.sub("-", value.lower()).strip("-")
    return cleaned or fallback


def plural(count: int, noun: str) -> str:
    if noun == "info":
        return f"{count} info"
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def format_number(value: Any) -> str | None:
    """A metric value for display: floats to one decimal, non-finite as n/a."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "n/a"
        return f"{value:.2f}" if abs(value) < 1 else f"{value:,.1f}"  # shares need two places
    if isinstance(value, Mapping):
        parts = [f"{k}={format_number(v)}" for k, v in value.items() if not isinstance(v, Mapping)]
        return ", ".join(parts) or None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(format_number(v)) for v in value) or None
    return str(value)


def as_float(value: Any) -> float | None:
    """A finite number or None (metrics come from code we do not control)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def humanize(key: str) -> str:
    """``flesch_kincaid_grade`` -> ``Flesch kincaid grade`` for metrics without a label."""
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:]
