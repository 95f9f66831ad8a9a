"""The command line: argument parsing, reporter choice and exit codes, nothing else.

Heavy modules (the engine, spaCy, textstat, rules) are imported inside the
commands, so ``contentlint --help`` and ``--version`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from ._version import __version__

if TYPE_CHECKING:
    from .cache import ResultCache
    from .engine import Linter
    from .findings import LintResult
    from .registry import Registry

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

app = typer.Typer(
    name="contentlint",
    help="A content-quality linter for articles: plain text, Markdown and HTML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # NOTE: plain (click) help and usage errors: Typer's rich help panels import rich's
    # markdown, syntax and traceback modules, 90 ms of the 150 ms `--help` budget.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    pretty = "pretty"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"contentlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version_callback, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """contentlint finds what spell-checkers and style linters never see."""


def _split(values: Optional[list[str]]) -> tuple[str, ...]:
    return tuple(part.strip() for v in values or () for part in v.split(",") if part.strip())


def _use_color(no_color: bool, output: Optional[Path]) -> bool:
    if no_color or output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check; '-' reads stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.pretty,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules: codes, prefixes, slugs or categories (comma-separated; replaces the config's select).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules (comma-separated; added to the config's ignore).")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="Add rules to the selection.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Lowest severity that makes the exit code 1 (default: error).")] = None,
    config: Annotated[Optional[Path], typer.Option(help="Use this config file instead of discovering one.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="File name (and so format) to use for '-'.")] = None,
    language: Annotated[Optional[str], typer.Option(help="Document language (ISO 639-1), overriding detection.")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option(help="Record the current findings in this baseline file and exit 0.")] = None,
    max_warnings: Annotated[Optional[int], typer.Option(min=0, help="Also fail when more than N warnings remain.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Disable colours (also NO_COLOR).")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores); 1 checks in this process.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the results cache.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(help="Results cache folder (default: .contentlint_cache beside the config, else here; also CONTENTLINT_CACHE_DIR).")] = None,
    profile: Annotated[bool, typer.Option("--profile", "--statistics", help="Print time per stage and per rule to stderr.")] = False,
) -> None:
    """Check articles and report what is wrong with them."""
    from time import perf_counter

    from .engine import Linter, Overrides
    from .errors import ContentlintError
    from .findings import Severity
    from .gc_tuning import tune_for_checking
    from .parallel import available_cores
    from .progress import for_terminal
    from .reporters import ReportOptions, get_reporter

    started = perf_counter()
    tune_for_checking()

    overrides = Overrides(
        config=config,
        select=_split(select) if select else None,
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        stdin_filename=stdin_filename,
        language=language,
        keep_documents=format is OutputFormat.html,
        # NOTE: only these formats show readability metrics; the others skip computing them.
        metrics=format in (OutputFormat.json, OutputFormat.html)
        or (format is OutputFormat.pretty and not quiet),
    )
    jobs = jobs or available_cores()
    try:
        linter = Linter(overrides=overrides)
        _refuse_overwriting_inputs(linter, paths, (output, write_baseline))
        if overrides.select or overrides.ignore:  # NOTE: loads the rules; a cached run may not need them
            _warn_unknown_selectors(linter.registry, overrides)
        if profile:
            from .profiling import Stats

            linter.stats = Stats()
        cache = None if no_cache else _open_cache(cache_dir, config)
        result = linter.lint_paths(paths, jobs=jobs, cache=cache, progress=for_terminal(quiet))
        first = linter.config_for(paths[0] if paths else ".")
    except ContentlintError as exc:
        _fail(str(exc))
    threshold = (fail_on.value if fail_on else None) or first.fail_on or "error"
    if write_baseline is not None:
        from .baseline import write_baseline as record

        try:
            count = record(write_baseline, result)
        except OSError as exc:
            _fail(f"{write_baseline}: cannot write baseline: {exc.strerror or exc}")
        typer.echo(f"contentlint: recorded {count} findings in {write_baseline}", err=True)
        raise typer.Exit(EXIT_OK)
    if baseline is not None:
        result = _apply_baseline(baseline, result, quiet)
    from .docs import rule_docs

    options = ReportOptions(
        color=_use_color(no_color, output),
        quiet=quiet,
        fail_on=threshold,
        rules=rule_docs(linter.registry) if format in (OutputFormat.sarif, OutputFormat.html) else {},
        tool_version=__version__,
    )
    render = get_reporter(format.value)
    with linter.timed(f"report: {format.value}"):
        if output is None:
            render(result, sys.stdout, options)
        else:
            from .output import write_atomically

            try:
                write_atomically(output, lambda out: render(result, out, options))
            except OSError as exc:
                _fail(f"{output}: cannot write report: {exc.strerror or exc}")
    if linter.stats is not None:
        sys.stdout.flush()
        linter.stats.render(
            sys.stderr, files=len(result.files), wall=perf_counter() - started, jobs=jobs
        )
    if not result.files and not quiet:
        typer.echo("contentlint: no files to check", err=True)
    failed = threshold != "never" and result.count_at_or_above(Severity(threshold)) > 0
    warnings = result.counts()["warning"]
    if max_warnings is not None and warnings > max_warnings:
        if not quiet:
            typer.echo(f"contentlint: {warnings} warnings, more than --max-warnings {max_warnings}", err=True)
        failed = True
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _open_cache(directory: Optional[Path], config: Optional[Path]) -> Optional[ResultCache]:
    """The results cache folder, or None (with a note) when it cannot be created."""
    from .cache import ResultCache, default_cache_dir

    directory = directory or default_cache_dir(config)
    cache = ResultCache.open(directory)
    if cache is None:
        typer.echo(f"contentlint: cannot create cache folder {directory}; checking without cache", err=True)
    return cache


def _refuse_overwriting_inputs(linter: Linter, paths: list[str], reports: tuple[Optional[Path], ...]) -> None:
    """Nothing is ever written to an input file: a report path that is an input is refused."""
    existing = [p for p in reports if p is not None and p.exists()]
    if not existing:
        return
    for target in linter.targets(paths):
        if target.path == "-":
            continue
        for report in existing:
            try:
                same = os.path.samefile(report, target.path)
            except OSError:
                continue
            if same:
                _fail(f"{report}: refusing to write a report over an input file")


def _apply_baseline(path: Path, result: LintResult, quiet: bool) -> LintResult:
    from .baseline import apply_baseline
    from .errors import ContentlintError

    try:
        outcome = apply_baseline(path, result)
    except ContentlintError as exc:
        _fail(str(exc))
    if not quiet:
        typer.echo(
            f"contentlint: baseline {path}: {outcome.matched} known findings matched, "
            f"{len(outcome.disappeared)} no longer found",
            err=True,
        )
        for entry in outcome.disappeared:
            typer.echo(
                f"  fixed: {entry['path']}:{entry.get('line', '?')}: {entry['code']} {entry.get('message', '')}",
                err=True,
            )
    return outcome.result


@app.command("rules")
def list_rules(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
) -> None:
    """List every rule: code, slug, category, default severity and summary."""
    import json

    from .docs import rule_record
    from .errors import ContentlintError
    from .registry import Registry

    try:
        metas = Registry.from_entry_points().metas()
    except ContentlintError as exc:
        _fail(str(exc))
    if format is ListFormat.json:
        typer.echo(json.dumps([rule_record(m) for m in metas], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for column in ("Code", "Slug", "Category", "Severity", "Summary"):
        table.add_column(column, overflow="fold")
    for m in metas:
        table.add_row(m.code, m.slug, m.category.value, m.severity.value, m.summary)
    Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False).print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code (CL502) or slug (long-sentence).")]) -> None:
    """Show a rule's documentation: what it does, why, examples and options."""
    from .docs import rule_markdown
    from .errors import ContentlintError
    from .registry import Registry

    try:
        registry = Registry.from_entry_points()
    except ContentlintError as exc:
        _fail(str(exc))
    meta = registry.meta(code)
    if meta is None:
        _fail(f"unknown rule {code!r}; `contentlint rules` lists them all")
    loaded = registry.get(meta.code)
    text = rule_markdown(meta, loaded.rule.Options if loaded else None)
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        typer.echo(text)


def _warn_unknown_selectors(registry: Registry, overrides: object) -> None:
    from .selection import unknown_selectors

    names = [*(getattr(overrides, "select", None) or ()), *getattr(overrides, "ignore", ())]
    unknown = unknown_selectors(names, registry.metas())
    if unknown:
        _fail(f"unknown rule selector(s): {', '.join(unknown)}; `contentlint rules` lists them all")


def _fail(message: str) -> NoReturn:
    typer.echo(f"contentlint: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        app(prog_name="contentlint", standalone_mode=True)
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent Exit(130)
            typer.echo("contentlint: interrupted", err=True)
        _exit_now(done.code)
    except KeyboardInterrupt:
        typer.echo("contentlint: interrupted", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    except Exception as exc:  # a bug of ours: one line, exit 2, never a traceback
        typer.echo(f"contentlint: internal error: {type(exc).__name__}: {exc}", err=True)
        raise SystemExit(EXIT_USAGE) from None


def _exit_now(code: object) -> None:
    """Exit without tearing the interpreter down.

    Why: after a corpus run, freeing every module and object at exit took
    0.1 s, a third of a cached re-run. Reports are written and closed by now
    (atomically, when a file); the standard streams are flushed here; worker
    processes have been joined, and the forkserver exits when its pipe closes.
    """
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if not isinstance(code, (int, type(None))):
        sys.stderr.write(f"{code}\n")
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (`| head`): nothing left to say
        status = status or 1
    os._exit(status)
