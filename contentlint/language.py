"""Language detection for whole documents.

English rules only make sense on English text, and the news corpus holds
Korean, Russian and Japanese pages. Most input is English, so a cheap
function-word test answers first; only unclear text pays for py3langid's
model load (about 0.7 s the first time in a process).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at "
    "which but have an they you were her she there been one all we their has would when if "
    "will can more who what so its our about than into them these also how do".split()
)
_SAMPLE_CHARS = 20_000
_MIN_WORDS = 8
_MIN_LETTERS = 30


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" when there is too little text to tell
    confidence: float
    method: str  # "function-words", "py3langid", "too-short", "config"


def detect_language(text: str) -> LanguageGuess:
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    # NOTE: letters, not words: Japanese and Chinese do not separate words with spaces.
    if sum(len(w) for w in words) < _MIN_LETTERS:
        return LanguageGuess("und", 0.0, "too-short")
    latin = sum(1 for w in words if w.isascii())
    if len(words) >= _MIN_WORDS and latin / len(words) > 0.9:
        share = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
        if share >= 0.25:
            return LanguageGuess("en", min(1.0, 0.5 + share), "function-words")
    code, prob = _identifier().classify(sample)
    return LanguageGuess(str(code), float(prob), "py3langid")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    # NOTE: a process-wide cache of an immutable model, the one kind of global we allow.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
