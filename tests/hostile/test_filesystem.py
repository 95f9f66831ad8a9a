"""What a repository's file system holds besides articles: no permission, links, pipes, crowds.

Each case sits next to a good article in the same run: the odd entry gets a
CL001 finding naming the file and the reason, the good article is still
checked, and nothing blocks, loops or crashes.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

import contentlint.reading
from contentlint.files import expand

from .support import FAST, GOOD_ARTICLE, check_json, fingerprint, invoke, is_root

# The test for a symlink loop needs the engine not to resolve() the loop itself.
_LOOP_NOTE = (
    "Python < 3.13 raises RuntimeError from Path.resolve() on a symlink loop, which "
    "Linter.config_for() calls before reading the file; see the hardening report for the "
    "engine change (resolve the parent directory instead)"
)


def _good(directory: Path, name: str = "good.md") -> Path:
    path = directory / name
    path.write_text(GOOD_ARTICLE, encoding="utf-8")
    return path


def _cl001(run, name: str, *parts: str) -> None:  # type: ignore[no-untyped-def]
    entry = run.file(name)
    assert [f["code"] for f in entry["findings"]] == ["CL001"], entry["findings"]
    message = entry["findings"][0]["message"]
    for part in parts:
        assert part in message, message


@pytest.mark.skipif(is_root(), reason="root reads files without read permission; "
                    "test_unreadable_file_simulated covers the same path for root")
def test_unreadable_file_real_permissions(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD_ARTICLE, encoding="utf-8")
    secret.chmod(0)
    try:
        run = check_json([tmp_path])
    finally:
        secret.chmod(0o644)
    _cl001(run, "secret.md", "permission denied")


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI containers) chmod 000 does not stop reads, so ``open`` is made to refuse.

    reading.read_path opens files with the built-in ``open``; a module global of
    that name shadows it for this module only, exactly where the OS would refuse.
    """
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD_ARTICLE, encoding="utf-8")
    _good(tmp_path)

    def refuse(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(file).name == "secret.md":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return open(file, *args, **kwargs)

    monkeypatch.setattr(contentlint.reading, "open", refuse, raising=False)
    run = check_json([tmp_path])
    _cl001(run, "secret.md", "permission denied", "fix or exclude this file")
    assert "CL502" in run.codes("good.md")


def test_unlistable_directory_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.walk drops directories it cannot list unless told; their files must not vanish silently."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    _good(tmp_path)
    real_scandir = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = check_json([tmp_path])
    _cl001(run, "locked", "directory cannot be listed", "permission denied")
    assert "CL502" in run.codes("good.md")


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "does-not-exist.md")
    _good(tmp_path)
    run = check_json([tmp_path])
    _cl001(run, "gone.md", "broken symbolic link")
    assert "CL502" in run.codes("good.md")
    named = check_json([tmp_path / "gone.md", tmp_path / "good.md"])  # named explicitly too
    _cl001(named, "gone.md", "broken symbolic link")


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    _good(tmp_path)
    run = check_json([tmp_path])
    for name in ("a.md", "b.md", "self.md"):
        _cl001(run, name, "too many levels of symbolic links")
    assert "CL502" in run.codes("good.md")


def test_symlink_loop_reader_and_walker(tmp_path: Path) -> None:
    """The parts this suite owns handle a loop today: the walker lists it once, the reader names it."""
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)  # a directory loop
    _good(sub)
    found = [t.path for t in expand([str(tmp_path)])]
    assert sorted(Path(p).name for p in found) == ["good.md", "self.md"]
    with pytest.raises(contentlint.reading.InputError, match="too many levels of symbolic links"):
        contentlint.reading.read_path(tmp_path / "self.md")


def test_directory_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "again").symlink_to(tmp_path, target_is_directory=True)
    _good(sub)
    run = check_json([tmp_path])
    assert [Path(f["path"]).name for f in run.report["files"]] == ["good.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    """Opening a FIFO blocks until a writer appears; it must be refused before ``open``."""
    os.mkfifo(tmp_path / "pipe.md")
    _good(tmp_path)
    started = time.monotonic()
    run = check_json([tmp_path])
    _cl001(run, "pipe.md", "not a regular file")
    named = check_json([tmp_path / "pipe.md", tmp_path / "good.md"])
    _cl001(named, "pipe.md", "not a regular file")
    assert "CL502" in named.codes("good.md")
    assert time.monotonic() - started < 120


def test_device_and_directory_named_explicitly(tmp_path: Path) -> None:
    _good(tmp_path)
    run = check_json(["/dev/null", tmp_path / "good.md"])
    _cl001(run, "null", "not a regular file")
    assert "CL502" in run.codes("good.md")


def test_binary_stdin(tmp_path: Path) -> None:
    run = invoke(["check", "-", "--stdin-filename", "in.md", "--format", "json", *FAST],
                 stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    _cl001(run, "in.md", "binary file (a PNG image)")


def test_directory_of_10000_small_files(tmp_path: Path) -> None:
    """10,000 files in one run: each gets its result, none is lost, no file handle leaks.

    Cheap rules only (boilerplate-residue, repeated-title need no NLP) and the
    concise format (no readability metrics): the point is walking, reading and
    per-file overhead, which must stay linear.
    """
    crowd = tmp_path / "crowd"
    crowd.mkdir()
    for i in range(10_000):
        body = f"# Note {i}\n\nNote {i}\n\nThe council met on day {i}.\n" if i % 1000 == 0 else (
            f"# Note {i}\n\nThe council met on day {i} and agreed.\n"
        )
        (crowd / f"n{i:05d}.md").write_text(body, encoding="utf-8")
    before = fingerprint([crowd])
    started = time.monotonic()
    run = invoke(["check", str(crowd), "--format", "concise", "--select", "CL203,CL204",
                  "--fail-on", "never", *FAST])
    elapsed = time.monotonic() - started
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    repeated = [line for line in lines if " CL204 " in line]
    assert len(repeated) == 10, lines[:20]  # the ten files with a repeated title, no others
    assert not [line for line in lines if " CL00" in line], lines[:20]
    assert fingerprint([crowd]) == before
    assert elapsed < 240, f"10,000 small files took {elapsed:.0f} s"
