"""Numbers: value, unit, what is counted and how sure the outlet is, from the parse."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.numbers import extract_numbers, parse_value
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import NumberRef


def numbers(nlp: Language, text: str) -> list[NumberRef]:
    doc = nlp(text)
    return extract_numbers(doc, SentenceIndex(doc))


def by_text(nlp: Language, text: str) -> dict[str, NumberRef]:
    return {n.text: n for n in numbers(nlp, text)}


def test_counted_noun_is_the_lemma_of_the_noun_the_number_modifies(nlp):
    (ref,) = numbers(nlp, "The navy captured 23 pirates off the coast.")
    assert (ref.text, ref.value, ref.unit, ref.counts) == ("23", 23.0, None, "pirate")


def test_at_least_is_kept_as_qualifier_and_people_as_unit(nlp):
    (ref,) = numbers(nlp, "The storm killed at least 12 people in the region.")
    assert (ref.text, ref.value, ref.counts, ref.qualifier) == ("12", 12.0, "people", "at least")
    assert ref.unit == "people"


def test_money_with_scale_word_and_currency(nlp):
    (ref,) = numbers(nlp, "The club made him a $200 million offer on Monday.")
    assert (ref.text, ref.value, ref.unit, ref.counts) == ("$200 million", 2e8, "USD", "offer")


def test_hyphenated_duration_counts_its_noun(nlp):
    (ref,) = numbers(nlp, "The rebels rejected a 30-day ceasefire.")
    assert (ref.text, ref.value, ref.unit, ref.counts) == ("30-day", 30.0, "day", "ceasefire")


def test_magnitude_is_a_unit(nlp):
    (ref,) = numbers(nlp, "A 5.6 magnitude earthquake shook the island.")
    assert (ref.value, ref.unit, ref.counts) == (5.6, "magnitude", "earthquake")


def test_number_words_and_scales(nlp):
    got = by_text(nlp, "Two dozen protesters and 1.5 million voters joined three unions.")
    assert (got["Two dozen"].value, got["Two dozen"].counts) == (24.0, "protester")
    assert (got["1.5 million"].value, got["1.5 million"].counts) == (1.5e6, "voter")
    assert got["three"].value == 3.0


def test_percentages(nlp):
    got = by_text(nlp, "Prices rose 5% in April and sales fell by about 3 percent.")
    assert (got["5%"].value, got["5%"].unit) == (5.0, "%")
    assert (got["3 percent"].value, got["3 percent"].unit, got["3 percent"].qualifier) == (3.0, "%", "about")


def test_a_level_reached_counts_the_subject(nlp):
    (ref,) = numbers(nlp, "The death toll rose to 40 overnight.")
    assert (ref.value, ref.counts) == (40.0, "toll")


def test_vague_scale_words_keep_the_word_as_qualifier(nlp):
    (ref,) = numbers(nlp, "Thousands of people marched through the city.")
    assert (ref.value, ref.qualifier, ref.counts) == (1000.0, "thousands", "people")


def test_years_names_and_phone_numbers_are_not_quantities(nlp):
    text = "Veterans of World War II met in 2019 and in the 2022 talks; call 555-123-4567 or take Flight 370."
    assert numbers(nlp, text) == []


def test_offsets_point_at_the_number(nlp):
    text = "Rescuers said.\nAbout 300 km away, 15 houses fell."
    doc = nlp(text)
    found = extract_numbers(doc, SentenceIndex(doc))
    assert [(text[n.start : n.end], n.sentence) for n in found] == [("300 km", 1), ("15", 1)]
    assert found[0].unit == "km" and found[0].qualifier == "about"


def test_parse_value_combines_words_and_digits():
    assert parse_value(["two", "hundred", "thousand"]) == 200_000
    assert parse_value(["twenty", "-", "five"]) == 25
    assert parse_value(["1,200"]) == 1200
    assert parse_value(["$", "5bn"]) == 5e9


def test_a_number_spacy_leaves_untagged_keeps_its_scale_words(nlp):
    (found,) = numbers(nlp, "Over a hundred billion dollars was pledged at the summit.")
    assert (found.text, found.value, found.unit, found.qualifier) == (
        "a hundred billion dollars",
        100e9,
        "USD",
        "over",
    )


def test_plus_after_a_number_is_a_lower_bound(nlp):
    (found,) = numbers(nlp, "She returns after three-plus seasons abroad.")
    assert (found.value, found.counts, found.qualifier) == (3, "season", "more than")
    assert all(n.qualifier is None for n in numbers(nlp, "Two plus two is four."))
