"""A lightweight element tree built from :mod:`._html_tokens`, keeping source offsets.

Why not lxml: we need every node's exact position in the decoded source, and
lxml's ``sourceline`` is a line number of the *encoded* input at best. The
builder implements the parts of the WHATWG tree construction that change
which text ends up inside which element on real pages: void elements,
implicitly closed ``<p>``/``<li>``/``<td>``/headings, end tags ignored when the
element is not in scope, ``</br>``, and a ``<head>`` closed by body content.
Formatting-element adoption and foster parenting are left out: they move a
few inline words between siblings, which does not matter for linting.

Scope checks are O(1) (per-name stacks of open positions), and nothing here
recurses, so 10,000 nested ``<div>`` or a page of unclosed tags is linear.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._html_tokens import tokenize

VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img image input keygen link meta "
    "param source track wbr".split()
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Start tags that close an open ``<p>`` (the spec's "close a p element" list).
CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup main menu nav ol p search section summary ul pre listing "
    "form li dd dt plaintext table hr xmp h1 h2 h3 h4 h5 h6".split()
)
#: Elements an end tag cannot close across (the spec's default scope, plus button).
SCOPE_BOUNDARY = frozenset(
    "applet caption html table td th marquee object template button svg math".split()
)
_HEAD_CONTENT = frozenset(
    "title meta link script style base noscript template basefont bgsound".split()
)
_FOREIGN = frozenset({"svg", "math"})
_TABLE_PARTS = frozenset("table caption colgroup tbody thead tfoot tr td th".split())


class Text:
    """A run of character data; ``raw`` marks script/style/RCDATA content."""

    __slots__ = ("start", "end", "raw")

    def __init__(self, start: int, end: int, raw: bool = False) -> None:
        self.start = start
        self.end = end
        self.raw = raw


class Element:
    """An element: ``start``/``end`` delimit its start tag; ``close`` its end (or last child)."""

    __slots__ = ("tag", "attrs", "start", "end", "close", "children", "parent")

    def __init__(
        self, tag: str, attrs: dict[str, str], start: int, end: int, parent: Element | None
    ) -> None:
        self.tag = tag
        self.attrs = attrs
        self.start = start
        self.end = end
        self.close = end
        self.children: list[Element | Text] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"<{self.tag} @{self.start}>"


@dataclass
class Tree:
    """The parsed page: root element, comments in source order, and what kind of input it was."""

    root: Element
    comments: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: True when the input had ``<html>``, ``<head>``, ``<body>`` or a doctype: a full page.
    full_page: bool = False


class _Builder:
    """Token sink that maintains the stack of open elements."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.root = Element("#root", {}, 0, 0, None)
        self.stack: list[Element] = [self.root]
        self.by_name: dict[str, list[int]] = {}
        self.boundaries: list[int] = []
        self.comments: list[tuple[int, int, int, int]] = []
        self.full_page = False
        self.seen: set[str] = set()
        self.foreign = 0

    # -- stack bookkeeping -------------------------------------------------
    def _push(self, el: Element) -> None:
        self.stack[-1].children.append(el)
        index = len(self.stack)
        self.stack.append(el)
        self.by_name.setdefault(el.tag, []).append(index)
        if el.tag in SCOPE_BOUNDARY:
            self.boundaries.append(index)
        if el.tag in _FOREIGN:
            self.foreign += 1

    def _pop_to(self, index: int, close: int) -> None:
        """Pop every element at stack position >= ``index``."""
        while len(self.stack) > index:
            el = self.stack.pop()
            el.close = max(el.close, close)
            self.by_name[el.tag].pop()
            if self.boundaries and self.boundaries[-1] == len(self.stack):
                self.boundaries.pop()
            if el.tag in _FOREIGN:
                self.foreign -= 1

    def _in_scope(self, name: str) -> int | None:
        """Stack position of the innermost open ``name`` not hidden by a scope boundary."""
        positions = self.by_name.get(name)
        if not positions:
            return None
        limit = self.boundaries[-1] if self.boundaries else 0
        return positions[-1] if positions[-1] >= limit else None

    def _top(self, *names: str) -> int:
        """Innermost stack position among open elements named ``names`` (0 if none)."""
        best = 0
        for name in names:
            positions = self.by_name.get(name)
            if positions:
                best = max(best, positions[-1])
        return best

    # -- sink interface ----------------------------------------------------
    def start_tag(
        self, name: str, attrs: dict[str, str], start: int, end: int, self_closing: bool
    ) -> None:
        if name == "image":
            name = "img"
        if name in ("html", "head", "body"):
            self.full_page = True
            if name == "html":
                for key, value in attrs.items():
                    self.root.attrs.setdefault(key, value)
                return
            if name in self.seen:
                return  # merged into the existing element by browsers; the root stands in for html
            self.seen.add(name)
            if name == "body":
                self._close_head(start)
        elif "head" in self.seen and name not in _HEAD_CONTENT:
            self._close_head(start)
        self._implicit_closes(name, start)
        el = Element(name, attrs, start, end, self.stack[-1])
        if name in VOID or (self_closing and (self.foreign or name in _FOREIGN)):
            self.stack[-1].children.append(el)
            return
        self._push(el)

    def _close_head(self, at: int) -> None:
        pos = self.by_name.get("head")
        if pos:
            self._pop_to(pos[-1], at)

    def _implicit_closes(self, name: str, at: int) -> None:
        if name in CLOSES_P and self.by_name.get("p"):
            pos = self._in_scope("p")
            if pos is not None:
                self._pop_to(pos, at)
        if name == "li":
            self._close_item(("li",), self._top("ul", "ol", "menu"), at)
        elif name in ("dd", "dt"):
            self._close_item(("dd", "dt"), self._top("dl"), at)
        elif name in HEADINGS and self.stack[-1].tag in HEADINGS:
            self._pop_to(len(self.stack) - 1, at)
        elif name in ("td", "th", "tr", "tbody", "thead", "tfoot", "caption"):
            table = self._top("table")
            names = {
                "td": ("td", "th"),
                "th": ("td", "th"),
                "tr": ("tr", "td", "th"),
            }.get(name, ("tbody", "thead", "tfoot", "tr", "td", "th", "caption"))
            self._close_item(names, table, at)
        elif name in ("option", "optgroup") and self.stack[-1].tag == "option":
            self._pop_to(len(self.stack) - 1, at)
        elif name == "a":
            pos = self._in_scope("a")
            if pos is not None:
                self._pop_to(pos, at)

    def _close_item(self, names: tuple[str, ...], container: int, at: int) -> None:
        """Close the innermost open ``names`` element if it sits inside ``container``."""
        best = self._top(*names)
        limit = self.boundaries[-1] if self.boundaries else 0
        if best and best > container and best >= limit:
            self._pop_to(best, at)

    def end_tag(self, name: str, start: int, end: int) -> None:
        if name in ("html", "body"):
            return  # content after </body> still belongs to the body
        if name == "br":
            self.start_tag("br", {}, start, end, False)
            return
        if name in HEADINGS:
            positions = [p for p in (self._in_scope(h) for h in HEADINGS) if p is not None]
            if positions:
                self._pop_to(max(positions), end)
            return
        if name in _TABLE_PARTS:  # table scope: cells do not hide their own table
            positions = self.by_name.get(name)
            pos = positions[-1] if positions else None
            if pos is not None and name != "table" and pos < self._top("table"):
                pos = None
        else:
            pos = self._in_scope(name)
        if pos is not None:
            self._pop_to(pos, end)

    def text(self, start: int, end: int) -> None:
        if "head" in self.seen and self.by_name.get("head") and self.stack[-1].tag == "head":
            if self.source[start:end].strip():
                self._close_head(start)
        self.stack[-1].children.append(Text(start, end))

    def raw_text(self, name: str, start: int, end: int) -> None:
        self.stack[-1].children.append(Text(start, end, raw=True))

    def comment(self, body_start: int, body_end: int, start: int, end: int) -> None:
        if self.source.startswith("<!", start) and self.source[start + 2 : start + 9].lower() == (
            "doctype"
        ):
            self.full_page = True
            return
        self.comments.append((body_start, body_end, start, end))

    def finish(self) -> Tree:
        self._pop_to(1, len(self.source))
        self.root.close = len(self.source)
        return Tree(self.root, self.comments, self.full_page)


def build_tree(source: str) -> Tree:
    """Tokenize ``source`` and build its element tree."""
    builder = _Builder(source)
    tokenize(source, builder)
    return builder.finish()
