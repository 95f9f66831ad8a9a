"""Every rule's own work grows linearly with the document: no loop over pairs of blocks or sentences.

Each registered rule (built-in now and later: the list comes from the
registry) runs on a document and on one four times as long, after the shared
analysis (spaCy, sentences, words, metrics) has been computed, so only the
rule's own time is measured. The documents are made of the rules' own
documented bad and good examples, which are exactly the text that makes
rules do work, in two shapes: many blocks and sections (loops over blocks and
headings) and one enormous paragraph (loops over sentences in a block).

CPU time of this process, best of three, and a generous ratio (x9 for x4
input; quadratic is x16) keep this free of flakiness on a busy machine.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from contentlint.analysis import Analysis
from contentlint.config import Config
from contentlint.engine import Linter, Overrides
from contentlint.registry import LoadedRule, Registry
from contentlint.rule import RuleContext

MAX_RATIO = 9.0
MIN_MEASURABLE = 0.02
FACTOR = 4
#: Copies of every rule's examples in the smaller document (about 10 KB each).
COPIES = 3

#: slug -> why it is known to grow faster than linearly (owners told; see the hardening report).
KNOWN_SUPERLINEAR: dict[str, str] = {}


def _examples(registry: Registry) -> list[str]:
    return [text for loaded in registry.rules for text in (*loaded.meta.bad, *loaded.meta.good)]


def _many_blocks(examples: list[str], copies: int) -> str:
    parts = ["# Scaling test article\n"]
    for i in range(copies):
        parts.append(f"\n## Part {i}: what this section will cover\n")
        parts.extend(f"\n{text}\n" for text in examples)
    return "".join(parts)


def _one_paragraph(examples: list[str], copies: int) -> str:
    flat = " ".join(" ".join(line.strip("#- ") for line in text.splitlines() if line.strip())
                    for text in examples)
    return "# One paragraph\n\n" + " ".join([flat] * copies) + "\n"


SHAPES: dict[str, Callable[[list[str], int], str]] = {
    "many-blocks": _many_blocks,
    "one-paragraph": _one_paragraph,
}


@pytest.fixture(scope="module")
def scaling_linter() -> Linter:
    return Linter(overrides=Overrides(metrics=True))


@pytest.fixture(scope="module")
def analyses(scaling_linter: Linter) -> dict[tuple[str, int], tuple[object, Analysis]]:
    """(shape, copies) -> (document, analysis) with the shared views already computed."""
    from contentlint.parsers import parser_for

    linter = scaling_linter
    examples = _examples(linter.registry)
    config = Config()
    plan = linter.plan_for(config)
    linter.warm_up(config)
    pipeline = plan.pipeline or linter._pipeline(config.model)
    out = {}
    for shape, make in SHAPES.items():
        for copies in (COPIES, COPIES * FACTOR):
            text = make(examples, copies)
            document = parser_for("markdown")(text, f"{shape}.md")
            analysis = Analysis(document, pipeline, "en")
            for view in ("docs", "sentences", "words", "lemma_counts", "metrics"):
                getattr(analysis, view)
            out[(shape, copies)] = (document, analysis)
    return out


def _rules() -> list[LoadedRule]:
    return list(Registry.from_entry_points().rules)


def _cpu_best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs, with the garbage collector held off while timing."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            fn()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("loaded", _rules(), ids=lambda r: r.meta.slug)
def test_rule_grows_linearly(
    loaded: LoadedRule, shape: str, analyses: dict, scaling_linter: Linter  # type: ignore[type-arg]
) -> None:
    if loaded.meta.slug in KNOWN_SUPERLINEAR:
        pytest.xfail(KNOWN_SUPERLINEAR[loaded.meta.slug])
    plan = scaling_linter.plan_for(Config())
    options = next(a.options for a in plan.rules if a.meta.code == loaded.meta.code)
    times = []
    for copies in (COPIES, COPIES * FACTOR):
        document, analysis = analyses[(shape, copies)]
        ctx = RuleContext(document, analysis, options, Config().audience)
        run = lambda ctx=ctx: list(loaded.rule().check(ctx))  # noqa: E731
        run()  # the first run may compute views only this rule needs; they must be linear too
        times.append(_cpu_best(run))
    small, large = times
    if large < MIN_MEASURABLE:
        return
    ratio = large / max(small, 1e-3)
    assert ratio < MAX_RATIO, (
        f"{loaded.meta.code} {loaded.meta.slug} on {shape}: x{FACTOR} input took x{ratio:.1f} "
        f"time ({small:.3f} s -> {large:.3f} s): a loop over pairs of blocks or sentences?"
    )
