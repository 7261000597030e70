"""Name keys: the identity that lets spellings of one actor meet (no spaCy needed)."""

from __future__ import annotations

import json
from importlib import resources

from newsprism.lang.names import (
    canonical_name,
    is_shortening,
    known_type,
    name_key,
    plain_key,
    shortening_roots,
    slugify,
    strip_possessive,
)


def test_name_key_folds_case_and_diacritics() -> None:
    assert name_key("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert name_key("Erdogan") == name_key("Erdoğan")
    assert name_key("Łukasz Wójcik") == "lukasz wojcik"


def test_name_key_strips_straight_and_curly_possessives() -> None:
    assert name_key("Russia's") == "russia"
    assert name_key("Kremlin’s") == "kremlin"
    assert name_key("Reuters'") == "reuters"
    assert strip_possessive("Kremlin’s") == "Kremlin"


def test_name_key_drops_a_leading_the_and_punctuation() -> None:
    assert name_key("The Moscow Times") == name_key("Moscow Times") == "moscow times"
    assert name_key("O'Brien") == "obrien"


def test_name_key_maps_gazetteer_variants_to_one_spelling() -> None:
    assert name_key("Kiev") == name_key("Kyiv") == "kyiv"
    assert name_key("Odessa") == name_key("Odesa")
    assert name_key("Bombay") == name_key("Mumbai")
    assert name_key("Ivory Coast") == name_key("Côte d'Ivoire")
    assert name_key("U.S.") == name_key("US") == name_key("United States") == "united states"
    assert name_key("Qaddafi") == name_key("Gaddafi") == name_key("Kadhafi")


def test_person_variants_map_inside_full_names() -> None:
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")


def test_place_variants_map_only_whole_names() -> None:
    # "UN" is the United Nations alone, never the last word of a Korean name.
    assert name_key("UN") == "united nations"
    assert name_key("Kim Jong Un") == "kim jong un"


def test_familiar_given_names_open_the_same_key_as_formal_ones() -> None:
    assert name_key("Chuck Grassley") == name_key("Charles E. Grassley") == "charles grassley"
    assert name_key("Liz Cheney") == name_key("Elizabeth Cheney")
    assert name_key("Bill") == "bill"  # only the first word of a longer name is a given name
    assert name_key("Good Will Hunting") == "good will hunting"


def test_middle_initials_do_not_change_the_key() -> None:
    assert name_key("Michael J. Morell") == name_key("Michael Morell")
    assert plain_key("J. K. Rowling") == "j k rowling"


def test_gazetteer_groups_map_every_variant_to_their_first_name() -> None:
    raw = json.loads(resources.files("newsprism.lang").joinpath("variants.json").read_text("utf-8"))
    owners: dict[str, str] = {}
    for group in raw["groups"]:
        first = name_key(group["names"][0])
        assert known_type(first) == group["type"]
        for name in group["names"]:
            assert name_key(name) == first, name
            assert owners.setdefault(plain_key(name), first) == first, f"{name} in two groups"
    for place in raw["places"]:
        assert plain_key(place) not in owners, f"{place} is also a variant"
        assert known_type(name_key(place)) == "GPE"
    familiar = [short for shorts in raw["nicknames"].values() for short in shorts]
    assert len(familiar) == len(set(familiar)), "a familiar name with two formal names"
    assert not set(familiar) & set(raw["nicknames"]), "a formal name is also a familiar one"


def test_surname_and_any_single_name_shorten_a_full_name() -> None:
    assert is_shortening("putin", "vladimir putin")
    assert is_shortening("lula", "luiz inacio lula da silva")
    assert is_shortening("lula da silva", "luiz inacio lula da silva")
    assert not is_shortening("vladimir putin", "putin")
    assert not is_shortening("vladimir lula", "luiz inacio lula da silva")


def test_shortening_roots_fold_a_unique_surname_through_the_longest_name() -> None:
    roots = shortening_roots(["putin", "vladimir putin", "vladimir vladimirovich putin", "vladimir medinsky"])
    assert roots["putin"] == "vladimir vladimirovich putin"
    assert roots["vladimir putin"] == "vladimir vladimirovich putin"
    assert "vladimir medinsky" not in roots


def test_shortening_roots_leave_a_shared_surname_alone() -> None:
    roots = shortening_roots(
        ["trump", "donald trump", "melania trump", "vladimir", "vladimir putin", "vladimir medinsky"]
    )
    assert "trump" not in roots
    assert "vladimir" not in roots


def test_shortening_roots_give_a_shared_surname_to_a_dominant_name() -> None:
    keys = ["obama", "barack obama", "malia obama"]
    assert shortening_roots(keys, weights={"barack obama": 9, "malia obama": 1})["obama"] == "barack obama"
    assert "obama" not in shortening_roots(keys, weights={"barack obama": 2, "malia obama": 1})


def test_organisations_fold_only_by_a_trailing_run_of_words() -> None:
    roots = shortening_roots(["red sox", "boston red sox", "house", "white house"], suffix_only=True)
    assert roots == {"red sox": "boston red sox"}


def test_canonical_name_prefers_complete_then_preferred_then_frequent_then_diacritic_forms() -> None:
    assert canonical_name({"Putin": 9, "Vladimir Putin": 1}) == "Vladimir Putin"
    assert canonical_name({"Kiev": 3, "Kyiv": 1}) == "Kyiv"
    assert canonical_name({"US": 4, "U.S.": 2}) == "US"
    assert canonical_name({"Bill Clinton": 3, "William Clinton": 1}) == "Bill Clinton"
    assert canonical_name({"Recep Tayyip Erdogan": 1, "Recep Tayyip Erdoğan": 1}) == ("Recep Tayyip Erdoğan")


def test_slugify_makes_readable_ascii_ids() -> None:
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("U.S.") == "us"
