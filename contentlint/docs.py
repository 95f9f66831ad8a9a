"""Rendering rule documentation from RuleMeta: one source for `explain`, `rules` and the docs."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .rule import RuleMeta, option_doc, option_fields

if TYPE_CHECKING:
    from .registry import Registry
    from .reporters import RuleDoc


def rule_record(meta: RuleMeta, options_cls: type | None = None) -> dict[str, Any]:
    return {
        "code": meta.code,
        "slug": meta.slug,
        "category": meta.category.value,
        "severity": meta.severity.value,
        "summary": meta.summary,
        "languages": sorted(meta.languages) if meta.languages is not None else None,
    }


def _default(f: dataclasses.Field[Any]) -> str:
    if f.default is not dataclasses.MISSING:
        value = f.default
    elif f.default_factory is not dataclasses.MISSING:
        value = f.default_factory()
    else:
        return "(required)"
    if isinstance(value, (tuple, frozenset, set, list)):
        value = sorted(value) if isinstance(value, (frozenset, set)) else list(value)
    return repr(value)


def rule_markdown(meta: RuleMeta, options_cls: type | None = None) -> str:
    """The rule's documentation in ruff's layout, as Markdown."""
    lines = [
        f"# {meta.code} {meta.slug}",
        "",
        f"Category: {meta.category.value} · default severity: {meta.severity.value}"
        + (f" · languages: {', '.join(sorted(meta.languages))}" if meta.languages else ""),
        "",
        "## What it does",
        "",
        meta.summary,
        "",
        "## Why is this bad?",
        "",
        meta.why,
        "",
        "## Example",
        "",
    ]
    for bad in meta.bad:
        lines += ["```", bad, "```", ""]
    lines += ["## Use instead", ""]
    for good in meta.good:
        lines += ["```", good, "```", ""]
    if meta.fix:
        lines += ["## How to fix", "", meta.fix, ""]
    fields = option_fields(options_cls) if options_cls else ()
    if fields:
        lines += ["## Options", ""]
        for f in fields:
            key = f.name.replace("_", "-")
            lines.append(f"- `{key}` (default `{_default(f)}`): {option_doc(f)}")
        lines += ["", "Set them in the config:", "", "```toml",
                  f"[tool.contentlint.rules.{meta.slug}]"]
        lines += [f"{f.name.replace('_', '-')} = {_toml(f)}" for f in fields]
        lines += ["```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _toml(f: dataclasses.Field[Any]) -> str:
    text = _default(f)
    if text in ("True", "False"):
        return text.lower()
    return text.replace("'", '"')


def rule_docs(registry: Registry) -> dict[str, RuleDoc]:
    """Documentation of every known rule as plain data for reporters (SARIF, HTML)."""
    from .reporters import RuleDoc

    out: dict[str, RuleDoc] = {}
    for meta in registry.metas():
        loaded = registry.get(meta.code)
        options = loaded.rule.Options if loaded is not None else None
        out[meta.code] = RuleDoc(
            code=meta.code,
            slug=meta.slug,
            category=meta.category.value,
            severity=meta.severity.value,
            summary=meta.summary,
            why=meta.why,
            fix=meta.fix,
            help_markdown=rule_markdown(meta, options),
        )
    return out
