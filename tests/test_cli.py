"""The CLI through Typer's runner and through the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contentlint._version import __version__
from contentlint.cli import app

from .conftest import PYTHON, subprocess_env

runner = CliRunner()
LONG = (
    "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
    "and then delayed twice by objections from local shops and residents, would open next month "
    "and that fares would stay the same for at least another year."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(f"# A title\n\n{LONG}\n\nA short one.\n", encoding="utf-8")
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"contentlint {__version__}"


def test_concise_output_and_exit_codes(article: Path) -> None:
    result = runner.invoke(app, ["check", str(article), "--format", "concise"])
    assert result.exit_code == 0, result.output  # CL502 is info; default --fail-on error
    assert f"{article}:3:1: CL502 [info] sentence has 44 words (limit 30)" in result.output
    assert runner.invoke(app, ["check", str(article), "--fail-on", "info"]).exit_code == 1
    assert runner.invoke(app, ["check", str(article), "--fail-on", "never"]).exit_code == 0


def test_json_output_schema(article: Path) -> None:
    result = runner.invoke(app, ["check", str(article), "--format", "json"])
    data = json.loads(result.output)
    assert data["version"] == 1
    (file,) = data["files"]
    assert file["path"] == str(article) and file["format"] == "markdown"
    assert file["title"] == "A title"
    (finding,) = file["findings"]
    assert {k: finding[k] for k in ("code", "slug", "severity", "line", "column", "end_line")} == {
        "code": "CL502", "slug": "long-sentence", "severity": "info", "line": 3, "column": 1, "end_line": 3,
    }
    assert finding["end_column"] == len(LONG) + 1
    assert finding["excerpt"] == LONG
    assert "fix" in finding
    assert file["metrics"]["words"] > 40
    assert data["summary"]["by_severity"]["info"] == 1


def test_select_and_ignore(article: Path) -> None:
    result = runner.invoke(app, ["check", str(article), "-f", "concise", "--ignore", "CL5"])
    assert "CL502" not in result.output
    result = runner.invoke(app, ["check", str(article), "-f", "concise", "--select", "long-sentence"])
    assert "CL502" in result.output


def test_unknown_selector_is_a_usage_error(article: Path) -> None:
    result = runner.invoke(app, ["check", str(article), "--select", "CL9x9"])
    assert result.exit_code == 2
    assert "unknown rule selector(s): CL9x9" in result.output


def test_config_error_exits_2(article: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("selekt = 1\n")
    result = runner.invoke(app, ["check", str(article), "--config", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.output and "unknown key 'selekt'" in result.output


def test_stdin_with_filename() -> None:
    result = runner.invoke(
        app, ["check", "-", "--stdin-filename", "draft.md", "-f", "concise"], input=f"# T\n\n{LONG}\n"
    )
    assert "draft.md:3:1: CL502" in result.output


def test_output_file(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(article), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["files"][0]["findings"][0]["code"] == "CL502"
    assert not list(tmp_path.glob(".report.json.*"))  # temporary file renamed away


def test_rules_and_explain() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    codes = [r["code"] for r in json.loads(result.output)]
    assert codes == sorted(codes) and "CL502" in codes and "CL001" in codes
    result = runner.invoke(app, ["explain", "long-sentence"])
    assert result.exit_code == 0
    assert "# CL502 long-sentence" in result.output and "max-words" in result.output
    assert runner.invoke(app, ["explain", "CL999"]).exit_code == 2


def test_console_script_subprocess(article: Path) -> None:
    script = shutil.which("contentlint", path=str(Path(sys.executable).parent))
    assert script, "the contentlint console script is not installed beside this Python"
    proc = subprocess.run(
        [script, "check", str(article), "--format", "concise", "--fail-on", "info"],
        env=subprocess_env(),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert f"{article}:3:1: CL502 [info]" in proc.stdout
    proc = subprocess.run([PYTHON, "-m", "contentlint", "--version"], capture_output=True, text=True)
    assert proc.stdout.strip() == f"contentlint {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["check", "--help"]])
def test_help_and_version_do_not_import_heavy_modules(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from contentlint.cli import app\n"
        f"try:\n    app({args!r}, prog_name='contentlint')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'textstat', 'contentlint.rules', 'contentlint.engine') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([PYTHON, "-c", code], env=subprocess_env(), capture_output=True, text=True)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_says_interrupted_and_exits_130() -> None:
    """Typer turns Ctrl-C into a silent exit 130; the user is told why the run stopped."""
    import signal
    import time

    proc = subprocess.Popen(
        [PYTHON, "-c", "from contentlint.cli import main; main()", "check", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=subprocess_env(),
    )
    time.sleep(3)  # started, and waiting for standard input that never comes
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "contentlint: interrupted" in err
