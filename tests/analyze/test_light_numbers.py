"""Figures in digits, with the language's decimal comma and thousands marks (light_numbers.py)."""

from __future__ import annotations

import pytest

from newsprism.analyze.light import light_analysis
from newsprism.analyze.light_numbers import parse_figure
from newsprism.model import Article


def figures(text: str, language: str) -> dict[str, float]:
    analysis = light_analysis(Article("a", text, language=language, published="2025-05-16"))
    for n in analysis.numbers:
        assert text[n.start : n.end] == n.text and n.unit is None and n.counts is None
    return {n.text: n.value for n in analysis.numbers}


@pytest.mark.parametrize(
    ("written", "value"), [("1.000", 1000), ("2,5", 2.5), ("1.000,5", 1000.5), ("1\u202f000", 1000)]
)
def test_the_decimal_comma_and_the_thousands_marks(written: str, value: float) -> None:
    assert parse_figure(written) == value


def test_figures_in_each_convention() -> None:
    assert figures("Llegaron 1.000 personas y el 2,5 % votó.", "es") == {"1.000": 1000, "2,5": 2.5}
    assert figures("Погибли 15 000 человек, ранены 1\u00a0200.", "ru") == {
        "15 000": 15000,
        "1\u00a0200": 1200,
    }
    assert figures("Es kamen 3.200 Menschen.", "de") == {"3.200": 3200}


def test_a_scale_word_multiplies_as_in_english() -> None:
    assert figures("Выделено 1,5 млрд рублей и 300 тыс. долларов.", "ru") == {
        "1,5 млрд": 1.5e9,
        "300 тыс": 300_000,
    }
    assert figures("Un gasto de 3 mil millones de euros.", "es") == {"3 mil millones": 3e9}


def test_dates_years_clock_times_ordinals_and_model_names_are_not_figures() -> None:
    text = "14 мая 2025 года в 14:30 Су-27 сбил 25-летний пилот № 7, а 3-й батальон отступил."
    assert figures(text, "ru") == {}
    assert figures("Am 14. Mai um 14.30 Uhr, seit 2022, im Jahr 1.5.", "de") == {}
