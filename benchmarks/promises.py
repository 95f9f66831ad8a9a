"""Promise-rule benchmark: what CL301-CL303 report on clean news and on the planted example.

Run from the repository root::

    python benchmarks/promises.py [--corpus DIR] [--format text|markdown] [--example FILE]

The 181 article bodies of ``../shared/corpus/news-articles/ground-truth.json`` are
professionally edited news: every finding of a promise rule there is listed in
full so a person can judge it (the target is at most 5 in total). The ketamine
example (``../shared/examples/ketamine-seo-article.txt``) is the opposite: an
outline-generated article whose broken promises are known, so its lines are
compared with the ones the issue names.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from contentlint.config import Config  # noqa: E402
from contentlint.engine import Linter, Overrides  # noqa: E402

CODES = ("CL301", "CL302", "CL303")
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "news-articles"
DEFAULT_EXAMPLE = REPO / ".." / "shared" / "examples" / "ketamine-seo-article.txt"
EXPECTED = {
    "CL301": [12, 30, 36, 40, 44, 48, 58, 62, 66, 70, 92],
    "CL302": [1, 14, 20, 42, 46, 54],
    "CL303": [74],
}
LIMIT = 5


def corpus(args: argparse.Namespace, linter: Linter) -> int:
    truth_path = args.corpus / "ground-truth.json"
    if not truth_path.is_file():
        print(f"skipped corpus: {truth_path} not found")
        return 0
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    ext = "md" if args.format == "markdown" else "txt"
    counts: Counter[str] = Counter()
    listed: list[str] = []
    articles = 0
    start = time.perf_counter()
    for key, value in sorted(truth.items()):
        body = value.get("articleBody") or ""
        result = linter.lint_text(body, f"{key}.{ext}", args.format, Config())
        hits = [f for f in result.findings if f.code in CODES]
        articles += bool(hits)
        for f in hits:
            counts[f.code] += 1
            listed.append(f"    {key[:16]}:{f.line}:{f.column} {f.code} {f.message}\n"
                          f"        > {f.excerpt[:160]!r}")
    seconds = time.perf_counter() - start
    total = sum(counts.values())
    print(
        f"news corpus ({len(truth)} clean bodies as {args.format}): {total} findings "
        f"in {articles} articles (target <= {LIMIT}); "
        + ", ".join(f"{code} {counts[code]}" for code in CODES)
        + f"; {1000 * seconds / max(1, len(truth)):.0f} ms/article"
    )
    for line in listed:
        print(line)
    return 0 if total <= LIMIT else 1


def example(args: argparse.Namespace, linter: Linter) -> int:
    path: Path = args.example
    if not path.is_file():
        print(f"skipped example: {path} not found")
        return 0
    result = linter.lint_text(path.read_text(encoding="utf-8"), str(path), None, Config())
    status = 0
    print(f"{path.name}:")
    for code in CODES:
        lines = sorted({f.line for f in result.findings if f.code == code})
        ok = lines == EXPECTED[code]
        status |= not ok
        extra = sorted(set(lines) - set(EXPECTED[code]))
        missed = sorted(set(EXPECTED[code]) - set(lines))
        verdict = "== expected" if ok else f"(missed {missed}, extra {extra})"
        print(f"  {code}: lines {lines} {verdict}")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--example", type=Path, default=DEFAULT_EXAMPLE)
    args = parser.parse_args(argv)
    linter = Linter(overrides=Overrides(select=CODES))
    return corpus(args, linter) | example(args, linter)


if __name__ == "__main__":
    raise SystemExit(main())
