"""The story's timeline: every dated expression of every outlet, in calendar order.

A reader piecing an event together wants what happened before it (the 2022 round of talks), when
it was announced (late Wednesday) and what is scheduled (Thursday) on one axis, each point
traced to the sentence that gives it. Dates the analysis could not anchor to a calendar day are
left out: "Thursday" without a publication date has no place on an axis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from newsprism.model import Analysis, DatePrecision, TimelineEntry

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


def build_timeline(analyses: Sequence[Analysis]) -> list[TimelineEntry]:
    """One entry per resolved date, past and scheduled alike, sorted by (date, precision,
    article, sentence); a sentence naming one date twice gives one entry, its first wording.

    The entry keeps the expression as written, not the whole sentence: the sentence is one
    lookup away through (article, sentence), and the expression is what tells a reader which
    words of it the date was read from ("in 2022" in a sentence that is mostly about today).
    """
    seen: set[tuple[str, str, int]] = set()
    entries: list[TimelineEntry] = []
    for analysis in analyses:
        for ref in analysis.dates:
            if ref.date is None:
                continue
            mark = (ref.date, analysis.id, ref.sentence)
            if mark in seen:
                continue
            seen.add(mark)
            entries.append(
                TimelineEntry(
                    date=ref.date,
                    precision=ref.precision,
                    text=ref.text,
                    article=analysis.id,
                    sentence=ref.sentence,
                    tense=ref.tense,
                )
            )
    entries.sort(
        key=lambda e: (date_sort_key(e.date), PRECISION_ORDER.get(e.precision, 9), e.article, e.sentence)
    )
    return entries
