"""A bug inside one rule costs that rule's findings for that file, and nothing else.

The engine turns an exception escaping a rule into a CL004 finding on the
file, naming the rule (code, slug, where it came from) and the exception; the
other rules' findings for the file, and every other file, are kept.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from .support import GOOD_ARTICLE, LONG, check_json, local_ipc  # noqa: F401 (fixture)

PLUGIN = '''
from contentlint import Category, Hit, Rule, RuleMeta, Span


def meta(code, slug):
    return RuleMeta(code=code, slug=slug, summary="Test rule.", why="Testing.", bad=("x",),
                    good=("y",), category=Category.CUSTOM, languages=None)


class RaisesAtOnce(Rule):
    meta = meta("TT001", "raises-at-once")

    def check(self, ctx):
        raise ValueError("boom at once")
        yield


class RaisesHalfway(Rule):
    meta = meta("TT002", "raises-halfway")

    def check(self, ctx):
        yield Hit(ctx.document.blocks[0].span, "a hit before the crash")
        raise KeyError("halfway")


class RaisesOnSecret(Rule):
    meta = meta("TT003", "raises-on-secret")

    def check(self, ctx):
        if "secret" in ctx.document.path:
            raise RuntimeError("only on this file")
        yield Hit(ctx.document.blocks[0].span, "fine elsewhere")


class BadInit(Rule):
    meta = meta("TT004", "bad-init")

    def __init__(self):
        raise TypeError("cannot even start")

    def check(self, ctx):
        yield from ()


class Recurses(Rule):
    meta = meta("TT005", "recurses")

    def check(self, ctx):
        def down(n):
            return down(n + 1)
        down(0)
        yield


class HugeSpan(Rule):
    meta = meta("TT006", "huge-span")

    def check(self, ctx):
        yield Hit(Span(10**9, 10**9 + 5), "past the end of the file")
        yield Hit(Span(0, 10**9), "covers everything and more")


RULES = (RaisesAtOnce, RaisesHalfway, RaisesOnSecret, BadInit, Recurses, HugeSpan)
'''

GARBAGE_PLUGIN = '''
from contentlint import Category, Hit, Rule, RuleMeta


class YieldsGarbage(Rule):
    meta = RuleMeta(code="TT101", slug="yields-garbage", summary="Test rule.", why="Testing.",
                    bad=("x",), good=("y",), category=Category.CUSTOM, languages=None)

    def check(self, ctx):
        yield None
        yield ("not", "a", "hit")


RULES = (YieldsGarbage,)
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "crashy.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('plugins = ["crashy.py"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "secret.md").write_text(f"# Secret\n\n{LONG}\n", encoding="utf-8")
    return tmp_path


def _failures(entry: dict) -> dict[str, str]:  # type: ignore[type-arg]
    """rule code -> CL004 message, for one file's findings."""
    out = {}
    for f in entry["findings"]:
        if f["code"] == "CL004":
            code = f["message"].split()[1]
            out[code] = f["message"]
    return out


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.usefixtures("local_ipc")
def test_crashing_rules_become_cl004_and_others_are_kept(project: Path, jobs: str) -> None:
    run = check_json([project], "--jobs", jobs)
    entry = run.file("a.md")
    failures = _failures(entry)
    assert set(failures) == {"TT001", "TT002", "TT004", "TT005"}, entry["findings"]
    origin = str(project / "crashy.py")
    for code, exc in {"TT001": "ValueError: boom at once", "TT002": "KeyError: 'halfway'",
                      "TT004": "TypeError: cannot even start", "TT005": "RecursionError"}.items():
        message = failures[code]
        assert origin in message and exc in message and "\n" not in message, message
        assert "its findings for this file are missing" in message
    codes = [f["code"] for f in entry["findings"]]
    assert "CL502" in codes and "TT003" in codes  # other rules' findings survive
    assert "TT002" not in codes  # a crashed rule's partial findings are dropped, consistently
    assert all(f["line"] == 1 for f in entry["findings"] if f["code"] == "CL004")
    secret = run.file("secret.md")
    assert set(_failures(secret)) == {"TT001", "TT002", "TT003", "TT004", "TT005"}
    assert "CL502" in [f["code"] for f in secret["findings"]]


def test_spans_past_the_end_are_clamped_into_the_file(project: Path) -> None:
    run = check_json([project / "a.md"])
    entry = run.file("a.md")
    source = (project / "a.md").read_text(encoding="utf-8")
    huge = [f for f in entry["findings"] if f["code"] == "TT006"]
    assert len(huge) == 2
    for f in huge:
        assert f["excerpt"] in source
    lines = source.splitlines()
    assert max(f["end_line"] for f in huge) <= len(lines) + 1


def test_rule_yielding_garbage_is_cl004(tmp_path: Path) -> None:
    (tmp_path / "garbage.py").write_text(textwrap.dedent(GARBAGE_PLUGIN), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('plugins = ["garbage.py"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    run = check_json([tmp_path])
    codes = run.codes("a.md")
    assert "CL004" in codes and "CL502" in codes
