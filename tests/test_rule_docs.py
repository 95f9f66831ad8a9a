"""Meta-tests over the registry: every rule is documented, and its examples are tests."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import contentlint.rules
import pytest

from contentlint.config import Config
from contentlint.docs import rule_markdown
from contentlint.engine import Linter, Overrides
from contentlint.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
_REGISTRY = Registry.from_entry_points()
RULES = [r for r in _REGISTRY.rules if r.origin == "contentlint[builtin]"]


def test_every_rule_module_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules(contentlint.rules.__path__) if not m.name.startswith("_")}
    registered = {r.rule.__module__.rsplit(".", 1)[1] for r in RULES}
    assert modules == registered


@pytest.mark.parametrize("loaded", RULES, ids=lambda r: r.meta.code)
def test_module_is_named_after_slug(loaded) -> None:  # type: ignore[no-untyped-def]
    assert loaded.rule.__module__.rsplit(".", 1)[1] == loaded.meta.slug.replace("-", "_")


@pytest.mark.parametrize("loaded", RULES, ids=lambda r: r.meta.code)
def test_examples_behave(loaded) -> None:  # type: ignore[no-untyped-def]
    meta = loaded.meta
    linter = Linter(registry=_REGISTRY, overrides=Overrides(select=(meta.code,), language="en"))
    ext = {"markdown": "md", "text": "txt", "html": "html"}[meta.example_format]
    for bad in meta.bad:
        result = linter.lint_text(bad, f"bad.{ext}", meta.example_format, Config())
        assert meta.code in {f.code for f in result.findings}, f"bad example not flagged: {bad!r}"
    for good in meta.good:
        result = linter.lint_text(good, f"good.{ext}", meta.example_format, Config())
        assert meta.code not in {f.code for f in result.findings}, f"good example flagged: {good!r}"


@pytest.mark.parametrize("meta", _REGISTRY.metas(), ids=lambda m: m.code)
def test_explain_text_is_complete(meta) -> None:  # type: ignore[no-untyped-def]
    loaded = _REGISTRY.get(meta.code)
    text = rule_markdown(meta, loaded.rule.Options if loaded else None)
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in text


def test_readme_rule_table_is_current() -> None:
    """The README's rule list is generated from the registry; regenerate with `python -m contentlint.docs_gen`."""
    from contentlint.docs_gen import rules_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", readme, re.S)
    assert match, "README.md lacks the <!-- rules:start --> ... <!-- rules:end --> block"
    assert match.group(1) == rules_table(_REGISTRY), (
        "README rule list is out of date: run `python -m contentlint.docs_gen --write`"
    )
