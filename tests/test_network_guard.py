"""The guard itself must work, or every 'no network' test proves nothing."""

from __future__ import annotations

import socket
import subprocess

import pytest

from .conftest import PYTHON, NetworkAccessError, subprocess_env


def test_guard_blocks_sockets_in_tests() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("example.com", 80), timeout=1)


def test_guard_blocks_sockets_in_subprocesses() -> None:
    code = "import socket; socket.create_connection(('example.com', 80), timeout=1)"
    proc = subprocess.run([PYTHON, "-c", code], env=subprocess_env(), capture_output=True, text=True)
    assert proc.returncode != 0
    assert "tried to use the network" in proc.stderr


def test_full_check_with_readability_runs_offline(linter, ketamine_path) -> None:  # type: ignore[no-untyped-def]
    """Parsing, spaCy, language detection and textstat (syllable data) all stay offline."""
    result = linter.lint_text(ketamine_path.read_text(encoding="utf-8"), str(ketamine_path))
    assert result.metrics["flesch_reading_ease"] < 60
    assert result.language == "en"
