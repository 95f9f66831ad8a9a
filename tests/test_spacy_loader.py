"""spaCy imported for the blank pipeline skips torch and spaCy's command line, and only then."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import subprocess_env

SCRIPT = """
import sys
from contentlint.spacy_loader import import_spacy
spacy = import_spacy()
assert "spacy.cli" not in sys.modules, "spaCy's command line was imported"
assert "torch" not in sys.modules, "torch was imported"
nlp = spacy.blank("en")
assert [t.text for t in nlp("Dr. Ruiz said so.")] == ["Dr.", "Ruiz", "said", "so", "."]
import spacy.cli  # the real module still imports afterwards
assert hasattr(spacy.cli, "download") and spacy.cli.__file__
print("ok")
"""


def _run_ok(script: str) -> None:
    """Run ``script`` in a fresh interpreter (imports are per process) and expect "ok"."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=subprocess_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_blank_pipeline_import_skips_cli_and_torch() -> None:
    _run_ok(SCRIPT)


FALLBACK = """
import contentlint.spacy_loader as loader
stub = loader._stub_cli
def wanting_more():  # as if another spaCy release imported more of its command line
    stubs = stub()
    del stubs["spacy.cli.info"].info
    return stubs
loader._stub_cli = wanting_more
spacy = loader.import_spacy()
assert [t.text for t in spacy.blank("en")("It works.")] == ["It", "works", "."]
print("ok")
"""


def test_a_spacy_that_needs_its_command_line_is_imported_normally() -> None:
    _run_ok(FALLBACK)
