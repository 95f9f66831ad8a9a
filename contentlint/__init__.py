"""contentlint: a content-quality linter for articles.

The public API for rule authors and embedders. Everything here imports
without spaCy; the NLP pipeline loads only when a document is analysed.
"""

from __future__ import annotations

from ._version import __version__
from .document import Block, BlockKind, Document, Link, Section, Span
from .findings import FileResult, Finding, LintResult, Severity
from .rule import Category, Hit, Need, NoOptions, Rule, RuleContext, RuleMeta, option

__all__ = [
    "Block",
    "BlockKind",
    "Category",
    "Document",
    "FileResult",
    "Finding",
    "Hit",
    "Link",
    "LintResult",
    "Need",
    "NoOptions",
    "Rule",
    "RuleContext",
    "RuleMeta",
    "Section",
    "Severity",
    "Span",
    "__version__",
    "option",
]
