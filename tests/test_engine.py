"""End-to-end engine behaviour: bad input, languages, suppression, per-file ignores."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import Linter, Overrides

LONG = (
    "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
    "and then delayed twice by objections from local shops and residents, would open next month "
    "and that fares would stay the same for at least another year."
)


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in result.findings]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary file (gzip-compressed data)"),
    ],
)
def test_binary_files_are_cl001_and_run_goes_on(tmp_path: Path, linter: Linter, data: bytes, reason: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(f"# T\n\n{LONG}\n")
    result = linter.lint_paths([str(bad), str(good)])
    first, second = result.files
    (finding,) = first.findings
    assert finding.code == "CL001" and reason in finding.message
    assert "CL502" in codes(second)


def test_encodings(tmp_path: Path, linter: Linter) -> None:
    text = f"# Café\n\n{LONG}\n"
    for name, data in {
        "utf16.md": text.encode("utf-16"),
        "bom.md": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "latin1.md": text.encode("latin-1"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = linter.lint_paths([str(path)]).files[0]
        assert result.title == "Café", name
        (finding,) = result.findings
        assert (finding.code, finding.line, finding.column) == ("CL502", 3, 1), name


def test_empty_and_whitespace_files(tmp_path: Path, linter: Linter) -> None:
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n\t\n")
    result = linter.lint_paths([str(tmp_path)])
    assert [codes(f) for f in result.files] == [["CL005"], ["CL005"]]


def test_missing_file_and_directory_walk(tmp_path: Path, linter: Linter) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# A\n\nFine.\n")
    (tmp_path / "sub" / "notes.csv").write_text("x,y\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "b.md").write_text("# B\n")
    result = linter.lint_paths([str(tmp_path), str(tmp_path / "nope.md")])
    paths = [Path(f.path).name for f in result.files]
    assert paths == ["a.md", "nope.md"]
    assert result.files[1].findings[0].code == "CL001"
    assert "no such file" in result.files[1].findings[0].message


def test_inputs_are_never_written(tmp_path: Path, linter: Linter) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"# T\n\n{LONG}\n")
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    linter.lint_paths([str(path)])
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


RUSSIAN = (
    "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны. "
    "По словам министра, программа начнёт работать уже в следующем месяце и охватит "
    "несколько тысяч предприятий, которые пострадали от роста цен на энергию и сырьё в этом году, "
    "а также от снижения спроса со стороны покупателей и партнёров за рубежом."
)


def test_non_english_document_skips_english_rules(linter: Linter) -> None:
    result = linter.lint_text(f"# Новости\n\n{RUSSIAN}\n", "ru.md")
    assert codes(result) == ["CL003"]
    assert "'ru'" in result.findings[0].message and "CL502 long-sentence" in result.findings[0].message
    assert result.language == "ru"
    forced = Linter(registry=linter.registry, overrides=Overrides(language="en"))
    assert "CL502" in codes(forced.lint_text(f"# T\n\n{RUSSIAN}\n", "ru.md", config=Config()))


def test_inline_suppression_in_markdown(linter: Linter) -> None:
    text = (
        "# T\n\n"
        "<!-- contentlint-disable-next-line CL502 -->\n"
        f"{LONG}\n\n"
        f"{LONG}\n\n"
        "<!-- contentlint-disable long-sentence -->\n\n"
        f"{LONG}\n\n"
        "<!-- contentlint-enable -->\n\n"
        f"{LONG}\n"
    )
    result = linter.lint_text(text, "a.md", config=Config())
    assert [f.line for f in result.findings if f.code == "CL502"] == [6, 14]


def test_per_file_ignores(tmp_path: Path, linter: Linter) -> None:
    (tmp_path / "contentlint.toml").write_text('[per-file-ignores]\n"legal/*.md" = ["CL5"]\n')
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "terms.md").write_text(f"# Terms\n\n{LONG}\n")
    (tmp_path / "post.md").write_text(f"# Post\n\n{LONG}\n")
    result = Linter(registry=linter.registry).lint_paths([str(tmp_path)])
    by_name = {Path(f.path).name: codes(f) for f in result.files}
    assert by_name == {"terms.md": [], "post.md": ["CL502"]}


def test_exclude_globs_from_config(tmp_path: Path, linter: Linter) -> None:
    (tmp_path / "contentlint.toml").write_text('exclude = ["drafts/**"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text("# X\n\nText.\n")
    (tmp_path / "y.md").write_text("# Y\n\nText.\n")
    result = Linter(registry=linter.registry).lint_paths([str(tmp_path)])
    assert [Path(f.path).name for f in result.files] == ["y.md"]


def test_finding_spans_match_excerpts(linter: Linter, ketamine_path: Path) -> None:
    source = ketamine_path.read_text(encoding="utf-8")
    result = linter.lint_text(source, str(ketamine_path))
    assert result.findings
    lines = source.splitlines()
    for f in result.findings:
        assert source[f.span.start : f.span.end] == f.excerpt
        if f.line == f.end_line:
            assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.excerpt
