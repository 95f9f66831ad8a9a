"""py3langid's model, decompressed once per user and memory-mapped by every process.

Why: py3langid ships its model LZMA-compressed. Loading it the usual way
costs about 0.7 s and 90 MB in *each* process (the worker processes of one
run included), for a handful of documents that the cheap tests in
:mod:`contentlint.language` cannot place. Here the arrays are written once,
uncompressed, to ``$XDG_CACHE_HOME/contentlint`` (``~/.cache/contentlint``)
and memory-mapped read-only: opening takes milliseconds, and processes share
the pages the operating system caches, touching only the rows they read.

If anything is unexpected (another py3langid layout, a read-only home) the
model is loaded the usual way; answers are the same either way.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .data_cache import entry_for

_ARRAYS = ("ptc", "pc", "nextmove", "row", "out")
#: A sentence any working model places: checked once per process after mapping.
_PROBE = "Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek zu schließen."


def load_identifier() -> Any:
    """A py3langid ``LanguageIdentifier`` with normalised probabilities."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = Path(MODEL_FILE)
    if not source.is_absolute():
        source = Path(MODEL_DIR) / source
    try:
        mapped = _mapped(source, LanguageIdentifier)
        if mapped.classify(_PROBE)[0] == "de":  # another py3langid layout would answer wrongly
            return mapped
    except Exception:  # noqa: BLE001 - any surprise: the library's own loader, same answers
        pass
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _mapped(source: Path, identifier: Any) -> Any:
    import numpy as np

    folder = _cache_folder(source)
    if not (folder / "classes.json").is_file():
        _write(source, folder)
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    classes = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    return identifier(
        arrays["ptc"],
        np.array(arrays["pc"]),
        classes,
        memoryview(arrays["nextmove"]),  # NOTE: indexing a memoryview yields plain ints, fast
        arrays["out"].tolist(),
        norm_probs=True,
        tk_row=arrays["row"].tolist(),
    )


def _cache_folder(source: Path) -> Path:
    """One folder per model file version (size and modification time in the name)."""
    return entry_for(source, "py3langid")


def _write(source: Path, folder: Path) -> None:
    """Decompress the model into ``folder``, atomically (a concurrent writer may win)."""
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out = load_model(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        arrays = {
            "ptc": np.asarray(ptc),
            "pc": np.asarray(pc),
            "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
            "row": np.frombuffer(row, dtype=f"u{row.itemsize}"),
            "out": np.asarray(out, dtype=np.int32),
        }
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", array, allow_pickle=False)
        (staging / "classes.json").write_text(json.dumps(list(classes)), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / "classes.json").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
