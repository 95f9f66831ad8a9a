"""--profile timings and the progress bar: shown where they help, silent elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from contentlint.cli import app
from contentlint.findings import FileResult, Finding, Severity
from contentlint.profiling import Stats
from contentlint.progress import RichProgress, for_terminal

LONG = (
    "This sentence keeps going for far longer than any reader would like, because it strings "
    "together clause after clause about gardens, rain, roofs, driveways, drains, rivers, lakes "
    "and the many other things that the writer could not bring themselves to leave out today."
)


def test_profile_prints_stages_and_rules_to_stderr(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(f"# T\n\n{LONG}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(article), "-f", "json", "--jobs", "1", "--no-cache", "--profile"]
    )
    assert result.stdout.lstrip().startswith("{")  # the report is untouched
    err = result.stderr
    assert "contentlint profile: 1 files" in err
    for stage in ("parse: markdown", "analysis: spaCy pipeline", "analysis: metrics", "report: json"):
        assert stage in err
    assert "rules + engine + report vs shared analysis" in err
    rule_rows = [ln for ln in err.splitlines() if "CL502 long-sentence" in ln]
    assert rule_rows and rule_rows[0].split()[-1] == "1"  # one finding


def test_statistics_is_an_alias(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# T\n\nShort.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(article), "-f", "concise", "-j", "1", "--statistics"])
    assert "contentlint profile" in result.stderr


def test_stats_merge_across_workers() -> None:
    worker = Stats()
    worker.add("rule: CL502 long-sentence", 0.5)
    worker.count_findings("rule: CL502 long-sentence", 2)
    main = Stats()
    main.merge(worker.snapshot())
    main.merge({"seconds": {"rule: CL502 long-sentence": 0.25}, "calls": {"rule: CL502 long-sentence": 1}})
    assert main.seconds["rule: CL502 long-sentence"] == 0.75
    assert main.calls["rule: CL502 long-sentence"] == 2
    assert main.findings["rule: CL502 long-sentence"] == 2
    assert worker.seconds == {}  # snapshot resets the worker's counters


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _result(n: int) -> FileResult:
    finding = Finding("a.md", 1, 1, 1, 2, "CL502", "long-sentence", Severity.INFO, "long")
    return FileResult("a.md", "markdown", None, (finding,) * n)


def test_progress_only_on_a_terminal_and_not_quiet() -> None:
    assert for_terminal(quiet=False, stream=io.StringIO()) is None
    assert for_terminal(quiet=True, stream=_Terminal()) is None
    assert isinstance(for_terminal(quiet=False, stream=_Terminal()), RichProgress)


def test_progress_counts_files_and_findings() -> None:
    stream = _Terminal()
    bar = RichProgress(stream)
    bar.start(3)
    for n in (2, 0, 1):
        bar.advance(_result(n))
    assert bar._bar.tasks[0].completed == 3
    assert bar.findings == 3
    bar.close()
    assert "checking" in stream.getvalue()


def test_no_progress_bar_for_a_single_file() -> None:
    stream = _Terminal()
    bar = RichProgress(stream)
    bar.start(1)
    bar.advance(_result(1))
    bar.close()
    assert stream.getvalue() == ""
