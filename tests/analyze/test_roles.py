"""Roles: the titles and labels an outlet gives each actor, with offsets."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import extract_entities
from newsprism.analyze.roles import attach_roles
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Entity


def analysed(nlp: Language, text: str) -> list[Entity]:
    doc = nlp(text)
    sentences = SentenceIndex(doc)
    found = extract_entities(doc, sentences)
    attach_roles(doc, sentences, found)
    return found


def roles_of(nlp: Language, text: str, name: str) -> list[str]:
    matches = [e for e in analysed(nlp, text) if e.name == name]
    assert len(matches) == 1, name
    return [role.role for role in matches[0].roles]


def test_title_before_the_name(nlp: Language) -> None:
    assert roles_of(nlp, "Deputy Finance Minister Olga Petrova arrived in Vienna.", "Olga Petrova") == [
        "Deputy Finance Minister"
    ]


def test_nationality_and_title_before_the_name(nlp: Language) -> None:
    assert roles_of(nlp, "Kenyan President Daniel Mwangi welcomed them.", "Daniel Mwangi") == [
        "Kenyan President"
    ]


def test_lower_case_role_before_the_name(nlp: Language) -> None:
    text = "The talks were led by presidential aide Tomas Varga, who drafted the plan."
    assert roles_of(nlp, text, "Tomas Varga") == ["presidential aide"]
    text = "The ministry said spokesperson Irina Volkova would brief reporters."
    assert roles_of(nlp, text, "Irina Volkova") == ["spokesperson"]


def test_title_with_a_prepositional_office(nlp: Language) -> None:
    text = "Canadian Foreign Minister Claire Dubois and U.S. Secretary of Commerce Dana Whitfield signed."
    assert roles_of(nlp, text, "Dana Whitfield") == ["U.S. Secretary of Commerce"]
    assert roles_of(nlp, text, "Claire Dubois") == ["Canadian Foreign Minister"]


def test_possessive_role_before_the_name(nlp: Language) -> None:
    assert roles_of(nlp, "Novak’s deputy Karl Weiss resigned on Friday.", "Karl Weiss") == ["Novak’s deputy"]


def test_appositive_after_the_name(nlp: Language) -> None:
    text = "Olga Petrova, Ruritania's former trade minister, will lead the team."
    assert roles_of(nlp, text, "Olga Petrova") == ["Ruritania's former trade minister"]


def test_appositive_drops_a_leading_article(nlp: Language) -> None:
    text = "Jan Novak, the head of the national weather service, said the storm would pass."
    assert roles_of(nlp, text, "Jan Novak") == ["head of the national weather service"]


def test_appositive_stops_before_a_relative_clause(nlp: Language) -> None:
    text = "The company hired Maya Patel, a former prosecutor who led the fraud unit, as counsel."
    assert roles_of(nlp, text, "Maya Patel") == ["former prosecutor"]


def test_appositive_before_the_name_and_copula(nlp: Language) -> None:
    text = (
        "The bank's chief economist, Lena Berg, said rates would rise. "
        "Berg is the longest-serving economist at the bank."
    )
    assert roles_of(nlp, text, "Lena Berg") == [
        "bank's chief economist",
        "longest-serving economist at the bank",
    ]


def test_copula_in_a_relative_clause(nlp: Language) -> None:
    assert roles_of(nlp, "Otto Lenz, who is a former banker, declined to comment.", "Otto Lenz") == [
        "former banker"
    ]


def test_title_split_from_the_ner_span_becomes_a_role(nlp: Language) -> None:
    assert roles_of(nlp, "Pope Leo spoke to pilgrims.", "Leo") == ["Pope"]


def test_a_role_is_kept_once_per_entity_at_its_first_occurrence(nlp: Language) -> None:
    text = "Anna Kowalska, the prime minister, met farmers.\nKowalska, the prime minister, later left."
    found = [e for e in analysed(nlp, text) if e.name == "Anna Kowalska"]
    assert [(r.role, r.sentence) for r in found[0].roles] == [("prime minister", 0)]


def test_role_offsets_point_at_the_role_text(nlp: Language) -> None:
    text = "Rain fell.\nJan Novak, the head of the national weather service, said it would pass."
    novak = next(e for e in analysed(nlp, text) if e.name == "Jan Novak")
    role = novak.roles[0]
    assert text[role.start : role.end] == role.role == "head of the national weather service"
    assert role.sentence == 1
    assert role.article == ""  # the pipeline fills it


def test_forms_of_address_are_not_roles(nlp: Language) -> None:
    assert roles_of(nlp, "Mr. Grant said the deal was fair.", "Grant") == []


def test_a_listed_name_is_not_the_role_of_the_name_before_it(nlp: Language) -> None:
    text = (
        "Deputy Foreign Minister Pavel Orlov, Deputy Energy Minister Anton Sokolov, "
        "and Ivan Belov will attend."
    )
    found = {e.name: [r.role for r in e.roles] for e in analysed(nlp, text)}
    assert found == {
        "Pavel Orlov": ["Deputy Foreign Minister"],
        "Anton Sokolov": ["Deputy Energy Minister"],
        "Ivan Belov": [],
    }


def test_a_noun_before_a_name_without_a_comma_is_not_a_role(nlp: Language) -> None:
    text = "The company Mr. Grimm formed was called Granny Sayz."
    assert all(not e.roles for e in analysed(nlp, text))


def test_headlines_give_no_roles(nlp: Language) -> None:
    text = "Kremlin Hails Envoy Tomas Varga Amid Talks\n\nTomas Varga arrived on Monday."
    varga = next(e for e in analysed(nlp, text) if e.name == "Tomas Varga")
    assert varga.roles == []
