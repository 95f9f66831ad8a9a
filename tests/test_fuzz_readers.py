"""Fuzz targets for every reader: bytes -> text (``reading.decode_bytes``) and text -> Document.

Each target feeds generated input, biased towards the syntax that reader
cares about (markup fragments, line endings, BOMs, magic numbers, odd Unicode),
and asserts the reader either returns a Document that satisfies every
structural invariant (:mod:`tests.hostile.invariants`) or, for bytes, raises
:class:`~contentlint.errors.InputError` naming the file. Nothing else may
escape: a crash here is a crash in someone's CI.

CI runs a bounded number of examples per target. To fuzz longer, raise the
budget with an environment variable, e.g.::

    CONTENTLINT_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_readers.py -q

(see ``docs/limits.md``). Hypothesis keeps failing examples in ``.hypothesis/``
and replays them first on the next run.
"""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.errors import InputError
from contentlint.parsers import parser_for
from contentlint.reading import decode_bytes

from .hostile.invariants import check_document

EXAMPLES = int(os.environ.get("CONTENTLINT_FUZZ_EXAMPLES", "200"))

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Characters that break naive text handling: line endings, NUL, BOM, zero-width,
#: bidi controls, combining marks, astral emoji (one code point, two UTF-16 units),
#: NBSP and other Unicode spaces and line separators.
NASTY = [
    "\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\u202d", "\u2066", "\u2069",
    "\u0301", "e\u0301", "\u0915\u094d\u0937", "\U0001F600", "\U0001F469\u200d\U0001F52C",
    "\U0001F1FA\U0001F1F8", "\xa0", "\u3000", "\ufffd", "\uffff", "\U0010FFFF",
]
PROSE = [
    "word", "Word", " ", "  ", ".", ". ", "? ", "! ", ",", ":", ";", "Dr. Smith", "e.g. ",
    "The council said on Tuesday that the plan would go ahead. ", "delve into",
    "this section will", "\"Quoted,\" she said. ", "\u201cCurly\u201d", "http://example.com/a_(b)",
    "https://x.y/z.", "1.", "2)", "- ", "* ", "\u2022 ", "contentlint-disable CL502",
    "contentlint-enable", "contentlint-disable-next-line", "<!-- contentlint-disable -->",
    "<!--", "-->", "TODO", "Lorem ipsum",
]
MARKDOWN = [
    "# ", "## ", "###### ", "####### ", "=====", "-----", "- ", "* ", "+ ", "1. ", "1) ",
    "> ", ">", "    ", "```", "```python", "~~~", "`", "``", "*", "**", "_", "__", "~~",
    "[", "]", "(", ")", "![", "](", "[x]: http://a.b \"t\"", "[^1]", "[^1]: ", "^[inline]",
    "<http://a.b>", "<a@b.c>", "\\", "\\*", "\\|", "&amp;", "&#35;", "&#x1F600;", "&bogus;",
    "|", "| a | b |", "|---|:-:|", "---\n", "---\ntitle: T\n---\n", "<div>", "</div>",
    "<span>", "<br>", "<!-- x -->", "***", "  \n", "\\\n",
]
HTML = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "</br>", "<pre>", "</pre>", "<code>",
    "</code>", "<script>", "</script>", "<style>", "</style>", "<textarea>", "<title>",
    "</title>", "<plaintext>", "<!--", "-->", "<!-->", "<!DOCTYPE html>", "<html lang=en>",
    "<head>", "<body>", "</body>", "<h1>", "</h1>", "<h3 class=related>", "<ul>", "<ol>",
    "<li>", "</li>", "<blockquote cite=x>", "<table>", "<tr>", "<td>", "<th>", "</table>",
    "<a href=\"#fn1\">", "<a href='http://x'>", "</a>", "<sup>", "</sup>", "<cite>",
    "<nav>", "</nav>", "<footer>", "<article class=\"article-body\">", "<main>",
    "<p hidden>", "<p style=\"display:none\">", "<svg><title>x</title></svg>", "<img alt=x>",
    "<meta property=og:title content=\"T\">", "<link rel=canonical href=x>", "&amp;",
    "&copy2019", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&lt;p&gt;", "&", "<", ">",
    "=", "\"", "'", "/", "</", "<?xml?>", "<![CDATA[x]]>", "<a", "<p class=\"x", "</3>",
    "<math>", "<select><option>", "<template>", "<iframe>",
]

_nasty = st.sampled_from(NASTY)
_free = st.text(max_size=8)


def _documents(fragments: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(fragments + PROSE), _nasty, _free)
    return st.lists(piece, max_size=60).map("".join)


def _parse_and_check(fmt: str, source: str) -> None:
    document = parser_for(fmt)(source, f"fuzz.{fmt}")
    check_document(document, source)


@fuzz
@given(_documents([]))
def test_fuzz_text_parser(source: str) -> None:
    _parse_and_check("text", source)


@fuzz
@given(_documents(MARKDOWN))
def test_fuzz_markdown_parser(source: str) -> None:
    _parse_and_check("markdown", source)


@fuzz
@given(_documents(HTML))
def test_fuzz_html_parser(source: str) -> None:
    _parse_and_check("html", source)


@fuzz
@given(st.sampled_from(["text", "markdown", "html"]), st.text(max_size=300))
def test_fuzz_every_parser_on_arbitrary_text(fmt: str, source: str) -> None:
    _parse_and_check(fmt, source)


_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
         codecs.BOM_UTF32_BE]
_MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"\x1f\x8b\x08", b"PK\x03\x04", b"GIF89a",
          b"\xff\xd8\xff\xe0", b"\x7fELF"]
_CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1",
           "cp1252", "cp1251", "shift_jis", "euc-kr", "gb18030", "koi8-r", "iso-8859-7"]


@st.composite
def _encoded(draw: st.DrawFn) -> bytes:
    """Text in some encoding, sometimes with a BOM, a magic number or damage."""
    kind = draw(st.sampled_from(["text", "bom", "magic", "raw", "damaged"]))
    if kind == "raw":
        return draw(st.binary(max_size=400))
    text = draw(_documents(MARKDOWN))
    codec = draw(st.sampled_from(_CODECS))
    data = text.encode(codec, errors="replace")
    if kind == "bom":
        data = draw(st.sampled_from(_BOMS)) + data
    elif kind == "magic":
        data = draw(st.sampled_from(_MAGIC)) + data
    elif kind == "damaged" and data:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=6)) + data[cut:]
    return data


@fuzz
@given(_encoded())
def test_fuzz_decode_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.md")
    except InputError as exc:
        assert exc.path == "fuzz.md" and exc.reason and "\n" not in exc.reason
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # no lone surrogates: every reporter must be able to write it


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
@fuzz
@given(text=st.text(max_size=200))
def test_fuzz_decode_bytes_round_trips_marked_unicode(codec: str, text: str) -> None:
    """Any text saved with a byte-order mark reads back exactly (surrogates cannot be saved)."""
    if codec == "utf-16" and text.startswith("\x00"):
        # FF FE 00 00 is both UTF-32-LE's mark and UTF-16-LE's mark plus NUL; UTF-32 wins
        # when it decodes, so an empty UTF-32 file and a UTF-16 "\0" read the same (both empty
        # of prose). Every other UTF-16 text round-trips.
        text = text[1:]
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    assert decode_bytes(data, "f.md") == text
