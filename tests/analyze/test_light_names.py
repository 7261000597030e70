"""Names read lightly: capitalised runs, sentence openers on evidence only, types on evidence only."""

from __future__ import annotations

from newsprism.analyze.light import light_analysis
from newsprism.model import Article


def names(text: str, language: str) -> dict[str, tuple[str, list[str]]]:
    analysis = light_analysis(Article("a", text, language=language))
    for e in analysis.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in analysis.entities}


def test_a_sentence_opener_is_a_name_only_on_evidence() -> None:
    assert names("Hoy llueve en Madrid. Bruselas calla.", "es") == {"Madrid": ("GPE", ["Madrid"])}
    found = names("Sánchez habló. El presidente Pedro Sánchez lo confirmó.", "es")
    assert found == {"Pedro Sánchez": ("PERSON", ["Sánchez", "Pedro Sánchez"])}


def test_connectors_inside_a_name_and_a_surname_naming_the_person() -> None:
    found = names("Chegou Luiz Inácio Lula da Silva. Depois falou Lula com a imprensa.", "pt")
    assert found == {"Luiz Inácio Lula da Silva": ("PERSON", ["Luiz Inácio Lula da Silva", "Lula"])}


def test_two_names_joined_by_and_stay_two() -> None:
    assert set(names("Se reunieron Putin y Zelenski en Estambul.", "es")) == {"Putin", "Zelenski", "Estambul"}


def test_an_institution_is_not_typed_a_person() -> None:
    found = names("Ayer la Casa Blanca respondió a Naciones Unidas.", "es")
    assert found == {
        "Casa Blanca": ("MISC", ["Casa Blanca"]),
        "Naciones Unidas": ("MISC", ["Naciones Unidas"]),
    }


def test_a_russian_run_splits_a_titles_genitive_from_the_name() -> None:
    found = names("Вчера глава МИД России Сергей Лавров прилетел в Анкару. Лавров провел переговоры.", "ru")
    assert found["Сергей Лавров"] == ("PERSON", ["Сергей Лавров", "Лавров"])
    assert {"МИД", "России"} <= set(found) and "Глава" not in found


def test_a_place_after_a_preposition_of_place_is_not_a_person_by_its_ending() -> None:
    found = names("Делегация прибыла в Пекин. Переговоры в Пекине продлятся день.", "ru")
    assert found == {"Пекин": ("MISC", ["Пекин", "Пекине"])}


def test_nouns_of_a_german_text_are_not_names() -> None:
    assert names("Die Regierung hat am Mittwoch neue Gesetze beschlossen.", "de") == {}
