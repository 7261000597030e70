"""Number words, from numbers.json: amounts written out, scales, currencies and units.

The number reader (analyze/numbers.py) applies them to the parse; the tables are here so that
what "dozens" or "bn" means is written once, for every stage that reads a figure.
"""

from __future__ import annotations

from newsprism.lang.data import mapping, words

_FILE = "numbers.json"


def _values(table: str) -> dict[str, float]:
    return {word: float(value) for word, value in mapping(_FILE, table).items()}


WORD_VALUES = _values("word_values")
SCALES = _values("scales")
VAGUE_SCALES = _values("vague_scales")
CURRENCY_SYMBOLS: dict[str, str] = mapping(_FILE, "currency_symbols")
CURRENCY_WORDS: dict[str, str] = mapping(_FILE, "currency_words")
MEASURE_UNITS: dict[str, str] = mapping(_FILE, "measure_units")
PEOPLE_NOUNS = words(_FILE, "people_nouns")
TWO_WORD_HEDGES = words(_FILE, "two_word_hedges")
ONE_WORD_HEDGES = words(_FILE, "one_word_hedges")
