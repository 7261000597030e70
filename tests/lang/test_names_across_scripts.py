"""Name keys meet across scripts and transliterations: "Путин" is "Putin", "Зеленский" is "Zelensky"."""

from __future__ import annotations

import pytest

from newsprism.compare.spelling import is_spelling_variant
from newsprism.lang.fold import fold, fold_diacritics
from newsprism.lang.names import canonical_name, is_preferred_spelling, name_key, plain_key, slugify


def test_cyrillic_names_key_as_their_transliteration() -> None:
    assert plain_key("Путин") == plain_key("Putin") == "putin"
    assert name_key("Владимир Путин") == name_key("Vladimir Putin") == "vladimir putin"
    assert name_key("Дмитрий Песков") == name_key("Dmitry Peskov")
    assert name_key("Киев") == name_key("Kyiv") == "kyiv"
    assert slugify("Зеленский") == "zelenskiy"  # ids are readable, never empty, for Cyrillic names


@pytest.mark.parametrize(
    "spelling",
    ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyi", "Zelenskij", "Zelenskii", "Зеленский", "Зеленський"],
)
def test_every_spelling_of_zelensky_has_one_key(spelling: str) -> None:
    assert name_key(spelling) == "zelensky"


def test_the_slavic_ending_fold_reaches_names_no_gazetteer_lists() -> None:
    assert name_key("Medinskiy") == name_key("Medinsky") == name_key("Мединский")
    assert name_key("Vasiliy Nebenzya") == name_key("Vasily Nebenzya")


@pytest.mark.parametrize(
    "name", ["Hawaii", "Kowalski", "Murray", "Sky News", "Volodymyr", "Jersey", "Humphrey"]
)
def test_names_that_only_look_slavic_keep_their_keys(name: str) -> None:
    assert name_key(name) == name.lower()


def test_spelling_variants_are_still_told_apart_from_one_spelling() -> None:
    assert is_spelling_variant("Zelensky", "Zelenskyy")
    assert not is_preferred_spelling("Zelenskiy")
    assert canonical_name({"Zelenskiy": 1, "Zelensky": 1}) == "Zelensky"


def test_fold_keeps_the_cyrillic_letters_that_are_no_letter_with_a_mark() -> None:
    assert fold("Зеленский") == "зеленский"  # not "зеленскии"
    assert fold("Київ") == "київ"
    assert fold("Ёлка") == "елка"  # "ё" is "е" with a mark, as Russian print writes it
    assert fold_diacritics("Erdoğan Łukasz") == "Erdogan Lukasz"
    decomposed = "Зеленски\u0439".replace("й", "и\u0306")
    assert fold(decomposed) == "зеленский"
