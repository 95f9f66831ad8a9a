"""Tests for the HTML parser: exact source offsets, block kinds, and main-content detection."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.document import BlockKind, DirectiveKind, Document, Span
from contentlint.parsers.html import parse

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "news-articles"


def block_with(doc: Document, needle: str):
    for block in doc.blocks:
        if needle in block.text:
            return block
    raise AssertionError(f"no block contains {needle!r}: {[b.text for b in doc.blocks]}")


def position_of(doc: Document, needle: str) -> tuple[int, int]:
    """Line and column (1-based) in the HTML source of ``needle`` found in the block text."""
    block = block_with(doc, needle)
    i = block.text.index(needle)
    span = block.source_span(i, i + len(needle))
    pos = doc.line_index.position(span.start)
    return pos.line, pos.column


def assert_maps_back(doc: Document) -> None:
    """Every character of every block maps into the source; verbatim ones to themselves."""
    for block in doc.blocks:
        assert 0 <= block.span.start <= block.span.end <= len(doc.source)
        for i, ch in enumerate(block.text):
            span = block.source_span(i, i + 1)
            assert 0 <= span.start < span.end <= len(doc.source)
            if len(span) == 1 and doc.source[span.start] == ch:
                continue
            # a decoded entity, a collapsed run or a <br>: the source piece is not the text
            piece = doc.source[span.start : span.end]
            assert piece.startswith(("&", "<")) or piece.isspace() or ch in "\n ", (ch, piece)


# -- exact offsets -----------------------------------------------------------


def test_line_and_column_with_entities_non_ascii_crlf_and_tabs() -> None:
    source = (
        "<div>\r\n"
        "\t<p>Caf&eacute; &amp; cr\u00e8me br\u00fbl\u00e9e \U0001F600 target1</p>\r\n"
        "\t<p>\u6771\u4eac\u90fd &lt;b&gt; target2\tend</p>\r\n"
        "</div>\r\n"
    )
    doc = parse(source, "offsets.html")
    assert doc.blocks[0].text == "Caf\u00e9 & cr\u00e8me br\u00fbl\u00e9e \U0001F600 target1"
    assert doc.blocks[1].text == "\u6771\u4eac\u90fd <b> target2 end"
    # columns count code points: the emoji is one column, the tab is one column
    assert position_of(doc, "target1") == (2, source.split("\r\n")[1].index("target1") + 1)
    assert position_of(doc, "target2") == (3, source.split("\r\n")[2].index("target2") + 1)
    assert position_of(doc, "\u4eac") == (3, 6)  # tab, "<p>", then 東 at 5
    assert position_of(doc, "cr\u00e8me") == (2, 23)  # after &eacute; and &amp;
    assert_maps_back(doc)


def test_entities_map_onto_their_whole_source_range() -> None:
    source = "<p>Fish &amp; chips &#8212; &#x2014; &copy2019 &nbsp;ok</p>"
    doc = parse(source, "e.html")
    block = doc.blocks[0]
    assert block.text == "Fish & chips \u2014 \u2014 \u00a92019 \u00a0ok"
    amp = block.text.index("&")
    assert source[block.source_span(amp, amp + 1).start : block.source_span(amp, amp + 1).end] == (
        "&amp;"
    )
    dash = block.text.index("\u2014")
    span = block.source_span(dash, dash + 1)
    assert source[span.start : span.end] == "&#8212;"
    year = block.text.index("2019")  # the literal tail of "&copy2019" stays verbatim
    span = block.source_span(year, year + 4)
    assert source[span.start : span.end] == "2019"


def test_verbatim_stretches_map_exactly() -> None:
    source = "<p>The quick <b>brown</b> fox\n    jumps over <i>the</i> lazy dog.</p>"
    doc = parse(source, "v.html")
    block = doc.blocks[0]
    assert block.text == "The quick brown fox jumps over the lazy dog."
    for word in ("The quick", "brown", "jumps over", "lazy dog."):
        i = block.text.index(word)
        span = block.source_span(i, i + len(word))
        assert source[span.start : span.end] == block.text[i : i + len(word)]
    # the collapsed line break + indentation maps onto the whole whitespace run
    gap = block.text.index("fox") + 3
    span = block.source_span(gap, gap + 1)
    assert source[span.start : span.end] == "\n    "


def test_whitespace_collapses_across_inline_tags_and_br_is_a_newline() -> None:
    source = "<p>  one <span> two </span>  three<br>\n   four</p>"
    doc = parse(source, "w.html")
    assert doc.blocks[0].text == "one two three\nfour"
    newline = doc.blocks[0].text.index("\n")
    span = doc.blocks[0].source_span(newline, newline + 1)
    assert source[span.start : span.end] == "<br>"


def test_double_br_splits_paragraphs() -> None:
    doc = parse("<div>first part<br><br>\n<br>second part</div>", "br.html")
    assert [b.text for b in doc.blocks] == ["first part", "second part"]


# -- block kinds -------------------------------------------------------------


def test_heading_levels_and_title() -> None:
    source = (
        "<html><head><title>Page &amp; Site</title></head><body>"
        "<h1>Main</h1><p>Intro.</p><h2>Sub</h2><h3>Subsub</h3><h6>Tiny</h6></body></html>"
    )
    doc = parse(source, "h.html")
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Main", 1), ("Sub", 2), ("Subsub", 3), ("Tiny", 6)]
    assert doc.title == "Page & Site"
    assert doc.title_block == 0
    span = doc.metadata["title_span"]
    assert source[span.start : span.end] == "Page &amp; Site"


def test_title_falls_back_to_og_title_then_h1() -> None:
    og = parse('<html><head><meta property="og:title" content="OG  one"></head>'
               "<body><h1>H</h1></body></html>", "og.html")
    assert og.title == "OG one"
    h1 = parse("<h1>Only <em>heading</em></h1><p>Text.</p>", "h1.html")
    assert h1.title == "Only heading"
    assert h1.title_block == 0


def test_nested_list_depth() -> None:
    source = """
    <ul>
      <li>top one
        <ol><li>second level<ul><li>third level</li></ul></li></ol>
      </li>
      <li>top two</li>
    </ul>"""
    doc = parse(source, "l.html")
    items = [(b.text, b.depth) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("top one", 0), ("second level", 1), ("third level", 2), ("top two", 0)]


def test_unclosed_list_items_and_paragraphs_close_implicitly() -> None:
    doc = parse("<ul><li>a<li>b</ul><p>one<p>two<div>three</div>", "i.html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.LIST_ITEM, "a"),
        (BlockKind.LIST_ITEM, "b"),
        (BlockKind.PARAGRAPH, "one"),
        (BlockKind.PARAGRAPH, "two"),
        (BlockKind.PARAGRAPH, "three"),
    ]


def test_blockquote_paragraphs_are_quotes_with_cite_attr() -> None:
    source = (
        '<blockquote cite="https://example.org/speech"><p>We shall fight.</p>'
        "<p>We shall never surrender.</p></blockquote><p>After.</p>"
    )
    doc = parse(source, "q.html")
    quotes = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert [b.text for b in quotes] == ["We shall fight.", "We shall never surrender."]
    assert quotes[0].attrs["cite"] == "https://example.org/speech"
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH


def test_table_cells_and_layout_cells() -> None:
    data = parse("<table><tr><th>Name</th><td>Value</td></tr></table>", "t.html")
    assert [(b.kind, b.text) for b in data.blocks] == [
        (BlockKind.TABLE_CELL, "Name"),
        (BlockKind.TABLE_CELL, "Value"),
    ]
    assert not any(b.is_prose for b in data.blocks)
    layout = parse("<table><tr><td><p>An article laid out in a table.</p></td></tr></table>", "x")
    assert layout.blocks[0].kind is BlockKind.PARAGRAPH


def test_code_is_not_prose() -> None:
    source = (
        "<p>Call <code>frobnicate()</code> before saving.</p>"
        "<pre><code>def f():\n    return 1\n</code></pre>"
    )
    doc = parse(source, "c.html")
    assert doc.blocks[0].text == "Call before saving."
    code = doc.blocks[1]
    assert code.kind is BlockKind.CODE and not code.is_prose
    assert code.text == "def f():\n    return 1"
    assert [b.text for b in doc.prose_blocks] == ["Call before saving."]


def test_script_style_noscript_template_svg_iframe_and_controls_give_no_text() -> None:
    source = (
        "<p>visible</p><script>var s = '<p>no</p>';</script><style>p{}</style>"
        "<noscript>no</noscript><template><p>no</p></template><svg><title>no</title></svg>"
        "<iframe>no</iframe><select><option>no</option></select><textarea>no</textarea>"
        "<button>no</button><p hidden>no</p><p style='display: none'>no</p><p>end</p>"
    )
    doc = parse(source, "s.html")
    assert [b.text for b in doc.blocks] == ["visible", "end"]


# -- links and citations -----------------------------------------------------


def test_links_have_href_text_and_exact_span() -> None:
    source = (
        '<p>See <a href="https://example.com/a?x=1&amp;y=2">the  report\n on &amp; off</a>.</p>'
    )
    doc = parse(source, "a.html")
    (link,) = doc.blocks[0].links
    assert link.href == "https://example.com/a?x=1&y=2"
    assert link.text == "the report on & off"
    assert source[link.span.start : link.span.end] == "the  report\n on &amp; off"
    assert doc.links == (link,)


def test_cite_and_footnote_references_are_citations() -> None:
    source = (
        "<p>As <cite>The Times</cite> reported<sup><a href='#fn1'>1</a></sup> and "
        "others agreed<a href='#note-2'>[2]</a>.</p>"
    )
    doc = parse(source, "f.html")
    block = doc.blocks[0]
    cited = [source[s.start : s.end] for s in block.citations]
    assert cited == ["The Times", "1", "[2]"]
    assert [link.href for link in block.links] == ["#fn1", "#note-2"]


# -- directives --------------------------------------------------------------


def test_directives_in_source_order() -> None:
    source = (
        "<!-- contentlint-disable CL201 -->\n<p>a</p>\n<!-- an ordinary comment -->\n"
        "<!-- contentlint-disable-next-line CL401 -->\n<p>b</p>\n<!-- contentlint-enable -->"
    )
    doc = parse(source, "d.html")
    kinds = [(d.kind, d.selectors) for d in doc.directives]
    assert kinds == [
        (DirectiveKind.DISABLE, ("CL201",)),
        (DirectiveKind.DISABLE_NEXT_LINE, ("CL401",)),
        (DirectiveKind.ENABLE, ()),
    ]
    first = doc.directives[0].span
    assert source[first.start : first.end] == "<!-- contentlint-disable CL201 -->"


def test_comment_inside_script_is_not_a_directive() -> None:
    doc = parse("<script>/* <!-- contentlint-disable --> */</script><p>x</p>", "d.html")
    assert doc.directives == ()


# -- main content ------------------------------------------------------------

FULL_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Budget vote delayed | The Daily Example</title></head>
<body>
<header class="site-header"><a href="/">The Daily Example</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to give you the best experience
  on our website. By continuing you agree to our use of cookies.
  <a href="/privacy">Learn more</a></div>
<main>
  <article>
    <h1>Budget vote delayed again</h1>
    <p class="byline">By <a href="/staff/jo">Jo Reporter</a></p>
    <div class="article-body">
      <p>The city council postponed its vote on the annual budget for the third time on
      Tuesday, citing unresolved disagreements over funding for public transport.</p>
      <p>Council members said they expected to reach an agreement before the end of the
      month, although several warned that further delays were possible.</p>
      <p>Close this search box.</p>
      <div class="share-tools"><a href="https://x.example/share">Share on X</a>
        <a href="https://fb.example/share">Share on Facebook</a></div>
      <p>The mayor's office did not respond to a request for comment on Tuesday evening,
      and a spokesperson for the finance committee declined to give a new date.</p>
    </div>
  </article>
  <section class="related-articles"><h2>Related</h2>
    <ul><li><a href="/a">Transport funding explained in detail for every resident</a></li>
    <li><a href="/b">What the budget means for your council tax bill this year</a></li></ul>
  </section>
  <div id="comments"><p>Reader comment: this council never gets anything done on time,
  and I am tired of reading the same story every single month.</p></div>
</main>
<aside class="sidebar"><h3>Most read</h3><p>A long teaser paragraph in the sidebar about a
  completely different story that should never be linted as part of this article.</p></aside>
<footer><p>Copyright 2024 The Daily Example. All rights reserved. Registered in England and
  Wales, company number 0000000.</p></footer>
</body>
</html>
"""


def test_full_page_keeps_only_the_article() -> None:
    doc = parse(FULL_PAGE, "page.html")
    texts = [b.text for b in doc.blocks]
    assert any(t.startswith("The city council postponed") for t in texts)
    assert any(t.startswith("Council members said") for t in texts)
    assert any(t.startswith("The mayor's office") for t in texts)
    assert "Close this search box." in texts  # stray text inside the body is linted
    joined = "\n".join(texts)
    for chrome in ("News", "cookies", "Share on", "Related", "Transport funding",
                   "Reader comment", "teaser", "Copyright", "Most read"):
        assert chrome not in joined, chrome
    assert doc.metadata["content"] == "page"
    assert doc.title == "Budget vote delayed | The Daily Example"
    assert doc.metadata["lang"] == "en"
    assert_maps_back(doc)


def test_fragment_keeps_everything() -> None:
    source = """<h2>Background</h2>
<p>The first paragraph of an exported article with a <a href="/x">link</a>.</p>
<aside class="pullquote"><p>A pull quote the author placed in the article.</p></aside>
<ul class="related"><li><a href="/a">A related link the author chose</a></li></ul>
<p>Short.</p>
<footer><p>Author footnote that belongs to the article.</p></footer>"""
    doc = parse(source, "fragment.html")
    assert doc.metadata["content"] == "fragment"
    assert [b.text for b in doc.blocks] == [
        "Background",
        "The first paragraph of an exported article with a link.",
        "A pull quote the author placed in the article.",
        "A related link the author chose",
        "Short.",
        "Author footnote that belongs to the article.",
    ]


def test_body_with_only_article_markup_keeps_everything() -> None:
    source = "<html><body><h1>T</h1><p>One short line.</p><p>Another one.</p></body></html>"
    doc = parse(source, "b.html")
    assert [b.text for b in doc.blocks] == ["T", "One short line.", "Another one."]
    assert doc.metadata["content"] == "page-without-chrome"


# -- robustness --------------------------------------------------------------


def test_ten_thousand_nested_divs() -> None:
    source = "<div>" * 10_000 + "deep &amp; text" + "</div>" * 10_000
    doc = parse(source, "deep.html")
    assert [b.text for b in doc.blocks] == ["deep & text"]
    assert source[doc.blocks[0].span.start : doc.blocks[0].span.end] == "deep &amp; text"


def test_ten_thousand_unclosed_tags_and_garbage() -> None:
    source = "<div><span><b><i><li><td><p>" * 2_000 + "tail text"
    doc = parse(source, "unclosed.html")
    assert doc.blocks[-1].text == "tail text"
    for garbage in ("<", "</", "<!--", "<a href='x", "<p>a<", "&", "&#", "&#x;", "<<>>", "</>x"):
        parse(garbage, "garbage.html")  # must not raise
    assert parse("a < b", "lt.html").blocks[0].text == "a < b"


def test_mostly_script_page_and_huge_single_line() -> None:
    script = "<script>" + "var x = '<p>not text</p>';" * 20_000 + "</script>"
    doc = parse("<html><body>" + script + "<p>real</p></body></html>", "s.html")
    assert [b.text for b in doc.blocks] == ["real"]
    line = "<p>" + "word " * 200_000 + "</p>"
    assert len(parse(line, "long.html").blocks[0].text) == len("word " * 200_000) - 1


_TAGS = ["p", "div", "span", "b", "a", "li", "ul", "h2", "blockquote", "td", "pre", "code",
         "br", "cite", "sup", "script", "nav", "article"]
_fragments = st.one_of(
    st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
    st.sampled_from(['<a href="#x">', "<!-- c -->", "&amp;", "&eacute;", "&#x1F600;", "&bogus;",
                     "\r\n", "\t", "  ", "<br/>", "<", ">", "&", "<html>", "<body>"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_fragments, max_size=40).map("".join))
def test_every_block_span_lies_inside_the_source(source: str) -> None:
    doc = parse(source, "gen.html")
    n = len(source)
    for block in doc.blocks:
        assert block.text and block.text == block.text.strip()
        assert 0 <= block.span.start <= block.span.end <= n
        for i in range(len(block.text)):
            span = block.source_span(i, i + 1)
            assert 0 <= span.start <= span.end <= n
        for link in block.links:
            assert block.span.start <= link.span.start <= link.span.end <= block.span.end
        for cite in block.citations:
            assert 0 <= cite.start <= cite.end <= n
    for directive in doc.directives:
        assert isinstance(directive.span, Span) and directive.span.end <= n


# -- corpus ------------------------------------------------------------------

_WORD = re.compile(r"\w+")
CORPUS_PAGES = [
    "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
    "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2",
    "16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56",
    "232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf",
    "4219d096902dad9fd9d57e881e7928ca66bdf5334c2bc7dfddaa264887777a7a",
    "f105de6e63ca91ea482f60193f6252092557f969f2fd128ff68c0d4d6b90dd7d",
]


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))


def _corpus_ids() -> list[str]:
    if not (CORPUS / "ground-truth.json").is_file():
        return []
    available = {p.name[: -len(".html.gz")] for p in (CORPUS / "html").glob("*.html.gz")}
    wanted = [k for k in CORPUS_PAGES if k in available]
    return wanted or sorted(available)[:6]


@pytest.mark.skipif(
    not (CORPUS / "ground-truth.json").is_file(),
    reason=f"news-articles corpus not found at {CORPUS} (../shared is not checked out)",
)
def test_corpus_pages_keep_the_article_and_drop_the_chrome() -> None:
    from contentlint.reading import decode_bytes

    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    precisions, recalls = [], []
    for key in _corpus_ids():
        path = CORPUS / "html" / f"{key}.html.gz"
        source = decode_bytes(gzip.decompress(path.read_bytes()), str(path))
        doc = parse(source, path.name)
        assert_maps_back(doc)
        pred = _shingles("\n".join(b.text for b in doc.prose_blocks))
        true = _shingles(truth[key]["articleBody"])
        tp = sum((pred & true).values())
        precision = tp / max(1, sum(pred.values()))
        recall = tp / max(1, sum(true.values()))
        assert recall > 0.6, (key, recall)
        assert precision > 0.5, (key, precision)
        precisions.append(precision)
        recalls.append(recall)
    assert sum(precisions) / len(precisions) > 0.85
    assert sum(recalls) / len(recalls) > 0.85


# -- main content: names that lie and names that help -------------------------

_PROSE = (
    "The committee published its findings on Monday after a year of hearings, "
    "interviews and site visits across the region, and its chair promised action."
)


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"


def test_form_wrapping_the_whole_page_is_not_chrome() -> None:
    body = (
        '<form id="aspnetForm" action="/x"><nav><a href="/a">Home</a><a href="/b">About</a></nav>'
        f'<div id="story"><p>{_PROSE}</p><p>Second: {_PROSE}</p></div>'
        "<footer><p>Footer text that is long enough to look like prose, but is chrome.</p>"
        "</footer></form>"
    )
    doc = parse(_page(body), "form.html")
    assert [b.text for b in doc.blocks] == [_PROSE, f"Second: {_PROSE}"]


def test_sidebar_named_layout_wrapper_around_the_article_is_not_chrome() -> None:
    body = (
        '<nav><a href="/">Home</a></nav><div class="theiaStickySidebar">'
        f'<article><div class="entry-content"><p>{_PROSE}</p><p>More: {_PROSE}</p></div>'
        "</article></div>"
    )
    doc = parse(_page(body), "sticky.html")
    assert [b.text for b in doc.blocks] == [_PROSE, f"More: {_PROSE}"]


def test_embedded_post_stays_and_related_section_goes() -> None:
    body = (
        '<nav><a href="/">Home</a></nav><div class="article-body">'
        f"<p>{_PROSE}</p>"
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        "<p>An embedded post quoted by the article, with its own words in it.</p></blockquote>"
        f"</div><p>After the embed: {_PROSE}</p></div>"
        '<section><h3 class="relatedpoststitle">You may also like</h3>'
        f"<article><p>Teaser: {_PROSE}</p></article><article><p>Teaser 2: {_PROSE}</p></article>"
        "</section>"
    )
    doc = parse(_page(body), "embed.html")
    texts = [b.text for b in doc.blocks]
    assert "An embedded post quoted by the article, with its own words in it." in texts
    assert not any(t.startswith("Teaser") or "also like" in t for t in texts)
    assert doc.metadata["main_content"].startswith("div.article-body")


def test_self_closing_svg_does_not_swallow_the_page() -> None:
    doc = parse("<p>a<svg/>b</p><p>c<svg><path/><circle/></svg>d</p>", "svg.html")
    assert [b.text for b in doc.blocks] == ["ab", "cd"]


def test_page_without_running_prose_still_drops_chrome() -> None:
    body = (
        '<nav><a href="/a">Home</a> <a href="/b">News</a></nav>'
        "<main><h1>Haiku</h1><p>An old silent pond</p><p>A frog jumps into the pond</p></main>"
        "<footer>Footer</footer>"
    )
    doc = parse(_page(body), "haiku.html")
    texts = [b.text for b in doc.blocks]
    assert texts == ["Haiku", "An old silent pond", "A frog jumps into the pond"]
    assert doc.title_block == 0
