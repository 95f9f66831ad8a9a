"""HTML parser: article blocks with exact source offsets, main content only on full pages.

Pipeline, each step in its own module so each stays small and testable:

1. :mod:`._html_tokens` tokenizes the decoded source in one linear pass and
   reports the absolute offset of every tag, text run and comment;
2. :mod:`._html_tree` builds a light element tree with browser-like implied
   end tags (iteratively: 10,000 nested elements are fine);
3. :mod:`._html_blocks` walks the tree into blocks, decoding entities and
   collapsing whitespace through :mod:`._html_text`, which records for every
   character of text where in the source it came from;
4. on a full page (``<html>``/``<head>``/``<body>`` or a doctype) that has page
   chrome, :mod:`._html_content` picks the article container and drops the
   rest. A fragment (CMS export) or a chrome-free page keeps all its text.

Choices a rule author may want to know about:

* ``Document.title`` is the ``<title>`` text, else ``og:title``, else the first
  ``<h1>``; ``title_block`` is the first level-1 heading *kept* as content (on
  news pages the headline usually sits outside the article body and is not).
  ``metadata["title_span"]`` locates the ``<title>`` text in the source.
* Inline ``<code>`` is left out of the text (identifiers are not prose);
  ``<pre>`` and multi-line ``<code>`` become CODE blocks.
* ``<br>`` is a newline inside a block; two in a row end the paragraph.
* Hidden content (``hidden``, ``display:none``), scripts, styles, templates,
  SVG, iframes and form controls never give text.
* Links without visible text (image links) are not listed; footnote markers
  and ``<cite>`` are ``Block.citations``.

Input we cannot make sense of as HTML is still text, so :func:`parse` does not
raise :class:`~contentlint.errors.ParseError`: like a browser, it renders
whatever it gets. ``Document.metadata`` records what was decided
(``content``: ``fragment``, ``page`` or ``page-without-chrome``; the container
as ``main_content`` and its start tag as ``main_content_span``) so a
surprising result can be explained.
"""

from __future__ import annotations

from typing import Any

from contentlint.directives import parse_directive
from contentlint.document import BlockKind, Directive, Document, Span

from ._html_blocks import walk_blocks
from ._html_content import has_chrome, select_main
from ._html_meta import read_meta
from ._html_tree import Element, build_tree

__all__ = ["parse"]


def parse(source: str, path: str) -> Document:
    """Parse decoded HTML ``source`` (the contents of ``path``) into a Document."""
    tree = build_tree(source)
    blocks, owners = walk_blocks(source, [tree.root])
    metadata: dict[str, Any] = {}
    if not tree.full_page:
        metadata["content"] = "fragment"
    elif not has_chrome(tree.root, blocks):
        metadata["content"] = "page-without-chrome"
    else:
        selection = select_main(tree.root, blocks, owners)
        metadata["content"] = "page"
        if selection.container is not None:
            metadata["main_content"] = _describe(selection.container)
            metadata["main_content_span"] = Span(
                selection.container.start, selection.container.end
            )
        blocks = [b for b, keep in zip(blocks, selection.keep, strict=True) if keep]

    meta = read_meta(source, tree.root)
    metadata.update(meta.values)
    if meta.title is not None:
        metadata["html_title"] = meta.title
        metadata["title_span"] = meta.title_span
    if meta.og_title is not None:
        metadata["og_title"] = meta.og_title

    title_block = next(
        (i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING and b.level == 1), None
    )
    title = meta.title or meta.og_title
    if title is None and title_block is not None:
        title = blocks[title_block].text
    return Document(
        path=path,
        format="html",
        source=source,
        blocks=tuple(blocks),
        title=title,
        title_block=title_block,
        metadata=metadata,
        directives=_directives(source, tree.comments),
    )


def _directives(source: str, comments: list[tuple[int, int, int, int]]) -> tuple[Directive, ...]:
    out = []
    for body_start, body_end, start, end in comments:
        if not source.startswith("<!--", start):
            continue  # <!DOCTYPE>, <?xml?> and other bogus comments hold no directives
        directive = parse_directive(source[body_start:body_end], Span(start, end))
        if directive is not None:
            out.append(directive)
    return tuple(out)


def _describe(el: Element) -> str:
    """A CSS-like name for an element, e.g. ``div#main.article-body``."""
    out = el.tag
    if el.attrs.get("id"):
        out += "#" + el.attrs["id"].strip()
    classes = el.attrs.get("class", "").split()
    if classes:
        out += "." + ".".join(classes[:3])
    return out

