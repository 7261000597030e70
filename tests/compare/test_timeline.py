"""Timeline: every resolved date of every outlet, in calendar order, with its sentence."""

from __future__ import annotations

from newsprism.compare.timeline import build_timeline
from newsprism.model import Analysis, DatePrecision, DateRef, Sentence, Tense


def article(
    aid: str, sentences: list[str], dates: list[tuple[int, str, str | None, DatePrecision, Tense]]
) -> Analysis:
    """dates: (sentence, text, iso, precision, tense)."""
    out, offset = [], 0
    for i, text in enumerate(sentences):
        out.append(Sentence(i, text, offset, offset + len(text)))
        offset += len(text) + 1
    refs = []
    for sentence, text, iso, precision, tense in dates:
        start = out[sentence].start + out[sentence].text.index(text)
        refs.append(DateRef(text, iso, precision, tense, sentence, start, start + len(text)))
    return Analysis(id=aid, language="en", sentences=out, dates=refs)


def test_entries_are_in_calendar_order_with_past_and_scheduled_dates() -> None:
    a = article(
        "a",
        ["Talks open on Thursday.", "The last round failed in 2022.", "It was announced on Wednesday."],
        [
            (0, "Thursday", "2025-05-15", "day", "future"),
            (1, "2022", "2022", "year", "past"),
            (2, "Wednesday", "2025-05-14", "day", "past"),
        ],
    )
    b = article(
        "b",
        ["That round ran in March 2022.", "Envoys fly in at 3 p.m. on Friday.", "Talks were set this week."],
        [
            (0, "March 2022", "2022-03", "month", "past"),
            (1, "3 p.m. on Friday", "2025-05-16T15:00", "time", "future"),
            (2, "this week", "2025-W20", "week", "present"),
        ],
    )
    timeline = build_timeline([a, b])
    assert [(e.date, e.precision, e.article, e.sentence) for e in timeline] == [
        ("2022", "year", "a", 1),
        ("2022-03", "month", "b", 0),
        ("2025-W20", "week", "b", 2),
        ("2025-05-14", "day", "a", 2),
        ("2025-05-15", "day", "a", 0),
        ("2025-05-16T15:00", "time", "b", 1),
    ]
    # The expression as written travels (the sentence is one lookup away), with its tense.
    assert [(e.text, e.tense) for e in timeline[:2]] == [("2022", "past"), ("March 2022", "past")]
    assert timeline[4].tense == "future"


def test_unresolved_dates_are_left_out_and_repeats_in_one_sentence_merge() -> None:
    a = article(
        "a",
        ["On Tuesday, May 13, they met.", "They meet again on Friday."],
        [
            (0, "Tuesday", "2025-05-13", "day", "past"),
            (0, "May 13", "2025-05-13", "day", "past"),
            (1, "Friday", None, "day", "future"),
        ],
    )
    b = article("b", ["They met on Tuesday."], [(0, "Tuesday", "2025-05-13", "day", "past")])
    timeline = build_timeline([b, a])
    assert [(e.date, e.article, e.sentence) for e in timeline] == [
        ("2025-05-13", "a", 0),
        ("2025-05-13", "b", 0),
    ]
