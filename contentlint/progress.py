"""A progress bar on stderr for long runs, and silence everywhere else.

Shown only when stderr is a terminal and the run is not ``--quiet``: CI logs,
pipes and editors get nothing. The bar is transient (erased when the run
ends), so it never mixes with the report, and rich is imported only when it
is actually shown.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from .findings import FileResult

#: Fewer files than this finish before a bar would be worth drawing.
MIN_FILES = 2


class ProgressReporter(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, result: FileResult) -> None: ...

    def close(self) -> None: ...


def for_terminal(quiet: bool, stream: TextIO | None = None) -> ProgressReporter | None:
    """A rich progress bar if ``stream`` (stderr) is an interactive terminal, else None."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not _is_terminal(stream):
        return None
    return RichProgress(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class RichProgress:
    """Files done, findings so far, files per second and time left."""

    def __init__(self, stream: TextIO, min_files: int = MIN_FILES) -> None:
        self.stream = stream
        self.min_files = min_files
        self.findings = 0
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        if total < self.min_files:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[findings]} findings,"),
            TextColumn("{task.fields[rate]} files/s,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(file=self.stream),
            transient=True,
        )
        self._task = self._bar.add_task("check", total=total, findings=0, rate="-")
        self._bar.start()

    def advance(self, result: FileResult) -> None:
        self.findings += len(result.findings)
        if self._bar is None:
            return
        speed = self._bar.tasks[0].speed
        rate = f"{speed:.1f}" if speed else "-"
        self._bar.update(self._task, advance=1, findings=self.findings, rate=rate)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
