"""Loaded words: evaluative vocabulary, one family per judgement, read once."""

from __future__ import annotations

from newsprism.lang.loaded_words import loaded_words


def test_every_loaded_word_belongs_to_one_family() -> None:
    lexicon = loaded_words()
    assert lexicon["slammed"] == lexicon["blasted"]
    assert lexicon["bold"] == "daring"
    assert all(word == word.lower() and " " not in word for word in lexicon)
    assert loaded_words() is lexicon  # read once per process


def test_plain_reporting_words_are_not_loaded() -> None:
    assert not {"said", "met", "the", "minister"} & loaded_words().keys()
