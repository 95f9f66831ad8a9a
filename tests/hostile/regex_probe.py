"""Times every compiled regular expression of contentlint and its rules on adversarial strings.

Run as a script (``python -m tests.hostile.regex_probe``) in a subprocess by
``test_regex.py``: Python's ``re`` cannot be interrupted, so only a process
can be given a deadline. It prints ``BEGIN {"id": ..., "pattern": ...}`` before each pattern
(so a hang names its culprit) and one JSON object per finding at the end.

Patterns are found generically, so rules added later are covered without
touching this file: every module of the ``contentlint`` package (parsers,
reporters, ...) and of ``contentlint.rules`` (``rules/*.py`` and its
``_*.py`` helpers) is imported, and every compiled pattern reachable from its
globals (directly, in a tuple/list/set/dict, or as a class attribute) is
probed.

For each pattern and each family of adversarial strings the time at size n
and 4n is compared; linear matching grows x4, a polynomial blow-up (the
"ReDoS-lite" of ``\\w+x`` scanned over a long word) x16, and catastrophic
backtracking never finishes (the parent's deadline catches that).
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

try:  # the parse tree of a pattern, to build near-miss strings from its literals
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # Python < 3.11
    import sre_parse  # type: ignore[no-redef]

SMALL = 1_500
FACTOR = 4
#: x16 is quadratic; x4 linear. Flag above this ratio, on a measurable time only.
MAX_RATIO = 9.0
MIN_MEASURABLE = 0.03
#: Whatever the ratio, 8,000 characters must never take this long for one pattern.
MAX_SECONDS = 1.0

CHARS = [" ", "a", "A", "1", ".", ",", "-", "'", '"', "\n", "\t", "*", "_", "#", "<", ">",
         "&", "(", ")", "[", "]", "/", ":", "?", "!", "|", "\\", "\xa0", "\u00e9", "\u200b", "\u2019"]
MIXES = ["a ", "a.", "A. ", "a-", "a,", "a'", "1.", "Ab", "a b.", "Dr. ", "e.g. ", "ab1", "a\n",
         "a\n\n", "<a", "&a", "\"a", "a:", "http://a", "www.", "@a", "#a", "[a]", "(a", "aA"]


def modules() -> Iterator[ModuleType]:
    import contentlint.rules

    import contentlint

    seen: set[str] = set()
    for package in (contentlint, contentlint.rules):
        names = [package.__name__] + [
            info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        ]
        for name in names:
            if name in seen or name.endswith("__main__"):
                continue
            seen.add(name)
            try:
                yield importlib.import_module(name)
            except Exception as exc:  # a module being written by someone else right now
                print(json.dumps({"kind": "import-error", "module": name, "error": repr(exc)}))


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) or type(value).__name__ == "Pattern" and hasattr(value, "finditer"):
        if isinstance(getattr(value, "pattern", None), str):
            yield value
        return
    if depth >= 2:
        return
    if isinstance(value, (tuple, list, set, frozenset)):
        for item in list(value)[:500]:
            yield from _patterns_in(item, depth + 1)
    elif isinstance(value, dict):
        for item in list(value.values())[:500]:
            yield from _patterns_in(item, depth + 1)
    elif not isinstance(value, (type, ModuleType)) and type(value).__module__.startswith("contentlint"):
        # an instance of our own (a dataclass of compiled patterns, a lexicon)
        fields = getattr(value, "__dict__", None) or {
            k: getattr(value, k) for k in getattr(type(value), "__slots__", ()) if hasattr(value, k)
        }
        for item in list(fields.values())[:500]:
            yield from _patterns_in(item, depth + 1)


def collect() -> list[tuple[str, str, re.Pattern[str]]]:
    """(id, module-level name or "", pattern) for every distinct pattern."""
    found: dict[tuple[str, int], tuple[str, str, re.Pattern[str]]] = {}
    for module in modules():
        for name, value in list(vars(module).items()):
            sources: list[tuple[str, Any]] = [(name, value)]
            if inspect.isclass(value) and value.__module__ == module.__name__:
                sources = [(f"{name}.{k}", v) for k, v in vars(value).items()]
            for label, item in sources:
                for pattern in _patterns_in(item):
                    key = (pattern.pattern, pattern.flags)
                    if key not in found:
                        direct = label if pattern is item else ""
                        found[key] = (f"{module.__name__}:{label}", direct, pattern)
    return list(found.values())


class Tracker:
    """Records every pattern contentlint code compiles, with the function that compiled it.

    ``re._compile`` is what ``re.compile``, ``re.search`` and friends all call;
    wrapped while our modules are imported and while every rule checks its own
    documented bad and good examples (alone and together, in all three formats),
    it sees patterns built inside functions and cached, which no module global
    holds. Patterns compiled by libraries (markdown-it, PyYAML, ...) are not
    ours to fix and are left out.
    """

    def __init__(self) -> None:
        self.found: dict[tuple[str, int], tuple[str, str, re.Pattern[str]]] = {}
        self._real = re._compile  # type: ignore[attr-defined]

    def __enter__(self) -> Tracker:
        real = self._real

        def tracking(pattern: Any, flags: Any) -> Any:
            compiled = real(pattern, flags)
            frame = sys._getframe(1)
            api = frame.f_code.co_name  # re.compile, re.match, re.search, ...
            while frame is not None and frame.f_globals.get("__name__", "").startswith(("re", "sre")):
                api = frame.f_code.co_name
                frame = frame.f_back
            module = frame.f_globals.get("__name__", "") if frame is not None else ""
            if module.startswith("contentlint") and isinstance(compiled.pattern, str):
                key = (compiled.pattern, compiled.flags)
                # re.match(p, s) in the code: anchored use, whatever the pattern looks like
                how = "match" if api in ("match", "fullmatch") else ""
                where = f"{module}:{frame.f_code.co_name}()"  # type: ignore[union-attr]
                self.found.setdefault(key, (where, how, compiled))
            return compiled

        re.purge()
        re._compile = tracking  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        re._compile = self._real  # type: ignore[attr-defined]
        re.purge()


def exercise_rules() -> None:
    """Run every rule over its own examples, so patterns built on first use get built."""
    from contentlint.config import Config
    from contentlint.engine import Linter, Overrides

    linter = Linter(overrides=Overrides(metrics=True))
    examples = [text for loaded in linter.registry.rules
                for text in (*loaded.meta.bad, *loaded.meta.good)]
    # each example alone (rules look at titles, first and last blocks), then all together
    for text in [*examples, "\n\n".join(examples)]:
        for fmt, path, source in (
            ("markdown", "a.md", text), ("text", "a.txt", text),
            ("html", "a.html", "<p>" + text.replace("\n\n", "</p><p>") + "</p>"),
        ):
            try:
                linter.lint_text(source, path, fmt, Config())
            except Exception as exc:
                print(json.dumps({"kind": "sample-error", "format": fmt, "error": repr(exc)}))


def all_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """Module-level patterns (named, so their use can be read from the source) and the rest."""
    with Tracker() as tracker:
        named = collect()
        exercise_rules()
    known = {(p.pattern, p.flags) for _, _, p in named}
    return named + [v for k, v in tracker.found.items() if k not in known]


def _literals(pattern: re.Pattern[str]) -> list[str]:
    """Literal runs of the pattern (words of its alternations), for near-miss inputs."""
    out: list[str] = []

    def walk(tree: Any) -> None:
        run: list[str] = []
        for op, arg in tree:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(arg))
                continue
            if len(run) >= 2:
                out.append("".join(run))
            run = []
            if name in ("SUBPATTERN",):
                walk(arg[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(arg[2])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1])
        if len(run) >= 2:
            out.append("".join(run))

    try:
        walk(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:
        return []
    unique = sorted(set(out), key=lambda s: (-len(s), s))
    return unique[:4] + unique[-4:] if len(unique) > 8 else unique


def families(pattern: re.Pattern[str]) -> Iterator[tuple[str, Any]]:
    """(label, make(n) -> string of about n characters)."""
    for c in CHARS:  # runs of one class, with and without a tail that makes the match fail
        yield f"{c!r}*n", lambda n, c=c: c * n
        yield f"{c!r}*n+'\\x00'", lambda n, c=c: c * n + "\x00"
    for m in MIXES:
        yield f"{m!r}*k+'!'", lambda n, m=m: m * (n // len(m)) + "!\x00"
    for lit in _literals(pattern):
        for text in sorted({lit, lit.lower()}):
            yield f"{text!r}*k", lambda n, t=text: t * (n // len(t) + 1)
            yield f"({text!r}+' ')*k", lambda n, t=text: (t + " ") * (n // (len(t) + 1) + 1)
            yield f"{text[:-1]!r}*k", lambda n, t=text[:-1]: t * (n // len(t) + 1)
            yield f"({text!r}+'a')*k", lambda n, t=text: (t + "a") * (n // (len(t) + 1) + 1)


def usage(module_name: str, name: str) -> str:
    """"match" if the module only ever anchors this name with .match/.fullmatch, else "scan".

    ``name`` is a module-level name, or for a pattern compiled at run time the
    ``re`` function that compiled it ("match" when it was ``re.match(...)``).
    """
    if name in ("match", ""):
        return name or "scan"
    if "." in name:
        return "scan"
    try:
        source = inspect.getsource(sys.modules[module_name])
    except (OSError, TypeError, KeyError):
        return "scan"
    calls = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    return "match" if calls and calls <= {"match", "fullmatch"} else "scan"


def timed(pattern: re.Pattern[str], text: str, how: str) -> float:
    """CPU seconds (other processes on a busy machine do not count)."""
    started = time.process_time()
    if how == "match":
        pattern.match(text)
    else:
        for _ in pattern.finditer(text):
            pass
    return time.process_time() - started


def probe(
    pattern_id: str, name: str, pattern: re.Pattern[str], size: int = SMALL
) -> dict[str, Any] | None:
    how = usage(pattern_id.split(":")[0], name)
    for label, make in families(pattern):
        small, large = make(size), make(size * FACTOR)
        t_small, t_large = timed(pattern, small, how), timed(pattern, large, how)
        if t_large < MIN_MEASURABLE:
            continue
        # confirm with the best of three before blaming anyone
        t_small = min(t_small, *(timed(pattern, small, how) for _ in range(2)))
        t_large = min(t_large, *(timed(pattern, large, how) for _ in range(2)))
        ratio = t_large / max(t_small, 1e-6)
        if t_large > MAX_SECONDS or (t_large >= MIN_MEASURABLE and ratio > MAX_RATIO):
            return {"kind": "slow", "id": pattern_id, "pattern": pattern.pattern[:300],
                    "input": label, "how": how, "small": round(t_small, 4),
                    "large": round(t_large, 4), "ratio": round(ratio, 1)}
    return None


def selected(pattern_id: str, pattern: re.Pattern[str], keys: list[list[str]]) -> bool:
    """Whether ``[module prefix, pattern substring]`` in ``keys`` names this pattern."""
    return any(pattern_id.startswith(m) and sub in pattern.pattern for m, sub in keys)


def main(argv: list[str]) -> None:
    """Options (JSON lists of ``[module prefix, pattern substring]``):

    ``--skip ID,ID``   ids already probed (the parent restarts us after a hang);
    ``--exclude JSON`` patterns not to probe (known hangs, patterns never given file text);
    ``--only JSON``    probe only these;
    ``--small N``      the smaller input size (default 1,500 characters; x4 for the larger).
    """
    def option(name: str, default: str) -> str:
        return argv[argv.index(name) + 1] if name in argv else default

    skip = set(option("--skip", "").split(","))
    exclude = json.loads(option("--exclude", "[]"))
    only = json.loads(option("--only", "null"))
    size = int(option("--small", str(SMALL)))
    patterns = all_patterns()
    print(json.dumps({"kind": "count", "patterns": len(patterns)}), flush=True)
    for pattern_id, name, pattern in patterns:
        if pattern_id in skip or selected(pattern_id, pattern, exclude):
            continue
        if only is not None and not selected(pattern_id, pattern, only):
            continue
        begin = {"id": pattern_id, "pattern": pattern.pattern[:300]}
        print("BEGIN " + json.dumps(begin), flush=True)
        result = probe(pattern_id, name, pattern, size)
        if result is not None:
            print(json.dumps(result), flush=True)
    print(json.dumps({"kind": "done"}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
