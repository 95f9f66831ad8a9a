"""Which rules run and at what severity: selectors matched by specificity.

A selector is ``ALL``, a category (``readability``), a code prefix (``CL5``),
a full code (``CL502``) or a slug (``long-sentence``). When both a ``select``
and an ``ignore`` selector match a rule, the more specific one wins (a full
code or slug beats a prefix, a longer prefix beats a shorter one, a prefix
beats a category, a category beats ``ALL``); on a tie, ``ignore`` wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .findings import Severity
from .rule import RuleMeta

_EXACT = 100


def specificity(selector: str, meta: RuleMeta) -> int | None:
    """How specifically ``selector`` names ``meta``; None when it does not match."""
    sel = selector.strip()
    if not sel:
        return None
    if sel.upper() == "ALL":
        return 0
    if sel.lower() == meta.slug or sel.upper() == meta.code:
        return _EXACT
    if sel.lower() == meta.category.value:
        return 1
    if meta.code.startswith(sel.upper()) and any(c.isalpha() for c in sel):
        return 1 + len(sel)
    return None


def best(selectors: Iterable[str], meta: RuleMeta) -> int | None:
    scores = [s for s in (specificity(sel, meta) for sel in selectors) if s is not None]
    return max(scores) if scores else None


def is_enabled(
    meta: RuleMeta,
    select: Iterable[str] | None,
    ignore: Iterable[str],
    extend_select: Iterable[str] = (),
) -> bool:
    chosen = best(list(select) + list(extend_select) if select is not None else ["ALL", *extend_select], meta)
    if chosen is None:
        return False
    dropped = best(ignore, meta)
    return dropped is None or chosen > dropped


def severity_for(meta: RuleMeta, overrides: Mapping[str, Severity]) -> Severity:
    """The most specific severity override for a rule, else its default."""
    ranked = [
        (score, sev)
        for sel, sev in overrides.items()
        if (score := specificity(sel, meta)) is not None
    ]
    if not ranked:
        return meta.severity
    return max(ranked, key=lambda item: item[0])[1]


def unknown_selectors(selectors: Iterable[str], metas: Iterable[RuleMeta]) -> list[str]:
    """Selectors that name no rule at all (almost always a typo worth reporting)."""
    metas = list(metas)
    return [s for s in selectors if all(specificity(s, m) is None for m in metas)]
