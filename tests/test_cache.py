"""The results cache: right keys, safe entries, never in the way of stdin or the HTML report."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

from contentlint import cache as cache_module
from contentlint.cache import ResultCache, decode_result, default_cache_dir, encode_result
from contentlint.engine import Linter, Overrides
from contentlint.files import Target

ARTICLE = (
    "# Rain gardens\n\n"
    "Rain gardens catch water from roofs and driveways, and they let it soak into the ground "
    "within a day or two, which keeps fertilizer, oil and the many other things that wash off "
    "hard surfaces out of the storm drains that lead straight to rivers and lakes.\n\n"
    "Most home gardens cost a few hundred dollars to build.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Short note.\n\nAnother short paragraph here.\n", encoding="utf-8")
    return tmp_path


def run(linter: Linter, paths: list[str], cache: ResultCache | None):  # type: ignore[no-untyped-def]
    return linter.lint_paths(paths, jobs=1, cache=cache)


class Counting:
    """Wraps Linter.lint_read to count how many files were really checked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        original = Linter.lint_read

        def counted(linter: Linter, path: str, display: str, text: str):  # type: ignore[no-untyped-def]
            self.calls.append(display)
            return original(linter, path, display, text)

        monkeypatch.setattr(Linter, "lint_read", counted)


def test_second_run_is_answered_from_the_cache(project: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    store = ResultCache.open(project / ".contentlint_cache")
    assert store is not None
    paths = [str(project / "a.md"), str(project / "b.txt")]
    first = run(Linter(registry=registry), paths, store)
    counting = Counting(monkeypatch)
    second = run(Linter(registry=registry), paths, ResultCache.open(project / ".contentlint_cache"))
    assert counting.calls == []
    assert second == first
    assert [f.path for f in second.files] == paths  # input order


def test_cache_folder_is_marked_and_ignored(project: Path) -> None:
    store = ResultCache.open(project / ".contentlint_cache")
    assert store is not None
    assert (project / ".contentlint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    tag = (project / ".contentlint_cache" / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_changed_content_config_or_selection_misses(project: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    directory = project / ".contentlint_cache"
    path = str(project / "a.md")
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    counting = Counting(monkeypatch)

    run(Linter(registry=registry), [path], ResultCache.open(directory))
    assert counting.calls == []  # unchanged: a hit

    (project / "a.md").write_text(ARTICLE + "\nOne more line.\n", encoding="utf-8")
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    assert len(counting.calls) == 1  # content changed

    config = project / "contentlint.toml"
    config.write_text('[rules.long-sentence]\nmax-words = 20\n', encoding="utf-8")
    changed = run(Linter(registry=registry), [path], ResultCache.open(directory))
    assert len(counting.calls) == 2  # options changed
    assert any(f.code == "CL502" for f in changed.findings)

    run(Linter(registry=registry, overrides=Overrides(select=("CL502",))), [path], ResultCache.open(directory))
    assert len(counting.calls) == 3  # rule selection changed

    monkeypatch.setattr(cache_module, "__version__", "999.0")
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    assert len(counting.calls) == 4  # contentlint version changed


def test_rule_code_change_misses(project: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    directory = project / ".contentlint_cache"
    path = str(project / "a.md")
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    counting = Counting(monkeypatch)
    fingerprint = cache_module.code_fingerprint()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: [*fingerprint, ["rules/new.py", 1, 2]])
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    assert len(counting.calls) == 1


PLUGIN = """
from contentlint import Category, Hit, Rule, RuleMeta

class Gardens(Rule):
    meta = RuleMeta(code="HOU001", slug="gardens", summary="Flags gardens.", why="Test.",
                    bad=("gardens",), good=("parks",), category=Category.CUSTOM, languages=None)

    def check(self, ctx):
        for block in ctx.document.blocks:
            at = block.text.find("{word}")
            if at >= 0:
                yield self.block_hit(block, at, at + 4, "found")

RULES = (Gardens,)
"""


def test_changed_plugin_file_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "house.py").write_text(PLUGIN.replace("{word}", "Rain"), encoding="utf-8")
    (project / "contentlint.toml").write_text('plugins = ["house.py"]\nselect = ["HOU001"]\n')
    path = str(project / "a.md")
    directory = project / ".contentlint_cache"
    first = run(Linter(), [path], ResultCache.open(directory))
    assert {f.code for f in first.findings} == {"HOU001"}
    counting = Counting(monkeypatch)
    run(Linter(), [path], ResultCache.open(directory))
    assert counting.calls == []
    (project / "house.py").write_text(PLUGIN.replace("{word}", "Most"), encoding="utf-8")
    changed = run(Linter(), [path], ResultCache.open(directory))
    assert counting.calls == [path]
    assert [f.line for f in changed.findings] != [f.line for f in first.findings]


def test_corrupt_entries_are_misses_and_rewritten(project: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    directory = project / ".contentlint_cache"
    path = str(project / "a.md")
    first = run(Linter(registry=registry), [path], ResultCache.open(directory))
    entries = list(directory.rglob("*.json"))
    assert len(entries) == 1
    for garbage in (b"", b"{not json", b'{"path": 1}', b"\x00\xff"):
        entries[0].write_bytes(garbage)
        counting = Counting(monkeypatch)
        again = run(Linter(registry=registry), [path], ResultCache.open(directory))
        assert counting.calls == [path] and again == first
        monkeypatch.undo()
    assert json.loads(entries[0].read_text(encoding="utf-8"))["path"] == path
    assert not [p for p in directory.rglob("*") if p.name.endswith(".tmp")]  # atomic writes


def test_entries_round_trip_exactly(ketamine_path: Path, linter: Linter) -> None:
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    assert result.findings
    decoded = decode_result(json.loads(json.dumps(encode_result(result))))
    assert decoded == result
    assert [f.span for f in decoded.findings] == [f.span for f in result.findings]
    assert [f.related for f in decoded.findings] == [f.related for f in result.findings]


def test_html_report_documents_bypass_the_cache(project: Path, registry) -> None:  # type: ignore[no-untyped-def]
    directory = project / ".contentlint_cache"
    path = str(project / "a.md")
    run(Linter(registry=registry), [path], ResultCache.open(directory))
    keep = Linter(registry=registry, overrides=Overrides(keep_documents=True))
    result = run(keep, [path], ResultCache.open(directory))
    assert result.files[0].document is not None
    assert list(directory.rglob("*.json"))  # entries never hold documents
    for entry in directory.rglob("*.json"):
        assert "document" not in json.loads(entry.read_text(encoding="utf-8"))


def test_stdin_is_checked_but_never_cached(tmp_path: Path, registry) -> None:  # type: ignore[no-untyped-def]
    directory = tmp_path / ".contentlint_cache"
    linter = Linter(registry=registry, overrides=Overrides(stdin_filename="typed.md"))
    stdin = io.BytesIO(ARTICLE.encode("utf-8"))
    result = linter.lint_paths(["-"], stdin, jobs=1, cache=ResultCache.open(directory))
    assert result.files[0].path == "typed.md"
    assert not list(directory.rglob("*.json"))


def test_results_without_metrics_reuse_entries_with_metrics(project: Path, registry, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    directory = project / ".contentlint_cache"
    path = str(project / "a.md")
    full = run(Linter(registry=registry), [path], ResultCache.open(directory))
    counting = Counting(monkeypatch)
    lean = Linter(registry=registry, overrides=Overrides(metrics=False))
    again = run(lean, [path], ResultCache.open(directory))
    assert counting.calls == [] and again.findings == full.findings


def test_unusable_cache_folder_is_reported_as_none(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert ResultCache.open(blocker / "cache") is None


def test_unwritable_entries_do_not_fail_the_run(project: Path, registry) -> None:  # type: ignore[no-untyped-def]
    store = ResultCache.open(project / ".contentlint_cache")
    assert store is not None
    (store.directory / "v1").write_text("a file where the entries folder should be")
    result = run(Linter(registry=registry), [str(project / "a.md")], store)
    assert result.files[0].findings is not None


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache_module.ENV_CACHE_DIR, raising=False)
    nested = tmp_path / "site" / "posts"
    nested.mkdir(parents=True)
    assert default_cache_dir(cwd=nested) == nested / ".contentlint_cache"
    (tmp_path / "site" / "contentlint.toml").write_text("")
    assert default_cache_dir(cwd=nested) == tmp_path / "site" / ".contentlint_cache"
    assert default_cache_dir(config=tmp_path / "x" / "c.toml") == (tmp_path / "x").resolve() / ".contentlint_cache"
    monkeypatch.setenv(cache_module.ENV_CACHE_DIR, str(tmp_path / "elsewhere"))
    assert default_cache_dir(cwd=nested) == tmp_path / "elsewhere"


def test_cli_no_cache_and_cache_dir(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from contentlint.cli import app

    monkeypatch.chdir(project)
    runner = CliRunner()
    args = ["check", "a.md", "-f", "json", "--jobs", "1", "--fail-on", "never"]
    first = runner.invoke(app, [*args, "--no-cache"])
    assert first.exit_code == 0, first.output
    assert not (project / ".contentlint_cache").exists()
    second = runner.invoke(app, [*args, "--cache-dir", str(project / "c")])
    assert second.exit_code == 0
    assert list((project / "c").rglob("*.json"))
    third = runner.invoke(app, [*args, "--cache-dir", str(project / "c")])
    assert json.loads(third.stdout)["files"] == json.loads(first.stdout)["files"]


def test_canonical_is_order_independent() -> None:
    a = cache_module.canonical({"b": (1, 2), "a": frozenset({"x", "y"})})
    b = cache_module.canonical({"a": frozenset({"y", "x"}), "b": [1, 2]})
    assert a == b

    @dataclasses.dataclass(frozen=True)
    class Opts:
        limit: int = 3
        words: tuple[str, ...] = ("a",)

    assert cache_module.canonical(Opts()) == {"limit": 3, "words": ["a"]}


def test_targets_keep_their_input_order_with_cache_hits_between_misses(project: Path, registry) -> None:  # type: ignore[no-untyped-def]
    store = ResultCache.open(project / ".contentlint_cache")
    run(Linter(registry=registry), [str(project / "b.txt")], store)
    (project / "c.md").write_text("# C\n\nA third file.\n", encoding="utf-8")
    order = [str(project / n) for n in ("c.md", "b.txt", "a.md")]
    linter = Linter(registry=registry)
    result = linter.lint_paths(order, jobs=1, cache=ResultCache.open(project / ".contentlint_cache"))
    assert [f.path for f in result.files] == order
    assert Target  # the public type the runner consumes
