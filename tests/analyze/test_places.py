"""Places a sentence puts something in: a place after a preposition of place, with what happened."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.pipeline import analyze_doc
from newsprism.model import Article


def places(nlp: Language, text: str) -> list[tuple[str, str, list[str]]]:
    analysis = analyze_doc(nlp(text), Article(id="t", text=text))
    names = {e.id: e.name for e in analysis.entities}
    return [(names[p.entity], p.preposition, p.words_before) for p in analysis.places]


def test_a_place_after_a_locative_keeps_the_words_before_it(nlp: Language) -> None:
    assert places(nlp, "The plane came down near Nairobi.") == [
        ("Nairobi", "near", ["The", "plane", "came", "down"])
    ]
    assert places(nlp, "Talks open in Istanbul on Friday.") == [("Istanbul", "in", ["Talks", "open"])]


def test_a_place_that_qualifies_a_noun_or_follows_no_locative_places_nothing(nlp: Language) -> None:
    assert places(nlp, "The photo was sent to a Seattle woman.") == []
    assert places(nlp, "Nairobi said the plane came down.") == []
