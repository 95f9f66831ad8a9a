"""Broken and hostile file *contents*, all in one run, through the CLI.

Every file below sits in one directory next to a good article and the whole
directory is checked in one ``contentlint check`` run (in-process with Typer's
runner, and once more as a real subprocess with worker processes). Each
hostile file must give a clear result of its own (a CL0xx finding naming the
problem, or its ordinary findings), the good files must still be checked, no
traceback may appear, and no input file may change.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from contentlint.document import LineIndex
from tests.conftest import PYTHON

from .support import GOOD_ARTICLE, LONG, Run, check_json, fingerprint, guarded_env

Check = Callable[[dict[str, Any]], None]

#: A 1x1 PNG, a minimal PDF and a gzip stream, as found misnamed in real repositories.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
GZIP = gzip.compress(GOOD_ARTICLE.encode("utf-8"), mtime=0)

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
#: LONG with invisible and combining characters inside words and emoji between them.
UNICODE_LONG = (
    "The coun\u200bcil said on Tues\u00addday that the ne\u0301w bus lanes \U0001F68C, which "
    f"were first proposed in the spring{BIDI} and then delayed twice by objections from local "
    "shops and residents \U0001F469\u200d\U0001F52C\U0001F1FA\U0001F1F8, would open next month "
    f"and that fa{ZERO_WIDTH}res would stay the same for at least another year."
)


def codes(entry: dict[str, Any]) -> list[str]:
    return [f["code"] for f in entry["findings"]]


def only(code: str, *message_parts: str) -> Check:
    def check(entry: dict[str, Any]) -> None:
        assert codes(entry) == [code], entry["findings"]
        message = entry["findings"][0]["message"]
        for part in message_parts:
            assert part in message, message
        assert "\n" not in message

    return check


def long_sentence_at(line: int, title: str | None = None) -> Check:
    """CL502 for the long sentence, found at ``line`` (as an editor counts lines)."""

    def check(entry: dict[str, Any]) -> None:
        found = [f for f in entry["findings"] if f["code"] == "CL502"]
        assert [f["line"] for f in found] == [line], entry["findings"]
        assert not [c for c in codes(entry) if c.startswith("CL0")], entry["findings"]
        if title is not None:
            assert entry["title"] == title

    return check


def long_sentence_somewhere(count: int = 1) -> Check:
    def check(entry: dict[str, Any]) -> None:
        assert codes(entry).count("CL502") == count, entry["findings"]
        assert not [c for c in codes(entry) if c in ("CL001", "CL002", "CL004")], entry["findings"]

    return check


@dataclass(frozen=True)
class Case:
    name: str  # file name; its suffix decides the format
    data: bytes
    check: Check


def _md(body: str) -> bytes:
    return body.encode("utf-8")


def _cases() -> list[Case]:
    text = f"# Café\n\n{LONG}\n"
    big_script = "var x = '<p>not prose</p>';\n" * 40_000
    table = "| Year | Value |\n|---|---|\n" + "".join(f"| {y} | {y * 3} |\n" for y in range(2000))
    return [
        Case("empty.md", b"", only("CL005", "no prose found")),
        Case("whitespace.txt", b"   \n\n\t  \r\n \x0c\n", only("CL005", "no prose found")),
        Case("whitespace.html", b"<html><body>\n  \n</body></html>", only("CL005")),
        Case("image.md", PNG, only("CL001", "binary file (a PNG image)", "fix or exclude")),
        Case("paper.txt", PDF, only("CL001", "binary file (a PDF document)")),
        Case("archive.html", GZIP, only("CL001", "binary file (gzip-compressed data)")),
        Case("tarball.md", b"notes.md\x00" + b"\x00" * 500 + b"0000644\x00", only("CL001", "NUL bytes")),
        Case(
            "broken-utf8.md",
            "# Café\n\nThe café’s menu.\n".encode() + b"Cut \xe2\x80 off " + LONG.encode(),
            only("CL001", "invalid UTF-8 at byte", "line 4", "save it as UTF-8"),
        ),
        Case("utf16-bom.md", text.encode("utf-16"), long_sentence_at(3, "Café")),
        Case("utf16-be-bom.md", b"\xfe\xff" + text.encode("utf-16-be"), long_sentence_at(3, "Café")),
        Case("utf16-no-bom.md", text.encode("utf-16-le"), long_sentence_at(3, "Café")),
        Case("utf32-bom.md", text.encode("utf-32"), long_sentence_at(3, "Café")),
        Case("utf8-bom.md", text.encode("utf-8-sig"), long_sentence_at(3, "Café")),
        Case("latin1.md", text.encode("latin-1"), long_sentence_at(3, "Café")),
        Case("cp1252.txt", f"Caf\u00e9 \u201cnews\u201d\n\n{LONG}\n".encode("cp1252"), long_sentence_at(3)),
        Case("cr.md", _md(f"# CR\r\rIntro line.\r\r{LONG}\r"), long_sentence_at(5)),
        Case("crlf.md", _md(f"# CRLF\r\n\r\nIntro line.\r\n\r\n{LONG}\r\n"), long_sentence_at(5)),
        Case("mixed.md", _md(f"# Mixed\r\n\rIntro line.\n\r\n{LONG}\r"), long_sentence_at(5)),
        Case("cr.txt", _md(f"Mixed endings\r\rFirst paragraph here.\r\n\n{LONG}\n\r"), long_sentence_at(5)),
        Case("crlf.html", _md(f"<h1>T</h1>\r\n<p>\r\nIntro.\r\n</p>\r\n<p>{LONG}</p>\r\n"), long_sentence_at(5)),
        Case(
            "nested-10k.html",
            _md("<div>" * 10_000 + f"<p>{LONG}</p>" + "</div>" * 10_000),
            long_sentence_somewhere(),
        ),
        Case(
            "nested-10k-unclosed.html",
            _md("<section><div><span><b>" * 2_500 + f"<p>{LONG}"),
            long_sentence_somewhere(),
        ),
        Case(
            "unclosed.html",
            _md(
                "<html><head><title>Unclosed</title><body><div><p>Intro text<ul><li>one<li>two"
                f"<table><tr><td>cell<td>cell<p>{LONG}<blockquote><p><b><i><a href='x'>tail"
                "<!-- an unterminated comment"
            ),
            long_sentence_somewhere(),
        ),
        Case(
            "mostly-script.html",
            _md(
                f"<html><head><style>{'p { color: red }' * 20_000}</style><script>{big_script}"
                f"</script></head><body><p>{LONG}</p><script>{big_script}</script></body></html>"
            ),
            long_sentence_somewhere(),
        ),
        Case(  # RCDATA runs to the end of the file, as in a browser: nothing is shown
            "unclosed-title.html", _md(f"<html><title>T<body><p>{LONG}</p>"), only("CL005")
        ),
        Case("unclosed-script.html", _md(f"<p>{LONG}</p><script>{big_script}"), long_sentence_somewhere()),
        Case("nested-list-5000.md", _md("- " * 5_000 + LONG + "\n\nAfter.\n"), long_sentence_somewhere()),
        Case("nested-ordered-5000.md", _md("1. " * 5_000 + LONG + "\n"), long_sentence_somewhere()),
        Case("nested-quote-5000.md", _md("> " * 5_000 + LONG + "\n"), long_sentence_somewhere()),
        Case(
            "nested-quote-lines.md",
            _md("".join(">" * i + " line\n" for i in range(1, 60)) + "\n" + ">" * 40 + f" {LONG}\n"),
            long_sentence_somewhere(),
        ),
        Case(
            "nested-list-stairs.md",
            _md("".join("  " * i + f"- item {i}\n" for i in range(300)) + "  " * 300 + f"- {LONG}\n"),
            long_sentence_somewhere(),
        ),
        Case("table-2000.md", _md(f"# Data\n\n{table}\n{LONG}\n"), long_sentence_at(2006)),
        Case(
            "open-fence.md",
            _md(f"# T\n\n{LONG}\n\n```python\n" + f"# {LONG}\n" * 100),
            long_sentence_at(3),
        ),
        Case("open-tilde-fence.md", _md(f"{LONG}\n\n~~~~\n~~~\n" + "code\n" * 100), long_sentence_at(1)),
        Case("unicode.md", _md(f"# Ünïcödé \U0001F600\n\n{UNICODE_LONG}\n"), long_sentence_at(3)),
        Case("unicode.txt", _md(f"{BIDI}Title{ZERO_WIDTH}\n\n{UNICODE_LONG}\n"), long_sentence_at(3)),
        Case("unicode.html", _md(f"<p>{UNICODE_LONG}</p>"), long_sentence_at(1)),
        Case("only-invisible.md", _md(ZERO_WIDTH + BIDI + "\n"), only("CL005")),
        Case("nul.md", _md(f"# T\n\n{LONG}\x00\n"), long_sentence_at(3)),
        Case("good.md", _md(GOOD_ARTICLE), long_sentence_at(3, "Bus lanes")),
    ]


CASES = _cases()


@pytest.fixture(scope="module")
def zoo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("zoo")
    for case in CASES:
        (root / case.name).write_bytes(case.data)
    (root / "z-last-good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def zoo_run(zoo: Path) -> Run:
    before = fingerprint([zoo])
    run = check_json([zoo])
    assert fingerprint([zoo]) == before, "an input file was modified"
    return run


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_file_gets_a_clear_result(case: Case, zoo_run: Run) -> None:
    case.check(zoo_run.file(case.name))


def test_every_file_is_reported_and_good_files_still_checked(zoo: Path, zoo_run: Run) -> None:
    reported = sorted(Path(f["path"]).name for f in zoo_run.report["files"])
    assert reported == sorted([c.name for c in CASES] + ["z-last-good.txt"])
    assert "CL502" in zoo_run.codes("z-last-good.txt")  # checked after every hostile file


def test_positions_match_the_source_as_an_editor_counts(zoo: Path, zoo_run: Run) -> None:
    """Line/column of every finding in a decodable file point at its excerpt.

    Lines break at ``\\n``, ``\\r\\n`` and a lone ``\\r``, like ``LineIndex`` and editors.
    """
    from contentlint.reading import read_path

    for entry in zoo_run.report["files"]:
        if any(f["code"] in ("CL001", "CL002") for f in entry["findings"]):
            continue
        source = read_path(Path(entry["path"]))
        index = LineIndex(source)
        for f in entry["findings"]:
            if f["code"].startswith("CL0"):
                continue
            start = index.offset(f["line"], f["column"])
            end = index.offset(f["end_line"], f["end_column"])
            assert source[start:end] == f["excerpt"], (entry["path"], f)


def test_deep_markdown_loses_no_text() -> None:
    """markdown-it stops at 20 nested containers; the text below that depth must survive."""
    from contentlint.parsers.markdown import parse

    for source in (
        "- " * 5_000 + "deep words\n\nAfter.\n",
        "> " * 5_000 + "deep words\n\nAfter.\n",
        "".join("  " * i + f"- item {i}\n" for i in range(40)) + "\nAfter.\n",
        "# T\n\n" + ">" * 25 + " deep words\n\nAfter.\n",
    ):
        text = " ".join(b.text for b in parse(source, "deep.md").blocks)
        assert "After." in text
        assert "deep words" in text or "item 39" in text


def test_the_same_run_as_a_subprocess_with_workers(zoo: Path, zoo_run: Run, tmp_path: Path) -> None:
    """The console script, worker processes and the network guard: same results, no traceback."""
    before = fingerprint([zoo])
    proc = subprocess.run(
        [PYTHON, "-m", "contentlint", "check", str(zoo), "--format", "json", "--fail-on", "never",
         "--jobs", "2", "--no-cache"],
        env=guarded_env(tmp_path / "site"),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    in_process = {f["path"]: codes(f) for f in zoo_run.report["files"]}
    assert {f["path"]: codes(f) for f in report["files"]} == in_process
    assert fingerprint([zoo]) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "the run wrote into its working directory"
