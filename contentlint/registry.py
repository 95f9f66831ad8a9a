"""Discovering rules: entry points (built-ins and third parties alike) and local plugin files.

Loading order is deterministic (distribution name, entry-point name); every
rule is validated when loaded, and a failure names the plugin.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from .diagnostics import ENGINE_RULES
from .errors import PluginError
from .rule import CODE_PATTERN, SLUG_PATTERN, Category, Rule, RuleMeta, option_doc, option_fields

ENTRY_POINT_GROUP = "contentlint.rules"
BUILTIN_ORIGIN = "contentlint"


@dataclass(frozen=True, slots=True)
class LoadedRule:
    """A rule class and where it came from (a distribution[entry point] or a file)."""

    rule: type[Rule]  # type: ignore[type-arg]
    origin: str

    @property
    def meta(self) -> RuleMeta:
        return self.rule.meta


class Registry:
    """All known rules, immutable once built; ``with_plugins`` returns a new registry."""

    def __init__(self, rules: Sequence[LoadedRule]) -> None:
        self.rules: tuple[LoadedRule, ...] = tuple(rules)
        self._by_code = {r.meta.code: r for r in self.rules}
        self._by_slug = {r.meta.slug: r for r in self.rules}

    @classmethod
    def from_entry_points(cls, eps: Iterable[EntryPoint] | None = None) -> Registry:
        if eps is None:
            eps = entry_points(group=ENTRY_POINT_GROUP)
        loaded: list[LoadedRule] = []
        for ep in sorted(eps, key=lambda e: (_dist_name(e), e.name)):
            origin = f"{_dist_name(ep)}[{ep.name}]"
            try:
                rules = ep.load()
            except Exception as exc:  # any import-time failure of a plugin
                raise PluginError(origin, f"cannot be loaded: {type(exc).__name__}: {exc}") from exc
            loaded.extend(_rules_of(rules, origin, builtin=_dist_name(ep) == BUILTIN_ORIGIN))
        registry = cls(())
        return registry._extended(loaded)

    def with_plugins(self, paths: Sequence[Path]) -> Registry:
        """Add rules from local plugin files (``plugins = [...]`` in config)."""
        loaded: list[LoadedRule] = []
        for path in paths:
            loaded.extend(_rules_of(_load_file(path), str(path), builtin=False))
        return self._extended(loaded)

    def _extended(self, new: Sequence[LoadedRule]) -> Registry:
        codes = dict(self._by_code)
        slugs = dict(self._by_slug)
        for engine_meta in ENGINE_RULES:
            codes.setdefault(engine_meta.code, None)  # type: ignore[arg-type]
            slugs.setdefault(engine_meta.slug, None)  # type: ignore[arg-type]
        for item in new:
            meta = item.meta
            for taken, key, what in ((codes, meta.code, "code"), (slugs, meta.slug, "slug")):
                if key in taken:
                    other = taken[key].origin if taken[key] is not None else "the engine"
                    raise PluginError(item.origin, f"rule {what} {key!r} is already used by {other}")
                taken[key] = item
        return Registry(self.rules + tuple(new))

    def get(self, code_or_slug: str) -> LoadedRule | None:
        key = code_or_slug.strip()
        return self._by_code.get(key.upper()) or self._by_slug.get(key.lower())

    def metas(self) -> tuple[RuleMeta, ...]:
        """Engine diagnostics and all rules, sorted by code."""
        return tuple(sorted((*ENGINE_RULES, *(r.meta for r in self.rules)), key=lambda m: m.code))

    def meta(self, code_or_slug: str) -> RuleMeta | None:
        key = code_or_slug.strip()
        for meta in self.metas():
            if meta.code == key.upper() or meta.slug == key.lower():
                return meta
        return None


def _dist_name(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return dist.name if dist is not None else ep.value.split(":")[0].split(".")[0]


def _load_file(path: Path) -> object:
    if not path.is_file():
        raise PluginError(str(path), "file not found")
    name = f"contentlint_plugin_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(str(path), "not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # NOTE: dataclasses in the plugin need their module registered
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        raise PluginError(str(path), f"cannot be loaded: {type(exc).__name__}: {exc}") from exc
    rules = getattr(module, "RULES", None)
    if rules is None:
        raise PluginError(str(path), "defines no RULES tuple")
    return rules


def _rules_of(value: object, origin: str, builtin: bool) -> list[LoadedRule]:
    if isinstance(value, type):
        value = (value,)
    if not isinstance(value, Iterable):
        raise PluginError(origin, "must point to an iterable of Rule classes")
    out = []
    for rule in value:
        _validate(rule, origin, builtin)
        out.append(LoadedRule(rule, origin))
    return out


def _validate(rule: object, origin: str, builtin: bool) -> None:
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise PluginError(origin, f"{rule!r} is not a subclass of contentlint.Rule")
    meta = getattr(rule, "meta", None)
    if not isinstance(meta, RuleMeta):
        raise PluginError(origin, f"{rule.__name__} has no RuleMeta `meta`")
    problems = []
    if not CODE_PATTERN.match(meta.code):
        problems.append(f"code {meta.code!r} must look like ABC123")
    elif meta.code.startswith("CL") and not builtin:
        problems.append(f"code {meta.code!r}: the CL prefix is reserved for built-in rules")
    if not SLUG_PATTERN.match(meta.slug):
        problems.append(f"slug {meta.slug!r} must be kebab-case")
    if not meta.summary.strip() or not meta.why.strip():
        problems.append("summary and why must not be empty")
    if not meta.bad or not meta.good:
        problems.append("needs at least one bad and one good example")
    if not isinstance(meta.category, Category):
        problems.append("category must be a contentlint.Category")
    for f in option_fields(rule.Options):  # type: ignore[attr-defined]
        if not option_doc(f):
            problems.append(f"option {f.name!r} has no doc")
    if problems:
        raise PluginError(origin, f"rule {rule.__name__}: " + "; ".join(problems))
