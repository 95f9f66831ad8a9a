"""Broken configuration, and configuration that tries to run code.

A config file that cannot be used stops the run with one line naming the
file and what is wrong (exit 2): checking with the wrong settings would give
wrong results silently. No value from a config file or front matter is ever
executed; Python code runs only from a plugin file the user names in
``plugins``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .support import FAST, GOOD_ARTICLE, check_json, invoke


def _fails_naming(args: list[str], config: Path, *parts: str) -> str:
    run = invoke(args)
    assert run.exit_code == 2, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    (line,) = lines
    assert line.startswith("contentlint: error: ") and str(config) in line, line
    for part in parts:
        assert part in line, line
    assert not run.stdout.strip()
    return line


BROKEN_TOML = {
    "unclosed-string": ('select = ["CL5\n', "invalid TOML"),
    "missing-value": ("select =\n", "invalid TOML"),
    "duplicate-key": ('language = "en"\nlanguage = "de"\n', "invalid TOML"),
    "not-utf8": (b"select = ['\xff\xfe']\n", "invalid TOML"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "invalid TOML"),
    "unknown-key": ('colour = "red"\n', "unknown key 'colour'"),
}

WRONG_TYPES = {
    "select-number": ("select = 5\n", "select must be a list of strings"),
    "select-mixed": ('select = ["CL5", 3]\n', "select must be a list of strings"),
    "max-file-size-string": ('max-file-size = "big"\n', "max-file-size must be a positive integer"),
    "max-file-size-bool": ("max-file-size = true\n", "max-file-size must be a positive integer"),
    "max-file-size-zero": ("max-file-size = 0\n", "max-file-size must be a positive integer"),
    "rules-not-table": ("rules = 3\n", "rules must be a table"),
    "rule-options-not-table": ("[rules]\nlong-sentence = 3\n", "rules.long-sentence must be a table"),
    "option-wrong-type": ('[rules.long-sentence]\nmax-words = "thirty"\n', "max-words"),
    "option-unknown": ("[rules.long-sentence]\nmax-wrds = 30\n", "max-wrds"),
    "rule-unknown": ("[rules.no-such-rule]\nx = 1\n", "no-such-rule"),
    "severity-number": ("[severity]\nCL502 = 3\n", "severity.CL502 must be a string"),
    "severity-unknown": ('[severity]\nCL502 = "fatal"\n', "severity.CL502"),
    "audience-number": ("audience = 7\n", "audience must be a preset name or a table"),
    "audience-unknown": ('audience = "toddlers"\n', "audience 'toddlers'"),
    "fail-on": ('fail-on = "sometimes"\n', "fail-on must be one of"),
    "language-empty": ('language = ""\n', "language must be"),
    "model-number": ("model = 3\n", "model must be a string"),
    "per-file-ignores": ('[per-file-ignores]\n"*.md" = 5\n', "per-file-ignores.*.md must be a list"),
    "plugin-missing": ('plugins = ["nowhere.py"]\n', "file not found"),
}


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize(("name", "case"), {**BROKEN_TOML, **WRONG_TYPES}.items())
def test_bad_config_given_with_option(tmp_path: Path, name: str, case: tuple[str, ...]) -> None:
    content, *parts = case
    config = tmp_path / "bad.toml"
    _write(config, content)
    article = tmp_path / "a.md"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    named = tmp_path / "nowhere.py" if name == "plugin-missing" else config  # names the plugin
    _fails_naming(["check", str(article), "--config", str(config), *FAST], named, *parts)


@pytest.mark.parametrize("name", ["unclosed-string", "select-number", "option-wrong-type"])
def test_bad_config_discovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    content, *parts = {**BROKEN_TOML, **WRONG_TYPES}[name]
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    config = project / "contentlint.toml"
    _write(config, content)
    (project / "docs" / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _fails_naming(["check", str(project), *FAST], config, *parts)


def test_bad_pyproject_table(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n[tool.contentlint]\nselect = 5\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    _fails_naming(["check", str(tmp_path / "a.md"), *FAST], config, "select must be a list")


def test_missing_and_unreadable_config(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.toml"
    _fails_naming(["check", str(tmp_path / "a.md"), "--config", str(missing), *FAST], missing,
                  "cannot read config")
    directory = tmp_path / "dir.toml"
    directory.mkdir()
    _fails_naming(["check", str(tmp_path / "a.md"), "--config", str(directory), *FAST], directory,
                  "cannot read config")


def test_deeply_nested_toml(tmp_path: Path) -> None:
    """tomllib recurses per nesting level; the RecursionError must name the config file."""
    config = tmp_path / "deep.toml"
    config.write_text("select = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    _fails_naming(["check", str(tmp_path / "a.md"), "--config", str(config), *FAST], config)


def test_config_directory_or_fifo_named_like_a_config_is_ignored(tmp_path: Path) -> None:
    import os

    (tmp_path / "contentlint.toml").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / ".contentlint.toml")  # opening it would block
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    run = check_json([tmp_path / "a.md"])
    assert "CL502" in run.codes("a.md")


# -- no code from configuration ---------------------------------------------------------------

def test_config_values_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    (tmp_path / "contentlint.toml").write_text(
        f'language = "en"\n[rules.long-sentence]\nseverity = "warning"\n'
        f"# {payload}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text(f"---\ntitle: \"{payload}\"\n---\n\n{GOOD_ARTICLE}", encoding="utf-8")
    for bad in (f"select = [\"{payload}\"]\n", f"model = \"{payload}\"\n"):
        config = tmp_path / "other.toml"
        config.write_text(bad, encoding="utf-8")
        invoke(["check", str(tmp_path / "a.md"), "--config", str(config), *FAST])
    check_json([tmp_path / "a.md"])
    assert not marker.exists()


def test_unsafe_yaml_front_matter_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    article = tmp_path / "a.md"
    article.write_text(
        "---\n"
        f"title: !!python/object/apply:os.system [\"touch {marker}\"]\n"
        f"x: !!python/object/new:pathlib.Path [\"{marker}\"]\n"
        "---\n\n" + GOOD_ARTICLE,
        encoding="utf-8",
    )
    run = check_json([article])
    assert "CL502" in run.codes("a.md")
    assert not marker.exists()


def test_yaml_alias_bomb_in_front_matter(tmp_path: Path) -> None:
    """A billion-laughs front matter parses to shared references; nothing may expand it."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("title: *i")
    article = tmp_path / "bomb.md"
    article.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + GOOD_ARTICLE, encoding="utf-8")
    for fmt in ("json", "sarif", "html"):
        out = tmp_path / f"report.{fmt}"
        run = invoke(["check", str(article), "--format", fmt, "-o", str(out), *FAST])
        assert run.exit_code in (0, 1) and out.stat().st_size < 5_000_000


def test_plugin_code_runs_only_when_named(tmp_path: Path) -> None:
    """A Python file beside the articles, even one named like a plugin, is never imported."""
    marker = tmp_path / "PWNED"
    plugin = tmp_path / "house_rules.py"
    plugin.write_text(f"import pathlib\npathlib.Path({str(marker)!r}).touch()\nRULES = ()\n")
    (tmp_path / "contentlint_plugin.py").write_text(plugin.read_text())
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    check_json([tmp_path])
    assert not marker.exists()
    (tmp_path / "contentlint.toml").write_text('plugins = ["house_rules.py"]\n', encoding="utf-8")
    check_json([tmp_path])
    assert marker.exists()  # named: it ran, as documented


def test_sys_path_is_not_extended_by_config(tmp_path: Path) -> None:
    before = list(sys.path)
    (tmp_path / "contentlint.toml").write_text('plugins = []\nexclude = ["x"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    check_json([tmp_path])
    assert sys.path == before
