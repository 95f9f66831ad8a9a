"""No regular expression of a parser or a rule may backtrack catastrophically or quadratically.

``regex_probe.py`` finds every compiled pattern of contentlint and its rules
(module-level ones, and those compiled inside functions while the rules check
their own documented examples), and times each on adversarial strings at two
sizes. It runs in a subprocess, because ``re`` cannot be interrupted: a
pattern that gives no sign of life for ``DEADLINE`` seconds is reported as a
hang and the probe restarts after it, so one run names every offender.

Exemptions must say why the pattern never sees long file text; known
offenders are listed for their owners with the fix in the hardening report
and are checked, without failing, on every run, so a fix shows up as a note.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, subprocess_env

#: Seconds without progress after which a pattern counts as hanging.
DEADLINE = 20.0

#: [module prefix, pattern substring] -> why the pattern never meets long file text.
NOT_ON_FILE_TEXT: dict[tuple[str, str], str] = {
    ("contentlint.docs_gen", "rules:start"): "rewrites the README rule table, never user files",
    ("contentlint.rules._sourcing_vague", r"(\S+)\s+$"):
        "searched only in the 60 characters before a match (_clause_start)",
}

#: Known offenders in rules/ (owned by the rules engineers; fixes in the hardening report).
#: "hang": cubic or worse, never run here (it would only burn the deadline); "slow": quadratic,
#: still probed on every run, and reported as fixed once it stops being slow.
KNOWN: dict[tuple[str, str], str] = {}


def _keys(table: dict[tuple[str, str], str], *values: str) -> list[list[str]]:
    return [[m, sub] for (m, sub), v in table.items() if not values or v in values]


def run_probe(args: list[str], workdir: Path) -> tuple[list[dict[str, Any]], int]:
    """Run the probe to the end, restarting after each hang; (results, patterns counted).

    Results include one ``{"kind": "probed", "id", "pattern"}`` per pattern probed.
    """
    results: list[dict[str, Any]] = []
    done: list[str] = []
    count = 0
    for attempt in range(50):
        errors = workdir / f"stderr-{attempt}.txt"
        with errors.open("w") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.hostile.regex_probe", *args,
                 "--skip", ",".join(done)],
                stdout=subprocess.PIPE, stderr=err, text=True, encoding="ascii", cwd=ROOT,
                env=subprocess_env(),
            )
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(out: Any = proc.stdout, sink: queue.Queue[str | None] = lines) -> None:
            with out:
                for line in out:
                    sink.put(line.rstrip("\n"))
            sink.put(None)

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        current: dict[str, Any] | None = None
        finished = False
        try:
            while True:
                try:
                    line = lines.get(timeout=DEADLINE)
                except queue.Empty:
                    results.append({"kind": "hang", **(current or {}), "deadline": DEADLINE})
                    break
                if line is None:
                    finished = True
                    break
                if line.startswith("BEGIN "):
                    current = json.loads(line[len("BEGIN "):])
                    done.append(current["id"])
                    results.append({"kind": "probed", **current})
                    continue
                record = json.loads(line)
                if record["kind"] == "count":
                    count = record["patterns"]
                elif record["kind"] != "done":
                    results.append(record)
        finally:
            proc.kill()
            proc.wait()
            reader.join(timeout=10)
        if finished:
            assert proc.returncode == 0, errors.read_text()
            return results, count
    raise AssertionError(f"the probe hung 50 times: {results}")


def _exempt(record: dict[str, Any], table: dict[tuple[str, str], str]) -> bool:
    return any(
        record.get("id", "").startswith(m) and sub in record.get("pattern", "") for m, sub in table
    )


def test_no_pattern_blows_up_on_adversarial_input(tmp_path: Path) -> None:
    """One probe run over every pattern but the known hangs; known slow ones only warn."""
    exclude = _keys(NOT_ON_FILE_TEXT) + _keys(KNOWN, "hang")
    results, count = run_probe(["--exclude", json.dumps(exclude)], tmp_path)
    assert count > 50, f"only {count} patterns found: the collection is broken"
    errors = [r for r in results if r["kind"] == "import-error"]
    probed = [r for r in results if r["kind"] == "probed"]
    problems = [r for r in results if r["kind"] in ("slow", "hang")]
    unknown = [r for r in problems if not _exempt(r, KNOWN)]
    report = "\n".join(json.dumps(r, ensure_ascii=False) for r in unknown)
    assert not unknown, f"regular expressions that grow faster than linearly:\n{report}"
    assert not [r for r in results if r["kind"] == "sample-error"], results

    def named(key: tuple[str, str], records: list[dict[str, Any]]) -> bool:
        return any(r["id"].startswith(key[0]) and key[1] in r.get("pattern", "") for r in records)

    slow_known = [key for key, kind in KNOWN.items() if kind == "slow"]
    fixed = [key for key in slow_known if named(key, probed) and not named(key, problems)]
    unreached = [key for key in slow_known if not named(key, probed)]
    if fixed:
        warnings.warn(f"known slow patterns no longer slow, remove them from KNOWN: {fixed}",
                      stacklevel=1)
    if unreached:
        warnings.warn(f"known slow patterns not found (renamed, moved or gone): {unreached}",
                      stacklevel=1)
    if errors:  # a module that does not import is someone's work in progress, not a ReDoS
        warnings.warn(f"modules not probed (import errors): {errors}", stacklevel=1)


def test_the_probe_catches_catastrophic_and_quadratic_patterns(tmp_path: Path) -> None:
    """The probe itself: a textbook ReDoS hangs past the deadline, ``\\w+x`` is quadratic."""
    from . import regex_probe

    quadratic = re.compile(r"\w+@")
    assert regex_probe.probe("demo:quadratic", "", quadratic) is not None
    assert regex_probe.probe("demo:linear", "", re.compile(r"\b\w+@")) is None
    script = tmp_path / "hang.py"
    script.write_text(
        f"import re, sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom tests.hostile import regex_probe\n"
        "print('BEGIN demo:catastrophic', flush=True)\n"
        "regex_probe.probe('demo:catastrophic', '', re.compile(r'(a+)+$'))\n"
    )
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                          env=subprocess_env()) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline().startswith("BEGIN")
            with pytest.raises(subprocess.TimeoutExpired):
                proc.wait(timeout=1.5)  # (a+)+$ on 1,500 "a"s and a "\0" never finishes
        finally:
            proc.kill()
