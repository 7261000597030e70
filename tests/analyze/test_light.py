"""The light analysis of an article in a language without a parser (analyze/light.py): sentences,
names, dates, figures and quotations read by the language's own words, every offset into the text."""

from __future__ import annotations

import pytest

from newsprism.analyze.light import light_analysis
from newsprism.analyze.pipeline import analyze, unparsed_analysis
from newsprism.codec import analysis_from_dict, analysis_to_dict, validate_analysis
from newsprism.compare.actors import fold_actors
from newsprism.compare.pipeline import unparsed_note
from newsprism.model import Analysis, Article, Entity, Mention

PUBLISHED = "2025-05-16"  # a Friday

RUSSIAN = (
    "Президент России Владимир Путин в среду провел телефонный разговор с канцлером Германии.\n"
    "«Мы готовы продолжить переговоры в Стамбуле», — заявил Песков журналистам.\n"
    "Вчера Путин обсудил ситуацию с министрами. По словам Путина, решение примут позже.\n"
    "Встреча прошла 14 мая 2025 года, а на улицы вышли 1,5 миллиона человек."
)
SPANISH = (
    "El presidente del Gobierno, Pedro Sánchez, se reunió el miércoles con Emmanuel Macron en París.\n"
    "“No aceptaremos ese plan”, dijo Sánchez tras la reunión.\n"
    "Ayer, el Consejo aprobó un gasto de 2,5 millones de euros y 1.000 nuevas plazas.\n"
    "El acuerdo se firmó el 14 de mayo. Por la mañana hubo protestas; mañana se votará."
)
GERMAN = (
    "Bundeskanzler Friedrich Merz hat am Mittwoch mit dem Kreml telefoniert.\n"
    "„Wir erwarten jetzt Taten“, sagte Merz am Abend. "
    "Merz sprach von 1.200 Soldaten und 2,5 Milliarden Euro.\n"
    "Am 14. Mai 2025 hatte Peskow erklärt: „Moskau ist bereit.“ Morgen entscheidet das Kabinett; "
    "heute Morgen tagte es nicht."
)
ITALIAN = (
    "La premier Giorgia Meloni ha incontrato ieri a Roma il presidente ucraino Volodymyr Zelensky.\n"
    "«L'Italia resterà al fianco di Kiev», ha detto Meloni al termine del vertice.\n"
    "Il vertice successivo si terrà giovedì; il 14 maggio erano arrivati 3.200 soldati."
)


def read(text: str, language: str, published: str | None = PUBLISHED) -> Analysis:
    return light_analysis(Article(f"{language}-1", text, language=language, published=published))


def assert_offsets(text: str, analysis: Analysis) -> None:
    for s in analysis.sentences:
        assert text[s.start : s.end] == s.text
    for entity in analysis.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
    for x in [*analysis.dates, *analysis.numbers, *analysis.quotes]:
        assert text[x.start : x.end] == x.text


def dates(analysis: Analysis) -> dict[str, str | None]:
    return {d.text: d.date for d in analysis.dates}


def entity(analysis: Analysis, name: str) -> Entity:
    (found,) = [e for e in analysis.entities if e.name == name]
    return found


def test_a_russian_report_read_lightly() -> None:
    ru = read(RUSSIAN, "ru")
    assert (ru.depth, ru.language, len(ru.sentences)) == ("light", "ru", 5)
    assert dates(ru) == {"среду": "2025-05-14", "Вчера": "2025-05-15", "14 мая 2025 года": "2025-05-14"}
    putin = entity(ru, "Владимир Путин")
    assert sorted(m.text for m in putin.mentions) == ["Владимир Путин", "Путин", "Путина"]
    assert putin.type == "PERSON" and "Vladimir Putin" in putin.aliases
    (quote,) = ru.quotes
    assert (quote.speaker, quote.cue, quote.text) == (
        "Песков",
        "заявил",
        "Мы готовы продолжить переговоры в Стамбуле",
    )
    assert quote.speaker_entity == entity(ru, "Песков").id and quote.direct and quote.article == "ru-1"
    ((number_text, value),) = [(n.text, n.value) for n in ru.numbers]
    assert (number_text, value) == ("1,5 миллиона", 1_500_000)
    assert_offsets(RUSSIAN, ru)


def test_a_russian_surname_folds_with_the_english_full_name() -> None:
    ru = read("Вчера Путин провел совещание. Решение Путина поддержали министры.", "ru")
    (putin,) = ru.entities
    assert (putin.name, putin.key, putin.type) == ("Путин", "putin", "PERSON")
    english = Analysis(
        id="en-1",
        language="en",
        entities=[
            Entity(
                "e0",
                "Vladimir Putin",
                "PERSON",
                "vladimir putin",
                mentions=[Mention("Vladimir Putin", 0, 14, 0)],
            )
        ],
    )
    actors, index = fold_actors([ru, english])
    (actor,) = actors
    assert actor.name == "Vladimir Putin" and actor.articles == ["ru-1", "en-1"]
    assert index[("ru-1", putin.id)] == index[("en-1", "e0")]
    assert "Putin" in actor.aliases and "Путин" in actor.aliases


def test_a_spanish_report_read_lightly() -> None:
    es = read(SPANISH, "es")
    assert dates(es) == {
        "miércoles": "2025-05-14",
        "Ayer": "2025-05-15",
        "14 de mayo": "2025-05-14",
        "mañana": "2025-05-17",
    }
    assert [d.text for d in es.dates].count("mañana") == 1  # "por la mañana" is the morning
    (quote,) = es.quotes
    assert (quote.speaker, quote.cue, quote.text) == ("Pedro Sánchez", "dijo", "No aceptaremos ese plan")
    assert {n.text: n.value for n in es.numbers} == {"2,5 millones": 2_500_000, "1.000": 1000}
    assert entity(es, "Emmanuel Macron").key == "emmanuel macron"
    assert_offsets(SPANISH, es)


def test_german_names_are_only_those_the_text_marks_as_names() -> None:
    de = read(GERMAN, "de")
    assert {e.name for e in de.entities} == {"Merz", "Peskow"}  # not "Kreml", "Taten", "Kabinett"...
    assert len(entity(de, "Merz").mentions) == 3
    assert [(q.speaker, q.cue, q.text) for q in de.quotes] == [
        ("Merz", "sagte", "Wir erwarten jetzt Taten"),
        ("Peskow", "erklärt", "Moskau ist bereit."),
    ]
    assert dates(de) == {
        "Mittwoch": "2025-05-14",
        "14. Mai 2025": "2025-05-14",
        "Morgen": "2025-05-17",
        "heute": "2025-05-16",
    }
    assert {n.text: n.value for n in de.numbers} == {"1.200": 1200, "2,5 Milliarden": 2_500_000_000}
    assert_offsets(GERMAN, de)


def test_an_italian_report_read_lightly() -> None:
    it = read(ITALIAN, "it")
    assert dates(it) == {"ieri": "2025-05-15", "giovedì": "2025-05-22", "14 maggio": "2025-05-14"}
    (quote,) = it.quotes
    assert (quote.speaker, quote.cue) == ("Giorgia Meloni", "ha detto")
    assert entity(it, "Volodymyr Zelensky").key == "volodymyr zelensky"
    assert next(d for d in it.dates if d.text == "giovedì").tense == "future"
    assert_offsets(ITALIAN, it)


def test_relative_dates_keep_their_text_without_a_publication_date() -> None:
    es = read(SPANISH, "es", published=None)
    assert dates(es)["Ayer"] is None and dates(es)["miércoles"] is None
    assert dates(read("Встреча прошла 14 мая 2025 года.", "ru", published=None)) == {
        "14 мая 2025 года": "2025-05-14"
    }


def test_a_light_analysis_round_trips_through_the_schema() -> None:
    data = analysis_to_dict(read(RUSSIAN, "ru"))
    validate_analysis(data)
    back = analysis_from_dict(data)
    assert back.depth == "light" and back.quotes[0].speaker == "Песков"


def test_the_report_note_says_what_was_read_and_what_was_not() -> None:
    note = unparsed_note(read(SPANISH, "es"))
    assert note.startswith("es-1 is in 'es', a language newsprism has no parser for")
    assert "names, dates, figures and direct quotations were read" in note
    assert "roles, events, claims, citations, attendance, lists and places were not analyzed" in note


def test_languages_without_known_words_are_still_only_split_into_sentences() -> None:
    ja = unparsed_analysis(Article("ja-1", "東京で会談が行われた。首相は出席した。", language="ja"), 10_000)
    pl = unparsed_analysis(
        Article("pl-1", "Putin przyjechał w środę. Rozmowy trwały.", language="pl"), 10_000
    )
    assert ja.depth == pl.depth == "sentences" and (pl.entities, pl.dates) == ([], [])
    assert unparsed_analysis(Article("ru-1", RUSSIAN, language="ru"), 10_000).depth == "light"


def test_a_hostile_line_of_marks_and_capitals_is_read_in_one_pass() -> None:
    marks = "«" * 100_000 + "»" * 100_000
    capitals = "«Ааа Ббб» заявил Ввв Ггг Ддд Еее Жжж Ззз " * 5000
    for text in (marks, capitals[:200_000]):
        analysis = read(text, "ru")
        assert analysis.depth == "light" and analysis.sentences
        assert all(len(e.name.split()) <= 5 for e in analysis.entities)
        assert_offsets(text, analysis)


@pytest.mark.slow
def test_the_pipeline_reads_each_language_at_its_depth_in_input_order() -> None:
    articles = [
        Article("ru-1", RUSSIAN, language="ru", published=PUBLISHED),
        Article(
            "en-1", "Putin spoke to reporters on Wednesday in Moscow.", language="en", published=PUBLISHED
        ),
        Article("zh-1", "普京周三在莫斯科发表讲话。", language="zh"),
        Article("es-1", SPANISH, language="es", published=PUBLISHED),
    ]
    analyses = list(analyze(articles))
    assert [(a.id, a.depth) for a in analyses] == [
        ("ru-1", "light"),
        ("en-1", "full"),
        ("zh-1", "sentences"),
        ("es-1", "light"),
    ]
    assert analyses[0].quotes and analyses[3].dates
