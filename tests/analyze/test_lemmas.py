"""Word lists looked up by lemma: every inflection meets its lemma, and the lemmatizer's slips
on verbs are caught by stem."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from newsprism.analyze.lemmas import LemmaTable, is_one_of, lemma_set


def token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def test_inflections_and_lemmatizer_slips_meet_the_listed_lemma(nlp: Language) -> None:
    table = LemmaTable({"attend": "attend", "boycott": "attend", "miss": "attend", "retire": "leave"})
    assert table.get(token(nlp, "Putin attended the summit.", "attended")) == "attend"
    assert table.get(token(nlp, "Putin boycotts the summit.", "boycotts")) == "attend"
    assert table.get(token(nlp, "The retired general spoke.", "retired")) == "leave"  # read as an adjective
    assert table.get(token(nlp, "Putin went home.", "went")) is None


def test_a_noun_never_meets_a_verb_by_its_stem(nlp: Language) -> None:
    table = lemma_set(("attend",))
    assert token(nlp, "The attendees left early.", "attendees") not in table


def test_closed_class_words_match_by_lemma_or_as_written(nlp: Language) -> None:
    words = frozenset({"will", "longer", "n't"})
    assert is_one_of(token(nlp, "Putin won't go.", "wo"), words)  # lemma "will"
    assert is_one_of(token(nlp, "Putin will no longer go.", "longer"), words)  # lemma "long"
    assert is_one_of(token(nlp, "Putin isn’t going.", "n’t"), words)  # a typographic apostrophe
    assert not is_one_of(token(nlp, "Putin may go.", "may"), words)
