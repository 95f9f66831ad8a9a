"""Language detection: the cheap tests (script, function words) agree with py3langid's model.

The cheap tests exist so that most documents never load the model (0.7 s and
40 MB per process); they must never name a language the model would not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.langid_model import load_identifier
from contentlint.language import _identifier, detect_language


def test_cheap_answers_agree_with_the_model_on_the_news_corpus(
    news_bodies: list[tuple[str, str]],
) -> None:
    model = _identifier()
    cheap = 0
    paragraphs = 0
    for _, body in news_bodies:
        guess = detect_language(body)
        if guess.method in ("script", "function-words"):
            cheap += 1
            assert guess.code == model.classify(body[:20_000])[0], body[:200]
        for paragraph in body.split("\n"):
            if len(paragraph.split()) < 8:
                continue
            guess = detect_language(paragraph)
            code, probability = model.classify(paragraph)
            if guess.method in ("script", "function-words") and probability > 0.9:
                paragraphs += 1
                assert guess.code == code, paragraph[:200]
    assert cheap >= 0.9 * len(news_bodies), f"only {cheap} of {len(news_bodies)} told cheaply"
    assert paragraphs > 2000


@pytest.mark.parametrize(
    ("text", "code", "method"),
    [
        ("The council voted on Tuesday to close the old library, and the mayor said she "
         "would appeal the decision.", "en", "function-words"),
        ("Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek zu schließen, und "
         "die Bürgermeisterin sagte, sie werde dagegen vorgehen.", "de", "function-words"),
        ("A câmara decidiu fechar a biblioteca, e a prefeita disse que não vai aceitar "
         "isso, porque ela também já tem um plano para o prédio.", "pt", "function-words"),
        ("시의회는 화요일에 오래된 도서관을 폐쇄하기로 결정했고 시장은 이 결정에 항소하겠다고 말했다.",
         "ko", "script"),
        ("市議会は火曜日に古い図書館を閉鎖することを決め、市長はこの決定に異議を申し立てると述べた。",
         "ja", "script"),
        ("Городской совет во вторник решил закрыть старую библиотеку, а мэр заявила, что "
         "обжалует это решение.", "ru", "script"),
        ("Міська рада у вівторок вирішила закрити стару бібліотеку, а мер заявила, що "
         "оскаржить це рішення.", "uk", "py3langid"),
        ("Hi.", "und", "too-short"),
    ],
)
def test_detects(text: str, code: str, method: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.method) == (code, method)


def test_mapped_model_answers_like_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, news_bodies: list[tuple[str, str]]
) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("CONTENTLINT_DATA_CACHE", str(tmp_path))
    written = load_identifier()  # decompresses into tmp_path
    assert any(tmp_path.iterdir())
    mapped = load_identifier()  # memory-maps what the first call wrote
    assert isinstance(mapped.tk_nextmove, memoryview)
    library = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [body[:3000] for _, body in news_bodies[:40]] + ["Hi", "", "Привет, мир"]
    for text in texts:
        assert written.classify(text) == mapped.classify(text) == library.classify(text)


def test_unwritable_data_cache_falls_back_to_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CONTENTLINT_DATA_CACHE", str(blocker / "below"))
    identifier = load_identifier()
    assert not isinstance(identifier.tk_nextmove, memoryview)
    assert identifier.classify("Der Stadtrat hat am Dienstag beschlossen.")[0] == "de"
