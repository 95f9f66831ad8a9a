"""Sourcing-rule benchmark: every CL401/CL402 finding on clean professional news.

Run from the repository root::

    python benchmarks/sourcing.py [--corpus DIR] [--codes CL401,CL402] [--quiet]

The corpus is the scrapinghub article-extraction benchmark layout under
``../shared/corpus/news-articles``: ``ground-truth.json`` maps an id to the
clean ``articleBody`` of a professionally edited news article. Each body is
linted as plain text with only the sourcing rules selected, and every finding
is printed with the sentence it sits in, so precision can be judged by eye.
News quotes experts the journalistic way ("said Jane Doe, a cardiologist at
Mount Sinai"), so CL401 should stay silent on almost every article; the issue
allows at most 1 article in 20. CL402 has no such bound (news does write
"analysts say"), and its findings are listed for review.
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

from contentlint.analysis import Analysis, NlpPipeline  # noqa: E402
from contentlint.config import Config  # noqa: E402
from contentlint.engine import Linter, Overrides  # noqa: E402
from contentlint.findings import Finding  # noqa: E402
from contentlint.parsers import parser_for  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "news-articles"
#: CL401 may fire on at most this share of the clean articles (issue 6).
CL401_LIMIT = 1 / 20


def sentence_of(pipeline: NlpPipeline, body: str, key: str, finding: Finding) -> str:
    """The analysis sentence holding the finding's start, as the rules saw it."""
    document = parser_for("text")(body, f"{key}.txt")
    analysis = Analysis(document, pipeline, "en")
    start = finding.span.start if finding.span else 0
    for sentence in analysis.sentences:
        if sentence.span.start <= start < max(sentence.span.end, sentence.span.start + 1):
            return sentence.text
    return document.source[max(0, start - 100) : start + 200]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--codes", default="CL401,CL402")
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args(argv)
    truth_path = args.corpus / "ground-truth.json"
    if not truth_path.is_file():
        print(f"no ground-truth.json in {args.corpus}", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    codes = tuple(c.strip() for c in args.codes.split(",") if c.strip())
    linter = Linter(overrides=Overrides(select=codes, language="en"))
    pipeline = NlpPipeline()  # the default pipeline, as the linter builds it

    started = time.perf_counter()
    per_code: Counter[str] = Counter()
    articles: dict[str, set[str]] = {code: set() for code in codes}
    for key in sorted(truth):
        body = truth[key]["articleBody"]
        result = linter.lint_text(body, f"{key}.txt", "text", Config())
        hits = [f for f in result.findings if f.code in codes]
        for f in hits:
            per_code[f.code] += 1
            articles[f.code].add(key)
            if not args.quiet:
                print(f"{key[:12]}:{f.line}:{f.column} {f.code} «{f.excerpt}»")
                print(f"    {f.message}")
                print(f"    sentence: {sentence_of(pipeline, body, key, f)}")
    elapsed = time.perf_counter() - started

    total = len(truth)
    print()
    print(f"{total} articles linted in {elapsed:.1f}s")
    for code in codes:
        share = len(articles[code]) / total if total else 0.0
        line = f"{code}: {per_code[code]} findings in {len(articles[code])} articles ({share:.1%})"
        if code == "CL401":
            verdict = "ok" if share <= CL401_LIMIT else "OVER"
            line += f"; limit {CL401_LIMIT:.0%} of articles: {verdict}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
