"""GitHub Actions workflow commands: one annotation per finding on the pull request diff."""

from __future__ import annotations

from typing import TextIO

from contentlint.findings import LintResult, Severity

from . import ReportOptions, sorted_findings

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    for finding in sorted_findings(result.findings):
        props = ",".join(
            [
                f"file={_prop(finding.path)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"endLine={finding.end_line}",
                f"endColumn={finding.end_column}",
                f"title={_prop(f'{finding.code} {finding.slug}')}",
            ]
        )
        message = finding.message + (f"\nFix: {finding.fix}" if finding.fix else "")
        out.write(f"::{_COMMAND[finding.severity]} {props}::{_data(message)}\n")
