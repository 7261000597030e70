"""One name written two ways: respellings and variants, not shortenings or abbreviations."""

from __future__ import annotations

from newsprism.compare.config import CompareConfig
from newsprism.compare.spelling import is_spelling_variant, respelled


def test_spelling_variant_rules() -> None:
    assert is_spelling_variant("Zelensky", "Zelenskyy")
    assert is_spelling_variant("Kiev", "Kyiv")
    assert not is_spelling_variant("Putin", "Vladimir Putin")
    assert not is_spelling_variant("US", "United States")
    assert not is_spelling_variant("America", "United States")
    assert is_spelling_variant("Sergei Lavrov", "Sergey Lavrov")
    assert not is_spelling_variant("Donald Trump", "Melania Trump")


def test_case_dots_and_possessives_alone_are_no_respelling() -> None:
    assert not is_spelling_variant("US", "U.S.")
    assert not is_spelling_variant("NATO", "Nato")
    assert is_spelling_variant("Erdogan", "Erdoğan")


def test_a_respelling_keeps_the_first_letter_and_most_of_the_word() -> None:
    assert respelled("Priebus", "Preibus")
    assert respelled("Łódź", "Lodz")
    assert not respelled("Kyiv", "Lviv")
    assert not respelled("Ode", "Odd")  # too short to tell a respelling from another word
    assert not respelled("Priebus", "Preibus", CompareConfig(respelling_ratio=0.95))
