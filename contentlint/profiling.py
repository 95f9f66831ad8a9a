"""``--profile``: where the time goes, per stage and per rule.

The engine calls :meth:`Stats.time` around each stage when profiling is on
(and skips even that when it is off). Worker processes send their totals back
with each result; the main process merges them, so the per-stage figures are
summed CPU-side time across processes while the header shows wall time.
Lazy analysis views are charged to the first stage that touches them, so the
engine computes the shared views up front when profiling (see
``Linter.lint_document``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from time import perf_counter
from typing import TextIO

#: Label prefixes; the report groups stages by them.
SETUP, READ, CACHE, PARSE, ANALYSIS, RULE, ENGINE, REPORT = (
    "setup",
    "read",
    "cache",
    "parse",
    "analysis",
    "rule",
    "engine",
    "report",
)


class Stats:
    """Seconds and call counts per label ("analysis: sentences", "rule: CL502 long-sentence")."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.findings: dict[str, int] = {}

    @contextmanager
    def time(self, label: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self.add(label, perf_counter() - start)

    def add(self, label: str, seconds: float, calls: int = 1) -> None:
        self.seconds[label] = self.seconds.get(label, 0.0) + seconds
        self.calls[label] = self.calls.get(label, 0) + calls

    def count_findings(self, label: str, n: int) -> None:
        if n:
            self.findings[label] = self.findings.get(label, 0) + n

    def snapshot(self) -> dict[str, dict[str, float]]:
        """Plain data to send from a worker process (and reset for the next file)."""
        data = {"seconds": dict(self.seconds), "calls": dict(self.calls), "findings": dict(self.findings)}
        self.seconds.clear()
        self.calls.clear()
        self.findings.clear()
        return data  # type: ignore[return-value]

    def merge(self, data: Mapping[str, Mapping[str, float]]) -> None:
        for label, seconds in data.get("seconds", {}).items():
            self.add(label, seconds, int(data.get("calls", {}).get(label, 1)))
        for label, n in data.get("findings", {}).items():
            self.count_findings(label, int(n))

    def total(self, prefix: str) -> float:
        return sum(s for label, s in self.seconds.items() if _group(label) == prefix)

    def render(self, out: TextIO, *, files: int, wall: float, jobs: int) -> None:
        """A plain-text table on ``out`` (stderr): stages, the analysis/rules split, rules."""
        analysis = self.total(ANALYSIS)
        rules = self.total(RULE)
        overhead = self.total(ENGINE) + self.total(REPORT)
        rate = files / wall if wall > 0 else 0.0
        out.write(
            f"contentlint profile: {files} files in {wall:.3f} s wall ({rate:.1f} files/s), "
            f"{jobs} job{'s' if jobs != 1 else ''}; stage times are summed over processes\n"
        )
        out.write(f"  {'stage':<48} {'seconds':>9} {'calls':>7} {'share':>6}\n")
        stages = sorted(
            (label for label in self.seconds if _group(label) != RULE),
            key=lambda lb: (_ORDER.get(_group(lb), 99), lb),
        )
        busy = sum(self.seconds.values()) or 1.0
        for label in stages:
            out.write(_row(label, self.seconds[label], self.calls[label], busy))
        if analysis > 0:
            ratio = (rules + overhead) / analysis
            out.write(
                f"  rules + engine + report vs shared analysis: {rules + overhead:.3f} s / "
                f"{analysis:.3f} s = {ratio:.2f}x\n"
            )
        out.write(f"  {'rule':<48} {'seconds':>9} {'calls':>7} {'share':>6} {'findings':>9}\n")
        by_time = sorted(
            (label for label in self.seconds if _group(label) == RULE),
            key=lambda lb: -self.seconds[lb],
        )
        for label in by_time:
            row = _row(label[len(RULE) + 2 :], self.seconds[label], self.calls[label], busy)
            out.write(f"{row.rstrip()} {self.findings.get(label, 0):>9}\n")


_ORDER = {SETUP: 0, READ: 1, CACHE: 2, PARSE: 3, ANALYSIS: 4, ENGINE: 6, REPORT: 7}


def _group(label: str) -> str:
    return label.split(":", 1)[0]


def _row(label: str, seconds: float, calls: int, busy: float) -> str:
    return f"  {label[:48]:<48} {seconds:>9.3f} {calls:>7} {100 * seconds / busy:>5.1f}%\n"
