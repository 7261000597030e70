"""Calendar words, from dates.json, and the publication day of an article.

Month and weekday names are read by the date reader (analyze/dates.py), by story placement
(stories/features.py), by the aligner's time-stamp test, by the figure comparison (a month
is not a count) and by the report's dates; one table serves them all.
"""

from __future__ import annotations

from datetime import date

from newsprism.lang.data import mapping, word_list, words
from newsprism.model import Article

_FILE = "dates.json"

WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(word_list(_FILE, "weekdays"))}
"""Weekday name -> date.weekday() number (Monday 0)."""
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(word_list(_FILE, "months"))}
"""Month name -> month number (January 1), in calendar order."""
WEEKDAY_ABBREV: dict[str, int] = mapping(_FILE, "weekday_abbreviations")
MONTH_ABBREV: dict[str, int] = mapping(_FILE, "month_abbreviations")
RELATIVE_DAYS: dict[str, int] = mapping(_FILE, "relative_days")
PARTS_OF_DAY = words(_FILE, "parts_of_day")
QUALIFIERS = words(_FILE, "qualifiers")
DEICTICS = words(_FILE, "deictics")
UNITS = words(_FILE, "units")
OTHER_UNITS = words(_FILE, "other_units")
MERIDIEM = words(_FILE, "meridiem")


def published_day(article: Article) -> date | None:
    """The calendar day an article was published, or None when unknown or unreadable."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None
