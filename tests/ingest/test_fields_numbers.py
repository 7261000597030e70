"""Numeric publication dates: timestamps in range are read; absurd numbers are ignored, not fatal."""

import math

from newsprism.ingest.fields import normalize_published


def test_absurd_numbers_are_not_dates():
    assert normalize_published(1747216800).startswith("2025-05-14")
    for value in (1e20, math.inf, -math.inf, math.nan, 12):
        assert normalize_published(value) is None
