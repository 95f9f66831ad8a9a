"""contentlint: a content-quality linter for articles.

The public API for rule authors and embedders: the rule API (``Rule``,
``RuleMeta``, ``Hit``, ...), the result types, and the batch functions
``lint_paths``, ``lint_text`` and ``lint_texts`` (see docs/performance.md).

Every name is imported on first use (PEP 562 module ``__getattr__``), so
``import contentlint`` and ``contentlint --version`` load nothing but this
file; spaCy loads only when a document is analysed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # NOTE: real imports for type checkers and IDEs; lazy at run time
    from .api import lint_paths, lint_text, lint_texts
    from .document import Block, BlockKind, Document, Link, Section, Span
    from .findings import FileResult, Finding, LintResult, Severity
    from .rule import Category, Hit, Need, NoOptions, Rule, RuleContext, RuleMeta, option

_LAZY: dict[str, str] = {
    **dict.fromkeys(("Block", "BlockKind", "Document", "Link", "Section", "Span"), "document"),
    **dict.fromkeys(("FileResult", "Finding", "LintResult", "Severity"), "findings"),
    **dict.fromkeys(
        ("Category", "Hit", "Need", "NoOptions", "Rule", "RuleContext", "RuleMeta", "option"), "rule"
    ),
    **dict.fromkeys(("lint_paths", "lint_text", "lint_texts"), "api"),
}

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
    "lint_paths",
    "lint_text",
    "lint_texts",
    "option",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'contentlint' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # NOTE: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
