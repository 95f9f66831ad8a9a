"""Language detection for whole documents.

English rules only make sense on English text, and the news corpus holds
Korean, Russian, Japanese, Portuguese, German, Italian and Indonesian pages.
Most text is told cheaply: by its script (Hangul, kana, Thai, Greek, ...), or,
for Latin script, by the share of each language's common function words.
Only text neither test is sure of pays for py3langid's model (about 0.7 s
and 40 MB to load, once per process).
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
#: Common function words of other languages written in Latin script. A text
#: counts only the words that belong to a single language here, English
#: included (so "de", "a" or "in" count for nobody).
_OTHER_FUNCTION_WORDS: dict[str, str] = {
    "es": "a que el la los las del y en un una por para con no se su sus al lo como más pero "
    "este esta porque entre cuando muy sin sobre también hasta hay donde desde todo "
    "nos durante todos ya fue son está han ha ser sido ellos según cuál qué él",
    "fr": "le la les des et un une du est que pour qui dans par sur pas plus ne au avec "
    "il sont ce son elle aux ou mais comme nous été sa ses être leur cette qu on ont "
    "était aussi vous ils dont tout",
    "de": "der die und den von zu das mit sich des auf für ist im dem nicht ein eine "
    "als auch es werden aus er hat dass sie nach wird bei einer um am sind noch wie "
    "einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein "
    "wurde sei",
    "it": "a di il che per un è del non una i le si da con sono al della gli lo ha come "
    "anche più ma nel dei alla delle ci se ne questo nella essere tra suo stato sua "
    "cui ad quando loro",
    "pt": "a que do da em um para é com não uma os no se na por mais as dos como mas foi ao "
    "ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela "
    "até isso ela entre era depois sem mesmo aos ter seus quem nas",
    "nl": "en van het een is dat op te zijn met voor niet die aan er ook als bij om "
    "maar dan door wordt naar nog worden uit over tot werd zo hij ze we deze al wel "
    "meer kan moet was heeft hebben of geen",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada "
    "karena oleh sebagai bisa atau mereka kami kita saya telah sudah lebih dapat "
    "tersebut para harus namun menjadi hanya seperti",
}
_SAMPLE_CHARS = 20_000  # what the model reads
_CHEAP_SAMPLE_CHARS = 6_000  # what the cheap tests read: about a thousand words
_MIN_WORDS = 8
_MIN_LETTERS = 30
#: A Latin-script language is named without the model when at least this share
#: of the words are its own function words, and RATIO times the runner-up's.
_MIN_OWN_SHARE = 0.12
_MIN_RATIO = 4.0
#: Scripts used by a single language (Unicode ranges), named without the model
#: when their letters are most of the text's letters.
_SINGLE_LANGUAGE_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ko", "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"),  # Hangul
    ("th", "\u0e00-\u0e7f"),  # Thai
    ("el", "\u0370-\u03ff\u1f00-\u1fff"),  # Greek
    ("ka", "\u10a0-\u10ff"),  # Georgian
    ("hy", "\u0530-\u058f"),  # Armenian
)
_LAST_LATIN = "\u024f"  # Basic Latin to Latin Extended-B: accented letters count as Latin
#: Cyrillic text is Russian when it uses letters Russian has and its neighbours
#: with shared letters (Belarusian, Kazakh, Mongolian, ...) add to them.
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN_ONLY = re.compile("[ыэЫЭ]")
_NOT_RUSSIAN = re.compile("[іїєґўөүңәқһІЇЄҐЎӨҮҢӘҚҺ]")
_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" when there is too little text to tell
    confidence: float
    method: str  # "function-words", "script", "py3langid", "too-short", "config"


def detect_language(text: str) -> LanguageGuess:
    sample = text[:_CHEAP_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    # NOTE: letters, not words: Japanese and Chinese do not separate words with spaces.
    letters = sum(len(w) for w in words)
    if letters < _MIN_LETTERS:
        return LanguageGuess("und", 0.0, "too-short")
    latin = sum(1 for w in words if max(w) <= _LAST_LATIN)
    if len(words) >= _MIN_WORDS and latin / len(words) > 0.9:
        guess = _by_function_words(words)
        if guess is not None:
            return guess
    elif latin / len(words) < 0.5:
        guess = _by_script(sample, letters)
        if guess is not None:
            return guess
    code, prob = _identifier().classify(text[:_SAMPLE_CHARS])
    return LanguageGuess(str(code), float(prob), "py3langid")


def _by_function_words(words: list[str]) -> LanguageGuess | None:
    lowered = [w.lower() for w in words]
    share = sum(1 for w in lowered if w in _ENGLISH_FUNCTION_WORDS) / len(words)
    if share >= 0.25:
        return LanguageGuess("en", min(1.0, 0.5 + share), "function-words")
    counts = dict.fromkeys(_DISTINCTIVE, 0)
    for word in lowered:
        code = _OWNER.get(word)
        if code is not None:
            counts[code] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    own = top / len(words)
    if own >= _MIN_OWN_SHARE and top >= _MIN_RATIO * max(second, 1):
        return LanguageGuess(best, min(1.0, 0.5 + own), "function-words")
    return None


def _by_script(sample: str, letters: int) -> LanguageGuess | None:
    for code, ranges in _SINGLE_LANGUAGE_SCRIPTS:
        share = len(re.findall(f"[{ranges}]", sample)) / letters
        if share > 0.5:
            return LanguageGuess(code, min(1.0, share), "script")
    if len(_CYRILLIC.findall(sample)) / letters > 0.5:
        if _RUSSIAN_ONLY.search(sample) and not _NOT_RUSSIAN.search(sample):
            return LanguageGuess("ru", 0.9, "script")
        return None
    kana = len(_KANA.findall(sample)) / letters
    han = len(_HAN.findall(sample)) / letters
    if kana >= 0.1 and kana + han > 0.5:
        return LanguageGuess("ja", min(1.0, kana + han), "script")
    return None


def _owners() -> dict[str, str]:
    """Each function word that belongs to one language only, with that language."""
    seen: dict[str, set[str]] = {}
    lists = {"en": " ".join(_ENGLISH_FUNCTION_WORDS), **_OTHER_FUNCTION_WORDS}
    for code, words in lists.items():
        for word in words.split():
            seen.setdefault(word, set()).add(code)
    return {word: next(iter(codes)) for word, codes in seen.items() if len(codes) == 1}


_OWNER: dict[str, str] = _owners()
_DISTINCTIVE: tuple[str, ...] = ("en", *_OTHER_FUNCTION_WORDS)


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    # NOTE: a process-wide cache of an immutable model, the one kind of global we allow.
    from .langid_model import load_identifier

    return load_identifier()
