"""Results: severities, findings and per-file / per-run results.

These are immutable values that pickle cleanly, so worker processes can hand
them back and reporters can only read them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .document import Document, Span


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (e.g. the first occurrence of a repeat)."""

    message: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem in one file, with a 1-based, character-counted source range.

    ``end_column`` is exclusive: it points just past the last flagged character.
    ``excerpt`` is exactly the flagged source text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    slug: str
    severity: Severity
    message: str
    excerpt: str = ""
    fix: str | None = None
    replacement: str | None = None
    category: str = ""
    span: Span = field(default=Span(0, 0), compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "slug": self.slug,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.span.start,
            "end_offset": self.span.end,
            "excerpt": self.excerpt,
            "fix": self.fix,
            "replacement": self.replacement,
            "related": [
                {
                    "message": r.message,
                    "line": r.line,
                    "column": r.column,
                    "end_line": r.end_line,
                    "end_column": r.end_column,
                }
                for r in self.related
            ],
        }


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything reporters need about one file; they never re-read the file."""

    path: str
    format: str | None
    title: str | None
    findings: tuple[Finding, ...]
    metrics: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None
    source_lines: tuple[str, ...] = ()  # the lines that findings touch, keyed via line_numbers
    line_numbers: tuple[int, ...] = ()
    #: The parsed document, kept only when a reporter renders the article (``--format html``).
    document: Document | None = field(default=None, compare=False, repr=False)

    def line(self, number: int) -> str | None:
        """Source text of a line that some finding touches (for excerpts)."""
        try:
            return self.source_lines[self.line_numbers.index(number)]
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class LintResult:
    files: tuple[FileResult, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for file in self.files for f in file.findings)

    def count_at_or_above(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= severity.rank)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for finding in self.findings:
            out[finding.severity.value] += 1
        return out
