"""Speed and scale benchmark (issue 10): every figure, as medians and ratios from one run.

Run from the repository root (about five minutes on two cores; ``--quick`` skips
the 1M-word file and repeats less)::

    python benchmarks/speed.py [--repeat 3] [--quick] [--no-proselint]

What it measures, on the 181 news article bodies of
``../shared/corpus/news-articles/ground-truth.json`` (``articleBody``, written
as ``.txt`` files and linted as plain text; skipped with a message if
``../shared`` is absent):

- throughput of ``contentlint check`` with every registered rule and the
  readability metrics (``--format json``), default ``--jobs`` (all cores) and
  ``--jobs 1``, results cache off; articles per second; the ratio to proselint
  on the same files in the same run (installed into its own virtual
  environment under ``~/.cache/contentlint-benchmarks``); Vale's published
  145 articles/s for reference;
- the per-stage and per-rule split of one ``--profile --jobs 1`` run, with the
  ratio of rules + engine + reporting to the shared analysis;
- the ``--jobs`` speedup, the results-cache speedup (fresh cache, then an
  unchanged re-run);
- start-up: ``--version``, ``--help``, one small file cold;
- peak memory of the corpus run: peak RSS per process, and the peak of the
  summed proportional set size (PSS: pages the forkserver shares with its
  workers counted once), read from ``/proc`` (Linux);
- 10k / 100k / 1M-word files (``benchmarks/scaling.py``'s generator, each in a
  fresh process, check only) and their time ratios: linear means about 10x;
- that the fast readability code equals textstat on all 181 bodies.

Wall times on a shared machine follow its load, so the load average is
printed with the figures, and CPU seconds (user + sys of every process) beside
each wall time. The figures in docs/performance.md come from this script.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "news-articles" / "ground-truth.json"
TOOLS = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "contentlint-benchmarks"
VALE_ARTICLES_PER_SECOND = 145.0
SMALL_FILE = (
    "# Rain gardens\n\nRain gardens catch water from roofs and driveways. They let it soak into "
    "the ground within a day or two, which keeps fertilizer and oil out of storm drains.\n\n"
    "Most home gardens cost a few hundred dollars to build.\n"
)


@dataclass
class Run:
    wall: float
    cpu: float  # user + sys of every process of the run (polled from /proc, or waited-for children)
    peaks: dict[int, int] = field(default_factory=dict)  # pid -> VmHWM bytes
    cpus: dict[int, float] = field(default_factory=dict)  # pid -> user + sys seconds
    parents: dict[int, int] = field(default_factory=dict)  # pid -> parent pid
    pss: int = 0  # largest sum of proportional set sizes seen at one moment (shared pages once)
    root: int = 0
    returncode: int = 0
    stderr: str = ""

    @property
    def critical_path(self) -> float:
        """The largest CPU sum along a chain of processes (main -> forkserver -> one worker).

        Siblings (the workers) run side by side, a parent's work comes before
        its children's: a load-independent estimate of the wall time on idle cores.
        """
        children: dict[int, list[int]] = {}
        for pid, parent in self.parents.items():
            children.setdefault(parent, []).append(pid)

        def path(pid: int) -> float:
            return self.cpus.get(pid, 0.0) + max((path(c) for c in children.get(pid, ())), default=0.0)

        return path(self.root)


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def run(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd`` to completion, stdout discarded, polling CPU and peak RSS of its process tree.

    NOTE: /proc polling, because forkserver workers are not waited for by the
    main process and so never show up in ``RUSAGE_CHILDREN``.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    cpus: dict[int, float] = {}
    parents: dict[int, int] = {}
    pss = 0
    if Path("/proc/self/stat").exists():
        while proc.poll() is None:
            moment = 0
            for pid, parent in _tree(proc.pid).items():
                hwm, cpu = _sample(pid)
                moment += _pss(pid)
                if pid != proc.pid:
                    parents[pid] = parent
                if hwm:
                    peaks[pid] = max(peaks.get(pid, 0), hwm)
                if cpu:
                    cpus[pid] = max(cpus.get(pid, 0.0), cpu)
            pss = max(pss, moment)
            time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    total = max(waited, sum(cpus.values()))
    return Run(wall, total, peaks, cpus, parents, pss, proc.pid, proc.returncode, err)


def _tree(root: int) -> dict[int, int]:
    """pid -> parent pid for ``root`` and its descendants."""
    parent_of: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent_of[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    children: dict[int, list[int]] = {}
    for pid, parent in parent_of.items():
        children.setdefault(parent, []).append(pid)
    out, todo = {root: parent_of.get(root, 0)}, [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, ()):
            out[child] = pid
            todo.append(child)
    return out


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _sample(pid: int) -> tuple[int, float]:
    """(peak RSS bytes, user + sys CPU seconds) of a live process; zeros once it is gone."""
    hwm, cpu = 0, 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) * 1024
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        pass
    return hwm, cpu


def median(runs: list[Run]) -> Run:
    """The run with the median wall time (its CPU and memory come with it)."""
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


def contentlint() -> list[str]:
    script = shutil.which("contentlint", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "contentlint"]


def env(**extra: str) -> dict[str, str]:
    out = dict(os.environ)
    out.pop("CONTENTLINT_CACHE_DIR", None)
    out["NO_COLOR"] = "1"
    out.update(extra)
    return out


# -- the corpus and the peers ----------------------------------------------------------------


def write_corpus(folder: Path) -> tuple[int, int]:
    truth = json.loads(CORPUS.read_text(encoding="utf-8"))
    words = 0
    for key, value in sorted(truth.items()):
        (folder / f"{key}.txt").write_text(value["articleBody"], encoding="utf-8")
        words += len(value["articleBody"].split())
    return len(truth), words


def proselint() -> tuple[list[str], str] | None:
    """proselint in its own virtual environment (created on first use), and its version."""
    venv = TOOLS / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        print(f"  installing proselint into {venv} ...", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "proselint"], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"  proselint could not be installed ({exc}); skipping the comparison")
            return None
    version = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "show", "proselint"],
                             capture_output=True, text=True).stdout
    found = re.search(r"^Version: (\S+)", version, re.M)
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    cmd = [str(exe), "check"] if re.search(r"^\s+check\b", help_text, re.M) else [str(exe)]
    return cmd, found.group(1) if found else "?"


# -- sections ------------------------------------------------------------------------------


def header(rules: int, files: int, words: int) -> None:
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    from contentlint._version import __version__
    from contentlint.parallel import available_cores

    print(f"contentlint speed benchmark, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {available_cores()} cores usable ({os.cpu_count()} online), {mem / 2**30:.1f} GiB RAM, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    )
    print(f"load average at start: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min)")
    print(f"contentlint {__version__}, {rules} rules registered; corpus: {files} news bodies, {words:,} words")
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from contentlint.langid_model import _cache_folder

    model = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else Path(MODEL_DIR) / MODEL_FILE
    warm = (_cache_folder(model) / "classes.json").is_file()
    print(f"language model: {'already decompressed' if warm else 'decompressed by the first run'} "
          f"in {_cache_folder(model).parent}")


def registered_rules() -> int:
    from contentlint.registry import Registry

    return len(Registry.from_entry_points().rules)


def throughput(folder: Path, files: int, repeat: int, peer: tuple[list[str], str] | None) -> dict[str, float]:
    print(f"\nThroughput (cache off; median of {repeat}; wall, then the load-independent CPU critical path)")
    base = [*contentlint(), "check", str(folder), "--no-cache", "--fail-on", "never"]
    rows = {
        "json, --jobs default": [*base, "-f", "json"],
        "json, --jobs 1": [*base, "-f", "json", "--jobs", "1"],
        "concise, --jobs default": [*base, "-f", "concise"],
        "pretty, --jobs default": [*base],
    }
    figures: dict[str, float] = {}
    for label, cmd in rows.items():
        best = median([run(cmd, env()) for _ in range(repeat)])
        figures[label] = best.wall
        figures[label + " (path)"] = best.critical_path
        print(f"  contentlint {label:<24} {best.wall:6.2f} s wall {files / best.wall:6.1f}/s | "
              f"path {best.critical_path:5.2f} s {files / best.critical_path:6.1f}/s | cpu {best.cpu:5.2f} s")
    if peer is not None:
        cmd, version = peer
        files_list = sorted(str(p) for p in folder.glob("*.txt"))
        best = median([run([*cmd, *files_list], env()) for _ in range(repeat)])
        figures["proselint"] = best.wall
        figures["proselint (path)"] = best.critical_path
        print(f"  proselint {version:<26} {best.wall:6.2f} s wall {files / best.wall:6.1f}/s | "
              f"path {best.critical_path:5.2f} s {files / best.critical_path:6.1f}/s | cpu {best.cpu:5.2f} s")
        for label in ("json, --jobs default", "concise, --jobs default", "json, --jobs 1"):
            print(f"  speed vs proselint, {label:<24} {best.wall / figures[label]:.2f}x wall, "
                  f"{best.critical_path / figures[label + ' (path)']:.2f}x path (target >= 1.0)")
    print(f"  Vale (published): {VALE_ARTICLES_PER_SECOND:.0f} articles/s")
    wall = figures["json, --jobs 1"] / figures["json, --jobs default"]
    path = figures["json, --jobs 1 (path)"] / figures["json, --jobs default (path)"]
    print(f"  --jobs speedup (jobs 1 / default): {wall:.2f}x wall, {path:.2f}x path (target >= 1.7x on 2 cores)")
    figures["jobs_speedup"] = wall
    figures["jobs_speedup (path)"] = path
    return figures


def jobs_scaling(folder: Path, copies: int) -> float:
    """The --jobs speedup on a corpus ``copies`` times larger: fixed costs per process amortised."""
    big = folder.parent / f"corpus-x{copies}"
    big.mkdir(exist_ok=True)
    for i in range(copies):
        for path in folder.glob("*.txt"):
            (big / f"{i}-{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    base = [*contentlint(), "check", str(big), "--no-cache", "--fail-on", "never", "-f", "json"]
    one = run([*base, "--jobs", "1"], env())
    many = run(base, env())
    print(f"\n--jobs on the corpus x{copies} ({copies * 181} files): jobs 1 {one.wall:.2f} s "
          f"(path {one.critical_path:.2f}), default {many.wall:.2f} s (path {many.critical_path:.2f}): "
          f"{one.wall / many.wall:.2f}x wall, {one.critical_path / many.critical_path:.2f}x path")
    return one.critical_path / many.critical_path


def split(folder: Path) -> float | None:
    print("\nSplit per stage and per rule (one run: --profile --jobs 1 --format json)")
    result = run([*contentlint(), "check", str(folder), "--no-cache", "-f", "json", "--jobs", "1",
                  "--fail-on", "never", "--profile"], env())
    for line in result.stderr.splitlines():
        print("  " + line)
    found = re.search(r"vs shared analysis: .* = ([\d.]+)x", result.stderr)
    return float(found.group(1)) if found else None


def cache(folder: Path, repeat: int) -> dict[str, float]:
    print("\nResults cache (fresh cache folder, then the unchanged re-run; median of", repeat, ")")
    out = {}
    for fmt in ("json", "concise"):
        firsts, seconds = [], []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                cmd = [*contentlint(), "check", str(folder), "-f", fmt, "--fail-on", "never"]
                firsts.append(run(cmd, env(CONTENTLINT_CACHE_DIR=tmp)))
                seconds.append(run(cmd, env(CONTENTLINT_CACHE_DIR=tmp)))
        a, b = median(firsts), median(seconds)
        out[fmt] = a.wall / b.wall
        print(f"  {fmt:<8} first {a.wall:6.2f} s (cpu {a.cpu:5.2f}), re-run {b.wall:5.2f} s (cpu {b.cpu:4.2f}): "
              f"{a.wall / b.wall:5.1f}x wall, {a.cpu / b.cpu:5.1f}x cpu (target >= 20x)")
    return out


def startup(tmp: Path) -> dict[str, float]:
    print("\nStart-up (median wall of 10 runs; the small file: 5 runs, cache off)")
    small = tmp / "small.md"
    small.write_text(SMALL_FILE, encoding="utf-8")
    out = {}
    for label, args, n, target in (
        ("--version", ["--version"], 10, 0.15),
        ("--help", ["--help"], 10, 0.15),
        ("check --help", ["check", "--help"], 10, 0.15),
        ("one small file, cold", ["check", str(small), "--no-cache", "--fail-on", "never"], 5, 2.5),
    ):
        best = median([run([*contentlint(), *args], env()) for _ in range(n)])
        out[label] = best.wall
        print(f"  {label:<22} {best.wall:6.3f} s  cpu {best.cpu:5.3f} s  (target <= {target} s)")
    for label, code in (("import spacy", "import spacy"), ("import textstat", "import textstat")):
        best = median([run([sys.executable, "-c", code], env()) for _ in range(3)])
        print(f"  reference: {label:<15} {best.wall:6.3f} s (python start-up included)")
    return out


def memory(folder: Path) -> dict[str, float]:
    print("\nPeak memory of the corpus run (VmHWM per process from /proc; cache off, json)")
    out = {}
    for label, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs default", [])):
        result = run([*contentlint(), "check", str(folder), "--no-cache", "-f", "json", "--fail-on", "never", *extra],
                     env())
        mib = {pid: peak / 2**20 for pid, peak in result.peaks.items() if peak}
        if not mib:
            print("  (no /proc: not measured)")
            return out
        main = mib.get(result.root, 0.0)
        others = sorted((v for pid, v in mib.items() if pid != result.root), reverse=True)
        total = sum(mib.values())
        out[label] = result.pss / 2**20
        detail = f"; other processes {', '.join(f'{w:.0f}' for w in others)} MiB" if others else ""
        print(f"  {label:<15} peak RSS: main {main:4.0f} MiB{detail} (sum {total:4.0f} MiB, shared pages "
              f"counted in each); peak total PSS {result.pss / 2**20:4.0f} MiB (target < 400 MB)")
    return out


def scaling(quick: bool) -> dict[int, float]:
    sizes = (10_000, 100_000) if quick else (10_000, 100_000, 1_000_000)
    print("\nScaling: one markdown file, check only, fresh process per size (benchmarks/scaling.py generator)")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scaling import measure  # type: ignore[import-not-found]

    out: dict[int, float] = {}
    previous = None
    for words in sizes:
        m = measure(words, "markdown", False)
        out[words] = m["seconds"]
        ratio = f"  x{m['seconds'] / previous:4.1f} vs the previous size" if previous else ""
        print(f"  {words:>9,} words: {m['seconds']:7.2f} s cpu, peak +{m['peak_bytes'] / 2**20:6.0f} MiB{ratio}")
        previous = m["seconds"]
    return out


def readability_check() -> None:
    truth = json.loads(CORPUS.read_text(encoding="utf-8"))
    import textstat

    from contentlint.readability import METRICS, readability

    same = sum(
        readability(v["articleBody"]) == {n: float(getattr(textstat, f)(v["articleBody"])) for n, f in METRICS}
        for v in truth.values()
    )
    print(f"\nReadability: the fast path equals textstat on {same}/{len(truth)} bodies")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per throughput/cache figure (median)")
    parser.add_argument("--quick", action="store_true", help="repeat once and skip the 1M-word file")
    parser.add_argument("--no-proselint", action="store_true", help="skip installing and timing proselint")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: the news corpus is not at {CORPUS} (../shared is not beside the repository)")
        return
    repeat = 1 if args.quick else max(1, args.repeat)
    peer = None if args.no_proselint else proselint()
    with tempfile.TemporaryDirectory(prefix="contentlint-speed-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, words = write_corpus(folder)
        header(registered_rules(), files, words)
        figures = throughput(folder, files, repeat, peer)
        bigger = jobs_scaling(folder, 1 if args.quick else 4) if not args.quick else None
        ratio = split(folder)
        caching = cache(folder, repeat)
        starts = startup(Path(tmp))
        peaks = memory(folder)
    sizes = scaling(args.quick)
    readability_check()

    print("\nSummary (target: measured)")
    if "proselint" in figures:
        print(f"  >= proselint speed:           {figures['proselint'] / figures['json, --jobs default']:.2f}x wall, "
              f"{figures['proselint (path)'] / figures['json, --jobs default (path)']:.2f}x path")
    print(f"  rules+report <= 1.5x analysis: {ratio if ratio is not None else '?'}x")
    print(f"  --version / --help <= 0.15 s:  {starts['--version']:.3f} / {starts['--help']:.3f} s")
    print(f"  small file cold <= 2.5 s:      {starts['one small file, cold']:.2f} s")
    print(f"  --jobs >= 1.7x:                {figures['jobs_speedup']:.2f}x wall, "
          f"{figures['jobs_speedup (path)']:.2f}x path" + (f"; corpus x4: {bigger:.2f}x path" if bigger else ""))
    print(f"  cache re-run >= 20x:           json {caching['json']:.1f}x, concise {caching['concise']:.1f}x")
    if peaks:
        print(f"  peak memory < 400 MB (PSS):    {', '.join(f'{k} {v:.0f} MiB' for k, v in peaks.items())}")
    ordered = sorted(sizes)
    ratios = [sizes[b] / sizes[a] for a, b in zip(ordered, ordered[1:], strict=False)]
    print(f"  linear scaling (~10x per 10x): {', '.join(f'{r:.1f}x' for r in ratios)}")
    print(f"  load average at end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
