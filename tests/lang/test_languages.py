"""The light languages' words (languages.json) load and hold what the readers expect."""

from __future__ import annotations

import pytest

from newsprism.lang.languages import LIGHT_LANGUAGES, language_words, light_language, phrase


def test_the_light_languages_are_the_eight_of_the_issue() -> None:
    assert {"ru", "uk", "es", "it", "nl", "de", "fr", "pt"} == LIGHT_LANGUAGES
    assert light_language("es-MX") and light_language("RU")
    assert not light_language("en") and not light_language("ja") and not light_language(None)


@pytest.mark.parametrize("code", sorted(LIGHT_LANGUAGES))
def test_every_language_has_its_calendar_marks_and_cues(code: str) -> None:
    words = language_words(code)
    assert set(words.weekdays.values()) == set(range(7))
    assert set(words.months.values()) == set(range(1, 13))
    assert {-1, 0, 1} <= set(words.relative_days.values())
    assert words.quote_pairs and words.cues and words.scales
    assert all(w == w.lower() for w in [*words.weekdays, *words.months])


def test_phrases_split_as_the_text_does() -> None:
    assert phrase("aujourd'hui") == ("aujourd", "hui")
    assert phrase("Aujourd’hui") == ("aujourd", "hui")
    assert phrase("п’ятницю") == ("п'ятницю",)
    assert phrase("a-t-il déclaré") == ("a-t-il", "déclaré")


def test_weekdays_with_a_part_of_day_glued_on() -> None:
    assert language_words("de").weekday("mittwochabend") == (2, "evening")
    assert language_words("nl").weekday("woensdagochtend") == (2, "morning")
    assert language_words("de").weekday("mittwochs") is None
    assert language_words("es").calendar_word("hoy") and not language_words("es").calendar_word("sánchez")
