"""Calendar words, from dates.json; the publication day of an article; the order and extent of
the ISO dates analysis emits (a year, a month, an ISO week, a day, a time).

Month and weekday names are read by the date reader (analyze/dates.py), by story placement
(stories/features.py), by the aligner's time-stamp test, by the figure comparison (a month
is not a count) and by the report's dates; one table serves them all.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.lang.data import mapping, word_list, words
from newsprism.model import Article, DatePrecision

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


def clamped_date(year: int, month: int, day: int) -> date:
    """The date, with the day clamped to the month's length ("31 April", "31 апреля" from a
    sloppy source)."""
    for d in (day, 30, 29, 28):
        try:
            return date(year, month, min(d, day))
        except ValueError:
            continue
    return date(year, month, 1)


def weekday_date(pub: date, weekday: int, direction: str | None, deictic: str | None) -> date:
    """The day a weekday (Monday 0) names, told on `pub`: "last"/"next" (`deictic`) step past the
    publication day itself; otherwise the one before or on it when `direction` is "past", after or
    on it when "future", else the nearer one ("nearest", from a past verb nearby, leans a day
    towards the past). Both date readers, English and light, resolve weekdays so."""
    back = pub - timedelta(days=(pub.weekday() - weekday) % 7)
    ahead = pub + timedelta(days=(weekday - pub.weekday()) % 7)
    if deictic == "last":
        return back if back < pub else back - timedelta(days=7)
    if deictic == "next":
        return ahead if ahead > pub else ahead + timedelta(days=7)
    if direction in ("past", "future"):
        return back if direction == "past" else ahead
    slack = 1 if direction == "nearest" else 0
    return ahead if (ahead - pub).days + slack < (pub - back).days else back


def published_day(article: Article) -> date | None:
    """The calendar day an article was published, or None when unknown or unreadable."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


# Coarser first, so "2022" comes before "March 2022" and a day before a time on that day.
PRECISION_ORDER: dict[DatePrecision, int] = {"year": 0, "month": 1, "week": 2, "day": 3, "time": 4}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?|-W(\d{2}))?$")


def date_sort_key(iso: str) -> tuple[int, int, int, int, int]:
    """(year, month, day, hour, minute) of the start of the period an ISO date names.

    Plain string order fails on ISO weeks ("2025-W20" would sort after "2025-12-01"), so weeks
    become their Monday. Unreadable dates sort last rather than fail.
    """
    match = _ISO.match(iso)
    if match is None:
        return (9999, 99, 99, 99, 99)
    year, month, day, hour, minute, week = match.groups()
    if week is not None:
        try:
            monday = date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            return (int(year), 99, 99, 99, 99)
        return (monday.year, monday.month, monday.day, 0, 0)
    return (int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0))


def date_period(iso: str) -> tuple[date, date] | None:
    """[first day, day after the last) of the period an ISO date names; a clock time is its day."""
    match = _ISO.match(iso)
    if match is None:
        return None
    year, month, day, _, _, week = match.groups()
    try:
        if week:
            start = date.fromisocalendar(int(year), int(week), 1)
            return start, start + timedelta(days=7)
        if day:
            start = date(int(year), int(month), int(day))
            return start, start + timedelta(days=1)
        if month:
            start = date(int(year), int(month), 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following
        return date(int(year), 1, 1), date(int(year) + 1, 1, 1)
    except ValueError:
        return None
