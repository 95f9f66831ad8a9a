"""A self-contained HTML report for editors (see ``docs/html-report.md``).

One file, no network: the stylesheet and script are read from package data
(``contentlint/data/report.css`` and ``report.js``) and inlined, and a strict
Content-Security-Policy allows exactly those two by their SHA-256 hashes and
nothing else (no other script, style, image, font, frame or connection). So
even if escaping were ever wrong somewhere, an injected ``<script>`` or
``onerror=`` attribute from an article would still be refused by the browser.
Hashes rather than a nonce because the output must be deterministic (a nonce
would have to be random to mean anything), and never ``'unsafe-inline'``.

Each article is rendered from its parsed :class:`~contentlint.document.Document`
(``FileResult.document``, kept when the linter runs with
``Overrides(keep_documents=True)``) with its findings highlighted in place;
files without a document still get their findings listed. Output depends only
on the result and the options, so the same input gives the same bytes;
``color``, ``width`` and ``quiet`` do not apply to a page.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TextIO

from contentlint._version import __version__
from contentlint.findings import FileResult, Finding, LintResult

from . import ReportOptions, sorted_files, sorted_findings
from ._html_report_article import render_article
from ._html_report_panels import (
    findings_panel,
    glossary,
    outside_box,
    readability,
    rule_ids,
    sections_table,
)
from ._html_report_score import FORMULA_HTML, band, quality_score, word_count
from ._html_report_text import SEVERITIES, esc, plural


@cache
def asset(name: str) -> str:
    """A packaged asset with LF line ends: the browser hashes the text it parsed, in which
    CRLF is already LF, so hashing anything else would make the CSP refuse our own code."""
    text = resources.files("contentlint").joinpath("data", name).read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower():
        raise ValueError(f"{name} must not contain {closing!r}: it is inlined into the report")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def content_security_policy(css: str, js: str) -> str:
    """Only our inline style and script, by hash; nothing may be loaded or submitted."""
    return (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _counts(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)


def _count_badges(counts: Counter[str]) -> str:
    parts = [
        f'<span class="cnt s-{sev.value}">{esc(plural(counts.get(sev.value, 0), sev.value))}</span>'
        for sev in SEVERITIES
    ]
    return '<span class="cnts">' + " ".join(parts) + "</span>"


def _score_html(score: int | None) -> str:
    if score is None:
        return (
            '<a class="score b-none" href="#about" title="No text to score">'
            '<span class="v">–</span><span class="l">no score</span></a>'
        )
    return (
        f'<a class="score b-{band(score)}" href="#about" title="How the score is computed">'
        f'<span class="v">{score}</span><span class="l">quality score</span>'
        f'<meter min="0" max="100" low="70" high="90" optimum="100" value="{score}">'
        f"{score}/100</meter></a>"
    )


class _Article:
    """One file's section: header, out-of-text box, article, readability, findings panel."""

    def __init__(self, index: int, file: FileResult) -> None:
        self.index = index
        self.file = file
        self.findings = [(f"{index}-{n}", f) for n, f in enumerate(sorted_findings(file.findings))]
        self.words = word_count(file.metrics, file.document)
        self.score = quality_score((f for _, f in self.findings), self.words)
        self.counts = _counts([f for _, f in self.findings])
        self.title = file.title or (file.document.title if file.document else None) or ""

    def html(self, ids: dict[str, str]) -> str:
        file, anchor = self.file, f"a{self.index}"
        if file.document is not None:
            body, placed = render_article(file.document, self.findings)
            article = f'<article class="doc">{body}</article>'
        else:
            placed = set()
            article = (
                '<p class="nodoc">The article text is not available for this file (it could '
                "not be read or parsed), so its findings are listed above.</p>"
            )
        meta = [f'<span class="path">{esc(file.path)}</span>']
        meta += [esc(value) for value in (file.format, file.language) if value]
        return (
            f'<section class="art" id="{anchor}" aria-labelledby="{anchor}h">'
            f'<header class="ah"><div><h2 id="{anchor}h">{esc(self.title or file.path)}</h2>'
            f'<p class="meta">{" · ".join(meta)}</p>{_count_badges(self.counts)}</div>'
            f"{_score_html(self.score)}</header>"
            f'<div class="cols"><div class="main">{outside_box(self.findings, placed, ids)}'
            f"{article}{sections_table(file.metrics)}</div>"
            f'<aside class="side" aria-label="Findings and readability">'
            f"{readability(file.metrics)}<h3>Findings</h3>"
            f"{findings_panel(self.findings, placed, ids)}</aside></div></section>"
        )


def _index(articles: Sequence[_Article]) -> str:
    """The sortable table of articles (only when there is more than one)."""
    head = [("Title", "s"), ("Path", "s"), ("Score", "n")]
    head += [("Errors", "n"), ("Warnings", "n"), ("Info", "n")]  # the SEVERITIES order
    cells = "".join(
        f'<th scope="col" aria-sort="none"><button type="button" data-t="{kind}">{name}</button></th>'
        for name, kind in head
    )
    rows = []
    for art in articles:
        title = art.title or art.file.path
        score = "" if art.score is None else str(art.score)
        counts = "".join(
            f'<td data-v="{art.counts.get(sev.value, 0)}" class="num">'
            f"{art.counts.get(sev.value, 0)}</td>"
            for sev in SEVERITIES
        )
        rows.append(
            f'<tr><td data-v="{esc(title.lower())}"><a href="#a{art.index}">{esc(title)}</a></td>'
            f'<td data-v="{esc(art.file.path)}"><code>{esc(art.file.path)}</code></td>'
            f'<td data-v="{score or -1}" class="num"><span class="sc b-{band(art.score)}">'
            f"{score or '–'}</span></td>{counts}</tr>"
        )
    return (
        '<nav class="index" aria-label="Articles"><table class="idx">'
        f"<caption>Articles (click a column to sort)</caption><thead><tr>{cells}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></nav>"
    )


def _about(version: str) -> str:
    return (
        '<footer id="about"><h2>About this report</h2>'
        f"{FORMULA_HTML}"
        "<p><b>Highlights</b> are coloured by rule category; the underline and the small mark "
        "before each highlight show the severity (✖ error, ▲ warning, ● info). Hover or click "
        "a highlight for the message, the fix and the rule's explanation. A finding that spans "
        "more than two blocks (a whole section) is highlighted in its first block and marked "
        "by a bar in the margin of the rest.</p>"
        "<p><b>Safety:</b> all article text is escaped, links are shown but never followed, "
        "and a Content-Security-Policy allows only this report's own style and script, so the "
        "file makes no network requests and nothing from an article can run.</p>"
        f'<p class="gen">Generated by contentlint {esc(version)}.</p></footer>'
    )


def build_html(result: LintResult, options: ReportOptions) -> str:
    """The whole report as one string (``render`` writes it)."""
    css, js = asset("report.css"), asset("report.js")
    version = options.tool_version or __version__
    articles = [_Article(n, file) for n, file in enumerate(sorted_files(result.files))]
    every = [f for art in articles for _, f in art.findings]
    ids = rule_ids([f.code for f in every])
    slugs = {f.code: f.slug for f in every}
    if len(articles) == 1:
        page_title = f"contentlint: {articles[0].title or articles[0].file.path}"
    else:
        page_title = f"contentlint: {plural(len(articles), 'article')}"
    summary = (
        f"{esc(plural(len(articles), 'article'))} · {esc(plural(len(every), 'finding'))} "
        f'{_count_badges(_counts(every))} · <a href="#about">How the score works</a>'
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(css, js)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="contentlint {esc(version)}">',
        f"<title>{esc(page_title)}</title>",
        f"<style>{css}</style></head>",
        '<body><header class="top"><h1>contentlint report</h1>',
        f'<p class="sum">{summary}</p></header>',
        _index(articles) if len(articles) > 1 else "",
        "<main>",
        *(art.html(ids) for art in articles),
        "</main>",
        glossary(ids, slugs, options.rules),
        _about(version),
        '<div id="pop" role="tooltip" hidden></div>',
        f"<script>{js}</script>",
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    """Write ``result`` as one self-contained HTML page."""
    out.write(build_html(result, options))


__all__ = ["build_html", "content_security_policy", "render"]
