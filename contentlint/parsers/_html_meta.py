"""Page-level facts from ``<head>`` and ``<html>``: title, og:title, language, canonical URL.

These are read from the whole page, chrome included, because they describe
the document rather than being part of its running text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contentlint.document import Span

from ._html_text import InlineText
from ._html_tree import Element, Text


@dataclass
class PageMeta:
    """What the head says about the page; ``title_span`` covers the ``<title>`` text."""

    title: str | None = None
    title_span: Span | None = None
    og_title: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def _text_of(source: str, el: Element) -> tuple[str, Span] | None:
    """Collapsed, entity-decoded text of an RCDATA element such as ``<title>``."""
    inline = InlineText(source)
    for child in el.children:
        if isinstance(child, Text):
            inline.add_run(child.start, child.end)
    text, omap, _ = inline.build()
    if not text:
        return None
    return text, omap.span(0, len(text))


def read_meta(source: str, root: Element) -> PageMeta:
    """Collect title, og:title, description, canonical link and language, iteratively."""
    meta = PageMeta()
    if root.attrs.get("lang"):
        meta.values["lang"] = root.attrs["lang"].strip()
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in ("svg", "math", "template"):
            continue  # an SVG <title> is a tooltip, not the page title
        if tag == "title" and meta.title is None:
            found = _text_of(source, el)
            if found:
                meta.title, meta.title_span = found
        elif tag == "meta":
            key = (el.attrs.get("property") or el.attrs.get("name") or "").strip().lower()
            content = " ".join(el.attrs.get("content", "").split())
            if key == "og:title" and content and meta.og_title is None:
                meta.og_title = content
            elif key in ("description", "og:description", "author", "og:site_name") and content:
                meta.values.setdefault(key, content)
        elif tag == "link" and "canonical" in el.attrs.get("rel", "").lower().split():
            if el.attrs.get("href"):
                meta.values.setdefault("canonical", el.attrs["href"].strip())
        stack.extend(c for c in reversed(el.children) if isinstance(c, Element))
    return meta
