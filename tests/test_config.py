"""Config discovery (nearest wins), validation errors naming file and key, per-rule options."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import find_config_file, load_config, parse_config
from contentlint.engine import Linter, Overrides
from contentlint.errors import ConfigError
from contentlint.findings import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.contentlint]\nignore = ['CL5']\n")
    write(tmp_path / "docs" / "contentlint.toml", "select = ['CL502']\n")
    write(tmp_path / "docs" / "guides" / "a.md", "# A\n")
    assert find_config_file(tmp_path / "docs" / "guides") == tmp_path / "docs" / "contentlint.toml"
    assert find_config_file(tmp_path) == tmp_path / "pyproject.toml"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    assert find_config_file(tmp_path / "sub") is None


def test_hidden_config_name(tmp_path: Path) -> None:
    write(tmp_path / ".contentlint.toml", "audience = 'academic'\n")
    config = load_config(find_config_file(tmp_path))  # type: ignore[arg-type]
    assert config.audience.name == "academic"
    assert config.audience.max_grade == 16


def test_full_config_parses(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.contentlint]
select = ["CL", "readability"]
ignore = ["CL101"]
fail-on = "warning"
exclude = ["drafts/**"]
per-file-ignores = { "legal/*.md" = ["CL5"] }
audience = { preset = "professional", max-grade = 11 }
plugins = ["tools/house_rules.py"]

[tool.contentlint.severity]
CL502 = "warning"

[tool.contentlint.rules.long-sentence]
max-words = 25
""",
    )
    config = load_config(path)
    assert config.select == ("CL", "readability")
    assert config.fail_on == "warning"
    assert config.severity == {"CL502": Severity.WARNING}
    assert config.rules["long-sentence"]["max-words"] == 25
    assert config.per_file_ignores == {"legal/*.md": ("CL5",)}
    assert config.audience.name == "custom" and config.audience.max_grade == 11.0
    assert config.plugins == (tmp_path / "tools" / "house_rules.py",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selekt = ['CL']", "unknown key 'selekt'"),
        ("select = 'CL5'\nignore = 3", "ignore must be a list of strings"),
        ("fail-on = 'sometimes'", "fail-on must be one of"),
        ("audience = 'toddlers'", "audience 'toddlers' is not a preset"),
        ("[severity]\nCL502 = 'fatal'", "severity.CL502: unknown severity 'fatal'"),
        ("select = [", "invalid TOML"),
        ("max-file-size = -1", "max-file-size must be a positive integer"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "contentlint.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_rule_options_are_validated(tmp_path: Path, registry) -> None:  # type: ignore[no-untyped-def]
    for text, message in [
        ("[rules.long-sentence]\nmax-wordz = 3", "unknown option 'max-wordz' for rule 'long-sentence'"),
        ("[rules.long-sentence]\nmax-words = 'many'", "rules.long-sentence.max-words: must be an integer"),
        ("[rules.no-such-rule]\nx = 1", "no rule has the slug 'no-such-rule'"),
        ("[rules.long-sentence]\nseverity = 'loud'", "rules.long-sentence.severity"),
    ]:
        path = write(tmp_path / "contentlint.toml", text)
        linter = Linter(registry=registry, overrides=Overrides(config=path))
        with pytest.raises(ConfigError) as info:
            linter.lint_text("A sentence.", str(tmp_path / "a.md"))
        assert str(path) in str(info.value)
        assert message in str(info.value)


def test_rule_options_reach_the_rule(tmp_path: Path, registry) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "contentlint.toml", "[rules.long-sentence]\nmax-words = 5\nseverity = 'error'\n")
    linter = Linter(registry=registry, overrides=Overrides(config=path))
    result = linter.lint_text("# Title\n\nThis sentence has more than five words in it.\n", "a.md")
    (finding,) = [f for f in result.findings if f.code == "CL502"]
    assert finding.severity is Severity.ERROR
    assert "limit 5" in finding.message


def test_parse_config_accepts_underscores() -> None:
    config = parse_config({"fail_on": "info"}, "x", Path("."))
    assert config.fail_on == "info"
