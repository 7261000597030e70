"""The derived report view: what the timeline shows of each dated sentence, and in what order."""

from __future__ import annotations

from newsprism.model import (
    Analysis,
    Article,
    Comparison,
    Fact,
    FactMention,
    Sentence,
    TimelineEntry,
)
from newsprism.render.view import build_report, human_date, window

LONG = (
    "The commission, which met for six hours behind closed doors and heard from eleven witnesses "
    "including two former ministers and the harbour master, finally agreed that the pier had been "
    "unsafe since the storm of 2011, a finding the operator had disputed for more than a decade."
)


def test_a_short_sentence_is_kept_whole_around_its_date() -> None:
    assert window("They met on Tuesday, May 13.", "Tuesday") == ("They met on ", "Tuesday", ", May 13.")


def test_a_long_sentence_is_cut_at_words_so_a_late_date_stays_on_screen() -> None:
    before, expression, after = window(LONG, "2011", width=90)
    assert expression == "2011"
    assert before.startswith("…") and after.endswith("…")
    shown = before + expression + after
    assert len(shown) <= 92
    # No word is cut in half on either side.
    assert before[1:].split(" ")[0] in LONG.split(" ")
    assert after[:-1].split(" ")[-1] in LONG.split(" ")


def test_an_expression_not_found_in_the_sentence_leaves_the_sentence_start() -> None:
    before, expression, after = window(LONG, "in 2011", width=60)
    assert (expression, after) == ("", "")
    assert before.endswith("…") and LONG.startswith(before[:-1])


def _story() -> Comparison:
    a = ["Talks open on Thursday in Geneva.", "The week began badly."]
    b = ["Negotiators meet in Geneva on Thursday.", "Envoys flew in on Monday."]
    articles = [Article(id="a", text=" ".join(a)), Article(id="b", text=" ".join(b))]

    def sentences(texts: list[str]) -> list[Sentence]:
        return [Sentence(i, t, 0, len(t)) for i, t in enumerate(texts)]

    return Comparison(
        articles=articles,
        analyses=[
            Analysis(id="a", language="en", sentences=sentences(a)),
            Analysis(id="b", language="en", sentences=sentences(b)),
        ],
        facts=[
            Fact("f1", "corroborated", [FactMention("a", 0, a[0]), FactMention("b", 0, b[0])]),
            Fact("f2", "single_source", [FactMention("a", 1, a[1])]),
            Fact("f3", "single_source", [FactMention("b", 1, b[1])]),
        ],
        # Deliberately out of order: the view puts the week at its Monday, before the 13th.
        timeline=[
            TimelineEntry("2025-05-15", "day", "Thursday", "b", 0, "future"),
            TimelineEntry("2025-05-15", "day", "Thursday", "a", 0, "future"),
            TimelineEntry("2025-05-13", "day", "Monday", "b", 1, "past"),
            TimelineEntry("2025-W20", "week", "The week", "a", 1, "past"),
        ],
    )


def test_timeline_orders_weeks_by_their_monday_and_merges_one_fact_across_outlets() -> None:
    report = build_report(_story())
    assert [g.date for g in report.timeline] == ["2025-W20", "2025-05-13", "2025-05-15"]
    thursday = report.timeline[-1].entries
    assert len(thursday) == 1
    assert [c.ref.marker for c in thursday[0].cited] == ["[A §0]", "[B §0]"]
    assert thursday[0].scheduled and thursday[0].expression == "Thursday"
    assert not report.timeline[1].entries[0].scheduled


def test_single_source_sentences_on_one_date_stay_apart() -> None:
    story = _story()
    story.timeline = [
        TimelineEntry("2025-05-13", "day", "Monday", "b", 1, "past"),
        TimelineEntry("2025-05-13", "day", "week", "a", 1, "past"),
    ]
    (group,) = build_report(story).timeline
    assert [[c.ref.marker for c in item.cited] for item in group.entries] == [["[A §1]"], ["[B §1]"]]


def test_dates_are_written_for_people_at_their_precision() -> None:
    assert human_date("2024-03-11", "day") == "11 March 2024"
    assert human_date("2022-03", "month") == "March 2022"
    assert human_date("2022", "year") == "2022"
    assert human_date("2025-W20", "week") == "week of 12 May 2025"
    assert human_date("2025-05-16T15:00", "time") == "16 May 2025, 15:00"
    assert human_date("soon", "day") == "soon"
