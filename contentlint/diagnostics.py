"""Engine diagnostics (CL0xx): problems with an input file rather than with its prose.

They are reported as findings so a CI run shows them next to everything
else and goes on with the other files.
"""

from __future__ import annotations

from .findings import Severity
from .rule import Category, RuleMeta

UNREADABLE_FILE = RuleMeta(
    code="CL001",
    slug="unreadable-file",
    summary="The file cannot be read or decoded as text.",
    why="A file that cannot be read cannot be checked; CI should notice rather than pass it silently.",
    bad=("(a PNG image saved as article.md)",),
    good=("(a UTF-8 text file)",),
    severity=Severity.ERROR,
    category=Category.ENGINE,
    languages=None,
)

PARSE_ERROR = RuleMeta(
    code="CL002",
    slug="parse-error",
    summary="The file was read but could not be parsed in its format.",
    why="Findings are only as good as the document model they run on.",
    bad=("(a file the Markdown or HTML reader rejects)",),
    good=("(well-formed input)",),
    severity=Severity.ERROR,
    category=Category.ENGINE,
    languages=None,
)

LANGUAGE_SKIPPED = RuleMeta(
    code="CL003",
    slug="language-skipped",
    summary="The document is not in a language some rules support; those rules were skipped.",
    why="English-only rules on Korean or Russian text would only produce noise. "
    "Set `language` in the config if the detection is wrong.",
    bad=("(a Russian article checked with English rules)",),
    good=("(an English article)",),
    severity=Severity.INFO,
    category=Category.ENGINE,
    languages=None,
)

RULE_FAILED = RuleMeta(
    code="CL004",
    slug="rule-failed",
    summary="A rule crashed on this file; its findings for this file are missing.",
    why="One broken rule must not hide the others' findings. Report the message to the "
    "rule's authors.",
    bad=("(a rule raising an exception)",),
    good=("(all rules finishing)",),
    severity=Severity.ERROR,
    category=Category.ENGINE,
    languages=None,
)

EMPTY_DOCUMENT = RuleMeta(
    code="CL005",
    slug="empty-document",
    summary="The file has no prose to check.",
    why="An empty or whitespace-only article is usually a broken export or a mistaken path.",
    bad=("(an empty file)",),
    good=("(a file with an article in it)",),
    severity=Severity.WARNING,
    category=Category.ENGINE,
    languages=None,
)

ENGINE_RULES: tuple[RuleMeta, ...] = (
    UNREADABLE_FILE,
    PARSE_ERROR,
    LANGUAGE_SKIPPED,
    RULE_FAILED,
    EMPTY_DOCUMENT,
)
