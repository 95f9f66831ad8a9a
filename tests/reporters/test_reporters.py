"""Tests for the pretty, concise and json reporters.

Results are built by hand so the tests pin the output formats without
depending on parsers or rules.
"""

from __future__ import annotations

import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len

from contentlint._version import __version__
from contentlint.document import Span
from contentlint.findings import FileResult, Finding, LintResult, Related, Severity
from contentlint.reporters import (
    REPORTERS,
    ReportOptions,
    UnknownReporterError,
    get_reporter,
    is_failure,
)
from contentlint.reporters.pretty import build_snippet

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "contentlint" / "data" / "report-schema-v1.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

A = "docs/alpha.md"
B = "docs/beta.html"
LONG_LINE = "x" * 190 + " lorem ipsum here " + "y" * 100  # "lorem ipsum" = columns 192..202
ALPHA_LINES = {
    3: "Some lorem ipsum text here.",
    5: "\tIndented\tTODO: finish",
    7: "日本語の文章には lorem があります",
    9: LONG_LINE,
    11: "The promise starts here",
    15: "Broken [bold]x[/bold] markup",
}
ALPHA_METRICS = {
    "words": 523,
    "sentences": 31,
    "flesch_reading_ease": 64.2345,
    "flesch_kincaid_grade": 8.04,
    "gunning_fog": 10.96,
    "smog_index": 9.0,
    "dale_chall": 7.31,
    "language": "en",
    "headings": {"h2": 3, "h3": 1},
}


def finding(
    path: str,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    code: str,
    slug: str,
    severity: Severity,
    message: str,
    excerpt: str = "",
    fix: str | None = None,
    **kwargs: object,
) -> Finding:
    return Finding(
        path, line, column, end_line, end_column, code, slug, severity, message, excerpt, fix,
        **kwargs,  # type: ignore[arg-type]
    )


# Deliberately out of order: reporters must sort.
PLACEHOLDER = finding(
    A, 3, 6, 3, 17, "CL502", "placeholder-text", Severity.ERROR, 'Placeholder "lorem ipsum"',
    "lorem ipsum", "Replace it with real text.", span=Span(20, 31), category="structure",
)
ALPHA_FINDINGS = (
    finding(
        A, 15, 8, 15, 22, "CL710", "markup-left", Severity.INFO,
        'Markup "[bold]x[/bold]" left in text', "[bold]x[/bold]",
    ),
    PLACEHOLDER,
    finding(A, 5, 11, 5, 15, "CL503", "todo-marker", Severity.WARNING, "TODO marker", "TODO"),
    finding(A, 7, 10, 7, 15, "CL502", "placeholder-text", Severity.ERROR, 'Placeholder "lorem"',
            "lorem"),
    finding(A, 9, 192, 9, 203, "CL502", "placeholder-text", Severity.ERROR,
            'Placeholder "lorem ipsum"', "lorem ipsum"),
    finding(A, 11, 5, 13, 3, "CL301", "unkept-promise", Severity.WARNING, "Promise not kept",
            "promise starts here\n...\nen"),
)
ALPHA = FileResult(
    A, "markdown", "Alpha [draft]", ALPHA_FINDINGS, metrics=ALPHA_METRICS, language="en",
    source_lines=tuple(ALPHA_LINES.values()), line_numbers=tuple(ALPHA_LINES),
)
BETA_FINDING = finding(
    B, 2, 1, 2, 5, "CL301", "unkept-promise", Severity.WARNING, "Second promise", "next",
    replacement="then", related=(Related("first promise here", 1, 3, 1, 9),),
)
BETA = FileResult(B, "html", None, (BETA_FINDING,), source_lines=("next we show",),
                  line_numbers=(2,))
RESULT = LintResult((BETA, ALPHA))  # not sorted by path on purpose


def render(name: str, result: LintResult = RESULT, **options: object) -> str:
    out = io.StringIO()
    get_reporter(name)(result, out, ReportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def clean_file(path: str, metrics: dict[str, object] | None = None) -> FileResult:
    return FileResult(path, "markdown", None, (), metrics=metrics or {})


# --- registry and options ------------------------------------------------------------


def test_get_reporter_returns_each_modules_render() -> None:
    assert set(REPORTERS) == {"pretty", "concise", "json", "sarif", "github", "junit", "html"}
    for name in REPORTERS:
        assert callable(get_reporter(name))


def test_unknown_reporter_names_the_choices() -> None:
    with pytest.raises(KeyError) as caught:
        get_reporter("xml")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, UnknownReporterError)
    assert str(caught.value) == "unknown reporter 'xml' (expected one of: concise, github, html, json, junit, pretty, sarif)"


def test_report_options_validate_and_normalise_fail_on() -> None:
    assert ReportOptions(fail_on=" Warning ").fail_on == "warning"
    with pytest.raises(ValueError, match="never"):
        ReportOptions(fail_on="fatal")
    with pytest.raises(ValueError):
        ReportOptions(width=0)


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", True), ("warning", True), ("info", True), ("never", False)]
)
def test_is_failure(fail_on: str, expected: bool) -> None:
    assert is_failure(RESULT, fail_on) is expected


def test_is_failure_below_threshold() -> None:
    only_beta = LintResult((BETA,))
    assert not is_failure(only_beta, "error")
    assert is_failure(only_beta, "warning")


def test_concise_and_json_do_not_import_rich() -> None:
    code = (
        "import sys, contentlint.findings\n"
        "before = 'rich' in sys.modules\n"
        "import contentlint.reporters.concise, contentlint.reporters.json\n"
        "from contentlint.reporters import get_reporter\n"
        "get_reporter('concise'); get_reporter('json')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'rich')\n"
        "assert before or not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- concise -------------------------------------------------------------------------

CONCISE = """\
docs/alpha.md:3:6: CL502 [error] Placeholder "lorem ipsum"
docs/alpha.md:5:11: CL503 [warning] TODO marker
docs/alpha.md:7:10: CL502 [error] Placeholder "lorem"
docs/alpha.md:9:192: CL502 [error] Placeholder "lorem ipsum"
docs/alpha.md:11:5: CL301 [warning] Promise not kept
docs/alpha.md:15:8: CL710 [info] Markup "[bold]x[/bold]" left in text
docs/beta.html:2:1: CL301 [warning] Second promise
"""


def test_concise_exact_lines() -> None:
    assert render("concise") == CONCISE


def test_concise_ignores_quiet_and_color() -> None:
    assert render("concise", quiet=True) == CONCISE
    assert render("concise", color=True) == CONCISE


def test_concise_sorts_same_position_by_code_and_stays_one_line() -> None:
    first = finding("a.md", 1, 1, 1, 2, "CL900", "zz", Severity.INFO, "two\nlines\x1b[31m")
    second = finding("a.md", 1, 1, 1, 2, "CL100", "aa", Severity.ERROR, "tab\there")
    result = LintResult((FileResult("a.md", None, None, (first, second)),))
    assert render("concise", result) == (
        "a.md:1:1: CL100 [error] tab here\n"
        "a.md:1:1: CL900 [info] two lines\u241b[31m\n"
    )


def test_concise_empty_result_prints_nothing() -> None:
    assert render("concise", LintResult((clean_file("a.md"),))) == ""


# --- json ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def validate(report: object, schema: dict[str, object]) -> None:
    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)


def test_json_validates_and_has_exact_values(schema: dict[str, object]) -> None:
    text = render("json")
    assert text.endswith("}\n")
    report = json.loads(text)
    validate(report, schema)
    assert report["version"] == 1
    assert report["tool"] == {"name": "contentlint", "version": __version__}
    assert [f["path"] for f in report["files"]] == [A, B]
    alpha, beta = report["files"]
    assert (alpha["format"], alpha["title"]) == ("markdown", "Alpha [draft]")
    assert alpha["language"] == "en"
    assert (beta["format"], beta["title"], beta["language"]) == ("html", None, None)
    assert [(f["line"], f["column"]) for f in alpha["findings"]] == [
        (3, 6), (5, 11), (7, 10), (9, 192), (11, 5), (15, 8)
    ]
    assert alpha["findings"][0] == PLACEHOLDER.to_dict()
    assert alpha["findings"][0]["offset"] == 20
    assert alpha["findings"][0]["fix"] == "Replace it with real text."
    assert beta["findings"] == [BETA_FINDING.to_dict()]
    assert beta["findings"][0]["related"][0]["message"] == "first promise here"
    assert alpha["metrics"] == ALPHA_METRICS
    assert list(alpha["metrics"]) == sorted(ALPHA_METRICS)
    assert beta["metrics"] == {}
    assert report["summary"] == {
        "files": 2,
        "findings": 7,
        "by_severity": {"error": 3, "warning": 3, "info": 1},
        "by_rule": {"CL301": 2, "CL502": 3, "CL503": 1, "CL710": 1},
        "fail_on": "error",
        "failed": True,
    }
    assert list(report) == ["version", "tool", "files", "summary"]
    assert list(report["summary"]["by_severity"]) == ["error", "warning", "info"]


def test_json_is_indented_utf8_and_deterministic() -> None:
    text = render("json")
    assert text.startswith('{\n  "version": 1,\n')
    assert "\\u" not in text
    reordered = LintResult((ALPHA, BETA))
    assert render("json", reordered) == text
    assert render("json", quiet=True, color=True, width=40) == text


def test_json_keeps_non_ascii_literal(schema: dict[str, object]) -> None:
    cjk = finding(
        "日本.md", 1, 1, 1, 3, "CL502", "placeholder-text", Severity.ERROR, "「日本」です", "日本"
    )
    result = LintResult((FileResult("日本.md", "markdown", "題名", (cjk,)),))
    text = render("json", result)
    assert "「日本」です" in text and '"title": "題名"' in text
    validate(json.loads(text), schema)


@pytest.mark.parametrize(
    ("fail_on", "failed"), [("error", False), ("warning", True), ("info", True), ("never", False)]
)
def test_json_failed_follows_fail_on(
    fail_on: str, failed: bool, schema: dict[str, object]
) -> None:
    report = json.loads(render("json", LintResult((BETA,)), fail_on=fail_on))
    validate(report, schema)
    assert report["summary"]["fail_on"] == fail_on
    assert report["summary"]["failed"] is failed


def test_json_metrics_become_strict_json(schema: dict[str, object]) -> None:
    metrics = {"words": 10, "gunning_fog": math.nan, "extra": (1, 2), "tags": {"b", "a"}}
    text = render("json", LintResult((clean_file("a.md", metrics),)))
    report = json.loads(text)  # json.loads accepts NaN, so also check the text
    assert "NaN" not in text
    validate(report, schema)
    assert report["files"][0]["metrics"] == {
        "extra": [1, 2], "gunning_fog": None, "tags": ["a", "b"], "words": 10
    }
    assert report["summary"]["failed"] is False


def test_json_empty_result(schema: dict[str, object]) -> None:
    report = json.loads(render("json", LintResult(())))
    validate(report, schema)
    assert report["files"] == []
    assert report["summary"]["findings"] == 0


def test_schema_is_not_vacuous(schema: dict[str, object]) -> None:
    report = json.loads(render("json"))
    del report["files"][0]["findings"][0]["fix"]
    with pytest.raises(jsonschema.ValidationError):
        validate(report, schema)
    report = json.loads(render("json"))
    report["version"] = 2
    with pytest.raises(jsonschema.ValidationError):
        validate(report, schema)
    report = json.loads(render("json"))
    report["files"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(report, schema)
    report = json.loads(render("json"))
    report["files"][0]["future_key"] = {"anything": True}  # allowed within a version
    validate(report, schema)


# --- pretty: underline alignment -----------------------------------------------------


def source_and_marker(output: str, fragment: str) -> tuple[str, str]:
    """The source row showing ``fragment`` and the marker row below it."""
    rows = output.splitlines()
    for index, row in enumerate(rows[:-1]):
        gutter = re.match(r" *\d+ [│|] ", row)
        if gutter and fragment in row[gutter.end() :] and "^" in rows[index + 1]:
            return row, rows[index + 1]
    raise AssertionError(f"no source row with {fragment!r} in:\n{output}")


def assert_underlined(output: str, fragment: str, width: int | None = None) -> tuple[str, str]:
    """The markers start in the same terminal cell as ``fragment`` and span it."""
    source, marker = source_and_marker(output, fragment)
    assert cell_len(source[: source.index("│")]) == cell_len(marker[: marker.index("│")])
    start = cell_len(source[: source.index(fragment)])
    assert cell_len(marker[: marker.index("^")]) == start
    markers = re.search(r"\^~*", marker)
    assert markers is not None
    assert len(markers.group()) == (cell_len(fragment) if width is None else width)
    return source, marker


def test_pretty_underlines_plain_span() -> None:
    source, marker = assert_underlined(render("pretty"), "lorem ipsum text", width=11)
    assert source == "  3 │ Some lorem ipsum text here."
    assert marker == "    │      ^~~~~~~~~~~"


def test_pretty_expands_tabs_in_line_and_markers_alike() -> None:
    source, marker = assert_underlined(render("pretty"), "TODO")
    assert source == "  5 │     Indented    TODO: finish"
    assert marker == "    │                 ^~~~"
    assert "\t" not in render("pretty")


def test_pretty_counts_wide_characters_as_two_cells() -> None:
    source, marker = assert_underlined(render("pretty"), "lorem があ", width=5)
    assert source == "  7 │ 日本語の文章には lorem があります"
    assert marker == "    │ " + " " * 17 + "^~~~~"


def test_pretty_windows_long_lines_around_the_span() -> None:
    output = render("pretty")
    source, marker = assert_underlined(output, "lorem ipsum here", width=11)
    assert source.startswith("  9 │ …x") and source.endswith("y…")
    assert cell_len(source) <= 100
    assert marker.endswith("^" + "~" * 10)
    narrow = render("pretty", width=60)
    source, _ = assert_underlined(narrow, "lorem ipsum here", width=11)
    assert cell_len(source) <= 60


def test_pretty_multi_line_span_underlines_to_end_of_first_line() -> None:
    source, marker = assert_underlined(render("pretty"), "promise starts here", width=19)
    assert marker.endswith("^" + "~" * 18 + " (+2 lines)")


def test_pretty_span_ending_at_start_of_next_line_is_not_multi_line() -> None:
    paragraph = finding("p.md", 1, 5, 2, 1, "CL301", "unkept-promise", Severity.WARNING, "m")
    two_lines = finding("p.md", 3, 1, 4, 2, "CL301", "unkept-promise", Severity.WARNING, "m")
    result = LintResult((FileResult("p.md", None, None, (paragraph, two_lines),
                                    source_lines=("One sentence.", "Two"), line_numbers=(1, 3)),))
    output = render("pretty", result)
    _, marker = assert_underlined(output, "sentence.", width=9)
    assert marker.endswith("^~~~~~~~~")
    _, marker = assert_underlined(output, "Two", width=3)
    assert marker.endswith("^~~ (+1 line)")


def test_pretty_prints_markup_in_article_text_literally() -> None:
    output = render("pretty")
    assert_underlined(output, "[bold]x[/bold]")
    assert 'Markup "[bold]x[/bold]" left in text' in output
    assert "“Alpha [draft]”" in output


# --- pretty: content -----------------------------------------------------------------


def test_pretty_finding_lines() -> None:
    output = render("pretty")
    assert (
        'docs/alpha.md:3:6 error CL502 placeholder-text  Placeholder "lorem ipsum"' in output
    )
    assert "docs/alpha.md:5:11 warning CL503 todo-marker  TODO marker" in output
    assert "docs/beta.html:2:1 warning CL301 unkept-promise  Second promise" in output
    assert "= fix: Replace it with real text." in output
    assert "= fix: replace with “then”" in output
    assert "= note: 1:3: first promise here" in output
    # grouped by file, files by path, findings in reading order
    assert output.index("docs/alpha.md  markdown") < output.index(":3:6 ") < output.index(":15:8 ")
    assert output.index(":15:8 ") < output.index("docs/beta.html  html") < output.index(":2:1 ")


def test_pretty_file_headers_have_counts() -> None:
    output = render("pretty")
    assert "docs/alpha.md  markdown  “Alpha [draft]”  3 errors, 2 warnings, 1 info" in output
    assert "docs/beta.html  html  1 warning" in output


def test_pretty_summary_table_and_totals() -> None:
    output = render("pretty")
    assert "Findings by rule" in output
    for code, slug, severity, count in [
        ("CL502", "placeholder-text", "error", 3),
        ("CL301", "unkept-promise", "warning", 2),
        ("CL503", "todo-marker", "warning", 1),
        ("CL710", "markup-left", "info", 1),
    ]:
        assert re.search(rf"{code}\s+{slug}\s+{severity}\s+{count}\b", output), code
    assert output.index("placeholder-text   error") < output.index("markup-left        info")
    assert output.rstrip().endswith("7 problems (3 errors, 3 warnings, 1 info) in 2 of 2 files")


def test_pretty_metrics_panel() -> None:
    output = render("pretty")
    panel = output[output.index("metrics") : output.index("Findings by rule")]
    for key, value in [
        ("words", "523"),
        ("sentences", "31"),
        ("flesch_reading_ease", "64.2"),
        ("flesch_kincaid_grade", "8.0"),
        ("gunning_fog", "11.0"),
        ("smog_index", "9.0"),
        ("dale_chall", "7.3"),
        ("language", "en"),
        ("headings", "h2=3, h3=1"),
    ]:
        assert re.search(rf"{key}\s+{re.escape(value)}(\s|│)", panel), key
    assert "64.23" not in panel
    assert output.count("metrics") == 1  # beta has no metrics, so no panel


def test_pretty_without_color_has_no_ansi_and_with_color_has_it() -> None:
    plain = render("pretty")
    assert "\x1b" not in plain
    colored = render("pretty", color=True)
    assert "\x1b[" in colored
    assert "\x1b[1;31merror" in colored
    assert ANSI.sub("", colored) == plain


def test_pretty_never_passes_escape_sequences_from_the_article() -> None:
    evil = finding("e.md", 1, 3, 1, 8, "CL502", "placeholder-text", Severity.ERROR,
                   "bad \x1b[31mred\x1b[0m", "\x1b[31m")
    result = LintResult((FileResult("e.md", None, "\x1b]0;title\x07", (evil,),
                                    source_lines=("ab\x1b[31mred",), line_numbers=(1,)),))
    output = render("pretty", result)
    assert "\x1b" not in output and "\x07" not in output
    assert_underlined(output, "\u241b[31m", width=5)
    colored = render("pretty", result, color=True)
    assert "\x1b[31mred" not in colored and "\u241b[31mred" in colored


def test_pretty_falls_back_to_ascii_decorations_on_non_utf_streams() -> None:
    ascii_only = LintResult(
        (FileResult(A, "markdown", "Alpha", tuple(f for f in ALPHA_FINDINGS if f.line != 7),
                    metrics=ALPHA_METRICS, source_lines=ALPHA.source_lines,
                    line_numbers=ALPHA.line_numbers), BETA)
    )
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    get_reporter("pretty")(ascii_only, stream, ReportOptions())
    stream.flush()
    output = raw.getvalue().decode("ascii")
    source, marker = source_and_marker(output, "lorem ipsum here")
    assert source.startswith("  9 | ...x") and source.endswith("y...")
    assert marker.index("^") == source.index("lorem")
    assert '"Alpha"' in output and 'replace with "then"' in output


def test_pretty_quiet_prints_only_findings() -> None:
    output = render("pretty", quiet=True)
    assert "docs/alpha.md:3:6 error CL502" in output
    assert_underlined(output, "TODO")
    assert "Findings by rule" not in output
    assert "problems" not in output
    assert "metrics" not in output
    assert "docs/alpha.md  markdown" not in output


def test_pretty_empty_result() -> None:
    two = LintResult((clean_file("a.md", {"words": 3}), clean_file("b.md")))
    assert render("pretty", two) == "No problems found in 2 files.\n"
    assert render("pretty", LintResult((clean_file("a.md"),))) == "No problems found in 1 file.\n"
    assert render("pretty", two, quiet=True) == ""
    assert "\x1b" not in render("pretty", two)


def test_pretty_without_source_line_falls_back_to_the_excerpt() -> None:
    lone = finding("z.md", 4, 2, 4, 3, "CL101", "gone", Severity.INFO, "No source kept")
    marked = finding(
        "z.md", 6, 1, 7, 4, "CL102", "kept", Severity.INFO, "m", "\n[bold]x[/bold]\nmore"
    )
    output = render("pretty", LintResult((FileResult("z.md", None, None, (lone, marked)),)))
    assert "z.md:4:2 info CL101 gone  No source kept" in output
    assert "│" not in output.split("Findings by rule")[0]
    assert "  = excerpt: [bold]x[/bold]\n" in output
    assert output.count("excerpt") == 1


def test_pretty_shows_clean_files_only_for_their_readability_metrics() -> None:
    result = LintResult((
        BETA,
        clean_file("c.md", {"language": "en", "words": 7, "flesch_reading_ease": 71.24}),
        clean_file("d.md", {"language": "fr", "blocks": 2, "words": 3}),
        clean_file("e.md", {"language": "en", "words": 3, "gunning_fog": None}),
        clean_file("f.md"),
    ))
    output = render("pretty", result)
    assert "c.md  markdown  no problems" in output
    assert re.search(r"words\s+7\s", output)
    assert re.search(r"flesch_reading_ease\s+71\.2\s", output)
    for path in ("d.md", "e.md", "f.md"):
        assert path not in output
    assert output.count("metrics") == 1
    assert output.rstrip().endswith("1 problem (0 errors, 1 warning, 0 info) in 1 of 5 files")


# --- build_snippet -------------------------------------------------------------------


def cells_before(text: str, offset: int) -> str:
    """The prefix of ``text`` that fills ``offset`` cells."""
    for index in range(len(text) + 1):
        if cell_len(text[:index]) >= offset:
            return text[:index]
    return text


@pytest.mark.parametrize(
    ("line", "start", "end", "offset", "width"),
    [
        ("abc", 3, 3, 3, 1),  # empty span at end of line: caret just past it
        ("abc", 1, 1, 1, 1),
        ("abc", 0, None, 0, 3),  # continues on later lines
        ("日\tx", 2, 3, 4, 1),  # tab stop counted in cells
        ("ab\tc", 3, 4, 4, 1),
        ("👨\u200d👩\u200d👧 lorem", 6, 11, 3, 5),  # a ZWJ sequence is one 2-cell glyph
        ("e\u0301 x", 3, 4, 2, 1),  # combining mark takes no cell
        ("a\x1bb", 1, 2, 1, 1),
        ("abc", 10, 20, 3, 1),  # out-of-range columns are clamped
    ],
)
def test_build_snippet_offsets(
    line: str, start: int, end: int | None, offset: int, width: int
) -> None:
    snippet = build_snippet(line, start, end)
    assert (snippet.marker_offset, snippet.marker_width) == (offset, width)
    assert "\t" not in snippet.text and "\x1b" not in snippet.text


@pytest.mark.parametrize("position", [0, 5, 100, 190, 295, 299])
@pytest.mark.parametrize("char", ["x", "日"])
def test_build_snippet_window_keeps_span_aligned(position: int, char: str) -> None:
    line = char * 300
    line = line[:position] + "ABC" + line[position + 3 :]
    snippet = build_snippet(line, position, position + 3, budget=40)
    assert cell_len(snippet.text) <= 40
    before = cells_before(snippet.text, snippet.marker_offset)
    assert cell_len(before) == snippet.marker_offset
    assert snippet.text[len(before) :].startswith("ABC")
    assert snippet.marker_width == 3
    assert snippet.text.startswith("…") == (position > 10)
    assert snippet.text.endswith("…") == (position < 280)


def test_build_snippet_span_wider_than_window() -> None:
    line = "a" * 50 + "B" * 200 + "c" * 50
    snippet = build_snippet(line, 50, 250, budget=40)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert snippet.text[snippet.marker_offset] == "B"
    assert snippet.text[snippet.marker_offset - 1] == "a"
    assert snippet.marker_offset + snippet.marker_width == len(snippet.text) - 1


def test_build_snippet_short_line_is_untouched() -> None:
    assert build_snippet("Hello [b]w[/b]", 6, 14).text == "Hello [b]w[/b]"
