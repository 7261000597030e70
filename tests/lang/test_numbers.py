"""Number words: values written out, scales, currencies, units and the hedges before a figure."""

from __future__ import annotations

from newsprism.lang.numbers import (
    CURRENCY_SYMBOLS,
    MEASURE_UNITS,
    ONE_WORD_HEDGES,
    SCALES,
    TWO_WORD_HEDGES,
    VAGUE_SCALES,
    WORD_VALUES,
)


def test_written_numbers_and_scales_have_their_values() -> None:
    assert WORD_VALUES["twelve"] == 12.0 and SCALES["million"] == 1e6
    assert VAGUE_SCALES["dozens"] == 12 and VAGUE_SCALES["thousands"] == 1000


def test_currencies_units_and_hedges() -> None:
    assert CURRENCY_SYMBOLS["$"] == "USD"
    assert MEASURE_UNITS["km"]
    assert "about" in ONE_WORD_HEDGES and "at least" in TWO_WORD_HEDGES
