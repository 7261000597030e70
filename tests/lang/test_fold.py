"""One fold for every stage: names, content words and placement fold letters alike."""

from __future__ import annotations

from newsprism.lang.fold import fold, fold_diacritics
from newsprism.lang.lexicon import content_stems
from newsprism.lang.names import name_key


def test_fold_drops_diacritics_and_case() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert fold_diacritics("Erdoğan") == "Erdogan"


def test_letters_nfkd_keeps_are_folded_too() -> None:
    assert fold("Łódź Ørsted Straße Æsir") == "lodz orsted strasse aesir"


def test_names_and_content_words_fold_the_same_way() -> None:
    assert name_key("Łukasz") == fold("Łukasz")
    assert content_stems("Łukasz") == content_stems("Lukasz")
