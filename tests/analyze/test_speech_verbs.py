"""The vocabulary and grammar of attribution: which verb frames a quotation, and what of the parse
around a reporting verb is what was reported."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsprism.analyze.speech_verbs import (
    CUE_COMPLEMENTS,
    according_source,
    complement,
    cue_words,
    frame_cue,
    is_according,
    is_aside,
)


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_each_reporting_verb_lists_what_its_content_is() -> None:
    assert {"ccomp", "xcomp", "dobj"} <= CUE_COMPLEMENTS["say"]
    assert "for" in CUE_COMPLEMENTS["call"] and "as" in CUE_COMPLEMENTS["describe"]


def test_the_content_of_said_that_is_its_clause(nlp: Language) -> None:
    doc = nlp("The mayor said that the bridge would reopen on Monday.")
    said = word(doc, "said")
    start, end = complement(said, CUE_COMPLEMENTS["say"])
    assert doc[start:end].text == "that the bridge would reopen on Monday"


def test_the_content_of_called_for_is_the_object_of_for(nlp: Language) -> None:
    doc = nlp("Unions called for new talks with the port authority.")
    start, end = complement(word(doc, "called"), CUE_COMPLEMENTS["call"])
    assert doc[start:end].text == "new talks with the port authority"


def test_a_verb_without_its_listed_complement_reports_nothing(nlp: Language) -> None:
    doc = nlp("The mayor said nothing.")
    assert complement(word(doc, "said"), frozenset({"ccomp"})) is None


def test_according_to_names_its_source(nlp: Language) -> None:
    doc = nlp("Five workers were hurt, according to the fire service.")
    according = word(doc, "according")
    assert is_according(according) and not is_according(word(doc, "hurt"))
    source = according_source(doc, according)
    assert source is not None and source.text == "service"


def test_a_frame_after_a_quotation_is_led_by_its_speech_verb(nlp: Language) -> None:
    doc = nlp('"We will win," the coach said after the game.')
    frame = [t for t in doc if t.i > word(doc, "win").i + 2]
    cue = frame_cue(frame)
    assert cue is not None and cue.text == "said"


def test_an_aside_stands_beside_its_content(nlp: Language) -> None:
    doc = nlp("The deal, she said, is dead.")
    assert is_aside(word(doc, "said"))
    doc = nlp("She said the deal is dead.")
    assert not is_aside(word(doc, "said"))


def test_a_cue_keeps_its_negation_and_the_preposition_opening_its_content(nlp: Language) -> None:
    doc = nlp("The mayor did not mention the bridge.")
    assert cue_words(word(doc, "mention")) == "did not mention"
    doc = nlp("Unions called for new talks.")
    assert cue_words(word(doc, "called"), content_start=word(doc, "new").i) == "called for"
    assert cue_words(word(doc, "called")) == "called"
