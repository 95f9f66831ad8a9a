"""Plugin discovery: entry points (like any installed package) and local plugin files."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from contentlint.engine import Linter, Overrides
from contentlint.errors import PluginError
from contentlint.registry import Registry

from .conftest import PYTHON, subprocess_env

FIXTURES = Path(__file__).parent / "fixtures"


def test_builtin_rules_come_through_the_entry_point(registry: Registry) -> None:
    origins = {r.origin for r in registry.rules}
    assert origins == {"contentlint[builtin]"}
    assert registry.get("CL502") is registry.get("long-sentence")


def test_top_level_rules_package_is_never_imported(registry: Registry) -> None:
    assert "rules" not in sys.modules
    assert all(r.rule.__module__.startswith("contentlint.rules.") for r in registry.rules)


def _fake_dist(tmp_path: Path, body: str, module: str = "acme_contentlint") -> Path:
    pkg = tmp_path / module
    pkg.mkdir()
    (pkg / "__init__.py").write_text(body, encoding="utf-8")
    info = tmp_path / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[contentlint.rules]\nacme = {module}:RULES\n")
    return tmp_path


def test_installed_entry_point_plugin_is_discovered(tmp_path: Path) -> None:
    site = _fake_dist(tmp_path, (FIXTURES / "house_rules.py").read_text())
    proc = subprocess.run(
        [PYTHON, "-m", "contentlint", "rules", "--format", "json"],
        env=subprocess_env(PYTHONPATH=str(site)),
        capture_output=True,
        text=True,
        check=True,
    )
    codes = {r["code"] for r in json.loads(proc.stdout)}
    assert {"HR001", "CL502", "CL001"} <= codes
    article = tmp_path / "a.md"
    article.write_text("# Links\n\nTo read the study, click here.\n", encoding="utf-8")
    proc = subprocess.run(
        [PYTHON, "-m", "contentlint", "check", str(article), "--format", "concise"],
        env=subprocess_env(PYTHONPATH=str(site)),
        capture_output=True,
        text=True,
    )
    assert f"{article}:3:20: HR001 [warning]" in proc.stdout
    assert proc.returncode == 0  # warnings do not fail the default --fail-on error


def test_broken_entry_point_names_the_plugin() -> None:
    ep = EntryPoint("broken", "contentlint_no_such_module:RULES", "contentlint.rules")
    with pytest.raises(PluginError) as info:
        Registry.from_entry_points([ep])
    assert "contentlint_no_such_module[broken]" in str(info.value)


def test_local_plugin_file_is_loaded_only_when_named(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "house_rules.py").write_text((FIXTURES / "house_rules.py").read_text())
    article = tmp_path / "a.md"
    article.write_text("# Links\n\nTo read the study, click here.\n", encoding="utf-8")
    without = Linter(registry=registry).lint_paths([str(article)])
    assert not [f for f in without.findings if f.code == "HR001"]
    (tmp_path / "contentlint.toml").write_text('plugins = ["tools/house_rules.py"]\n')
    result = Linter(registry=registry).lint_paths([str(article)])
    (hit,) = [f for f in result.findings if f.code == "HR001"]
    assert (hit.line, hit.column, hit.excerpt) == (3, 20, "click here")


def test_broken_local_plugin_is_a_plugin_error(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "contentlint.toml").write_text(f'plugins = ["{FIXTURES / "broken_plugin.py"}"]\n')
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    with pytest.raises(PluginError) as info:
        Linter(registry=registry).lint_paths([str(tmp_path / "a.md")])
    assert "broken_plugin.py" in str(info.value)
    assert "broken on purpose" in str(info.value)


def test_third_party_rules_cannot_take_cl_codes() -> None:
    from contentlint import Category, Rule, RuleMeta
    from contentlint.registry import _rules_of

    class Impostor(Rule):  # type: ignore[type-arg]
        meta = RuleMeta("CL999", "impostor", "s", "w", ("b",), ("g",), category=Category.CUSTOM)

    with pytest.raises(PluginError, match="CL prefix is reserved"):
        _rules_of((Impostor,), "acme[x]", builtin=False)


def test_duplicate_slug_is_rejected(registry: Registry) -> None:
    from contentlint import Category, Rule, RuleMeta
    from contentlint.registry import LoadedRule

    class Twin(Rule):  # type: ignore[type-arg]
        meta = RuleMeta("AB123", "long-sentence", "s", "w", ("b",), ("g",), category=Category.CUSTOM)

    with pytest.raises(PluginError, match="already used"):
        registry._extended([LoadedRule(Twin, "twin[x]")])


def test_crashing_rule_keeps_other_findings(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "contentlint.toml").write_text(f'plugins = ["{FIXTURES / "crashing_rule.py"}"]\n')
    article = tmp_path / "a.md"
    long = (
        "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
        "and then delayed twice by objections from local shops and residents, would open next month "
        "and that fares would stay the same for at least another year."
    )
    article.write_text(f"# Title\n\n{long}\n", encoding="utf-8")
    result = Linter(registry=registry, overrides=Overrides()).lint_paths([str(article)])
    codes = [f.code for f in result.findings]
    assert "CL502" in codes
    (crash,) = [f for f in result.findings if f.code == "CL004"]
    assert "XX001 always-crashes" in crash.message and "ValueError: boom" in crash.message
