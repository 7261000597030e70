"""An article in a language newsprism has no parser for, and whose words it does not know, is split
into sentences, never guessed at (the languages it knows are read lightly: test_light.py)."""

from __future__ import annotations

import pytest

from newsprism.analyze.pipeline import analyze
from newsprism.codec import analysis_from_dict, analysis_to_dict, validate_analysis
from newsprism.compare.pipeline import compare
from newsprism.lang.nlp import parsed_language
from newsprism.model import Article

POLISH = (
    "Kreml ogłosił w środę, że Putin nie pojedzie do Stambułu.\n"
    "Rosyjską delegacją pokieruje Władimir Miedinski, według komunikatu. "
    "Zełenski powiedział, że poczeka w Ankarze."
)
ENGLISH = (
    "The Kremlin announced on Wednesday that Putin will not travel to Istanbul. "
    "The Russian delegation will be led by Vladimir Medinsky, a statement said."
)


@pytest.mark.parametrize(
    ("language", "parsed"), [(None, True), ("en", True), ("en-GB", True), ("es", False), ("ru", False)]
)
def test_only_english_is_parsed(language: str | None, parsed: bool) -> None:
    assert parsed_language(language) is parsed


@pytest.mark.slow
def test_a_polish_article_gets_its_sentences_and_nothing_guessed_in_input_order() -> None:
    articles = [
        Article("pl-1", POLISH, language="pl"),
        Article("en-1", ENGLISH, language="en"),
        Article("tlh-1", "Qapla'. batlh Daqawlu'taH.", language="tlh"),  # no spaCy language at all
    ]
    pl, en, other = analyze(articles)
    assert [a.id for a in (pl, en, other)] == ["pl-1", "en-1", "tlh-1"]
    assert pl.depth == "sentences" and en.depth == "full" and other.depth == "sentences"
    assert [s.text for s in pl.sentences] == [
        "Kreml ogłosił w środę, że Putin nie pojedzie do Stambułu.",
        "Rosyjską delegacją pokieruje Władimir Miedinski, według komunikatu.",
        "Zełenski powiedział, że poczeka w Ankarze.",
    ]
    for s in pl.sentences:
        assert POLISH[s.start : s.end] == s.text
    # The English readers would have found "names" and "dates" in it: none are claimed.
    assert (pl.entities, pl.dates, pl.numbers, pl.quotes, pl.citations) == ([], [], [], [], [])
    assert en.entities and en.dates
    data = analysis_to_dict(pl)
    validate_analysis(data)
    assert analysis_from_dict(data).depth == "sentences"


@pytest.mark.slow
def test_the_comparison_says_what_was_not_analyzed() -> None:
    comparison = compare([Article("pl-1", POLISH, language="pl"), Article("en-1", ENGLISH, language="en")])
    (note,) = comparison.notes
    assert note.startswith("pl-1 is in 'pl', a language newsprism has no parser for")
    assert "split into sentences" in note and "not analyzed" in note
