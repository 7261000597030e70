"""The story's timeline: every dated expression of every outlet, in calendar order.

A reader piecing an event together wants what happened before it (the 2022 round of talks), when
it was announced (late Wednesday) and what is scheduled (Thursday) on one axis, each point
traced to the sentence that gives it. Dates the analysis could not anchor to a calendar day are
left out: "Thursday" without a publication date has no place on an axis.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.lang.dates import PRECISION_ORDER, date_sort_key
from newsprism.model import Analysis, TimelineEntry


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
