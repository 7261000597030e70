"""An article in a language newsprism has no parser for is split into sentences, never guessed at."""

from __future__ import annotations

import pytest

from newsprism.analyze.pipeline import analyze
from newsprism.codec import analysis_from_dict, analysis_to_dict, validate_analysis
from newsprism.compare.pipeline import compare
from newsprism.lang.nlp import parsed_language
from newsprism.model import Article

SPANISH = (
    "El Kremlin anunció el miércoles que Putin no viajará a Estambul.\n"
    "La delegación rusa estará encabezada por Vladímir Medinski, según un comunicado. "
    "Zelenski dijo que esperaría en Ankara."
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
def test_a_spanish_article_gets_its_sentences_and_nothing_guessed_in_input_order() -> None:
    articles = [
        Article("es-1", SPANISH, language="es"),
        Article("en-1", ENGLISH, language="en"),
        Article("tlh-1", "Qapla'. batlh Daqawlu'taH.", language="tlh"),  # no spaCy language at all
    ]
    es, en, other = analyze(articles)
    assert [a.id for a in (es, en, other)] == ["es-1", "en-1", "tlh-1"]
    assert es.depth == "sentences" and en.depth == "full" and other.depth == "sentences"
    assert [s.text for s in es.sentences] == [
        "El Kremlin anunció el miércoles que Putin no viajará a Estambul.",
        "La delegación rusa estará encabezada por Vladímir Medinski, según un comunicado.",
        "Zelenski dijo que esperaría en Ankara.",
    ]
    for s in es.sentences:
        assert SPANISH[s.start : s.end] == s.text
    # The English readers would have found "names" and "dates" in it: none are claimed.
    assert (es.entities, es.dates, es.numbers, es.quotes, es.citations) == ([], [], [], [], [])
    assert en.entities and en.dates
    data = analysis_to_dict(es)
    validate_analysis(data)
    assert analysis_from_dict(data).depth == "sentences"


@pytest.mark.slow
def test_the_comparison_says_what_was_not_analyzed() -> None:
    comparison = compare([Article("es-1", SPANISH, language="es"), Article("en-1", ENGLISH, language="en")])
    (note,) = comparison.notes
    assert note.startswith("es-1 is in 'es', a language newsprism has no parser for")
    assert "not analyzed" in note
