"""The public batch API: lint_text, lint_texts, lint_paths; plain picklable results."""

from __future__ import annotations

import pickle
import subprocess
from pathlib import Path

import pytest

import contentlint
from contentlint import api, parallel
from contentlint.config import Config
from contentlint.findings import FileResult, LintResult

from .conftest import PYTHON, subprocess_env

LONG = (
    "Ketamine, which was first recognised as an anaesthetic and which has since evolved in its "
    "application to include the treatment of depression in adults who have not responded to "
    "other medication, impacts the brain in ways that researchers are still working to understand."
)


def test_lint_text_matches_the_linter(linter) -> None:  # type: ignore[no-untyped-def]
    text = f"# Title\n\n{LONG}\n"
    result = contentlint.lint_text(text, "a.md")
    assert isinstance(result, FileResult)
    assert result == linter.lint_text(text, "a.md", "markdown", Config())
    assert "CL502" in {f.code for f in result.findings}
    assert pickle.loads(pickle.dumps(result)) == result
    assert all(isinstance(f.to_dict(), dict) for f in result.findings)


def test_lint_text_options_and_format() -> None:
    body = f"A plain note.\n\n{LONG}\n"
    only = contentlint.lint_text(body, "note", format="text", select=["CL502"])
    assert {f.code for f in only.findings} == {"CL502"}
    assert only.format == "text"
    none = contentlint.lint_text(body, "note", ignore=["CL502"], select=["CL502"])
    assert not none.findings
    lean = contentlint.lint_text(f"{LONG}\n", metrics=False)
    assert "flesch_reading_ease" not in lean.metrics and lean.language == "en"
    kept = contentlint.lint_text(f"{LONG}\n", keep_documents=True)
    assert kept.document is not None


def test_lint_texts_keeps_order_and_shares_one_linter() -> None:
    items = [(i, f"# T{i}\n\n{LONG if i % 2 else 'Short.'}\n", "markdown") for i in range(4)]
    results = list(contentlint.lint_texts(items))
    assert [ident for ident, _ in results] == [0, 1, 2, 3]
    assert all(r.path == str(i) for i, r in results)
    assert ["CL502" in {f.code for f in r.findings} for _, r in results] == [False, True, False, True]
    first = parallel.shared_linter(api.settings())
    list(contentlint.lint_texts(items[:1]))
    assert parallel.shared_linter(api.settings()) is first


def test_settings_are_hashable_values(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text("")
    a = api.settings(config=tmp_path / "c.toml", select=["CL5"], ignore=("CL502",))
    b = api.settings(config=str(tmp_path / "c.toml"), select=("CL5",), ignore=["CL502"])
    assert a == b and hash(a) == hash(b)
    with pytest.raises(TypeError):
        api.lint_text("x", settings=a, select=["CL5"])


def test_lint_text_with_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "contentlint.toml"
    config.write_text("[rules.long-sentence]\nmax-words = 100\n")
    result = contentlint.lint_text(f"{LONG}\n", config=config, select=["CL502"])
    assert not result.findings


def test_lint_paths_like_the_cli(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# A\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\nFine.\n", encoding="utf-8")
    result = contentlint.lint_paths([tmp_path], select=["CL502"], cache=tmp_path / "cache")
    assert isinstance(result, LintResult)
    assert [Path(f.path).name for f in result.files] == ["a.md", "b.md"]
    assert [f.code for f in result.findings] == ["CL502"]
    assert list((tmp_path / "cache").rglob("*.json"))
    assert pickle.loads(pickle.dumps(result)) == result


def test_public_names_resolve_lazily() -> None:
    code = (
        "import sys, contentlint\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('contentlint'))\n"
        "print(loaded)\n"
        "for name in contentlint.__all__:\n"
        "    getattr(contentlint, name)\n"
        "assert set(contentlint.__all__) <= set(dir(contentlint))\n"
        "from contentlint import Rule, lint_paths\n"
        "print('OK')\n"
    )
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert proc.returncode == 0, proc.stderr
    first, ok = proc.stdout.splitlines()
    assert first == "['contentlint', 'contentlint._version']" and ok == "OK"
    with pytest.raises(AttributeError):
        contentlint.no_such_name  # noqa: B018
