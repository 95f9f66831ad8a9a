"""Big and pathological inputs: they must finish, in time that grows linearly with their size.

Timing assertions here are about *shape*, not speed: each reader is timed on
an input and on one four times its size, using this process's CPU time (so
other processes on a busy CI machine do not count) and the best of a few
runs, and fails only if the time grows like a square (x16) rather than a line
(x4), with room for noise (a ratio above 9, on a run long enough to measure).
Absolute limits exist only as a "does not hang" backstop and are generous.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.document import LineIndex
from contentlint.parsers import parser_for
from contentlint.reading import DEFAULT_MAX_FILE_SIZE

from .invariants import check_document
from .support import FAST, GOOD_ARTICLE, LONG, check_json, fingerprint, invoke

MB = 1024 * 1024
#: Quadratic growth gives x16 for x4 input; linear x4, n log n about x4.5.
MAX_RATIO = 9.0
#: Below this many CPU seconds for the larger input, ratios are noise.
MIN_MEASURABLE = 0.02

_WORDS = (
    "council city residents plan budget school road traffic transit bus lane fare market shop "
    "owner worker union hospital doctor nurse patient study research data report survey water "
    "energy price cost tax policy law court judge river bridge park garden museum library"
).split()


def article(target_chars: int, seed: int = 7) -> str:
    """A varied Markdown article (headings, paragraphs, lists) of about ``target_chars``."""
    rng = random.Random(seed)
    parts = ["# A very long report\n"]
    size = 0
    section = 0
    while size < target_chars:
        if rng.random() < 0.05:
            section += 1
            parts.append(f"\n## Part {section} on {rng.choice(_WORDS)}\n")
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 25))]
            sentences.append(" ".join(words).capitalize() + ".")
        chunk = ("\n- " if rng.random() < 0.1 else "\n") + " ".join(sentences) + "\n"
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts)


def test_20_mb_article_completes(tmp_path: Path) -> None:
    """Reading, decoding, parsing and positions for 20 MB, with a rule that needs no NLP.

    The NLP analysis of 20 MB of prose takes minutes by design (it is linear: see
    ``benchmarks/scaling.py``); this test is about everything before and around it.
    """
    big = tmp_path / "big.md"
    big.write_text(article(20 * MB), encoding="utf-8")
    assert big.stat().st_size > 20 * MB
    (tmp_path / "good.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    before = fingerprint([tmp_path])
    started = time.monotonic()
    run = invoke(["check", str(big), str(tmp_path / "good.md"), "--format", "concise",
                  "--select", "CL204", "--fail-on", "never", *FAST])
    elapsed = time.monotonic() - started
    assert run.exit_code == 0, run.stderr
    assert " CL00" not in run.stdout, run.stdout[:2000]
    assert fingerprint([tmp_path]) == before
    assert elapsed < 180, f"a 20 MB article took {elapsed:.0f} s"


def test_file_over_max_file_size_is_refused_without_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk, nothing read
        handle.truncate(DEFAULT_MAX_FILE_SIZE + 10 * MB)
    (tmp_path / "good.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    run = check_json([tmp_path])
    (finding,) = run.file("huge.md")["findings"]
    assert finding["code"] == "CL001"
    assert "over the max-file-size limit of 52,428,800 bytes" in finding["message"]
    assert "CL502" in run.codes("good.md")


def test_max_file_size_from_config(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    (tmp_path / "long.md").write_text("# Long\n\n" + "Word " * 400 + "\n", encoding="utf-8")
    (tmp_path / "short.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    run = check_json([tmp_path])
    (finding,) = run.file("long.md")["findings"]
    assert finding["code"] == "CL001" and "max-file-size limit of 1,000 bytes" in finding["message"]
    assert "CL502" in run.codes("short.md")


def test_file_growing_past_the_limit_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """stat() said small, the read finds more (a log being written, /proc): still bounded."""
    import contentlint.reading as reading
    from contentlint.errors import InputError

    path = tmp_path / "growing.md"
    path.write_text("x" * 5000, encoding="utf-8")
    real_stat = reading.os.stat

    class Small:
        def __init__(self, st):  # type: ignore[no-untyped-def]
            self._st = st

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return 10 if name == "st_size" else getattr(self._st, name)

    monkeypatch.setattr(reading.os, "stat", lambda p, *a, **k: Small(real_stat(p, *a, **k)))
    with pytest.raises(InputError, match="more than 1,001 bytes"):
        reading.read_path(path, max_size=1000)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_200k_character_single_line_with_every_rule(tmp_path: Path, suffix: str) -> None:
    """One line, one block, 200,000 characters, every rule and the metrics: no quadratic loop."""
    sentences = []
    rng = random.Random(3)
    size = 0
    while size < 200_000:
        sentence = LONG if rng.random() < 0.05 else (
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 20))).capitalize() + "."
        )
        sentences.append(sentence)
        size += len(sentence) + 1
    line = " ".join(sentences)[:200_000]
    path = tmp_path / f"line{suffix}"
    path.write_text(f"<p>{line}</p>" if suffix == ".html" else line, encoding="utf-8")
    started = time.monotonic()
    run = invoke(["check", str(path), "--format", "json", "--fail-on", "never", *FAST])
    elapsed = time.monotonic() - started
    entry = run.file(path.name)
    codes = {f["code"] for f in entry["findings"]}
    assert "CL502" in codes and not codes & {"CL001", "CL002", "CL004"}, codes
    source = path.read_text(encoding="utf-8")
    index = LineIndex(source)
    for f in entry["findings"]:
        if not f["code"].startswith("CL0"):
            assert index.line_count == 1 and f["line"] == f["end_line"] == 1
            assert source[f["column"] - 1 : f["end_column"] - 1] == f["excerpt"]
    assert elapsed < 120, f"a 200,000-character line took {elapsed:.0f} s"


def test_200k_character_word_with_every_rule(tmp_path: Path) -> None:
    """A data URI or minified blob: one "word" of 200,000 characters, which regexes hate."""
    import base64

    blob = base64.b64encode(random.Random(1).randbytes(150_000)).decode()
    path = tmp_path / "blob.md"
    path.write_text(f"# Data\n\n![x](data:image/png;base64,{blob})\n\nSee {blob[:200_000]} here.\n")
    started = time.monotonic()
    run = check_json([path])
    assert not {f["code"] for f in run.file("blob.md")["findings"]} & {"CL001", "CL002", "CL004"}
    assert time.monotonic() - started < 120


# -- linear growth of each reader ------------------------------------------------------------

def _cpu_best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs, with the garbage collector held off while timing."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            fn()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


#: (format, name, input of about n characters): shapes that break naive parsers.
SHAPES: list[tuple[str, str, Callable[[int], str]]] = [
    ("text", "many lines", lambda n: "Short line of text\n" * (n // 19)),
    ("text", "nested bullets", lambda n: "".join(" " * (i % 40) + "- item\n" for i in range(n // 25))),
    ("text", "headings and paragraphs", lambda n: "A Title Case Heading\n\nA paragraph follows it.\n\n" * (n // 46)),
    ("markdown", "paragraphs", lambda n: "Paragraph text.\n\n" * (n // 17)),
    ("markdown", "open brackets", lambda n: "[" * n),
    ("markdown", "emphasis runs", lambda n: "*a _b " * (n // 6)),
    ("markdown", "unclosed links", lambda n: "[a](b " * (n // 6)),
    ("markdown", "images", lambda n: "![a](b" * (n // 6)),
    ("markdown", "nested one-line list", lambda n: "- " * (n // 2) + "x"),
    ("markdown", "nested one-line quote", lambda n: "> " * (n // 2) + "x"),
    ("markdown", "table rows", lambda n: "|a|b|\n|-|-|\n" + "|x|y|\n" * (n // 6)),
    ("markdown", "footnote refs", lambda n: "[^1]" * (n // 4) + "\n\n[^1]: note\n"),
    ("markdown", "setext run", lambda n: "a\n" * (n // 2) + "===\n"),
    ("html", "nested divs", lambda n: "<div>" * (n // 5) + "text"),
    ("html", "unclosed paragraphs", lambda n: "<p>a" * (n // 4)),
    ("html", "nested lists", lambda n: "<ul><li>" * (n // 8) + "text"),
    ("html", "nested tables", lambda n: "<table><tr><td>" * (n // 15) + "text"),
    ("html", "inline formatting", lambda n: "<b><i><a href=x>" * (n // 16) + "text"),
    ("html", "entities", lambda n: "&amp;&#x1F600;&copy2019 " * (n // 24)),
    ("html", "lone angle brackets", lambda n: "<" * n),
    ("html", "line breaks", lambda n: "a<br>" * (n // 5)),
    ("html", "page with chrome", lambda n: "<html><body>" + "<nav><a href=x>l</a></nav><p>Text here.</p>" * (n // 45)),
]


@pytest.mark.parametrize(("fmt", "name", "make"), SHAPES, ids=[f"{f}-{n}" for f, n, _ in SHAPES])
def test_parsers_grow_linearly(fmt: str, name: str, make: Callable[[int], str]) -> None:
    parse = parser_for(fmt)
    small, large = make(8_000), make(32_000)
    check_document(parse(small, "small"), small)  # and the result is well-formed
    t_large = _cpu_best(lambda: parse(large, "large"), repeat=2)
    if t_large < MIN_MEASURABLE:
        return
    t_small = _cpu_best(lambda: parse(small, "small"))
    ratio = t_large / max(t_small, 1e-3)
    assert ratio < MAX_RATIO, (
        f"{fmt} parser on {name}: x4 input took x{ratio:.1f} time "
        f"({t_small:.3f} s -> {t_large:.3f} s): something is quadratic"
    )
