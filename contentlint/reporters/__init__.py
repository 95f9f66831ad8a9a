"""Output formats for a finished :class:`~contentlint.findings.LintResult`.

Reporters are looked up by name and imported lazily, so ``concise`` and
``json`` (used in CI and editors, where start-up time matters) never pay for
importing rich. A reporter only reads the finished result: it knows nothing
about rules, configuration or the files on disk.

This module also holds the few helpers every reporter shares (ordering,
the ``fail_on`` threshold, making article text safe for a terminal), so the
formats cannot drift apart on those points.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TextIO

from contentlint.findings import FileResult, Finding, LintResult, Severity

__all__ = [
    "FAIL_ON_CHOICES",
    "REPORTERS",
    "ReportOptions",
    "RuleDoc",
    "Reporter",
    "UnknownReporterError",
    "get_reporter",
    "is_failure",
    "printable",
    "sorted_files",
    "sorted_findings",
]

#: Reporter name -> module exposing ``render(result, out, options)``.
REPORTERS: dict[str, str] = {
    "pretty": "contentlint.reporters.pretty",
    "concise": "contentlint.reporters.concise",
    "json": "contentlint.reporters.json",
    "sarif": "contentlint.reporters.sarif",
    "github": "contentlint.reporters.github",
    "junit": "contentlint.reporters.junit",
    "html": "contentlint.reporters.html",
}

#: ``never`` disables failing; the others are severities (that one and above fail).
FAIL_ON_CHOICES: tuple[str, ...] = ("error", "warning", "info", "never")

Reporter = Callable[[LintResult, TextIO, "ReportOptions"], None]


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a report may show about a rule: identity, summary, explanation, help text."""

    code: str
    slug: str
    category: str
    severity: str
    summary: str
    why: str
    fix: str | None
    help_markdown: str


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to present a result; the same options are passed to every reporter.

    ``quiet`` drops everything but the findings themselves (the JSON format,
    being data, ignores it). ``fail_on`` is normalised to lower case so the
    JSON ``summary.fail_on`` is stable whatever the user typed.
    """

    color: bool = False
    quiet: bool = False
    fail_on: str = "error"
    width: int | None = None
    #: Documentation of the rules, by code, for formats that embed it (SARIF, HTML):
    #: plain data built by the CLI, so reporters never import rules.
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)
    tool_version: str = ""

    def __post_init__(self) -> None:
        fail_on = self.fail_on.strip().lower()
        if fail_on not in FAIL_ON_CHOICES:
            choices = ", ".join(FAIL_ON_CHOICES)
            raise ValueError(f"unknown fail_on {self.fail_on!r} (expected one of: {choices})")
        object.__setattr__(self, "fail_on", fail_on)
        if self.width is not None and self.width < 1:
            raise ValueError(f"width must be a positive number of columns, got {self.width}")


class UnknownReporterError(KeyError, ValueError):
    """An unknown reporter name; both a KeyError (lookup) and a ValueError (bad input).

    ``str()`` is the plain message: KeyError would otherwise quote it.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def get_reporter(name: str) -> Reporter:
    """The ``render`` function of the reporter called ``name`` (imported on demand)."""
    try:
        module_name = REPORTERS[name]
    except KeyError:
        choices = ", ".join(sorted(REPORTERS))
        raise UnknownReporterError(
            f"unknown reporter {name!r} (expected one of: {choices})"
        ) from None
    module = importlib.import_module(module_name)
    render: Reporter = module.render
    return render


def is_failure(result: LintResult, fail_on: str) -> bool:
    """Whether any finding is at or above ``fail_on`` (``never`` never fails)."""
    fail_on = fail_on.strip().lower()
    if fail_on == "never":
        return False
    return result.count_at_or_above(Severity.parse(fail_on)) > 0


def _finding_key(finding: Finding) -> tuple[str, int, int, int, int, str, str, str]:
    return (
        finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.code,
        finding.slug,
        finding.message,
    )


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order (path, line, column, then code), fully deterministic."""
    return sorted(findings, key=_finding_key)


def sorted_files(files: Iterable[FileResult]) -> list[FileResult]:
    """Files by path, so output does not depend on the order workers finished in."""
    return sorted(files, key=lambda file: file.path)


# Bidirectional overrides/isolates can visually reorder a terminal line ("Trojan
# Source"), which would also misplace our underline; show them as placeholders.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def visible_char(char: str) -> str:
    """One character made harmless for a terminal, keeping a 1:1 character mapping.

    C0 controls (ESC above all: article text must never be able to emit escape
    sequences) become their Unicode control pictures; C1 controls, line and
    paragraph separators and bidi controls become U+FFFD. Everything else is
    returned unchanged. Tabs are *not* handled here (callers expand them).
    """
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in _BIDI_CONTROLS:
        return "\ufffd"
    if unicodedata.category(char) in ("Zl", "Zp"):
        return "\ufffd"
    return char


def printable(text: str) -> str:
    """``text`` on one line and free of control characters (for messages, paths, titles).

    Line breaks and tabs become spaces so a finding stays a single line in
    ``concise`` output; see :func:`visible_char` for the rest.
    """
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if text.isprintable():
        return text
    return "".join(visible_char(char) for char in text)
