"""Running the linter over many files: cache lookups, worker processes, input order.

The main process expands paths, reads each file, resolves its config and
rule plan (so config and plugin errors surface here, once), and answers from
the results cache. Only misses are checked: in this process for ``--jobs 1``
or a single file, otherwise by a ``ProcessPoolExecutor`` (forkserver or spawn,
never plain fork; see :func:`_context`) whose initializer builds one
:class:`~contentlint.engine.Linter`, and so one spaCy pipeline, per worker
(the flake8 ``_mp_init`` pattern). Files are streamed in
small batches with a bounded number in flight, so memory does not grow with
the corpus; results are put back in input order.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import ContentlintError
from .files import STDIN, Target
from .findings import FileResult, LintResult

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from .analysis import NlpPipeline
    from .cache import ResultCache
    from .engine import Linter, Overrides
    from .progress import ProgressReporter
    from .registry import Registry

#: A batch is sent to a worker when it holds this many files or characters.
BATCH_FILES = 4
BATCH_CHARS = 50_000
#: Batches in flight per worker: enough to keep it busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 3
#: Set to "spawn" to start workers with spawn even where a forkserver is available.
ENV_START_METHOD = "CONTENTLINT_START_METHOD"
PRELOAD_MODULE = "contentlint._forkserver_preload"

StatsData = dict[str, dict[str, float]]
Done = Callable[[int, FileResult, "StatsData | None"], None]


@dataclass(frozen=True, slots=True)
class Task:
    """One file to check: its index in the run, target path (config lookup), display path, text."""

    index: int
    path: str
    display: str
    text: str


def available_cores() -> int:
    """Cores this process may run on (the CPU affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def run(
    linter: Linter,
    targets: Sequence[Target],
    stdin: BinaryIO | None = None,
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
    progress: ProgressReporter | None = None,
) -> LintResult:
    """Check ``targets``; the result lists files in input order whatever finished first."""
    results: list[FileResult | None] = [None] * len(targets)
    store_keys: dict[int, str] = {}

    def done(index: int, result: FileResult, stats: StatsData | None = None) -> None:
        results[index] = result
        if stats and linter.stats is not None:
            linter.stats.merge(stats)
        key = store_keys.pop(index, None)
        if key is not None and cache is not None:
            with linter.timed("cache: store"):
                cache.put(key, result)
        if progress is not None:
            progress.advance(result)

    warm = _ForkserverStarter(linter, min(jobs, len(targets)))

    def tasks() -> Iterator[Task]:
        for index, target in enumerate(targets):
            read = linter.read_target(target, stdin)
            if isinstance(read, FileResult):
                done(index, read)
                continue
            display, text = read
            # NOTE: stdin is an editor's unsaved buffer: caching it would only fill the folder.
            if cache is not None and target.path != STDIN:
                with linter.timed("cache: lookup"):
                    lookups, store = cache.keys(linter, target.path, display, text)
                    # The HTML report needs each parsed Document, which the cache does not keep.
                    hit = None if linter.overrides.keep_documents else cache.get(lookups)
                if hit is not None:
                    done(index, hit)
                    continue
                store_keys[index] = store
            warm.start()  # the forkserver's second of preloading overlaps what follows here
            linter.plan_for(linter.config_for(target.path))  # config/plugin errors: here, once
            yield Task(index, target.path, display, text)

    if progress is not None:
        progress.start(len(targets))
    try:
        dispatch(linter, tasks(), min(jobs, len(targets)), done)
    finally:
        if progress is not None:
            progress.close()
    missing = [i for i, r in enumerate(results) if r is None]
    assert not missing, f"no result for files {missing}"  # noqa: S101 - a bug of ours
    return LintResult(tuple(r for r in results if r is not None))


class _ForkserverStarter:
    """Starts the forkserver at the first file that needs checking, if a pool may follow.

    Why: the forkserver spends about a second importing spaCy and warming the
    rules before it can fork a worker. Started here rather than when the pool
    is created, that second overlaps this process's own rule imports and file
    reading. A cached re-run never gets here, so it never pays for it.
    """

    def __init__(self, linter: Linter, jobs: int) -> None:
        self.wanted = jobs > 1
        self.linter = linter

    def start(self) -> None:
        if not self.wanted:
            return
        self.wanted = False
        if _picklable_registry(self.linter) is False:
            return  # rules from local plugin files: no pool
        context = _contexts()[0]
        if context.get_start_method() != "forkserver":
            return
        try:
            _ensure_forkserver()
        except Exception:  # noqa: BLE001 - the pool falls back to spawn when it starts
            pass


def _ensure_forkserver() -> None:
    """Start the forkserver (if it is not running) so that it imports what this process does.

    Why: the forkserver is started as ``python -c ...``, which puts the working
    directory first on ``sys.path``, and Python before 3.13 does not restore
    the parent's path there. Run from a checkout of contentlint (the quick
    start does exactly that), it imported the source folder instead of the
    installed package, whose ``contentlint.rules`` lives elsewhere, and every
    worker failed. ``PYTHONSAFEPATH`` (Python 3.11+) keeps the working
    directory off the path; :func:`_contexts` does not offer the forkserver on
    Python 3.10 when the working directory would shadow the package.
    """
    from multiprocessing import forkserver

    previous = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if previous is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = previous


def _cwd_shadows_package() -> bool:
    """Whether ``import contentlint`` in a ``python -c`` child would find another folder."""
    here = os.path.realpath(os.path.join(os.getcwd(), "contentlint"))
    ours = os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
    return os.path.isdir(here) and here != ours


def dispatch(linter: Linter, tasks: Iterable[Task], jobs: int, done: Done) -> None:
    """Check ``tasks`` here, or in ``jobs`` worker processes once two files need checking."""
    stream = iter(tasks)
    first = list(islice(stream, 2)) if jobs > 1 else []
    registry = _picklable_registry(linter) if len(first) == 2 else None
    if len(first) < 2 or registry is False:
        for task in chain(first, stream):
            done(task.index, linter.lint_read(task.path, task.display, task.text), None)
        return
    _run_pool(linter, chain(first, stream), jobs, done, registry)  # type: ignore[arg-type]


def _picklable_registry(linter: Linter) -> Registry | None | bool:
    """None: workers load rules from entry points; a Registry to send; False: cannot send."""
    if linter.registry_is_default:
        return None
    try:
        pickle.dumps(linter.registry)
    except Exception:  # rule classes from local plugin files live only in this process
        return False
    return linter.registry


def _contexts() -> list[BaseContext]:
    """Start methods to try, best first: forkserver where there is one, then spawn.

    Never plain fork: the parent may run threads (the progress bar). The
    forkserver is a fresh single-threaded process that imports spaCy, builds
    the default pipeline, imports the rules and warms their data once
    (``_forkserver_preload``); each worker forked from it starts with all that
    in place instead of paying about a second for it. It talks over a Unix
    socket; where that fails (sandboxes), spawn is used.
    ``CONTENTLINT_START_METHOD=spawn`` forces spawn.
    """
    import multiprocessing

    out = []
    allowed = os.environ.get(ENV_START_METHOD) != "spawn"
    if sys.version_info < (3, 11) and _cwd_shadows_package():
        allowed = False  # no PYTHONSAFEPATH: see _ensure_forkserver
    if allowed and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD_MODULE])
        out.append(context)
    out.append(multiprocessing.get_context("spawn"))
    return out


def _start_pool(
    jobs: int, initargs: tuple[Any, ...], batch: list[Task]
) -> tuple[ProcessPoolExecutor, Future[Any]]:
    """A pool already running ``batch``: workers start on the first submit, so failures show there."""
    contexts = _contexts()
    for context in contexts:
        if context.get_start_method() == "forkserver":
            try:
                _ensure_forkserver()
            except Exception:  # noqa: BLE001 - then submitting fails below and spawn is tried
                pass
        pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=initargs
        )
        try:
            return pool, pool.submit(_lint_batch, batch)
        except Exception:
            pool.shutdown(wait=False, cancel_futures=True)
            if context is contexts[-1]:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _run_pool(
    linter: Linter, tasks: Iterator[Task], jobs: int, done: Done, registry: Registry | None
) -> None:
    batches = _batches(tasks)
    first = next(batches)
    initargs = (linter.overrides, registry, linter.stats is not None, first[0].path)
    pool, future = _start_pool(jobs, initargs, first)
    in_flight: dict[Future[list[tuple[int, FileResult, StatsData | None]]], list[Task]] = {future: first}

    unsent: list[Task] = []

    def collect(block: bool) -> None:
        if block:
            finished = wait(in_flight, return_when=FIRST_COMPLETED).done
        else:
            finished = {f for f in in_flight if f.done()}
        for future in finished:
            outcome = future.result()  # NOTE: pop only after: a broken batch stays to be redone
            in_flight.pop(future)
            for index, result, stats in outcome:
                done(index, result, stats)

    try:
        for batch in batches:
            unsent = batch
            while len(in_flight) >= jobs * IN_FLIGHT_PER_WORKER:
                collect(block=True)
            in_flight[pool.submit(_lint_batch, batch)] = batch
            unsent = []
            collect(block=False)
        while in_flight:
            collect(block=True)
    except BrokenProcessPool:
        # NOTE: a worker died (killed, out of memory); finish here rather than lose the run.
        sys.stderr.write("contentlint: a worker process died; checking the rest in this process\n")
        pool.shutdown(wait=False, cancel_futures=True)
        rest = chain(unsent, (t for b in in_flight.values() for t in b), (t for b in batches for t in b))
        for task in rest:
            done(task.index, linter.lint_read(task.path, task.display, task.text), None)
        return
    except BaseException:
        # NOTE: wait for the workers to take their stop signal: the CLI ends with os._exit,
        # and a worker left waiting on its queue would keep itself and the forkserver alive.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _batches(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        size += len(task.text)
        if len(batch) >= BATCH_FILES or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# -- worker side ---------------------------------------------------------------------------

#: NOTE: the module's only state: the linter of this worker process, set once by the pool
#: initializer, and the default pipeline the forkserver built before forking workers.
_WORKER: Linter | None = None
_PRELOADED: list[NlpPipeline] = []


def preload() -> None:
    """Run once in the forkserver: spaCy, the default pipeline, syllable data, the rules.

    A warm-up check of every rule's documented examples also loads the data
    rules cache per process (word lists, frequency tables), so forked workers
    share those pages instead of each loading its own copy.
    """
    from .config import Config
    from .engine import Linter

    try:
        linter = Linter()
        examples = [text for r in linter.registry.rules for text in (*r.meta.bad, *r.meta.good)]
        linter.lint_text("# Warm-up\n\n" + "\n\n".join(examples), "warm-up.md", "markdown", Config())
        pipeline = linter._pipeline(None)
        _ = pipeline.nlp
    except Exception:  # noqa: BLE001 - workers then build what they need themselves
        return
    _PRELOADED.append(pipeline)
    from .gc_tuning import freeze_before_fork

    freeze_before_fork()


def _init_worker(overrides: Overrides, registry: Registry | None, profile: bool, warm: str) -> None:
    global _WORKER
    from .engine import Linter
    from .gc_tuning import tune_for_checking
    from .profiling import Stats

    tune_for_checking()

    linter = Linter(registry=registry, overrides=overrides)
    for pipeline in _PRELOADED:
        linter.adopt_pipeline(pipeline)
    if profile:
        linter.stats = Stats()
    try:
        linter.warm_up(linter.config_for(warm))  # the pipeline, built once per worker
    except Exception:  # noqa: BLE001 - any real problem is reported for the file that has it
        pass
    _WORKER = linter


def _lint_batch(batch: list[Task]) -> list[tuple[int, FileResult, StatsData | None]]:
    linter = _WORKER
    assert linter is not None, "worker used without its initializer"
    out = []
    try:
        for task in batch:
            result = linter.lint_read(task.path, task.display, task.text)
            stats = linter.stats.snapshot() if linter.stats is not None else None
            out.append((task.index, result, stats))
    except ContentlintError as exc:
        # NOTE: our errors take two arguments and do not unpickle; send the message only.
        raise ContentlintError(str(exc)) from None
    return out


# -- one linter per process for the API and Dask -----------------------------------------------


@lru_cache(maxsize=8)
def shared_linter(overrides: Overrides) -> tuple[Linter, threading.Lock]:
    """This process's linter for ``overrides`` and a lock to use it from several threads.

    NOTE: a per-process cache like the pool initializer's: batch API calls and
    Dask tasks on one worker share one registry and one spaCy pipeline.
    """
    from .engine import Linter

    return Linter(overrides=overrides), threading.Lock()


def lint_texts(
    items: Iterable[tuple[Any, str, str | None]], overrides: Overrides
) -> Iterator[tuple[Any, FileResult]]:
    """(id, text, format) -> (id, FileResult), with this process's shared linter."""
    from .config import Config

    linter, lock = shared_linter(overrides)
    config = linter.explicit_config or Config()
    for ident, text, fmt in items:
        path = str(ident)
        with lock:
            result = linter.lint_text(text, path, fmt or linter.format_of(path), config)
        yield ident, result
