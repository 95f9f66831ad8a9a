"""Importing spaCy without PyTorch when the pipeline cannot use it.

Why: spaCy imports thinc, and thinc imports PyTorch merely to record whether
it is there. With torch installed (common wherever sentence-transformers or
spacy-transformers live) that adds about 1.2 s and 200 MB to every cold
start, for nothing: the default blank English pipeline has no neural
components. While spaCy is first imported for that pipeline, ``torch`` is
made unimportable; afterwards it imports normally, so plugins that use torch
themselves still work. Pipelines named by ``model`` (which may be
transformer-based) and ``CONTENTLINT_SPACY_TORCH=1`` keep the normal import.
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
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy
