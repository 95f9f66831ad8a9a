"""The linter: the one place that knows the order of the stages.

source file -> parser -> Document -> Analysis -> rules -> Hits -> Findings
(stamped, suppressed, sorted) -> FileResult. Problems with one input file
become CL0xx findings for that file and the run goes on with the others.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import diagnostics
from .analysis import Analysis, NlpPipeline
from .config import Config, default_exclude, find_config_file, load_config
from .directives import suppressed
from .document import Document, LineIndex, Span
from .errors import ConfigError, InputError, ParseError
from .files import STDIN, Target, expand, matches_any, relative_to_root
from .findings import FileResult, Finding, LintResult, Related, Severity
from .options import build_options
from .parsers import format_for, parser_for
from .reading import decode_bytes, read_path
from .registry import LoadedRule, Registry
from .rule import Hit, Need, RuleContext, RuleMeta
from .selection import is_enabled, severity_for, specificity

if TYPE_CHECKING:
    from .cache import ResultCache
    from .profiling import Stats
    from .progress import ProgressReporter

#: Needs that make a rule read spaCy's output (and so build the pipeline).
_NLP_NEEDS = frozenset({Need.SENTENCES, Need.TOKENS, Need.LEMMAS})
_NO_TIMER: AbstractContextManager[None] = nullcontext()


@dataclass(frozen=True)
class Overrides:
    """Settings from the command line; they win over every config file."""

    config: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    stdin_filename: str | None = None
    format: str | None = None  # force a format for every file
    language: str | None = None
    keep_documents: bool = False  # attach each Document to its FileResult (HTML report)
    #: Compute the report metrics (readability, sentences, sections). Formats that never
    #: show them turn this off, so a word-list-only run need not load spaCy at all.
    metrics: bool = True


@dataclass(frozen=True)
class ActiveRule:
    loaded: LoadedRule
    options: Any
    severity: Severity

    @property
    def meta(self) -> RuleMeta:
        return self.loaded.meta


@dataclass
class _Plan:
    """Everything derived from one config: its rules, their options, its NLP pipeline."""

    config: Config
    rules: tuple[ActiveRule, ...]
    engine_severity: dict[str, Severity] = field(default_factory=dict)
    pipeline: NlpPipeline | None = None


class Linter:
    """Checks files; holds per-run caches (configs, plans, the NLP pipeline), never globals."""

    def __init__(self, registry: Registry | None = None, overrides: Overrides | None = None) -> None:
        self._registry = registry
        #: Worker processes can rebuild a default registry themselves instead of receiving it.
        self.registry_is_default = registry is None
        self.overrides = overrides or Overrides()
        self._config_by_dir: dict[Path, Config] = {}
        self._plans: dict[str, _Plan] = {}
        self._pipelines: dict[str | None, NlpPipeline] = {}
        self._explicit_config = load_config(self.overrides.config) if self.overrides.config else None
        #: Set to a :class:`~contentlint.profiling.Stats` to time every stage (``--profile``).
        self.stats: Stats | None = None
        self._warmed: set[object] = set()  # what --profile has already timed as set-up

    @property
    def registry(self) -> Registry:
        """The rules, loaded on first use: a run answered from the cache never imports them."""
        if self._registry is None:
            self._registry = Registry.from_entry_points()
        return self._registry

    # -- configuration -------------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        if self._explicit_config is not None:
            return self._explicit_config
        directory = Path.cwd() if path == STDIN else _parent_directory(path)
        cached = self._config_by_dir.get(directory)
        if cached is None:
            found = find_config_file(directory)
            cached = load_config(found) if found else Config(root=Path.cwd())
            self._config_by_dir[directory] = cached
        return cached

    def plan_for(self, config: Config) -> _Plan:
        key = repr(config)  # NOTE: two configs may share a source name (API use), not contents
        plan = self._plans.get(key)
        if plan is None:
            plan = self._make_plan(config)
            self._plans[key] = plan
        return plan

    def _make_plan(self, config: Config) -> _Plan:
        registry = self.registry.with_plugins(config.plugins) if config.plugins else self.registry
        select = self.overrides.select if self.overrides.select is not None else config.select
        ignore = (*config.ignore, *self.overrides.ignore)
        extend = (*config.extend_select, *self.overrides.extend_select)
        severities = dict(config.severity)
        for slug, table in config.rules.items():
            if registry.get(slug) is None and not any(
                m.slug == slug for m in diagnostics.ENGINE_RULES
            ):
                raise ConfigError(config.source, f"rules.{slug}: no rule has the slug {slug!r}")
            if "severity" in table:
                try:
                    severities[slug] = Severity.parse(str(table["severity"]))
                except ValueError as exc:
                    raise ConfigError(config.source, f"rules.{slug}.severity: {exc}") from None
        active = []
        for loaded in registry.rules:
            meta = loaded.meta
            if not is_enabled(meta, select, ignore, extend):
                continue
            options = build_options(
                loaded.rule.Options, config.rules.get(meta.slug, {}), config.source, meta.slug
            )
            active.append(ActiveRule(loaded, options, severity_for(meta, severities)))
        engine_sev = {m.code: severity_for(m, severities) for m in diagnostics.ENGINE_RULES}
        return _Plan(config, tuple(active), engine_sev)

    def adopt_pipeline(self, pipeline: NlpPipeline) -> None:
        """Use an already built pipeline for its model (workers forked with one ready)."""
        self._pipelines.setdefault(pipeline.model, pipeline)

    def _pipeline(self, model: str | None) -> NlpPipeline:
        if model not in self._pipelines:
            self._pipelines[model] = NlpPipeline(model)
        return self._pipelines[model]

    # -- running ---------------------------------------------------------------------------

    def lint_paths(
        self,
        paths: Sequence[str],
        stdin: BinaryIO | None = None,
        *,
        jobs: int = 1,
        cache: ResultCache | None = None,
        progress: ProgressReporter | None = None,
    ) -> LintResult:
        """Check files in input order; ``jobs > 1`` uses worker processes (see parallel.py)."""
        from .parallel import run

        return run(self, self.targets(paths), stdin, jobs=jobs, cache=cache, progress=progress)

    def targets(self, paths: Sequence[str]) -> list[Target]:
        out: list[Target] = []
        for target in expand(paths, default_exclude()):
            if target.explicit or target.path == STDIN:
                out.append(target)
                continue
            config = self.config_for(target.path)
            rel = relative_to_root(target.path, config.root)
            if matches_any(rel, config.exclude):
                continue
            if config.include and not matches_any(rel, config.include):
                continue
            out.append(target)
        return out

    def lint_target(self, target: Target, stdin: BinaryIO | None = None) -> FileResult:
        read = self.read_target(target, stdin)
        if isinstance(read, FileResult):
            return read
        return self.lint_read(target.path, *read)

    def read_target(
        self, target: Target, stdin: BinaryIO | None = None
    ) -> tuple[str, str] | FileResult:
        """(display path, decoded text), or the CL001 result if the input cannot be read."""
        config = self.config_for(target.path)
        display = target.path
        try:
            with self.timed("read"):
                if target.path == STDIN:
                    display = self.overrides.stdin_filename or STDIN
                    stream = stdin if stdin is not None else sys.stdin.buffer
                    text = decode_bytes(stream.read(), display)
                else:
                    text = read_path(Path(target.path), config.max_file_size)
        except InputError as exc:
            return self._input_failure(display, None, diagnostics.UNREADABLE_FILE, exc, config)
        return display, text

    def lint_read(self, path: str, display: str, text: str) -> FileResult:
        """Check text read for target ``path`` (shown as ``display``): what workers run."""
        return self.lint_text(text, display, self.format_of(display), self.config_for(path))

    def format_of(self, display: str) -> str:
        return self.overrides.format or format_for(display) or "text"

    @property
    def explicit_config(self) -> Config | None:
        """The config given with ``--config`` (or the API's ``config=``), if any."""
        return self._explicit_config

    def warm_up(self, config: Config) -> None:
        """Build now what checking with ``config`` will need: the spaCy pipeline, syllable data.

        Worker processes call this from their initializer, so the pipeline is
        built once per worker while the main process is still reading files.
        """
        if not self.needs_nlp(config):
            return
        plan = self.plan_for(config)
        if plan.pipeline is None:
            plan.pipeline = self._pipeline(config.model)
        self._build(plan.pipeline)
        if self.overrides.metrics or any(Need.METRICS in r.meta.needs for r in plan.rules):
            self._load_syllables()

    def _build(self, pipeline: NlpPipeline) -> None:
        if id(pipeline) not in self._warmed:
            self._warmed.add(id(pipeline))
            with self.timed("setup: import spaCy, build pipeline (once per process)"):
                _ = pipeline.nlp  # built now, so the profile charges it here

    def _load_syllables(self) -> None:
        if "syllables" not in self._warmed:
            self._warmed.add("syllables")
            from .readability import preload

            with self.timed("setup: load syllable data (once per process)"):
                preload()

    def needs_nlp(self, config: Config) -> bool:
        """Whether checking with ``config`` builds the spaCy pipeline (declared needs, metrics)."""
        plan = self.plan_for(config)
        return self.overrides.metrics or any(r.meta.needs & _NLP_NEEDS for r in plan.rules)

    def timed(self, label: str) -> AbstractContextManager[None]:
        """Time a stage when profiling (``self.stats``); a shared no-op otherwise."""
        return self.stats.time(label) if self.stats is not None else _NO_TIMER

    def lint_text(
        self, text: str, path: str = "<string>", fmt: str | None = None, config: Config | None = None
    ) -> FileResult:
        """Check one already-decoded text; the entry point for the API and tests."""
        config = config or self.config_for(path)
        fmt = fmt or format_for(path) or "text"
        try:
            with self.timed(f"parse: {fmt}"):
                document = parser_for(fmt)(text, path)
        except ParseError as exc:
            return self._input_failure(path, fmt, diagnostics.PARSE_ERROR, exc, config)
        except (RecursionError, MemoryError, ValueError, IndexError, KeyError, TypeError) as exc:
            # NOTE: a parser bug on hostile input must cost one file, never the run.
            reason = f"the {fmt} parser failed ({type(exc).__name__}: {exc}); please report this"
            failure = ParseError(path, reason)
            return self._input_failure(path, fmt, diagnostics.PARSE_ERROR, failure, config)
        return self.lint_document(document, config)

    def lint_document(self, document: Document, config: Config | None = None) -> FileResult:
        config = config or self.config_for(document.path)
        plan = self.plan_for(config)
        if plan.pipeline is None:
            plan.pipeline = self._pipeline(config.model)
        language = self.overrides.language or config.language
        analysis = Analysis(document, plan.pipeline, language)
        stamper = _Stamper(document)
        findings: list[Finding] = []
        metrics: dict[str, Any] = {}

        if not analysis.prose_indices:
            findings.append(
                stamper.file_level(
                    diagnostics.EMPTY_DOCUMENT,
                    plan.engine_severity["CL005"],
                    "no prose found: the file is empty or holds only markup, code or whitespace; "
                    "check the path or the export",
                )
            )
            runnable: tuple[ActiveRule, ...] = ()
        else:
            with self.timed("analysis: language"):
                lang = analysis.language.code
            runnable = tuple(r for r in plan.rules if _speaks(r.meta, lang))
            skipped = [r.meta for r in plan.rules if not _speaks(r.meta, lang)]
            if skipped:
                names = ", ".join(f"{m.code} {m.slug}" for m in skipped)
                findings.append(
                    stamper.file_level(
                        diagnostics.LANGUAGE_SKIPPED,
                        plan.engine_severity["CL003"],
                        f"document language detected as {lang!r}; skipped rules that only "
                        f"support other languages: {names}; set `language` in the config if "
                        "the detection is wrong",
                    )
                )
            if self.stats is not None:
                self._warm(plan, analysis, runnable)
            metrics = dict(analysis.metrics) if self.overrides.metrics else {"language": lang}

        for active in runnable:
            ctx = RuleContext(document, analysis, active.options, config.audience)
            label = f"rule: {active.meta.code} {active.meta.slug}" if self.stats else ""
            try:
                with self.timed(label):
                    hits = list(active.loaded.rule().check(ctx))
                with self.timed("engine: stamp findings"):
                    stamped = [stamper.stamp(hit, active.meta, active.severity) for hit in hits]
            except Exception as exc:  # a bug in one rule must not lose the others' findings
                findings.append(
                    stamper.file_level(
                        diagnostics.RULE_FAILED,
                        plan.engine_severity["CL004"],
                        f"rule {active.meta.code} {active.meta.slug} ({active.loaded.origin}) "
                        f"crashed: {type(exc).__name__}: {exc}; its findings for this file are "
                        "missing, please report this to the rule's authors",
                    )
                )
                continue
            findings.extend(stamped)
            if self.stats is not None:
                self.stats.count_findings(label, len(hits))

        with self.timed("engine: suppress, sort, result"):
            findings = self._filter(findings, document, config)
            findings.sort()
            return stamper.result(document, findings, metrics, keep=self.overrides.keep_documents)

    def _warm(self, plan: _Plan, analysis: Analysis, runnable: Sequence[ActiveRule]) -> None:
        """Profiling only: compute the shared views first, so each is timed on its own.

        Without this, a lazy view is charged to whichever rule touches it first.
        Views that only rules read (lemma counts, a rule's own caches) are still
        charged to the first rule that reads them.
        """
        needs = frozenset().union(*(r.meta.needs for r in runnable))
        if not (self.overrides.metrics or needs & _NLP_NEEDS):
            return
        assert plan.pipeline is not None
        self._build(plan.pipeline)
        # NOTE: the views are computed here, in order, so the profile charges each stage.
        with self.timed("analysis: spaCy pipeline (tokens, sentences, lemmas)"):
            _ = analysis.docs
        with self.timed("analysis: words and sentences views"):
            _ = analysis.sentences
        if self.overrides.metrics or Need.METRICS in needs:
            self._load_syllables()
            with self.timed("analysis: metrics (readability, sections, passives)"):
                _ = analysis.metrics

    # -- helpers ---------------------------------------------------------------------------

    def _filter(self, findings: list[Finding], document: Document, config: Config) -> list[Finding]:
        ignores = self._per_file_ignores(document.path, config)
        metas = {m.code: m for m in self.registry.metas()}
        out = []
        for f in findings:
            meta = metas.get(f.code)
            if meta is None:  # a rule from a local plugin file
                meta = RuleMeta(f.code, f.slug, "-", "-", ("-",), ("-",))
            if f.code.startswith("CL0") and f.code != "CL003":
                out.append(f)  # file-level engine problems cannot be suppressed inline
                continue
            if ignores and any(specificity(s, meta) is not None for s in ignores):
                continue
            if document.directives and suppressed(
                document.directives,
                document.line_index,
                document.source,
                f.span.start,
                lambda sel, m=meta: specificity(sel, m) is not None,  # type: ignore[misc]
            ):
                continue
            out.append(f)
        return out

    def _per_file_ignores(self, path: str, config: Config) -> list[str]:
        if not config.per_file_ignores:
            return []
        rel = relative_to_root(path, config.root)
        return [
            sel
            for glob, selectors in config.per_file_ignores.items()
            if matches_any(rel, [glob])
            for sel in selectors
        ]

    def _input_failure(
        self, path: str, fmt: str | None, meta: RuleMeta, exc: InputError, config: Config
    ) -> FileResult:
        severity = self.plan_for(config).engine_severity.get(meta.code, meta.severity)
        finding = Finding(
            path=path,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            code=meta.code,
            slug=meta.slug,
            severity=severity,
            message=f"{exc.reason}; fix or exclude this file",
            category=meta.category.value,
        )
        return FileResult(path, fmt, None, (finding,))


def _parent_directory(path: str) -> Path:
    """The directory a file's config is looked up from, even for a symlink loop."""
    try:
        return Path(path).resolve().parent
    except (OSError, RuntimeError):  # NOTE: Python < 3.13 raises RuntimeError on loops
        return Path(os.path.abspath(path)).parent


def _speaks(meta: RuleMeta, language: str) -> bool:
    return meta.languages is None or language == "und" or language in meta.languages


class _Stamper:
    """Turns a rule's Hits into Findings with positions in the user's file."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines: LineIndex = document.line_index
        self.size = len(document.source)

    def _clamp(self, span: Span) -> Span:
        start = max(0, min(span.start, self.size))
        return Span(start, max(start, min(span.end, self.size)))

    def stamp(self, hit: Hit, meta: RuleMeta, severity: Severity) -> Finding:
        if not isinstance(hit, Hit):
            raise TypeError(f"rules must yield contentlint.Hit values, got {type(hit).__name__}")
        span = self._clamp(hit.span)
        start, end = self.lines.position(span.start), self.lines.position(span.end)
        related = tuple(self._related(s, msg) for s, msg in hit.related)
        return Finding(
            path=self.document.path,
            line=start.line,
            column=start.column,
            end_line=end.line,
            end_column=end.column,
            code=meta.code,
            slug=meta.slug,
            severity=severity,
            message=hit.message,
            excerpt=self.document.source[span.start : span.end],
            fix=hit.fix,
            replacement=hit.replacement,
            category=meta.category.value,
            span=span,
            related=related,
        )

    def _related(self, span: Span, message: str) -> Related:
        span = self._clamp(span)
        a, b = self.lines.position(span.start), self.lines.position(span.end)
        return Related(message, a.line, a.column, b.line, b.column)

    def file_level(self, meta: RuleMeta, severity: Severity, message: str) -> Finding:
        return self.stamp(Hit(Span(0, 0), message), meta, severity)

    def result(
        self,
        document: Document,
        findings: Iterable[Finding],
        metrics: dict[str, Any],
        keep: bool = False,
    ) -> FileResult:
        findings = tuple(findings)
        numbers = tuple(sorted({f.line for f in findings}))
        lines = tuple(self.lines.line_text(n) for n in numbers)
        language = metrics.get("language") if metrics else None
        return FileResult(
            path=document.path,
            format=document.format,
            title=document.title,
            findings=findings,
            metrics=metrics,
            language=language,
            source_lines=lines,
            line_numbers=numbers,
            document=document if keep else None,
        )


def lint_text(text: str, path: str = "<string>", fmt: str | None = None, **kwargs: Any) -> FileResult:
    """Convenience API: lint one text with the installed rules and default settings."""
    overrides = Overrides(**kwargs) if kwargs else None
    return Linter(overrides=overrides).lint_text(text, path, fmt, Config())


__all__ = ["Linter", "Overrides", "lint_text"]
