"""Importing spaCy without PyTorch (and without its command line) when the pipeline cannot use it.

Why: spaCy imports thinc, and thinc imports PyTorch merely to record whether
it is there. With torch installed (common wherever sentence-transformers or
spacy-transformers live) that adds about 1.2 s and 200 MB to every cold
start, for nothing: the default blank English pipeline has no neural
components. While spaCy is first imported for that pipeline, ``torch`` is
made unimportable; afterwards it imports normally, so plugins that use torch
themselves still work. Pipelines named by ``model`` (which may be
transformer-based) and ``CONTENTLINT_SPACY_TORCH=1`` keep the normal import.
spaCy's own command line is skipped the same way (see :func:`_stub_cli`).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

#: Set to 1 to let thinc import PyTorch even for the blank pipeline.
ENV_ALLOW_TORCH = "CONTENTLINT_SPACY_TORCH"


def import_spacy(allow_torch: bool = False) -> ModuleType:
    """The ``spacy`` module; imported without torch unless allowed or already loaded."""
    loaded = sys.modules.get("spacy")
    if loaded is not None:
        return loaded
    if allow_torch or os.environ.get(ENV_ALLOW_TORCH) == "1" or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        try:
            spacy = _import_without_cli()
        except ImportError:  # another spaCy release wants more of its command line: import it
            import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


def _import_without_cli() -> ModuleType:
    stubs = _stub_cli()
    try:
        import spacy
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]  # a half-imported spaCy must not be reused
        raise
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]  # a later "import spacy.cli" loads the real one
    if getattr(spacy, "cli", None) is stubs.get("spacy.cli"):
        del spacy.cli
    return spacy


def _stub_cli() -> dict[str, ModuleType]:
    """Stand-ins for ``spacy.cli`` while spaCy is imported.

    Why: ``spacy/__init__.py`` imports its command line (``from .cli.info import
    info``), which imports Typer apps, the package downloader and more: about
    0.1 s of the 0.5 s import, and never used by a linter. The stand-ins are
    removed right after the import, so ``import spacy.cli`` still works.
    """
    if "spacy.cli" in sys.modules:
        return {}
    package = ModuleType("spacy.cli")
    package.__path__ = []
    info = ModuleType("spacy.cli.info")
    info.info = lambda *args, **kwargs: None  # type: ignore[attr-defined]
    stubs = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stubs)
    return stubs
