"""Tests for the HTML report that need no browser.

Documents come from the real parsers and findings are built by hand on exact
source spans, so these tests pin placement, escaping and layout without
depending on which rules exist. One test runs the real linter end to end.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from contentlint.document import Document, Span
from contentlint.findings import FileResult, Finding, LintResult, Severity
from contentlint.parsers import parser_for
from contentlint.reporters import ReportOptions, RuleDoc
from contentlint.reporters._html_report_score import FORMULA_HTML, quality_score
from contentlint.reporters._html_report_spans import Interval, render_marked, text_range
from contentlint.reporters.html import asset, build_html

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "html-report.md"

ARTICLE = """\
# Rain &amp; gardens

A rain garden is a *shallow* dip that catches runoff from a roof or a drive.
It holds the water &lt;script&gt;window.__pwned = true&lt;/script&gt; for a day.

Plant it with **deep-rooted natives**; see [the guide](https://example.org/guide?a=1&b=2).

- Dig a shallow basin
  - about a hand deep
- Plant natives

> "It works," said a gardener.

```
code <b>stays</b> code
```

| Plant | Depth |
| --- | --- |
| sedge | deep |
"""

XSS_MD = """\
# Safe &lt;script&gt;window.__pwned = true&lt;/script&gt; title

Text &lt;img src=x onerror="window.__pwned = true"&gt; and <script>window.__pwned = true</script> raw.
"""

RULES = {
    "CL900": RuleDoc(
        "CL900",
        "test-rule",
        "style",
        "warning",
        "A test rule.",
        "Because tests need <b>one</b>.",
        "Do <i>less</i>.",
        "help",
    ),
    "CL901": RuleDoc(
        "CL901", "other-rule", "sourcing", "error", "Another rule.", "Why not.", None, "help"
    ),
}
OPTIONS = ReportOptions(rules=RULES, tool_version="9.9.9")


def parse(text: str, path: str = "a.md", fmt: str = "markdown") -> Document:
    return parser_for(fmt)(text, path)


def at(
    doc: Document,
    needle: str,
    sev: Severity = Severity.WARNING,
    *,
    code: str = "CL900",
    message: str = "flagged",
    nth: int = 0,
    length: int | None = None,
) -> Finding:
    """A finding on the ``nth`` occurrence of ``needle`` in the document's source."""
    start = -1
    for _ in range(nth + 1):
        start = doc.source.index(needle, start + 1)
    end = start + (len(needle) if length is None else length)
    a, b = doc.line_index.position(start), doc.line_index.position(end)
    slug = "test-rule" if code == "CL900" else "other-rule"
    category = "style" if code == "CL900" else "sourcing"
    return Finding(
        doc.path,
        a.line,
        a.column,
        b.line,
        b.column,
        code,
        slug,
        sev,
        message,
        doc.source[start:end],
        fix="fix it",
        category=category,
        span=Span(start, end),
    )


def result_for(doc: Document, findings: Sequence[Finding], **metrics: object) -> FileResult:
    return FileResult(doc.path, doc.format, doc.title, tuple(findings), metrics, "en", document=doc)


def report(*files: FileResult, options: ReportOptions = OPTIONS) -> str:
    return build_html(LintResult(tuple(files)), options)


class _Tags(HTMLParser):
    """Collects start tags and checks that non-void elements nest properly."""

    VOID = frozenset({"meta", "input", "br", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack, parser.stack
    return parser


def marks(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in tags(html).starts if tag == "mark"]


# --- placing source spans in block text ---------------------------------------------------


def test_text_range_inverts_the_offset_map_for_every_range() -> None:
    doc = parse(ARTICLE)
    for block in doc.blocks:
        n = len(block.text)
        for i in range(0, n, 3):
            for j in range(i + 1, n + 1, 4):
                found = text_range(block.offsets, block.source_span(i, j))
                assert found is not None
                lo, hi = found
                assert lo <= i and hi >= j  # covers the range (entities widen it to whole)
                assert block.source_span(lo, hi) == block.source_span(i, j)


def test_text_range_of_removed_markup_or_empty_span_is_none() -> None:
    doc = parse(ARTICLE)
    block = next(b for b in doc.blocks if "deep-rooted" in b.text)
    stars = doc.source.index("**deep")
    assert text_range(block.offsets, Span(stars, stars + 2)) is None
    assert text_range(block.offsets, Span(stars + 2, stars + 2)) is None
    # a span starting in the markup lands on the first letter after it
    assert text_range(block.offsets, Span(stars, stars + 6)) == (
        block.text.index("deep"),
        block.text.index("deep") + 4,
    )


def _wrap(text: str, intervals: list[Interval]) -> str:
    return render_marked(
        text,
        intervals,
        lambda s: s,
        lambda iv, cont: f"<{iv.key}{'+' if cont else ''}>",
        lambda iv: f"</{iv.key}>",
    )


def test_nested_intervals_nest_and_crossing_ones_split() -> None:
    text = "abcdefghij"
    nested = _wrap(text, [Interval(2, 5, "b", 1), Interval(0, 10, "a", 0)])
    assert nested == "<a>ab<b>cde</b>fghij</a>"
    crossing = _wrap(text, [Interval(0, 5, "a", 0), Interval(3, 8, "b", 1)])
    assert crossing == "<a>abc<b>de</b></a><b+>fgh</b>ij"
    same = _wrap(text, [Interval(1, 3, "b", 1), Interval(1, 3, "a", 0)])
    assert same == "a<a><b>bc</b></a>defghij"
    assert _wrap("abc", [Interval(1, 1, "a", 0), Interval(2, 9, "b", 1)]) == "abc"


# --- the article and its highlights -------------------------------------------------------


def test_one_mark_per_finding_in_the_text_and_the_rest_in_the_box() -> None:
    doc = parse(ARTICLE)
    in_text = [
        at(doc, "shallow", message="one"),
        at(doc, "deep-rooted", Severity.ERROR, code="CL901"),
        at(doc, "Dig a shallow"),
        at(doc, "about a hand"),
        at(doc, "It works"),
        at(doc, "stays"),
        at(doc, "sedge"),
        at(doc, "Rain &amp;"),
    ]
    outside = [
        replace(at(doc, "Rain"), span=Span(0, 0), line=1, column=1, end_line=1, end_column=1),
        at(doc, "**deep", length=2),  # only markup: nothing a reader sees
    ]
    html = report(result_for(doc, in_text + outside))
    found = marks(html)
    anchors = [m for m in found if m.get("id")]
    assert len(anchors) == len(in_text)
    assert len({m["data-f"] for m in found}) == len(in_text)
    assert html.count('<div class="nit">') == 1
    assert html.count('<li class="x"') == len(outside)
    assert html.count('<li class="e"') == len(in_text) + len(outside)
    for tag, attrs in tags(html).starts:
        if tag == "mark":
            assert attrs["data-sev"] in {"error", "warning", "info"}
            assert attrs["data-code"] in {"CL900", "CL901"}
            assert attrs["data-cat"] in {"style", "sourcing"}


def test_overlapping_and_multi_block_findings_keep_one_anchor() -> None:
    doc = parse(ARTICLE)
    a = at(doc, "rain garden is a")
    b = at(doc, "garden is a *shallow* dip", Severity.ERROR, code="CL901")
    c = at(doc, "is a")  # nested in both
    two_paragraphs = at(doc, "for a day.\n\nPlant it", Severity.INFO)
    html = report(result_for(doc, [a, b, c, two_paragraphs]))
    found = marks(html)
    assert len([m for m in found if m.get("id")]) == 4
    assert len(found) > 4  # the crossing and the two-paragraph span needed extra pieces
    pieces = [m for m in found if m["data-f"] == found[-1]["data-f"]]
    assert len([m for m in pieces if m.get("id")]) == 1


def test_blocks_render_as_a_reader_sees_them() -> None:
    html = report(result_for(parse(ARTICLE), []))
    article = html.split('<article class="doc">', 1)[1].split("</article>", 1)[0]
    assert '<h1 class="at">Rain &amp; gardens</h1>' in article
    assert re.search(
        r"<ul><li>Dig a shallow basin<ul><li>about a hand deep</li></ul></li>"
        r"<li>Plant natives</li></ul>",
        article.replace("\n", ""),
    )
    assert "<blockquote><p>&quot;It works,&quot; said a gardener.</p></blockquote>" in article
    assert "<pre><code>code &lt;b&gt;stays&lt;/b&gt; code</code></pre>" in article
    assert "<th>Plant</th>" in article and "<td>sedge</td>" in article
    assert '<span class="ln" data-href="https://example.org/guide?a=1&amp;b=2">the guide' in article
    tags(html)


def test_file_without_document_lists_its_findings() -> None:
    finding = Finding(
        "bad.md",
        1,
        1,
        1,
        1,
        "CL001",
        "unreadable-file",
        Severity.ERROR,
        "cannot decode",
        category="engine",
    )
    html = report(FileResult("bad.md", None, None, (finding,)))
    assert 'id="x0-0"' in html and "<mark" not in html
    assert "not available for this file" in html
    assert 'class="score b-none"' in html


# --- escaping and self-containment --------------------------------------------------------


def _hostile_result() -> LintResult:
    md = parse(XSS_MD, "x<script>.md")
    page = parse(_XSS_HTML, "page.html", "html")
    evil = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=1">'
    findings = [
        replace(at(md, "&lt;script&gt;window"), message=evil, fix=evil, slug=evil),
        at(md, "&lt;img src=x", Severity.ERROR, code="CL901"),
    ]
    page_findings = [at(page, "&lt;script&gt;"), at(page, "Copyright", Severity.INFO)]
    metrics = {
        "words": 40,
        evil: evil,
        "audience": {"name": evil, "min_reading_ease": 60},
        "sections": [{"title": evil, "flesch_reading_ease": 10.0}],
    }
    return LintResult((result_for(md, findings, **metrics), result_for(page, page_findings)))


_XSS_HTML = """<!DOCTYPE html><html><head><title>T &lt;/title&gt;&lt;script&gt;x()</title></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>Heading</h1>
<p>First &lt;script&gt;window.__pwned = true&lt;/script&gt; paragraph with
<a href="javascript:window.__pwned=true" onclick="window.__pwned=true">a link</a>.</p>
<script>window.__pwned = true</script></article></main>
<footer>Copyright footer text</footer></body></html>"""


def test_article_text_messages_and_metrics_are_escaped() -> None:
    docs = {"CL900": replace(RULES["CL900"], why="<script>window.__pwned=1</script>")}
    html = build_html(_hostile_result(), ReportOptions(rules=docs))
    parsed = tags(html)
    assert [t for t, _ in parsed.starts].count("script") == 1  # only ours
    assert not {t for t, _ in parsed.starts} & {"img", "iframe", "object", "embed", "svg"}
    for tag, attrs in parsed.starts:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":
            assert (attrs.get("href") or "").startswith("#"), attrs
    assert "&lt;script&gt;window.__pwned = true&lt;/script&gt;" in html
    assert "javascript:" not in html.replace('data-href="javascript:', "")
    assert "<img" not in html.lower()


def test_controls_and_bidi_overrides_are_made_visible() -> None:
    doc = parse("# Title\n\nPay \u202eevil\u202c now \x1b[31m red.\n")
    html = report(result_for(doc, [at(doc, "evil")]))
    article = html.split('<article class="doc">', 1)[1].split("</article>", 1)[0]
    assert "\u202e" not in article and "\x1b" not in article
    assert "\ufffd" in article and "\u241b" in article
    assert len(marks(html)) == 1


def test_report_is_self_contained_with_a_strict_csp() -> None:
    html = build_html(_hostile_result(), OPTIONS)
    parsed = tags(html)
    assert not {t for t, _ in parsed.starts} & {"link", "img", "iframe", "base", "form"}
    for _tag, attrs in parsed.starts:
        assert not set(attrs) & {"src", "srcset", "action", "formaction", "poster", "style"}
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    css, js = (
        re.sub(r"/\*.*?\*/|^\s*//.*$", "", asset(name), flags=re.DOTALL | re.MULTILINE)
        for name in ("report.css", "report.js")
    )
    assert not re.search(r"@import|url\(|https?:", css, re.IGNORECASE)
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|innerHTML|eval\(|\.style\b=", js)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "unsafe" not in policy
    for kind in ("style", "script"):
        body = re.search(rf"<{kind}>(.*?)</{kind}>", html, re.DOTALL)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in policy


def test_output_is_deterministic() -> None:
    doc, other = parse(ARTICLE), parse(XSS_MD, "b.md")
    one = result_for(doc, [at(doc, "shallow"), at(doc, "natives", Severity.INFO)], words=90)
    two = result_for(other, [at(other, "raw")])
    first = build_html(LintResult((one, two)), OPTIONS)
    again = build_html(LintResult((two, one)), OPTIONS)
    assert first == again


# --- index, score, readability ------------------------------------------------------------


def test_index_table_for_several_articles() -> None:
    doc, other = parse(ARTICLE, "b.md"), parse(XSS_MD, "a.md")
    one = result_for(doc, [at(doc, "shallow", Severity.ERROR), at(doc, "natives")], words=1000)
    two = result_for(other, [])
    html = report(one, two)
    index = html.split('<table class="idx">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", index.split("<tbody>", 1)[1], re.DOTALL)
    assert len(rows) == 2
    assert 'href="#a0"' in rows[0] and "a.md" in rows[0]  # files sorted by path
    assert 'href="#a1"' in rows[1] and "b.md" in rows[1]
    assert '<td data-v="87" class="num">' in rows[1]  # 100 - 1000*(10+3)/1000
    assert re.findall(r'class="num">(\d+)</td>', rows[1]) == ["1", "1", "0"]
    assert index.count("<button") == 6
    assert 'id="a0"' in html and 'id="a1"' in html
    assert '<table class="idx">' not in report(one)


@pytest.mark.parametrize(
    ("errors", "warnings", "infos", "words", "expected"),
    [
        (0, 0, 0, 800, 100),
        (1, 0, 0, 1000, 90),
        (0, 5, 0, 1000, 85),
        (1, 0, 0, 50, 67),  # the 300-word floor: 100 - 10 * 1000 / 300
        (0, 1, 0, 400, 93),  # 92.5 rounds half up
        (20, 0, 0, 1000, 0),  # clamped
        (0, 0, 3, 0, None),  # nothing to score
    ],
)
def test_score_formula(
    errors: int, warnings: int, infos: int, words: int, expected: int | None
) -> None:
    doc = parse(ARTICLE)
    findings = (
        [at(doc, "shallow", sev=Severity.ERROR)] * errors
        + [at(doc, "shallow")] * warnings
        + [at(doc, "shallow", sev=Severity.INFO)] * infos
    )
    assert quality_score(findings, words) == expected


def test_score_formula_is_documented_in_report_and_docs() -> None:
    html = report(result_for(parse(ARTICLE), []))
    assert FORMULA_HTML in html
    docs = DOCS.read_text(encoding="utf-8")
    for fact in ("10 per error", "3 per warning", "1 per info", "300", "1,000 words"):
        assert fact in FORMULA_HTML, fact
        assert fact in docs, fact


def test_readability_against_audience_and_per_section() -> None:
    metrics = {
        "words": 300,
        "flesch_reading_ease": 55.25,
        "flesch_kincaid_grade": 7.5,
        "gunning_fog": 11.0,
        "audience": {"name": "general", "min_reading_ease": 60, "max_grade": 9},
        "sections": [
            {"title": "Intro", "flesch_reading_ease": 70.0, "words": 120},
            {"heading": "Details", "line": 9, "flesch_reading_ease": 40.0, "words": 180},
            {"heading": None, "line": 1, "flesch_reading_ease": 90.0, "words": 3},
        ],
    }
    html = report(result_for(parse(ARTICLE), [], **metrics))
    panel = html.split('<div class="rd">', 1)[1].split("</div>", 1)[0]
    assert "audience: general" in panel
    assert re.search(r'<td class="num off">55\.[23]</td><td>≥ 60 <span class="off">', panel)
    assert '<td class="num ok">7.5</td><td>≤ 9 <span class="ok">✓ on target' in panel
    assert '<td class="num off">11.0</td>' in panel
    assert '<td class="num">300</td><td></td>' in panel  # words: no target
    sections = html.split('<details class="secs" open>', 1)[1].split("</details>", 1)[0]
    assert "<th scope=row>Intro</th>" in sections
    assert '<th scope=row>Details <span class="loc">line 9</span></th>' in sections
    assert "(before the first heading)" in sections
    assert (
        '<td class="num ok">70.0</td>' in sections and '<td class="num off">40.0</td>' in sections
    )
    assert ">Line<" not in sections and ">Heading<" not in sections


def test_rule_docs_feed_the_glossary() -> None:
    doc = parse(ARTICLE)
    html = report(result_for(doc, [at(doc, "shallow"), at(doc, "natives", code="CL999")]))
    glossary = html.split('<section id="rules"', 1)[1].split("</section>", 1)[0]
    assert "Because tests need &lt;b&gt;one&lt;/b&gt;." in glossary
    assert "Do &lt;i&gt;less&lt;/i&gt;." in glossary
    assert "CL999" in glossary and "No documentation" in glossary


def test_real_linter_run_renders_every_finding(tmp_path: Path) -> None:
    from contentlint.engine import Linter, Overrides

    article = ROOT / "examples" / "articles" / "heat-pump-guide.txt"
    empty = tmp_path / "empty.md"
    empty.write_text("<!-- nothing -->\n", encoding="utf-8")
    result = Linter(overrides=Overrides(keep_documents=True)).lint_paths([str(article), str(empty)])
    html = build_html(result, OPTIONS)
    total = sum(len(f.findings) for f in result.files)
    anchors = [m for m in marks(html) if m.get("id")]
    boxed = html.count('<li class="x"')
    assert len(anchors) + boxed == total
    assert boxed >= 1  # the empty file's CL005 has no place in any text
