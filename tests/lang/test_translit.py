"""Cyrillic to Latin: the spelling a name key is made of (lang/translit.py)."""

from __future__ import annotations

import pytest

from newsprism.lang.translit import has_cyrillic, transliterate


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Владимир Путин", "Vladimir Putin"),
        ("Дмитрий Песков", "Dmitriy Peskov"),
        ("Зеленский", "Zelenskiy"),
        ("Щукин Жуков Хабаров Цой Чехов Шаламов", "Shchukin Zhukov Khabarov Tsoy Chekhov Shalamov"),
        ("Юлия Яковлева", "Yuliya Yakovleva"),
        ("Навальный", "Navalnyy"),
        ("Игорь Подъячев", "Igor Podyachev"),
        ("Ельцин", "Yeltsin"),
        ("Эрдоган", "Erdogan"),
        ("Пётр", "Pyotr"),
    ],
)
def test_russian_follows_a_simple_bgn_pcgn_table(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "ru") == latin


def test_hushing_letters_take_a_plain_e_for_yo_and_kiev_keeps_its_old_spelling() -> None:
    assert transliterate("Горбачёв Хрущёв") == "Gorbachev Khrushchev"
    assert transliterate("Киев") == "Kiev"  # "e" after a vowel inside a word: the gazetteer's "Kiev"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Київ", "Kyiv"),
        ("Володимир Зеленський", "Volodymyr Zelenskyi"),
        ("Єрмак", "Yermak"),
        ("Андрій", "Andrii"),
        ("Харків", "Kharkiv"),
        ("п’ятниця", "piatnytsia"),
        ("Згурівка", "Zghurivka"),
    ],
)
def test_ukrainian_follows_the_national_table(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "uk") == latin


def test_a_word_with_ukrainian_letters_is_read_as_ukrainian_whatever_the_text() -> None:
    assert transliterate("Київ") == "Kyiv"
    assert transliterate("Олексій Кулеба", "ru") == "Oleksii Kuleba"
    assert transliterate("Сергій") == "Serhii"  # Russian would read "Сергий" as "Sergiy"


def test_capitals_are_kept_and_latin_text_passes_through() -> None:
    assert transliterate("НАТО и ООН") == "NATO i OON"
    assert transliterate("Жанна") == "Zhanna"
    assert transliterate("Putin met Erdoğan.") == "Putin met Erdoğan."
    assert transliterate("Путин (Putin) — 2025") == "Putin (Putin) — 2025"
    assert has_cyrillic("x Ж") and not has_cyrillic("Zelensky")
