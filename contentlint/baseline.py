"""Baselines: record today's findings, then report and fail only on new ones.

A baseline file is JSON: ``{"version": 1, "findings": [{"path", "code",
"fingerprint", "line", "message"}]}``. Paths are stored relative to the
baseline file's directory so the file can be committed and used from any
working directory.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import FileResult, LintResult
from .fingerprints import fingerprints
from .output import write_atomically

BASELINE_VERSION = 1


@dataclass(frozen=True)
class BaselineOutcome:
    result: LintResult  # the findings not in the baseline
    matched: int
    disappeared: tuple[dict[str, Any], ...]  # baseline entries no longer found


def _key_path(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def _entries(result: LintResult, base: Path) -> list[dict[str, Any]]:
    entries = []
    for file in result.files:
        for finding, fp in zip(file.findings, fingerprints(file.findings), strict=True):
            entries.append(
                {
                    "path": _key_path(file.path, base),
                    "code": finding.code,
                    "fingerprint": fp,
                    "line": finding.line,
                    "message": finding.message,
                }
            )
    return entries


def write_baseline(path: Path, result: LintResult) -> int:
    entries = _entries(result, path.resolve().parent)
    data = {"version": BASELINE_VERSION, "tool": "contentlint", "findings": entries}
    write_atomically(path, lambda out: out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n"))
    return len(entries)


def load_baseline(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read baseline: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ConfigError(str(path), f"baseline is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise ConfigError(str(path), f"not a contentlint baseline (version {BASELINE_VERSION})")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and {"path", "code", "fingerprint"} <= e.keys() for e in findings
    ):
        raise ConfigError(str(path), "baseline findings must be objects with path, code, fingerprint")
    return findings


def apply_baseline(path: Path, result: LintResult) -> BaselineOutcome:
    """Drop findings recorded in the baseline; report which recorded ones disappeared."""
    base = path.resolve().parent
    recorded = load_baseline(path)
    remaining = Counter((e["path"], e["code"], e["fingerprint"]) for e in recorded)
    matched = 0
    files = []
    for file in result.files:
        key_path = _key_path(file.path, base)
        kept = []
        for finding, fp in zip(file.findings, fingerprints(file.findings), strict=True):
            key = (key_path, finding.code, fp)
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                kept.append(finding)
        files.append(_with_findings(file, tuple(kept)))
    checked = {_key_path(f.path, base) for f in result.files}
    gone = []
    left = Counter(remaining)
    for entry in recorded:
        key = (entry["path"], entry["code"], entry["fingerprint"])
        if left[key] > 0 and entry["path"] in checked:
            left[key] -= 1
            gone.append(entry)
    return BaselineOutcome(LintResult(tuple(files)), matched, tuple(gone))


def _with_findings(file: FileResult, findings: tuple[Any, ...]) -> FileResult:
    return replace(file, findings=findings)
