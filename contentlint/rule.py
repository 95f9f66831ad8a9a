"""The rule API: what a rule declares, what it receives, what it yields.

A rule is a class with a :class:`RuleMeta` and an optional frozen ``Options``
dataclass. It yields :class:`Hit` values; the engine stamps code, slug,
severity and line/column on them, so a rule never knows about output formats
or other rules. Rules must not keep state between documents.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from .config import Audience, default_audience
from .document import Block, Document, Span
from .findings import Severity

if TYPE_CHECKING:  # NOTE: analysis imports spaCy lazily; keep it out of import time
    from .analysis import Analysis

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Category(str, enum.Enum):
    ENGINE = "engine"
    TOPIC = "topic"
    STRUCTURE = "structure"
    PROMISES = "promises"
    SOURCING = "sourcing"
    READABILITY = "readability"
    STYLE = "style"
    CUSTOM = "custom"


class Need(str, enum.Enum):
    """What a rule needs from the analysis; decides whether spaCy is loaded at all."""

    SENTENCES = "sentences"
    TOKENS = "tokens"
    LEMMAS = "lemmas"
    METRICS = "metrics"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """A rule's identity and documentation (shown by ``contentlint explain``)."""

    code: str
    slug: str
    summary: str
    why: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    severity: Severity = Severity.WARNING
    category: Category = Category.CUSTOM
    needs: frozenset[Need] = frozenset()
    #: ISO 639-1 codes the rule understands; None means language-neutral.
    languages: frozenset[str] | None = frozenset({"en"})
    #: Format of the bad/good examples ("markdown" reads plain prose fine too).
    example_format: str = "markdown"
    fix: str | None = None


@dataclass(frozen=True, slots=True)
class NoOptions:
    """For rules without options."""


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: a source span and a message (what is wrong, what to do)."""

    span: Span
    message: str
    fix: str | None = None
    replacement: str | None = None
    related: tuple[tuple[Span, str], ...] = ()


OptionsT = TypeVar("OptionsT")


@dataclass(frozen=True, slots=True)
class RuleContext(Generic[OptionsT]):
    document: Document
    analysis: Analysis
    options: OptionsT
    #: The configured readership (config key ``audience``), read by readability rules.
    audience: Audience = field(default_factory=default_audience)


class Rule(Generic[OptionsT]):
    """Base class of every rule, built-in or plugin."""

    meta: ClassVar[RuleMeta]
    Options: ClassVar[type] = NoOptions

    def check(self, ctx: RuleContext[OptionsT]) -> Iterator[Hit]:
        raise NotImplementedError

    # Small helpers rules commonly need; they keep rules free of offset arithmetic.
    @staticmethod
    def block_hit(block: Block, start: int, end: int, message: str, **kwargs: Any) -> Hit:
        return Hit(block.source_span(start, end), message, **kwargs)


def option_fields(options_cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(options_cls) if dataclasses.is_dataclass(options_cls) else ()


def option_doc(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("doc", ""))


def option(default: Any, doc: str) -> Any:
    """Declare an option field with its documentation."""
    if isinstance(default, (list, dict, set)):
        raise TypeError("use a tuple or frozenset for collection defaults")
    return field(default=default, metadata={"doc": doc})
