"""One event reported independently in English and in Russian: what a reader of both must be told.

The two reports below were written for this test (neither translates the other): the shared facts
must be linked across the languages, the people named in Cyrillic and in Latin letters folded into
one actor, the Russian dates resolved from the Russian words, and what only one report says left
to that report.
"""

from __future__ import annotations

import pytest

from newsprism.compare.pipeline import compare
from newsprism.model import Article, Comparison, Fact

ENGLISH = Article(
    id="en",
    title="Flood forces evacuation of 1,200 residents in Tomsk",
    text=(
        "Floodwaters from the Tom River forced the evacuation of 1,200 residents of Tomsk on Wednesday, "
        "regional governor Vladimir Mazur said.\n"
        "Mazur said that 340 houses were flooded and that two schools had been turned into shelters.\n"
        '"The water is still rising, and we expect the peak on Friday," Mazur told reporters.\n'
        "Rescue teams from Novosibirsk arrived late on Wednesday to help.\n"
        "Shopkeepers complained that the city had not cleared the river ice earlier in March."
    ),
    source="English Daily",
    published="2025-03-13",
    language="en",
)

RUSSIAN = Article(
    id="ru",
    title="В Томске из-за паводка эвакуировали 1200 жителей",
    text=(
        "В среду из-за разлива реки Томь из своих домов были эвакуированы 1200 жителей Томска, "
        "сообщил губернатор области Владимир Мазур.\n"
        "По словам Мазура, подтоплены 340 домов, а две школы превращены в пункты временного размещения.\n"
        "«Вода продолжает прибывать, пик мы ожидаем в пятницу», — заявил Мазур журналистам.\n"
        "Спасатели из Новосибирска прибыли в среду вечером.\n"
        "Синоптики обещают сильное похолодание на следующей неделе."
    ),
    source="Русская газета",
    published="2025-03-13",
    language="ru",
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare([ENGLISH, RUSSIAN])


def _sentence(comparison: Comparison, article: str, phrase: str) -> int:
    analysis = next(a for a in comparison.analyses if a.id == article)
    (hit,) = [s.index for s in analysis.sentences if phrase in s.text]
    return hit


def _facts(comparison: Comparison, article: str, sentence: int) -> list[Fact]:
    return [
        f
        for f in comparison.facts
        if any(m.article == article and m.sentence == sentence for m in f.mentions)
    ]


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("forced the evacuation of 1,200 residents", "эвакуированы 1200 жителей"),
        ("340 houses were flooded", "подтоплены 340 домов"),
        ("The water is still rising", "Вода продолжает прибывать"),
    ],
)
def test_shared_facts_are_linked_across_languages(comparison: Comparison, english: str, russian: str) -> None:
    en = _facts(comparison, "en", _sentence(comparison, "en", english))
    ru = _facts(comparison, "ru", _sentence(comparison, "ru", russian))
    shared = [f for f in en if f in ru]
    assert shared and all(f.status != "single_source" for f in shared)


@pytest.mark.parametrize(
    ("article", "phrase"),
    [("en", "Shopkeepers complained"), ("ru", "Синоптики обещают")],
)
def test_what_one_report_alone_says_stays_its_own(comparison: Comparison, article: str, phrase: str) -> None:
    (fact,) = _facts(comparison, article, _sentence(comparison, article, phrase))
    assert fact.status == "single_source"


def test_cyrillic_and_latin_names_of_one_person_are_one_actor(comparison: Comparison) -> None:
    mazur = [
        e for e in comparison.entities if "en" in e.articles and "ru" in e.articles and "Mazur" in e.name
    ]
    assert len(mazur) == 1
    assert any("Мазур" in alias for alias in mazur[0].aliases)
    # "Томска" is the genitive: the Russian article alone cannot tell, the English "Tomsk" can.
    tomsk = [e for e in comparison.entities if "Томска" in e.aliases]
    assert len(tomsk) == 1 and set(tomsk[0].articles) == {"en", "ru"}


def test_russian_dates_are_resolved_from_the_russian_words(comparison: Comparison) -> None:
    russian = next(a for a in comparison.analyses if a.id == "ru")
    assert russian.depth == "light"
    days = {ref.text.lower(): ref.date for ref in russian.dates}
    wednesday = [d for text, d in days.items() if "сред" in text]
    assert wednesday and set(wednesday) == {"2025-03-12"}
    friday = [d for text, d in days.items() if "пятниц" in text]
    assert friday == ["2025-03-14"]


def test_every_report_marks_the_language_of_each_article(comparison: Comparison) -> None:
    assert {a.id: a.language for a in comparison.analyses} == {"en": "en", "ru": "ru"}


def test_reports_mark_each_outlet_with_its_language(comparison: Comparison) -> None:
    from newsprism.render.markdown import render_markdown

    report = render_markdown(comparison)
    assert "English Daily (en)" in report and "Русская газета (ru)" in report
    one_language = compare([ENGLISH])
    assert "(en)" not in render_markdown(one_language)


def test_a_report_in_another_language_joins_the_story_and_another_event_does_not() -> None:
    from newsprism.stories.cluster import StoryClusterer

    stadium = Article(
        id="ru-stadium",
        title="В Казани открылся новый стадион",
        text=(
            "В субботу в Казани открылся новый футбольный стадион на 45000 зрителей, "
            "сообщил мэр города Ильсур Метшин.\nНа церемонии выступили артисты из Москвы."
        ),
        published="2025-03-15",
        language="ru",
    )
    clusterer = StoryClusterer()
    flood = clusterer.add(ENGLISH)
    assert clusterer.add(RUSSIAN) == flood
    assert clusterer.add(stadium) != flood
    clusterer.refine()
    assert clusterer.story_of("ru") == clusterer.story_of("en") != clusterer.story_of("ru-stadium")
