"""One line per finding, nothing else: for grep, editors' problem matchers and CI logs.

The line shape ``path:line:col: CODE [severity] message`` is the one compilers
use, so editors can jump to it without configuration. There is deliberately no
summary (the exit code carries pass/fail), and messages are flattened to one
line so the format stays one finding per line. This module must not import rich.
"""

from __future__ import annotations

from typing import TextIO

from contentlint.findings import Finding, LintResult

from . import ReportOptions, printable, sorted_findings


def format_finding(finding: Finding) -> str:
    """The single output line for ``finding`` (without the newline)."""
    return (
        f"{printable(finding.path)}:{finding.line}:{finding.column}: "
        f"{finding.code} [{finding.severity.value}] {printable(finding.message)}"
    )


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    """Write every finding of ``result``, sorted by path, line, column and code."""
    del options  # nothing to configure: no colour, no summary to silence
    for finding in sorted_findings(result.findings):
        out.write(format_finding(finding) + "\n")
