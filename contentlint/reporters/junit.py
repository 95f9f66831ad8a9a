"""JUnit XML for GitLab, Jenkins and other CI dashboards.

One test case per checked file; each finding is one ``<failure>`` inside it
(most consumers show all of them), so a clean file is a passing test.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from contentlint.findings import LintResult

from . import ReportOptions, sorted_files

#: Characters XML 1.0 cannot carry even escaped (article text may hold them).
_BAD = {c: None for c in range(0x20) if c not in (0x9, 0xA, 0xD)}


def _clean(text: str) -> str:
    return text.translate(_BAD)


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    files = sorted_files(result.files)
    failures = sum(1 for f in files if f.findings)
    suites = ET.Element("testsuites", name="contentlint", tests=str(len(files)), failures=str(failures))
    suite = ET.SubElement(
        suites, "testsuite", name="contentlint", tests=str(len(files)), failures=str(failures), errors="0"
    )
    for file in files:
        case = ET.SubElement(suite, "testcase", classname="contentlint", name=_clean(file.path), file=_clean(file.path))
        for finding in file.findings:
            failure = ET.SubElement(
                case,
                "failure",
                message=_clean(f"{finding.code} {finding.slug}: {finding.message}"),
                type=finding.severity.value,
            )
            body = f"{file.path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity.value}] {finding.message}"
            if finding.fix:
                body += f"\nfix: {finding.fix}"
            failure.text = _clean(body)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
