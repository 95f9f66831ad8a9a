"""The parts of an article section around the text: findings panel, filters,
the "not in the rendered text" box, readability and the rule glossary.

Everything here is static HTML that already works without the script (entries
are plain ``#anchor`` links, details are visible in print); ``report.js`` only
adds filtering, the popover and the jump highlight on top of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from contentlint.findings import Finding

from . import RuleDoc
from ._html_report_text import SEVERITIES, as_float, esc, format_number, humanize, token

#: Readability metrics in display order, with a label and how to read them.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("words", "Words", "in the body text"),
    ("sentences", "Sentences", ""),
    ("flesch_reading_ease", "Flesch reading ease", "higher is easier; 60–70 is plain English"),
    ("flesch_kincaid_grade", "Flesch–Kincaid grade", "US school grade needed"),
    ("gunning_fog", "Gunning fog", "years of schooling needed"),
    ("smog_index", "SMOG index", "years of schooling needed"),
    ("dale_chall", "Dale–Chall score", "below 7 is easy for a 6th grader"),
)
_GRADE_METRICS = frozenset({"flesch_kincaid_grade", "gunning_fog", "smog_index"})
_SPECIAL = frozenset({"sections", "audience", "language", "blocks"})
#: Keys of a per-section dict that name the section rather than measure it.
_SECTION_KEYS = frozenset({"title", "heading", "line", "level", "index"})


def badge(finding: Finding) -> str:
    sev = finding.severity.value
    return f'<span class="sv s-{sev}" title="{sev}">{sev}</span>'


def _summary_line(finding: Finding) -> str:
    return (
        f'{badge(finding)} <code>{esc(finding.code)}</code> <span class="sl">{esc(finding.slug)}'
        f'</span> <span class="msg">{esc(finding.message)}</span> '
        f'<span class="loc">{finding.line}:{finding.column}</span>'
    )


def _details(finding: Finding) -> str:
    parts = []
    if finding.fix:
        parts.append(f'<p class="fx"><b>Fix:</b> {esc(finding.fix)}</p>')
    elif finding.replacement is not None:
        parts.append(f'<p class="fx"><b>Fix:</b> replace with “{esc(finding.replacement)}”</p>')
    if finding.excerpt:
        excerpt = finding.excerpt if len(finding.excerpt) <= 240 else finding.excerpt[:239] + "…"
        parts.append(f'<p class="ex">“{esc(excerpt)}”</p>')
    for related in finding.related:
        parts.append(
            f'<p class="rl">See {related.line}:{related.column}: {esc(related.message)}</p>'
        )
    return f'<div class="d">{"".join(parts)}</div>'


def _data(fid: str, finding: Finding, rule_ids: Mapping[str, str]) -> str:
    return (
        f'data-f="{esc(fid)}" data-sev="{finding.severity.value}" data-code="{esc(finding.code)}" '
        f'data-rule="{rule_ids[finding.code]}"'
    )


def findings_panel(
    findings: Sequence[tuple[str, Finding]], placed: set[str], rule_ids: Mapping[str, str]
) -> str:
    """Filters and the list of every finding, each linking to its highlight or box entry."""
    sev_counts = Counter(f.severity for _, f in findings)
    rules = sorted(Counter((f.code, f.slug) for _, f in findings).items())
    out = ['<div class="flt"><fieldset><legend>Severity</legend>']
    for sev in SEVERITIES:
        count = sev_counts.get(sev, 0)
        state = "checked" if count else "checked disabled"
        out.append(
            f'<label class="s-{sev.value}"><input type="checkbox" data-k="sev" '
            f'value="{sev.value}" {state}> {sev.value} <span class="n">{count}</span></label>'
        )
    out.append("</fieldset>")
    if rules:
        out.append("<fieldset><legend>Rule</legend>")
        for (code, slug), count in rules:
            out.append(
                f'<label><input type="checkbox" data-k="rule" value="{esc(code)}" checked> '
                f'<code>{esc(code)}</code> {esc(slug)} <span class="n">{count}</span></label>'
            )
        out.append("</fieldset>")
    out.append(
        f'<p class="shown"><span class="c" aria-live="polite">{len(findings)} of '
        f'{len(findings)} shown</span> <button type="button" class="reset">Show all</button>'
        "</p></div>"
    )
    categories = sorted({f.category or "other" for _, f in findings})
    if categories:
        chips = " ".join(f'<span class="cat c-{token(c)}">{esc(c)}</span>' for c in categories)
        out.append(f'<p class="legend">Highlight colours: {chips}</p>')
    if not findings:
        out.append('<p class="none">No findings. Nothing to fix here.</p>')
        return "".join(out)
    out.append('<ol class="list">')
    for fid, finding in findings:
        target = f"m{fid}" if fid in placed else f"x{fid}"
        out.append(
            f'<li class="e" id="e{esc(fid)}" {_data(fid, finding, rule_ids)}>'
            f'<a class="go" href="#{esc(target)}">{_summary_line(finding)}</a>'
            f"{_details(finding)}</li>"
        )
    out.append("</ol>")
    return "".join(out)


def outside_box(
    findings: Sequence[tuple[str, Finding]], placed: set[str], rule_ids: Mapping[str, str]
) -> str:
    """Findings with no place in the rendered text: file-level, empty or in hidden text."""
    outside = [(fid, f) for fid, f in findings if fid not in placed]
    if not outside:
        return ""
    items = "".join(
        f'<li class="x" id="x{esc(fid)}" {_data(fid, f, rule_ids)}>{_summary_line(f)}'
        f"{_details(f)}</li>"
        for fid, f in outside
    )
    return (
        '<div class="nit"><h3>Not in the rendered text</h3><p>These findings concern the whole '
        "file, an empty range, or text the report does not show (page chrome, markup).</p>"
        f"<ul>{items}</ul></div>"
    )


def _target(key: str, value: float, audience: Mapping[str, Any]) -> tuple[str, bool] | None:
    """The audience target for a metric as text, and whether ``value`` meets it."""
    if key == "flesch_reading_ease":
        low = as_float(audience.get("min_reading_ease"))
        return None if low is None else (f"≥ {low:g}", value >= low)
    if key in _GRADE_METRICS:
        high = as_float(audience.get("max_grade"))
        return None if high is None else (f"≤ {high:g}", value <= high)
    return None


def _cell(key: str, value: Any, audience: Mapping[str, Any]) -> tuple[str, str]:
    """A metric value cell and its target cell."""
    shown = format_number(value)
    number = as_float(value)
    target = _target(key, number, audience) if number is not None else None
    align = ' class="num"' if number is not None else ""
    if target is None:
        return f"<td{align}>{esc(shown or '–')}</td>", "<td></td>"
    text, ok = target
    mark = '<span class="ok">✓ on target</span>' if ok else '<span class="off">✗ off target</span>'
    verdict = "ok" if ok else "off"
    return f'<td class="num {verdict}">{esc(shown)}</td>', f"<td>{esc(text)} {mark}</td>"


def readability(metrics: Mapping[str, Any]) -> str:
    """The metrics table against the audience target, if the analysis gave one."""
    audience = metrics.get("audience")
    audience = audience if isinstance(audience, Mapping) else {}
    known = {key for key, _, _ in METRICS}
    keys = [(key, label, hint) for key, label, hint in METRICS if key in metrics]
    keys += [
        (k, humanize(str(k)), "")
        for k in sorted(metrics, key=str)
        if k not in known and k not in _SPECIAL and format_number(metrics[k]) is not None
    ]
    if not keys:
        return ""
    targets = bool(audience)
    rows = []
    for key, label, hint in keys:
        value_cell, target_cell = _cell(key, metrics[key], audience)
        title = f' title="{esc(hint)}"' if hint else ""
        target_cell = target_cell if targets else ""
        rows.append(f"<tr><th scope=row{title}>{esc(label)}</th>{value_cell}{target_cell}</tr>")
    name = audience.get("name")
    caption = f"Readability — audience: {esc(name)}" if name else "Readability"
    target_head = "<th scope=col>Target</th>" if targets else ""
    return (
        f'<div class="rd"><table><caption>{caption}</caption>'
        f"<tr><th scope=col>Metric</th><th scope=col>Value</th>{target_head}</tr>"
        f"{''.join(rows)}</table></div>"
    )


def sections_table(metrics: Mapping[str, Any]) -> str:
    """Per-section readability (``metrics["sections"]``: dicts with a title and values).

    The section's name may come as ``title`` or ``heading`` (None before the first
    heading) and its position as ``line``; every other key is a metric column.
    """
    sections = metrics.get("sections")
    if not isinstance(sections, Sequence) or isinstance(sections, str):
        return ""
    sections = [s for s in sections if isinstance(s, Mapping)]
    if not sections:
        return ""
    audience = metrics.get("audience")
    audience = audience if isinstance(audience, Mapping) else {}
    present = {k for s in sections for k in s if k not in _SECTION_KEYS}
    columns = [(k, label) for k, label, _ in METRICS if k in present]
    columns += [(k, humanize(str(k))) for k in sorted(present - {c for c, _ in columns}, key=str)]
    head = "".join(f"<th scope=col>{esc(label)}</th>" for _, label in columns)
    rows = []
    for section in sections:
        cells = "".join(_cell(key, section.get(key), audience)[0] for key, _ in columns)
        title = section.get("title") or section.get("heading") or "(before the first heading)"
        line = section.get("line")
        where = f' <span class="loc">line {line}</span>' if isinstance(line, int) else ""
        rows.append(f"<tr><th scope=row>{esc(title)}{where}</th>{cells}</tr>")
    return (
        '<details class="secs" open><summary>Readability by section</summary><div class="tw">'
        f"<table><tr><th scope=col>Section</th>{head}</tr>{''.join(rows)}</table></div></details>"
    )


def rule_ids(codes: Sequence[str]) -> dict[str, str]:
    """Stable element ids for rule codes (codes from plugins need not be id-safe)."""
    return {code: f"rule-{n}" for n, code in enumerate(sorted(set(codes)))}


def glossary(ids: Mapping[str, str], slugs: Mapping[str, str], docs: Mapping[str, RuleDoc]) -> str:
    """What each rule in the report checks and why; the popover shows the same text."""
    if not ids:
        return ""
    out = ['<section id="rules" class="gl"><h2>Rules in this report</h2><dl>']
    for code in sorted(ids):
        doc = docs.get(code)
        slug = doc.slug if doc else slugs.get(code, "")
        cat = (
            f' <span class="cat c-{token(doc.category)}">{esc(doc.category)}</span>' if doc else ""
        )
        out.append(f'<dt id="{ids[code]}"><code>{esc(code)}</code> {esc(slug)}{cat}</dt>')
        if doc is None:
            out.append('<dd class="rdoc"><p>No documentation for this rule was provided.</p></dd>')
            continue
        fix = f'<p class="rfix"><b>How to fix:</b> {esc(doc.fix)}</p>' if doc.fix else ""
        out.append(
            f'<dd class="rdoc"><p class="rs">{esc(doc.summary)}</p>'
            f'<p class="why"><b>Why it matters:</b> {esc(doc.why)}</p>{fix}</dd>'
        )
    out.append("</dl></section>")
    return "".join(out)
