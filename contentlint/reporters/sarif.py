"""SARIF 2.1.0 for code-scanning services (GitHub code scanning and others).

Regions use 1-based lines and code-point columns (``columnKind``
``unicodeCodePoints``), ``endColumn`` exclusive, as SARIF defines them.
``partialFingerprints`` hash the flagged text, not the line, so alerts survive
reflowed paragraphs. GitHub shows at most 5,000 results of a run and accepts
files up to 10 MB gzipped: results are ordered errors first, and a tool
notification says when the display limit is exceeded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from contentlint._version import __version__
from contentlint.findings import LintResult, Severity
from contentlint.fingerprints import SCHEME, fingerprints

from . import ReportOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
GITHUB_DISPLAY_LIMIT = 5000
_SNIPPET_LIMIT = 2000
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative URI for files under the working directory, else an absolute ``file://`` URI."""
    if path == "-":
        return "stdin"
    resolved = Path(path).resolve()
    try:
        rel = resolved.relative_to(Path.cwd().resolve())
    except ValueError:
        return resolved.as_uri()
    return quote(rel.as_posix(), safe="/._-~")


def _rules(result: LintResult, options: ReportOptions) -> list[dict[str, Any]]:
    codes = sorted({f.code for f in result.findings} | set(options.rules))
    rules = []
    for code in codes:
        doc = options.rules.get(code)
        if doc is None:  # a finding from a rule the CLI had no docs for (local plugin)
            slug = next(f.slug for f in result.findings if f.code == code)
            rules.append({"id": code, "name": slug, "shortDescription": {"text": slug}})
            continue
        rules.append(
            {
                "id": code,
                "name": doc.slug,
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": doc.why},
                "help": {"text": doc.help_markdown, "markdown": doc.help_markdown},
                "defaultConfiguration": {"level": _LEVEL[Severity(doc.severity)]},
                "properties": {"tags": [doc.category, "content-quality"]},
            }
        )
    return rules


def build(result: LintResult, options: ReportOptions) -> dict[str, Any]:
    rules = _rules(result, options)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for file in result.files:
        uri = _uri(file.path)
        for finding, fp in zip(file.findings, fingerprints(file.findings), strict=True):
            region: dict[str, Any] = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
            }
            if finding.excerpt:
                region["snippet"] = {"text": finding.excerpt[:_SNIPPET_LIMIT]}
            message = finding.message + (f" Fix: {finding.fix}" if finding.fix else "")
            entry: dict[str, Any] = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _LEVEL[finding.severity],
                "message": {"text": message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
                ],
                "partialFingerprints": {SCHEME: fp},
                "properties": {"slug": finding.slug, "category": finding.category},
            }
            results.append(entry)
    results.sort(key=lambda r: ({"error": 0, "warning": 1, "note": 2}[r["level"]]))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "contentlint",
                "version": options.tool_version or __version__,
                "semanticVersion": options.tool_version or __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if len(results) > GITHUB_DISPLAY_LIMIT:
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {
                        "level": "warning",
                        "message": {
                            "text": f"{len(results)} results; GitHub code scanning shows only the "
                            f"first {GITHUB_DISPLAY_LIMIT} (errors are listed first)"
                        },
                    }
                ],
            }
        ]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(build(result, options), indent=2, ensure_ascii=False))
    out.write("\n")
