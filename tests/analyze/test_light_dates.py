"""Dates in the language's own words, resolved against the publication day (light_dates.py)."""

from __future__ import annotations

from newsprism.analyze.light import light_analysis
from newsprism.model import Article

FRIDAY = "2025-05-16"


def dated(text: str, language: str, published: str | None = FRIDAY) -> list[tuple[str, str | None, str]]:
    analysis = light_analysis(Article("a", text, language=language, published=published))
    for d in analysis.dates:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.date, d.precision) for d in analysis.dates]


def test_a_weekday_is_the_most_recent_one_unless_a_word_looks_ahead() -> None:
    assert dated("Во вторник прошли переговоры.", "ru") == [("вторник", "2025-05-13", "day")]
    assert dated("Переговоры состоятся во вторник.", "ru") == [("вторник", "2025-05-20", "day")]
    assert dated("В пятницу Путин провел совещание.", "ru") == [("пятницу", FRIDAY, "day")]  # the day itself
    assert dated("El próximo miércoles habrá elecciones.", "es") == [
        ("próximo miércoles", "2025-05-21", "day")
    ]
    assert dated("Mercredi dernier, le sommet a échoué.", "fr") == [("Mercredi dernier", "2025-05-14", "day")]
    assert dated("Lula disse na quarta-feira que vai viajar.", "pt") == [
        ("quarta-feira", "2025-05-14", "day")
    ]


def test_relative_days_and_the_words_they_are_mistaken_for() -> None:
    assert dated("Ayer llovió y mañana saldrá el sol, pero esta mañana nevó.", "es") == [
        ("Ayer", "2025-05-15", "day"),
        ("mañana", "2025-05-17", "day"),
    ]
    assert dated("Gestern kam er, am Morgen ging er, morgen kommt er wieder.", "de") == [
        ("Gestern", "2025-05-15", "day"),
        ("morgen", "2025-05-17", "day"),
    ]
    assert dated("Позавчера и сегодня.", "ru") == [
        ("Позавчера", "2025-05-14", "day"),
        ("сегодня", FRIDAY, "day"),
    ]
    assert dated("Aujourd’hui et avant-hier.", "fr") == [
        ("Aujourd’hui", FRIDAY, "day"),
        ("avant-hier", "2025-05-14", "day"),
    ]


def test_days_months_and_years_with_the_languages_grammar() -> None:
    assert dated("Il 1º maggio 2024 e il 3 giugno.", "it")[1:] == [("3 giugno", "2024-06-03", "day")]
    assert dated("Le 1er mai, puis en mars.", "fr") == [
        ("1er mai", "2025-05-01", "day"),
        ("mars", "2025-03", "month"),
    ]
    assert dated("В мае 2024 года и в 2022 году.", "ru") == [
        ("мае 2024 года", "2024-05", "month"),
        ("2022 году", "2022", "year"),
    ]
    assert dated("Am 14. Mai 2025 und am 03.02.2024.", "de") == [
        ("14. Mai 2025", "2025-05-14", "day"),
        ("03.02.2024", "2024-02-03", "day"),
    ]
    assert dated("15 грудня відбулася зустріч.", "uk") == [
        ("15 грудня", "2024-12-15", "day")
    ]  # the latest past


def test_a_month_alone_is_no_date_and_a_quoted_date_is_marked() -> None:
    assert dated("Mayo es un apellido.", "es") == []
    analysis = light_analysis(
        Article("a", "«Мы начнем завтра», — заявил Песков.", language="ru", published=FRIDAY)
    )
    (tomorrow,) = analysis.dates
    assert tomorrow.quoted and tomorrow.date == "2025-05-17"


def test_a_hyphenated_dateline_with_an_abbreviated_month() -> None:
    assert dated("14-Mei-25\nDe beurs daalde.", "nl") == [("14-Mei-25", "2025-05-14", "day")]
    assert dated("02-Oct-98\nDe beurs daalde.", "nl", published=None) == [("02-Oct-98", "1998-10-02", "day")]
    assert dated("02-Xyz-98 en 40-Mar-08\nDe beurs daalde.", "nl") == []  # no such month, no such day
