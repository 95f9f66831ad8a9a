"""Property: for every rule and every format, each finding points exactly at its excerpt.

Documents are generated from material that makes rules fire (every rule's
own documented bad and good examples, long sentences, headings, lists,
quotes with "Dr." names, "delve into", "this section will", links), rendered
as plain text, Markdown or HTML, with any of the three line endings and with
invisible and astral characters sprinkled in. For every finding of every
registered rule:

* its span lies inside the file and ``source[span]`` is its excerpt;
* its line and column, counted with LineIndex's rules (``\\n``, ``\\r\\n`` and a
  lone ``\\r`` end a line; columns are code points), locate the same excerpt,
  recomputed here independently of LineIndex;
* related locations lie inside the file;
* no rule crashes (CL004) and no parser fails (CL002) on any of it.

``CONTENTLINT_FUZZ_EXAMPLES`` raises the number of examples (see docs/limits.md).
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.config import Config
from contentlint.engine import Linter, Overrides
from contentlint.registry import Registry

EXAMPLES = max(20, int(os.environ.get("CONTENTLINT_FUZZ_EXAMPLES", "200")) // 4)
_BREAK = re.compile(r"\r\n|\r|\n")

LONG = (
    "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
    "and then delayed twice by objections from local shops and residents, would open next month "
    "and that fares would stay the same for at least another year."
)
SENTENCES = [
    LONG,
    "In this article, we will delve into the multifaceted world of rain gardens.",
    "This section will explain how much a heat pump costs and how long it lasts.",
    "\u201cThe results were remarkable,\u201d said Dr. Jane Smith of the Mayo Clinic.",
    "\"We saw fewer relapses,\" Dr. Lee told reporters, citing a 2021 trial.",
    "Experts say the treatment works. Studies show it is safe.",
    "It is important to note that, in the ever-evolving landscape of finance, cash is king.",
    "How long does ketamine last? Most patients receive six infusions.",
    "Why do rain gardens fail?",
    "The report was written by the committee and was approved by the board.",
    "Click here to read more. Share this: Leave a Reply",
    "Roughly [Insert statistic here] of runners never start. TODO: add source.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "Note to writer: add two expert quotes and a call to action here.",
    "See https://example.com/report.pdf for the full figures (Smith, J. 2020).",
    "Prices start at $5 per square foot.",
    "Tiny.",
]
TITLES = ["Rain gardens", "How Long Does Ketamine Last?", "Costs", "What this guide covers",
          "Half marathon training", "Strength Training", "Race Week", "Related posts"]
NOISE = ["\u200b", "\u200d", "\u202e", "\u2066", "\u2069", "\ufeff", "e\u0301", "\U0001F600",
         "\U0001F469\u200d\U0001F52C", "\xa0", "\t", "  ", "&amp;", "&nbsp;", "*", "_", "`x`"]


def _registry_examples() -> list[str]:
    registry = Registry.from_entry_points()
    return [t for r in registry.rules for t in (*r.meta.bad, *r.meta.good)]


EXAMPLE_TEXTS = _registry_examples()


@st.composite
def _blocks(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Abstract blocks: ("h", level, text), ("p", text), ("li", [items]), ("q", text), ("ex", text)."""
    out: list[tuple[str, Any]] = [("h", 1, draw(st.sampled_from(TITLES)))]
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["h", "p", "p", "p", "li", "q", "ex"]))
        if kind == "h":
            out.append(("h", draw(st.integers(2, 3)), draw(st.sampled_from(TITLES))))
        elif kind == "ex":
            out.append(("ex", draw(st.sampled_from(EXAMPLE_TEXTS))))
        else:
            parts = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
            if draw(st.booleans()):
                k = draw(st.integers(0, len(parts) - 1))
                noise = draw(st.sampled_from(NOISE))
                text = parts[k]
                at = draw(st.integers(0, len(text)))
                parts[k] = text[:at] + noise + text[at:]
            if kind == "li":
                out.append(("li", parts))
            else:
                out.append((kind, " ".join(parts)))
    return out


def _render(blocks: list[tuple[str, Any]], fmt: str, newline: str) -> str:
    lines: list[str] = []
    for block in blocks:
        kind = block[0]
        if fmt == "html":
            if kind == "h":
                lines.append(f"<h{block[1]}>{block[2]}</h{block[1]}>")
            elif kind == "li":
                lines.append("<ul>" + "".join(f"<li>{item}</li>" for item in block[1]) + "</ul>")
            elif kind == "q":
                lines.append(f"<blockquote><p>{block[1]}</p></blockquote>")
            else:
                lines.append(f"<p>{block[1]}</p>".replace("\n\n", "</p><p>"))
            continue
        if kind == "h":
            lines.append(("#" * block[1] + " " if fmt == "markdown" else "") + block[2])
        elif kind == "li":
            lines.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "q":
            lines.append(("> " if fmt == "markdown" else "") + block[1])
        else:
            lines.append(block[1])
    text = "\n\n".join(lines) + "\n"
    return text if newline == "\n" else text.replace("\n", newline)


@pytest.fixture(scope="module")
def linter() -> Linter:  # metrics on: the readability rules read them
    return Linter(overrides=Overrides(metrics=True))


def _line_starts(source: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(source)]


def _check(source: str, fmt: str, linter: Linter) -> None:
    result = linter.lint_text(source, f"doc.{ {'markdown': 'md', 'text': 'txt'}.get(fmt, fmt) }",
                              fmt, Config())
    starts = _line_starts(source)
    size = len(source)
    for f in result.findings:
        assert f.code not in ("CL002", "CL004"), f.message
        if f.code.startswith("CL0"):
            continue
        span = f.span
        assert span is not None and 0 <= span.start <= span.end <= size, (f.code, span, size)
        assert source[span.start : span.end] == f.excerpt, (f.code, span)
        assert 1 <= f.line <= f.end_line <= len(starts), (f.code, f.line, f.end_line)
        start = starts[f.line - 1] + f.column - 1
        end = starts[f.end_line - 1] + f.end_column - 1
        line_end = starts[f.line] if f.line < len(starts) else size
        assert starts[f.line - 1] <= start <= line_end, (f.code, "column outside its line")
        assert (start, end) == (span.start, span.end), (f.code, f.line, f.column, span)
        assert source[start:end] == f.excerpt
        if f.line == f.end_line:
            line_text = _BREAK.split(source)[f.line - 1]
            assert line_text[f.column - 1 : f.end_column - 1] == f.excerpt
        for related in f.related:
            assert 1 <= related.line <= related.end_line <= len(starts), related


_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_newlines = st.sampled_from(["\n", "\r\n", "\r"])


@_settings
@given(blocks=_blocks(), newline=_newlines)
def test_markdown_findings_point_at_their_excerpts(linter: Linter, blocks, newline) -> None:  # type: ignore[no-untyped-def]
    _check(_render(blocks, "markdown", newline), "markdown", linter)


@_settings
@given(blocks=_blocks(), newline=_newlines)
def test_text_findings_point_at_their_excerpts(linter: Linter, blocks, newline) -> None:  # type: ignore[no-untyped-def]
    _check(_render(blocks, "text", newline), "text", linter)


@_settings
@given(blocks=_blocks(), newline=_newlines)
def test_html_findings_point_at_their_excerpts(linter: Linter, blocks, newline) -> None:  # type: ignore[no-untyped-def]
    _check(_render(blocks, "html", newline), "html", linter)


@_settings
@given(source=st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
       fmt=st.sampled_from(["text", "markdown", "html"]))
def test_arbitrary_text_never_crashes_a_rule(linter: Linter, source: str, fmt: str) -> None:
    _check(source, fmt, linter)


def test_every_rule_is_exercised(linter: Linter) -> None:
    """The generated material really makes each rule fire (otherwise the property is vacuous)."""
    fired: set[str] = set()
    for text in EXAMPLE_TEXTS:
        for fmt in ("markdown", "text"):
            fired.update(f.code for f in linter.lint_text(text, "x", fmt, Config()).findings)
    missing = {r.meta.code for r in linter.registry.rules} - fired
    assert not missing, f"no generated input triggers {sorted(missing)}"
