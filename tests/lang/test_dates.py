"""Calendar words and the publication day every stage reads an article's date by."""

from __future__ import annotations

from datetime import date

from newsprism.lang.dates import MONTH_ABBREV, MONTHS, WEEKDAY_ABBREV, WEEKDAYS, date_sort_key, published_day
from newsprism.model import Article


def test_months_and_weekdays_number_as_the_calendar_does() -> None:
    assert MONTHS["january"] == 1 and MONTHS["december"] == 12
    assert len(MONTHS) == 12 and list(MONTHS.values()) == list(range(1, 13))
    assert WEEKDAYS["monday"] == date(2025, 5, 12).weekday()
    assert MONTH_ABBREV["sept"] == 9 and "may" not in MONTH_ABBREV
    assert WEEKDAY_ABBREV["thurs"] == WEEKDAYS["thursday"]


def test_published_day_reads_the_date_part_and_gives_up_quietly() -> None:
    assert published_day(Article(id="a", text="x", published="2025-05-14T09:30:00Z")) == date(2025, 5, 14)
    assert published_day(Article(id="b", text="x", published=None)) is None
    assert published_day(Article(id="c", text="x", published="last Tuesday")) is None


def test_date_sort_key_puts_weeks_at_their_monday_and_unreadable_dates_last() -> None:
    assert date_sort_key("2025-W20") == (2025, 5, 12, 0, 0)
    assert date_sort_key("2025-12-01") > date_sort_key("2025-W20")
    assert date_sort_key("soon") > date_sort_key("2999")
