"""A versioned, machine-readable report (see ``docs/json-schema.md``).

The structure is a public contract: ``contentlint/data/report-schema-v1.json``
describes it and ``version`` is bumped on any incompatible change. Output is
deterministic (files by path, findings in reading order, metrics keys sorted)
so reports can be diffed and cached. ``quiet``, ``color`` and ``width`` do not
apply to data. This module must not import rich.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Mapping, Set
from typing import Any, TextIO

from contentlint._version import __version__
from contentlint.findings import LintResult, Severity

from . import ReportOptions, is_failure, sorted_files, sorted_findings

#: The ``version`` field; bump on any incompatible change to the structure.
SCHEMA_VERSION = 1

_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _jsonable(value: Any) -> Any:
    """Metrics as strict JSON: NaN/infinity become null, containers become lists/objects.

    Metrics come from analysis code we do not control; ``json.dumps`` would
    otherwise write ``NaN`` (invalid JSON) or fail on a tuple of enums.
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, Set):
        return [_jsonable(v) for v in sorted(value, key=repr)]
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def build_report(result: LintResult, options: ReportOptions) -> dict[str, Any]:
    """The report as plain JSON-ready data (useful to embed it in other tools)."""
    files = []
    by_rule: dict[str, int] = {}
    by_severity = {severity.value: 0 for severity in _SEVERITY_ORDER}
    for file in sorted_files(result.files):
        findings = sorted_findings(file.findings)
        for finding in findings:
            by_rule[finding.code] = by_rule.get(finding.code, 0) + 1
            by_severity[finding.severity.value] += 1
        files.append(
            {
                "path": file.path,
                "format": file.format,
                "title": file.title,
                "language": file.language,
                "findings": [finding.to_dict() for finding in findings],
                "metrics": _jsonable(dict(file.metrics)),
            }
        )
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "files": files,
        "summary": {
            "files": len(files),
            "findings": sum(by_severity.values()),
            "by_severity": by_severity,
            "by_rule": dict(sorted(by_rule.items())),
            "fail_on": options.fail_on,
            "failed": is_failure(result, options.fail_on),
        },
    }


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    """Write the report as indented UTF-8 JSON followed by a newline."""
    text = json.dumps(build_report(result, options), indent=2, ensure_ascii=False, allow_nan=False)
    out.write(text + "\n")
