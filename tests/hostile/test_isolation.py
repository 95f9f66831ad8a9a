"""What a run may touch: inputs are only read, reports are replaced atomically, nothing else.

* No file outside the given paths, the config, the report and the Python
  installation (standard library, site-packages, this package) is opened,
  and nothing but the report (and the results cache when enabled) is opened
  for writing. Checked with an audit hook (``sys.addaudithook``) installed by
  a ``sitecustomize`` in the subprocess *and* in its worker processes.
* No network: the audit log shows no connect, name lookup or send. (Importing
  spaCy imports urllib3, which binds a socket to ``::1`` port 0 once to learn
  whether IPv6 exists; that probe is the one socket event allowed, and it never
  leaves the machine.)
* An interrupted report write leaves the previous report intact.
"""

from __future__ import annotations

import json
import os
import re
import signal
import site
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import contentlint.rules
import pytest
from typer.testing import CliRunner

import contentlint
from contentlint.cli import app
from contentlint.output import write_atomically
from tests.conftest import NETGUARD, PYTHON, subprocess_env

from .support import FAST, GOOD_ARTICLE, fingerprint, guarded_env, invoke

AUDIT = r'''
import json, os, sys

_log = os.open(
    os.path.join(os.environ["CONTENTLINT_AUDIT_DIR"], f"{os.getpid()}.jsonl"),
    os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644,
)
_NET = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
        "socket.sendto", "socket.sendmsg", "socket.bind", "socket.__new__", "urllib.Request",
        "http.client.connect", "ftplib.connect", "smtplib.connect")


def _hook(event, args):
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None))[:3]
        if isinstance(path, int):
            return
        record = {"e": "open", "path": os.path.abspath(os.fsdecode(path)),
                  "mode": mode if isinstance(mode, str) else None,
                  "flags": flags if isinstance(flags, int) else 0}
    elif event in _NET:
        record = {"e": event, "args": repr(args)[:300]}
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
        record = {"e": event, "args": repr(args)[:300]}
    else:
        return
    os.write(_log, (json.dumps(record) + "\n").encode())


sys.addaudithook(_hook)
'''


def _installation_roots() -> list[Path]:
    roots = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    roots.update(Path(p) for p in site.getsitepackages())
    roots.add(Path(contentlint.__file__).resolve().parent)  # package data, editable or not
    roots.update(Path(p).resolve() for p in contentlint.rules.__path__)
    return sorted(roots)


def _inside(path: str, roots: list[Path]) -> bool:
    resolved = Path(path).resolve()
    return any(resolved == r or r in resolved.parents for r in roots)


def _allowed(path: str, roots: list[Path]) -> bool:
    return _inside(path, roots) or _multiprocessing_temp(path)


def _multiprocessing_temp(path: str) -> bool:
    """multiprocessing's own temporary files: its ``pymp-*`` folder (the forkserver's socket)
    and the throwaway file ``tempfile`` writes once to find a usable temporary directory."""
    p = Path(path)
    if p.parent != Path(tempfile.gettempdir()).resolve():
        return p.parent.name.startswith("pymp-") and p.parent.parent == Path(tempfile.gettempdir())
    return p.name.startswith("pymp-") or re.fullmatch(r"[a-z0-9_]{8}", p.name) is not None


def _writes(record: dict) -> bool:  # type: ignore[type-arg]
    mode = record.get("mode") or ""
    flags = record.get("flags") or 0
    return any(c in mode for c in "wax+") or bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))


def _audited_run(
    tmp_path: Path, args: list[str], workers: bool = True, **env: str
) -> list[dict]:  # type: ignore[type-arg]
    hook_dir = tmp_path / "hook"
    logs = tmp_path / "audit"
    logs.mkdir()
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    proc = subprocess.run(
        [PYTHON, "-m", "contentlint", *args],
        env=_audit_env(hook_dir, logs, **env),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=workdir,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    records = []
    for log in logs.glob("*.jsonl"):
        records.extend(json.loads(line) for line in log.read_text().splitlines())
    if workers:
        assert len(list(logs.glob("*.jsonl"))) >= 2, "the worker processes were not audited"
    return records


def _audit_env(hook_dir: Path, logs: Path, **extra: str) -> dict[str, str]:
    """The suite's guarded subprocess environment plus the audit hook, in every process."""
    return guarded_env(hook_dir, AUDIT, CONTENTLINT_AUDIT_DIR=str(logs), **extra)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (docs / "b.html").write_text(f"<html><body><p>{GOOD_ARTICLE}</p></body></html>", encoding="utf-8")
    (docs / "sub" / "c.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    config = tmp_path / "settings.toml"
    config.write_text('[rules.long-sentence]\nmax-words = 25\n', encoding="utf-8")
    return docs, config


def _check_no_network(records: list[dict]) -> None:  # type: ignore[type-arg]
    for r in records:
        event = r["e"]
        if event == "open" or event.startswith(("subprocess", "os.")):
            continue
        if event == "socket.__new__":
            continue  # making a socket object is not traffic; what is done with it is checked
        if event == "socket.bind" and "('::1', 0" in r["args"]:
            continue  # urllib3's import-time IPv6 probe: loopback, port 0, never sends
        if "family=1," in r["args"]:
            continue  # AF_UNIX: multiprocessing talking to its forkserver, on this machine
        raise AssertionError(f"network event in a run: {r}")


def test_reads_only_inputs_config_and_installation(tmp_path: Path) -> None:
    docs, config = _project(tmp_path)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    before = fingerprint([docs, config])
    records = _audited_run(
        tmp_path,
        ["check", str(docs), "--config", str(config), "--format", "json", "-o", str(report),
         "--jobs", "2", "--no-cache", "--fail-on", "never"],
    )
    roots = _installation_roots()
    # The per-user data cache (decompressed language model, syllable table) is ours too.
    data_cache = Path(os.environ["CONTENTLINT_DATA_CACHE"]).resolve()
    allowed = [*roots, docs.resolve(), config.resolve(), report.parent.resolve(),
               Path(os.devnull), NETGUARD.resolve(), (tmp_path / "hook").resolve(), data_cache]
    opened = [r for r in records if r["e"] == "open"]
    outside = sorted({r["path"] for r in opened if not _allowed(r["path"], allowed)})
    assert not outside, f"opened outside the inputs, config and installation: {outside}"
    written = sorted({r["path"] for r in opened if _writes(r) and r["path"] != os.devnull
                      and not _multiprocessing_temp(r["path"])
                      and not _allowed(r["path"], [data_cache])})
    assert written and all(Path(p).parent == report.parent.resolve() for p in written), written
    read_inputs = {r["path"] for r in opened if _inside(r["path"], [docs.resolve()])}
    assert {Path(p).name for p in read_inputs} == {"a.md", "b.html", "c.txt"}
    assert not any(_writes(r) for r in opened if _inside(r["path"], [docs.resolve(), config.resolve()]))
    assert not [r for r in records if r["e"].startswith(("subprocess", "os."))], "started a program"
    _check_no_network(records)
    assert fingerprint([docs, config]) == before
    assert json.loads(report.read_text())["files"]


def test_with_the_results_cache_only_the_cache_is_added(tmp_path: Path) -> None:
    docs, config = _project(tmp_path)
    cache = tmp_path / "cache"
    for attempt in ("fills", "reads"):  # the first run fills the cache, the second reads it
        run_dir = tmp_path / attempt
        run_dir.mkdir()
        records = _audited_run(
            run_dir,
            ["check", str(docs), "--config", str(config), "--format", "concise", "--jobs", "2"],
            workers=attempt == "fills",  # all hits: no worker is started
            CONTENTLINT_CACHE_DIR=str(cache),
        )
        data_cache = Path(os.environ["CONTENTLINT_DATA_CACHE"]).resolve()  # ours too
        allowed = [*_installation_roots(), docs.resolve(), config.resolve(), cache.resolve(),
                   Path(os.devnull), NETGUARD.resolve(), run_dir.resolve(), data_cache]
        opened = [r for r in records if r["e"] == "open"]
        outside = sorted({r["path"] for r in opened if not _allowed(r["path"], allowed)})
        assert not outside, outside
        written = {r["path"] for r in opened if _writes(r) and r["path"] != os.devnull}
        assert all(_allowed(p, [cache.resolve(), run_dir.resolve(), data_cache]) for p in written), written
        assert not any(_inside(p, [docs.resolve(), config.resolve()]) for p in written
                       if not _multiprocessing_temp(p)), written
        _check_no_network(records)
    assert cache.is_dir()


# -- nothing written to inputs -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["pretty", "concise", "json", "sarif", "github", "junit", "html"])
def test_no_format_writes_to_inputs(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = fingerprint([docs])
    run = invoke(["check", str(docs), "--format", fmt, "--jobs", "1", "--fail-on", "never"])
    assert run.exit_code == 0
    after = fingerprint([docs])
    assert after == before
    assert sorted(p.name for p in docs.rglob("*")) == ["a.md", "b.html", "c.txt", "sub"]


def test_report_path_that_is_an_input_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    before = fingerprint([article])
    run = invoke(["check", str(article), "--format", "json", "-o", str(article), *FAST])
    assert run.exit_code == 2 and str(article) in run.stderr
    assert fingerprint([article]) == before


# -- atomic reports ------------------------------------------------------------------------------

def _old_report(tmp_path: Path) -> Path:
    report = tmp_path / "report.json"
    report.write_text('{"old": true}\n', encoding="utf-8")
    report.chmod(0o644)
    return report


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("error", [RuntimeError("renderer bug"), KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_interrupted_write_keeps_the_old_report(tmp_path: Path, error: BaseException) -> None:
    report = _old_report(tmp_path)

    def half(out):  # type: ignore[no-untyped-def]
        out.write('{"new": ')
        out.flush()
        raise error

    with pytest.raises(type(error)):
        write_atomically(report, half)
    assert report.read_text() == '{"old": true}\n'
    assert _leftovers(tmp_path) == []


def test_cli_renderer_crash_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.reporters as reporters

    report = _old_report(tmp_path)
    article = tmp_path / "a.md"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")

    def crashing(result, out, options):  # type: ignore[no-untyped-def]
        out.write("{ half a report")
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(reporters, "get_reporter", lambda name: crashing)
    result = CliRunner().invoke(app, ["check", str(article), "-f", "json", "-o", str(report), *FAST])
    assert result.exit_code != 0
    assert report.read_text() == '{"old": true}\n'
    assert _leftovers(tmp_path) == []


def test_killed_writer_keeps_the_old_report(tmp_path: Path) -> None:
    """SIGKILL in the middle of writing: no cleanup runs, yet the old report is whole."""
    report = _old_report(tmp_path)
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from contentlint.output import write_atomically

        def slow(out):
            out.write('{{"new": [' + '1,' * 100000)
            out.flush()
            print("writing", flush=True)
            time.sleep(60)

        write_atomically(Path({str(report)!r}), slow)
    """)
    with subprocess.Popen([PYTHON, "-c", script], stdout=subprocess.PIPE, text=True,
                          env=subprocess_env()) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert report.read_text() == '{"old": true}\n'
    # the orphaned temporary file is hidden and named after the report, never the report itself
    assert all(name.startswith(".report.json.") for name in _leftovers(tmp_path))


def test_new_report_keeps_permissions_and_symlinks(tmp_path: Path) -> None:
    report = _old_report(tmp_path)
    write_atomically(report, lambda out: out.write("{}\n"))
    assert report.stat().st_mode & 0o777 == 0o644
    fresh = tmp_path / "fresh.json"
    umask = os.umask(0o022)
    try:
        write_atomically(fresh, lambda out: out.write("{}\n"))
    finally:
        os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0o600
    target = tmp_path / "real.json"
    target.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomically(link, lambda out: out.write("new\n"))
    assert link.is_symlink() and target.read_text() == "new\n"


def test_unwritable_report_location_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    missing = tmp_path / "no-such-dir" / "report.json"
    run = invoke(["check", str(article), "-f", "json", "-o", str(missing), *FAST])
    assert run.exit_code == 2
    assert run.stderr.startswith(f"contentlint: error: {missing}: cannot write report")
    assert len(run.stderr.strip().splitlines()) == 1


def test_audit_hook_sees_what_it_should(tmp_path: Path) -> None:
    """The audit machinery itself: a stray read is caught, so a clean run means something."""
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x")
    hook_dir = tmp_path / "hook"
    logs = tmp_path / "audit"
    logs.mkdir()
    subprocess.run(
        [PYTHON, "-c", f"open({str(outside)!r}).read()"],
        env=_audit_env(hook_dir, logs),
        check=True, timeout=60,
    )
    records = [json.loads(line) for log in logs.glob("*.jsonl") for line in log.read_text().splitlines()]
    assert any(r["e"] == "open" and r["path"] == str(outside) for r in records)
    assert not _inside(str(outside), _installation_roots())
