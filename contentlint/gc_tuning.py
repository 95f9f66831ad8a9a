"""Garbage-collector settings for contentlint's own processes: the CLI and its workers.

Why: a check keeps about one small object per word alive (the analysis
views), and CPython's default gen-0 threshold of 700 allocations runs a
collection every few sentences, each older generation traversing everything
alive: 5-10% of a corpus run for nothing, since the analysis makes few
reference cycles. Library users (the API, Dask) keep their own settings: a
library must not change a process-wide knob behind its caller's back.
"""

from __future__ import annotations

import gc

#: Allocations between gen-0 collections (CPython's default: 700).
GEN0_THRESHOLD = 50_000


def tune_for_checking() -> None:
    """Collect rarely, and never traverse what was imported before the run."""
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
    gc.freeze()  # NOTE: also keeps the collector from touching pages a forkserver shares


def freeze_before_fork() -> None:
    """In a forkserver: move everything loaded so far out of the collector's reach, so
    forked workers do not copy shared pages merely by collecting them."""
    gc.collect()
    gc.freeze()
