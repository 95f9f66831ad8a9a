"""Main-content extraction benchmark: how much of the article does the HTML parser lint?

Run from the repository root::

    python benchmarks/extraction.py [--corpus DIR] [--worst 10] [--no-trafilatura] [--set]

For every corpus under ``../shared/corpus`` that has ``ground-truth.json`` and
``html/*.html.gz`` (the scrapinghub article-extraction-benchmark layout), each
page is parsed with :func:`contentlint.parsers.html.parse` and the text of the
Document's *prose* blocks (what the linter analyses) is compared with the
ground-truth ``articleBody``. For comparison the same pages go through
``trafilatura.extract(html, include_comments=False)``, the call the
scrapinghub benchmark uses (``pip install -e ".[bench]"``; skipped with a
message when trafilatura is not installed).

Scoring follows scrapinghub's ``evaluate.py``: text is split into ``\\w+``
tokens, tokens into overlapping 4-token shingles, and shingles are compared as
*multisets* (a shingle twice in the prediction and once in the truth is one
true and one false positive). Per page, precision = tp / (tp + fp) and
recall = tp / (tp + fn); the corpus figures are the means over pages (and
F1 = 2PR / (P + R) of those means, as scrapinghub reports it), plus medians and
the mean of per-page F1. ``--set`` compares shingle sets instead.

Table cells and code are not prose, so pages whose ground truth is mostly a
table score low recall here by design. The detector's thresholds were tuned on
this corpus (there is no held-out set), so its figures are optimistic for
sites it has not seen.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from contentlint.parsers.html import parse  # noqa: E402
from contentlint.reading import decode_bytes  # noqa: E402

DEFAULT_CORPORA = REPO / ".." / "shared" / "corpus"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class Score:
    precision: float | None  # None: empty prediction, left out of the mean as scrapinghub does
    recall: float | None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, as_set: bool = False) -> Counter[tuple[str, ...]]:
    """Multiset (or set) of 4-token shingles; a text shorter than 4 tokens is one shingle."""
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE + 1)
    found = Counter(tuple(tokens[i : i + SHINGLE]) for i in range(count) if tokens[i : i + SHINGLE])
    return Counter(dict.fromkeys(found, 1)) if as_set else found


def score(pred: str, true: str, as_set: bool = False) -> Score:
    p, t = shingles(pred, as_set), shingles(true, as_set)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if fp == fn == 0:
        return Score(1.0, 1.0)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return Score(precision, recall)


def contentlint_text(html: str, name: str) -> str:
    doc = parse(html, name)
    return "\n\n".join(block.text for block in doc.prose_blocks)


def trafilatura_text(html: str, name: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _have_trafilatura() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def pages(corpus: Path) -> Iterator[tuple[str, str, str]]:
    """(id, decoded html, ground-truth article body) for every page of ``corpus``."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((corpus / "html").glob("*.html.gz")):
        key = path.name[: -len(".html.gz")]
        if key in truth:
            html = decode_bytes(gzip.decompress(path.read_bytes()), str(path))
            yield key, html, truth[key].get("articleBody") or ""


def summarize(name: str, scores: dict[str, Score], seconds: float) -> None:
    ps = [s.precision for s in scores.values() if s.precision is not None]
    rs = [s.recall for s in scores.values() if s.recall is not None]
    fs = [s.f1 for s in scores.values()]
    mp, mr = statistics.mean(ps), statistics.mean(rs)
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    print(
        f"  {name:<12} precision {mp:.3f}  recall {mr:.3f}  F1 {f1:.3f}   |  "
        f"median P {statistics.median(ps):.3f}  R {statistics.median(rs):.3f}  "
        f"F1 {statistics.median(fs):.3f}  |  mean page F1 {statistics.mean(fs):.3f}  "
        f"|  {1000 * seconds / max(1, len(scores)):.0f} ms/page"
    )


def run(
    corpus: Path,
    extractors: dict[str, Callable[[str, str], str]],
    worst: int,
    as_set: bool = False,
) -> None:
    results: dict[str, dict[str, Score]] = {name: {} for name in extractors}
    seconds: dict[str, float] = dict.fromkeys(extractors, 0.0)
    count = 0
    for key, html, truth in pages(corpus):
        for name, extract in extractors.items():
            start = time.perf_counter()
            text = extract(html, key)
            seconds[name] += time.perf_counter() - start
            results[name][key] = score(text, truth, as_set)
        count += 1
    overlap = "set" if as_set else "multiset (scrapinghub method)"
    print(
        f"{corpus.name}: {count} pages; 4-token shingles, {overlap} overlap, "
        f"per-page precision and recall averaged over pages"
    )
    for name in extractors:
        summarize(name, results[name], seconds[name])
    if worst:
        ours = results["contentlint"]
        print(f"  worst {worst} pages for contentlint (id: P / R):")
        for key, s in sorted(ours.items(), key=lambda kv: kv[1].f1)[:worst]:
            p = "-" if s.precision is None else f"{s.precision:.2f}"
            r = "-" if s.recall is None else f"{s.recall:.2f}"
            print(f"    {key[:16]}  {p} / {r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus directory")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the comparison")
    parser.add_argument("--set", action="store_true", help="compare shingle sets, not multisets")
    args = parser.parse_args(argv)
    corpora = args.corpus or sorted(
        d for d in DEFAULT_CORPORA.glob("*") if (d / "ground-truth.json").is_file()
    )
    corpora = [c for c in corpora if (c / "ground-truth.json").is_file() and (c / "html").is_dir()]
    if not corpora:
        print(f"skipped: no corpus with ground-truth.json and html/ under {DEFAULT_CORPORA}")
        return 0
    extractors: dict[str, Callable[[str, str], str]] = {"contentlint": contentlint_text}
    if not args.no_trafilatura:
        if _have_trafilatura():
            extractors["trafilatura"] = trafilatura_text
        else:
            print("trafilatura is not installed: no comparison")
    for corpus in corpora:
        run(corpus, extractors, args.worst, args.set)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
