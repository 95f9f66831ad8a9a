"""Scaling benchmark: time and peak memory for articles of 1k, 10k, 100k and 1M words.

Run from the repository root::

    python benchmarks/scaling.py [--sizes 1000,10000,100000,1000000] [--format markdown]
                                 [--repeat 1] [--tracemalloc] [--ignore CL101]

Each size runs in a fresh subprocess, so one size's caches and heap do not
flatter the next. The child builds the linter and checks a short article
first (loading spaCy, lookup tables, syllable data: fixed costs that have
nothing to do with size), then times (CPU time of the process, and wall time)
one full check of the generated article
with every rule and the readability metrics, as ``contentlint check
--format json`` runs it: decoding is skipped, parsing, analysis, rules,
stamping and suppression are in.

Peak memory is the growth of the process's peak resident set size over its
size before the check (on Linux the peak is reset first through
``/proc/self/clear_refs``; elsewhere ``getrusage().ru_maxrss``), so it counts
spaCy's C allocations too; ``--tracemalloc`` reports Python's own peak
allocation instead (slower, more precise). The ratios between consecutive
sizes should stay near 10 for time and memory alike: linear growth. The
article is generated deterministically (seeded) from a few thousand word
forms, in realistic shape: title, sections, paragraphs of 2-7 sentences,
lists, quotes with attributions, links and the odd phrase rules look for.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
SUFFIX = {"markdown": ".md", "text": ".txt", "html": ".html"}

_SYLLABLES = ("ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu "
              "na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu").split()
_FUNCTION = ("the of and to a in is that for it as was with be by on not this are or from at "
             "which but have an they were has their would when will can more who what so").split()
_PHRASES = (
    "It is important to note that the council agreed.",
    "In this section we will explain how the budget works.",
    "Experts say the plan is sound.",
    "Studies show the lanes reduce traffic.",
    "How much will the new lanes cost?",
    "The report was approved by the committee.",
)


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def article(words: int, fmt: str = "markdown", seed: int = 1) -> str:
    """A deterministic article of about ``words`` words in ``fmt``."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)

    def sentence() -> str:
        n = rng.randint(5, 35)
        out = [rng.choice(_FUNCTION) if rng.random() < 0.45 else rng.choice(vocab) for _ in range(n)]
        return " ".join(out).capitalize() + rng.choice(".....?!")

    blocks: list[tuple[str, str]] = [("h1", "A report on " + " ".join(rng.sample(vocab, 3)))]
    count = 0
    section = 0
    while count < words:
        roll = rng.random()
        if roll < 0.06:
            section += 1
            text = f"Part {section}: " + " ".join(rng.sample(vocab, rng.randint(1, 4))).title()
            blocks.append(("h2", text))
        elif roll < 0.14:
            for _ in range(rng.randint(2, 5)):
                text = sentence()
                blocks.append(("li", text))
                count += len(text.split())
        elif roll < 0.18:
            text = f"\u201c{sentence()}\u201d said Dr. {rng.choice(vocab).title()} {rng.choice(vocab).title()}."
            blocks.append(("q", text))
            count += len(text.split())
        else:
            parts = [sentence() for _ in range(rng.randint(2, 7))]
            if rng.random() < 0.1:
                parts.append(rng.choice(_PHRASES))
            if rng.random() < 0.1:
                parts.append("See [the figures](https://example.com/data) for details.")
            text = " ".join(parts)
            blocks.append(("p", text))
            count += len(text.split())
    return _render(blocks, fmt)


def _render(blocks: list[tuple[str, str]], fmt: str) -> str:
    out = []
    for kind, text in blocks:
        if fmt == "html":
            link = text.replace("[the figures](https://example.com/data)",
                                '<a href="https://example.com/data">the figures</a>')
            tag = {"h1": "h1", "h2": "h2", "li": "li", "q": "blockquote", "p": "p"}[kind]
            out.append(f"<{tag}>{link}</{tag}>")
        elif fmt == "markdown":
            prefix = {"h1": "# ", "h2": "## ", "li": "- ", "q": "> ", "p": ""}[kind]
            out.append(prefix + text)
        else:
            plain = text.replace("[the figures](https://example.com/data)", "https://example.com/data")
            out.append(("- " if kind == "li" else "") + plain)
    if fmt == "html":
        return "<!DOCTYPE html><html><body><article>\n" + "\n".join(out) + "\n</article></body></html>\n"
    return "\n\n".join(out) + "\n"


def _status_bytes(field: str) -> int | None:
    """A ``/proc/self/status`` memory field (VmRSS, VmHWM) in bytes; None off Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the peak RSS to the current RSS (Linux: ``echo 5 > /proc/self/clear_refs``)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def _maxrss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def child(words: int, fmt: str, use_tracemalloc: bool, ignore: tuple[str, ...] = ()) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    from contentlint.config import Config
    from contentlint.engine import Linter, Overrides
    from contentlint.parsers import parser_for

    linter = Linter(overrides=Overrides(metrics=True, ignore=ignore))
    config = Config()
    path = "article" + SUFFIX[fmt]
    linter.lint_text(article(300, fmt, seed=99), path, fmt, config)  # fixed costs, not counted
    text = article(words, fmt)
    started = time.process_time()
    parser_for(fmt)(text, path)
    parse_seconds = time.process_time() - started
    import gc

    gc.collect()
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    exact = _reset_peak()  # else the peak so far (the warm-up's) can hide a small run's
    before = _status_bytes("VmRSS") or _maxrss_bytes()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = linter.lint_text(text, path, fmt, config)
    seconds = time.process_time() - cpu_started
    wall = time.perf_counter() - started
    if use_tracemalloc:
        import tracemalloc

        peak = float(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    else:
        after = (_status_bytes("VmHWM") if exact else None) or _maxrss_bytes()
        peak = float(max(0, after - before))
    process_peak = float((_status_bytes("VmHWM") if exact else None) or _maxrss_bytes())
    return {
        "process_peak_bytes": process_peak,
        "words": float(len(text.split())),
        "chars": float(len(text)),
        "parse_seconds": parse_seconds,
        "seconds": seconds,
        "wall_seconds": wall,
        "peak_bytes": peak,
        "findings": float(len(result.findings)),
    }


def measure(words: int, fmt: str, use_tracemalloc: bool, ignore: str = "") -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(words), "--format", fmt, "--ignore", ignore]
    if use_tracemalloc:
        cmd.append("--tracemalloc")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _ratio(a: float, b: float) -> str:
    return f"x{b / a:5.1f}" if a > 0 else "   - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated article sizes in words")
    parser.add_argument("--format", default="markdown", choices=sorted(SUFFIX))
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--tracemalloc", action="store_true", help="Python heap peak instead of RSS")
    parser.add_argument("--ignore", default="", help="rules to leave out (comma-separated selectors)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ignore = tuple(s for s in args.ignore.split(",") if s)
        print(json.dumps(child(args.child, args.format, args.tracemalloc, ignore)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    memory = "Python heap peak" if args.tracemalloc else "peak RSS growth"
    rules = f"all rules but {args.ignore}" if args.ignore else "all rules"
    print(f"contentlint scaling, {args.format}, {rules} + metrics; memory = {memory}")
    header = (f"{'words':>10} {'chars':>11} {'parse s':>8} {'check s':>8} {'wall s':>8} "
              f"{'us/word':>8} {'+MB':>8} {'proc MB':>8} {'time':>7} {'memory':>7}")
    print(header)
    print("-" * len(header))
    previous: dict[str, float] | None = None
    for words in sizes:
        runs = [measure(words, args.format, args.tracemalloc, args.ignore)
                for _ in range(max(1, args.repeat))]
        row = min(runs, key=lambda r: r["seconds"])
        time_ratio = _ratio(previous["seconds"], row["seconds"]) if previous else "     "
        mem_ratio = (_ratio(previous["peak_bytes"], row["peak_bytes"])
                     if previous and previous["peak_bytes"] > 2**20 else "     ")
        print(
            f"{int(row['words']):>10,} {int(row['chars']):>11,} {row['parse_seconds']:>8.2f} "
            f"{row['seconds']:>8.2f} {row['wall_seconds']:>8.2f} "
            f"{1e6 * row['seconds'] / row['words']:>8.1f} "
            f"{row['peak_bytes'] / 2**20:>8.1f} {row['process_peak_bytes'] / 2**20:>8.0f} "
            f"{time_ratio:>7} {mem_ratio:>7}",
            flush=True,
        )
        previous = row
    print("parse s, check s: CPU seconds of this process (a busy machine does not inflate them;")
    print("wall s is elapsed time). Time ratios compare CPU seconds.")
    print("+MB: peak memory of the check over the process before it; proc MB: the process's")
    print("peak (spaCy and the word lists included). Ratios are to the previous size; linear")
    print("growth gives about x10 per row. A small check reuses memory the warm-up freed, so")
    print("its +MB can be near 0; --tracemalloc measures Python's own allocations instead.")


if __name__ == "__main__":
    main()
