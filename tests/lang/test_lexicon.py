"""Content stems: the cheap word overlap that alignment and story placement share."""

from __future__ import annotations

from newsprism.lang.lexicon import STOPWORDS, content_stems, stem


def test_stems_fold_inflection_and_diacritics() -> None:
    assert stem("captured") == stem("capture") == stem("captures")
    assert content_stems("Erdoğan met the pirates") == content_stems("Erdogan met a pirate")


def test_stopwords_weekdays_numbers_and_short_words_carry_no_content() -> None:
    assert content_stems("On Monday the 3 of us met at 10") == {"met"}
    assert "monday" in STOPWORDS and "the" in STOPWORDS


def test_a_stem_strips_one_suffix_and_a_doubled_consonant() -> None:
    assert stem("stopped") == "stop"
    assert stem("nationalization") == stem("nationalize")
    assert stem("bus") == "bus"  # too short to lose its "s"
