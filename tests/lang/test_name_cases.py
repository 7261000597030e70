"""Russian and Ukrainian names read back to the nominative, only on evidence (lang/name_cases.py)."""

from __future__ import annotations

from newsprism.lang.languages import language_words
from newsprism.lang.name_cases import NominativeReader


def reader(language: str, *seen: str) -> NominativeReader:
    return NominativeReader(language_words(language), seen)


def test_a_form_whose_nominative_the_text_writes_is_read_back() -> None:
    ru = reader("ru", "Путин", "Путина", "Путину", "Путиным", "Путине")
    for form in ("Путина", "Путину", "Путиным", "Путине"):
        assert ru.read([form]) == ["Путин"]


def test_an_ending_that_shows_its_case_is_read_back_without_other_evidence() -> None:
    ru = reader("ru")
    assert ru.read(["Зеленского"]) == ["Зеленский"]
    assert ru.read(["Зеленским"]) == ["Зеленский"]
    assert ru.read(["Захаровой"]) == ["Захарова"]
    assert reader("uk").read(["Зеленського"]) == ["Зеленський"]


def test_an_ambiguous_ending_stays_as_written() -> None:
    ru = reader("ru", "Захарова", "Захарову", "Мария", "Марии")
    assert ru.read(["Захарова"]) == ["Захарова"]  # a woman's name, or a man's genitive: unknown
    assert ru.read(["Мария"]) == ["Мария"]  # never "Марий"
    assert ru.read(["Медведева"]) == ["Медведева"]
    assert reader("ru", "Медведев", "Медведева").read(["Медведева"]) == ["Медведев"]


def test_two_other_endings_agreeing_on_one_nominative_are_evidence() -> None:
    ru = reader("ru", "Трампу", "Трампом")
    assert ru.read(["Трампу"]) == ["Трамп"]
    assert ru.read(["Трампом"]) == ["Трамп"]


def test_a_given_name_takes_its_surnames_case() -> None:
    ru = reader("ru", "Путин")
    assert ru.read(["Владимира", "Путина"]) == ["Владимир", "Путин"]
    assert ru.read(["Марии", "Захаровой"]) == ["Мария", "Захарова"]
    assert ru.read(["Владимира", "Владимировича", "Путина"]) == ["Владимир", "Владимирович", "Путин"]


def test_the_words_before_a_name_can_ask_for_its_case() -> None:
    ru = reader("ru")
    assert ru.read(["Дмитрия", "Пескова"], case_hint="gen") == ["Дмитрий", "Песков"]
    assert ru.read(["Дмитрия", "Пескова"]) == ["Дмитрия", "Пескова"]


def test_a_gazetteer_name_is_evidence() -> None:
    assert reader("ru").read(["Киеве"]) == ["Киев"]


def test_german_reads_back_a_genitive_s_only_where_the_bare_name_is_written() -> None:
    de = reader("de", "Putin", "Putins", "Peskows")
    assert de.read(["Putins"]) == ["Putin"]
    assert de.read(["Peskows"]) == ["Peskows"]
    assert reader("es", "Paris").read(["Paris"]) == ["Paris"]
