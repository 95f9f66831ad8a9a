"""Human-friendly terminal output built with rich.

Findings are grouped by file and each shows the source line with the flagged
characters underlined. Getting that underline right is most of this module:
columns in findings count characters, but terminals count cells (CJK and most
emoji take two, combining marks none, a tab up to the next tab stop), so the
source row is first turned into display text and the marker offset is
measured in cells on exactly that text. Long lines are cut to a window around
the span for the same reason: a line the terminal wraps loses the alignment.

Article text reaches rich only as :class:`rich.text.Text` (never as markup)
and only after control characters were made visible, so neither ``[bold]`` nor
an ESC byte in an article can change what the terminal does.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from contentlint.findings import FileResult, Finding, LintResult, Severity

from . import ReportOptions, printable, sorted_files, sorted_findings, visible_char

#: Lines longer than this many cells are always windowed around the span.
MAX_SOURCE_CELLS = 120
TAB_SIZE = 4
DEFAULT_WIDTH = 100

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

#: Metrics shown first, in this order; any other keys follow in their own order.
_METRIC_ORDER = (
    "words",
    "sentences",
    "blocks",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "language",
)
#: Bookkeeping every analysed file has; alone they do not make a metrics panel worth
#: showing (otherwise every clean file would get one), with readability data they join it.
_BASIC_METRICS = frozenset({"language", "blocks", "words", "sentences"})


# --- the source row and its underline (pure; no rich rendering involved) -------------


@dataclass(frozen=True, slots=True)
class Snippet:
    """A source row ready to print and where its underline goes, both in cells."""

    text: str
    marker_offset: int
    marker_width: int


def _display_pieces(line: str) -> list[str]:
    """Per source character, the text shown for it (tabs expanded, controls visible).

    Tab stops are computed in cells from the start of the *whole* line, so the
    expansion is the same whether or not the row is later windowed.
    """
    pieces: list[str] = []
    column = 0  # cells before the current segment
    segment: list[str] = []  # pieces since the last tab, measured together at the next one
    for char in line:
        if char == "\t":
            column += cell_len("".join(segment))
            segment = []
            spaces = " " * (TAB_SIZE - column % TAB_SIZE)
            column += len(spaces)
            pieces.append(spaces)
        else:
            piece = visible_char(char)
            segment.append(piece)
            pieces.append(piece)
    return pieces


@lru_cache(maxsize=16)
def _layout(line: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Display pieces of ``line`` and the cells before each character.

    Cached because a long line (minified HTML can be one huge line) often
    carries many findings, and laying it out is linear in its length.
    """
    if _ONE_CELL_EACH.fullmatch(line):
        return tuple(line), tuple(range(len(line) + 1))
    pieces = _display_pieces(line)
    cumulative = [0]
    for piece in pieces:
        cumulative.append(cumulative[-1] + cell_len(piece))
    return tuple(pieces), tuple(cumulative)


#: Lines made only of characters that are shown as themselves in one cell each
#: (printable ASCII, Latin letters and marks, typographic quotes and dashes; no tabs,
#: controls, soft hyphens, combining or bidi marks): laid out without a per-character
#: pass, which was most of a long report's cost (news paragraphs are long lines).
_ONE_CELL_EACH = re.compile("[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*")


def build_snippet(
    line: str,
    start: int,
    end: int | None,
    *,
    budget: int = MAX_SOURCE_CELLS,
    ellipsis: str = "\u2026",
) -> Snippet:
    """The display row for ``line`` with the span ``[start, end)`` (0-based characters).

    ``end=None`` underlines to the end of the line (a span that continues on
    later lines). When the row is wider than ``budget`` cells it is cut to a
    window around the span, marked with ``ellipsis`` at each cut end. An empty
    span still gets a one-cell marker (it may sit just past the last character).
    """
    pieces, cumulative = _layout(line)
    count = len(pieces)
    start = max(0, min(start, count))
    end = count if end is None else max(start, min(end, count))
    total = cumulative[-1]

    first, last = 0, count
    if total > budget:
        first, last = _window(cumulative, start, end, budget, 2 * cell_len(ellipsis))
    lead = ellipsis if first > 0 else ""
    trail = ellipsis if last < count else ""
    shown_start = max(first, min(start, last))
    shown_end = max(shown_start, min(end, last))
    offset = cell_len(lead + "".join(pieces[first:shown_start]))
    width = cell_len("".join(pieces[shown_start:shown_end]))
    return Snippet(lead + "".join(pieces[first:last]) + trail, offset, max(1, width))


def _window(
    cumulative: Sequence[int], start: int, end: int, budget: int, reserved: int
) -> tuple[int, int]:
    """Character bounds of a window of at most ``budget - reserved`` cells around the span.

    A span that fits is centred; a wider one is shown from a little before its
    start. Bounds never split a wide character.
    """
    total = cumulative[-1]
    available = max(1, budget - reserved)
    span_start, span_end = cumulative[start], cumulative[end]
    span_width = max(1, span_end - span_start)
    context = min(8, available // 4)
    if span_width + 2 * context <= available:
        left = span_start - (available - span_width) // 2
    else:
        left = span_start - context
    left = max(0, left)
    right = left + available
    if right > total:
        right = total
        left = max(0, total - available)
    first = min(bisect_left(cumulative, left), start)
    last = max(bisect_right(cumulative, right) - 1, first)
    return first, last


# --- rendering --------------------------------------------------------------------------


def _plural(count: int, noun: str) -> str:
    if noun == "info":
        return f"{count} info"
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _severity_counts(findings: Sequence[Finding]) -> Text:
    counts = Counter(finding.severity for finding in findings)
    text = Text()
    for severity in _SEVERITY_ORDER:
        if counts[severity]:
            if text:
                text.append(", ")
            text.append(_plural(counts[severity], severity.value), SEVERITY_STYLE[severity])
    return text


class _Printer:
    """Writes one result; holds the console and the per-run presentation choices."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.console = Console(
            file=out,
            force_terminal=options.color,
            no_color=not options.color,
            color_system="standard" if options.color else None,
            width=options.width or DEFAULT_WIDTH,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=False,
        )
        utf = self.console.encoding.lower().replace("-", "").startswith("utf")
        self.bar = "\u2502" if utf else "|"
        self.ellipsis = "\u2026" if utf else "..."
        self.quotes = ("\u201c", "\u201d") if utf else ('"', '"')

    def line(self, text: Text) -> None:
        """Print ``text`` unwrapped: rich must never re-flow a source row or a location."""
        self.console.print(text, soft_wrap=True)

    def file_header(self, file: FileResult, findings: Sequence[Finding]) -> None:
        header = Text.assemble((printable(file.path), "bold underline"))
        if file.format:
            header.append(f"  {printable(file.format)}", style="dim")
        if file.title:
            opening, closing = self.quotes
            header.append(f"  {opening}{printable(file.title)}{closing}", style="italic")
        header.append("  ")
        if findings:
            header.append_text(_severity_counts(findings))
        else:
            header.append("no problems", style="green")
        self.line(header)

    def finding(self, finding: Finding, source: str | None, gutter: int) -> None:
        style = SEVERITY_STYLE[finding.severity]
        head = Text()
        head.append(f"{printable(finding.path)}:{finding.line}:{finding.column}", style="bold")
        head.append(" ")
        head.append(finding.severity.value, style=style)
        head.append(" ")
        head.append(finding.code, style="bold")
        head.append(" ")
        head.append(finding.slug, style="dim")
        head.append("  ")
        head.append(printable(finding.message))
        self.line(head)
        pad = " " * (gutter + 2)
        if source is not None:
            self.snippet(finding, source, gutter, style)
        elif finding.excerpt:  # no source line kept: the flagged text is the next best thing
            first = next((text for text in finding.excerpt.splitlines() if text.strip()), "")
            excerpt = build_snippet(first, 0, 0, ellipsis=self.ellipsis).text
            self.line(Text.assemble(pad, ("= excerpt: ", "dim"), excerpt))
        if finding.fix:
            self.line(Text.assemble(pad, ("= fix: ", "green"), printable(finding.fix)))
        elif finding.replacement is not None:
            replacement = printable(finding.replacement)
            hint = f"replace with {self.quotes[0]}{replacement}{self.quotes[1]}"
            self.line(Text.assemble(pad, ("= fix: ", "green"), hint))
        for related in finding.related:
            where = f"{related.line}:{related.column}: {printable(related.message)}"
            self.line(Text.assemble(pad, ("= note: ", "cyan"), where))

    def snippet(self, finding: Finding, source: str, gutter: int, style: str) -> None:
        # A span ending at column 1 of a later line only takes that line's break.
        more = finding.end_line - finding.line - (1 if finding.end_column <= 1 else 0)
        end = None if finding.end_line > finding.line else finding.end_column - 1
        prefix_cells = gutter + 4  # " NNN │ "
        budget = max(20, min(MAX_SOURCE_CELLS, self.console.width - prefix_cells))
        snip = build_snippet(
            source, finding.column - 1, end, budget=budget, ellipsis=self.ellipsis
        )
        number = str(finding.line).rjust(gutter)
        row = Text.assemble((f" {number} {self.bar} ", "dim"), snip.text)
        marker = Text.assemble(
            (f" {' ' * gutter} {self.bar} ", "dim"),
            " " * snip.marker_offset,
            ("^" + "~" * (snip.marker_width - 1), style),
        )
        if more > 0:
            marker.append(f" (+{more} line{'s' if more != 1 else ''})", style="dim")
        self.line(row)
        self.line(marker)

    def metrics(self, metrics: Mapping[str, Any]) -> None:
        rows = _metric_rows(metrics)
        if not rows:
            return
        grid = Table.grid(padding=(0, 1))
        pairs_per_row = 2
        for _ in range(pairs_per_row):
            grid.add_column(style="dim")
            grid.add_column(justify="right")
            grid.add_column(width=2)
        for index in range(0, len(rows), pairs_per_row):
            cells: list[Text] = []
            for key, value in rows[index : index + pairs_per_row]:
                cells.extend((Text(key), Text(value, style="bold"), Text("")))
            grid.add_row(*cells)
        self.console.print(
            Panel(grid, title=Text("metrics"), title_align="left", expand=False, border_style="dim")
        )

    def summary(self, result: LintResult, findings: Sequence[Finding]) -> None:
        per_rule = Counter((f.code, f.slug, f.severity) for f in findings)
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            title=Text("Findings by rule"),
            title_justify="left",
        )
        table.add_column(Text("code"))
        table.add_column(Text("slug"))
        table.add_column(Text("severity"))
        table.add_column(Text("count"), justify="right")
        ordered = sorted(per_rule.items(), key=lambda item: (-item[0][2].rank, item[0][:2]))
        for (code, slug, severity), count in ordered:
            severity_text = Text(severity.value, style=SEVERITY_STYLE[severity])
            table.add_row(Text(code), Text(slug), severity_text, Text(str(count)))
        self.console.print(table)
        files_with = len({f.path for f in findings})
        total = Text.assemble((_plural(len(findings), "problem"), "bold"))
        total.append(" (")
        counts = result.counts()
        for index, severity in enumerate(_SEVERITY_ORDER):
            if index:
                total.append(", ")
            total.append(_plural(counts[severity.value], severity.value), SEVERITY_STYLE[severity])
        total.append(f") in {files_with} of {_plural(len(result.files), 'file')}")
        self.line(total)


def _format_metric(value: Any, nested: bool = True) -> str | None:
    """A metric for display: floats to one decimal, nested mappings as ``k=v`` pairs."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}" if math.isfinite(value) else "n/a"
    if isinstance(value, str):
        return printable(value) or None
    if isinstance(value, Mapping):
        if not nested:
            return None
        parts = []
        for key, item in value.items():
            shown = _format_metric(item, nested=False)
            if shown is not None:
                parts.append(f"{printable(str(key))}={shown}")
        return ", ".join(parts) or None
    if isinstance(value, (list, tuple)):
        items = [_format_metric(item, nested=False) for item in value]
        return ", ".join(item for item in items if item is not None) or None
    return printable(str(value))


def _metric_rows(metrics: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Label/value pairs for the metrics panel; empty when there is no readability data."""
    keys = [key for key in _METRIC_ORDER if key in metrics]
    keys += [key for key in metrics if key not in _METRIC_ORDER]
    rows = []
    readability = False
    for key in keys:
        shown = _format_metric(metrics[key])
        if shown is not None:
            rows.append((printable(str(key)), shown))
            readability = readability or key not in _BASIC_METRICS
    return rows if readability else []


def render(result: LintResult, out: TextIO, options: ReportOptions) -> None:
    """Write ``result`` for a person at a terminal (or a log, with colour off)."""
    printer = _Printer(out, options)
    all_findings = result.findings
    if not all_findings:
        if not options.quiet:
            count = len(result.files)
            printer.line(Text(f"No problems found in {_plural(count, 'file')}.", style="green"))
        return
    for file in sorted_files(result.files):
        findings = sorted_findings(file.findings)
        show_metrics = not options.quiet and bool(_metric_rows(file.metrics))
        if not findings and not show_metrics:
            continue
        if not options.quiet:
            printer.file_header(file, findings)
        gutter = len(str(max((f.line for f in findings), default=1)))
        for finding in findings:
            printer.finding(finding, file.line(finding.line), gutter)
            printer.line(Text())
        if show_metrics:
            printer.metrics(file.metrics)
            printer.line(Text())
    if not options.quiet:
        printer.summary(result, all_findings)
