"""Dates: which day "late Wednesday" or "on Tuesday" means, read off the parse and the publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyze.dates import extract_dates
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import DateRef

WED = date(2025, 5, 14)  # a Wednesday
THU = date(2025, 5, 15)


def dates(nlp: Language, text: str, published: date | None = WED) -> list[DateRef]:
    doc = nlp(text)
    return extract_dates(doc, SentenceIndex(doc), published)


def only(nlp: Language, text: str, published: date | None = WED) -> DateRef:
    found = dates(nlp, text, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize("published", [WED, THU])
def test_late_wednesday_is_the_wednesday_itself_published_that_day_or_the_next(nlp, published):
    ref = only(nlp, "The ministry announced late Wednesday that the envoy had resigned.", published)
    assert (ref.text, ref.date, ref.precision, ref.tense) == ("late Wednesday", "2025-05-14", "day", "past")
    assert ref.part_of_day == "late"


def test_said_on_tuesday_looks_back_to_the_last_tuesday(nlp):
    ref = only(nlp, "The minister said on Tuesday that the border would stay closed.")
    assert (ref.date, ref.tense) == ("2025-05-13", "past")


@pytest.mark.parametrize("published", [WED, THU])
def test_talks_scheduled_for_thursday_look_forward_and_a_thursday_paper_means_that_day(nlp, published):
    ref = only(nlp, "The talks are scheduled for Thursday in Geneva.", published)
    assert (ref.date, ref.tense) == ("2025-05-15", "future")


def test_will_meet_and_is_expected_point_forward(nlp):
    assert only(nlp, "The two leaders will meet on Thursday.").date == "2025-05-15"
    assert only(nlp, "He is expected to land in Oslo Friday.").date == "2025-05-16"


@pytest.mark.parametrize("published", [WED, THU])
def test_early_sunday_in_the_past_is_the_sunday_before(nlp, published):
    ref = only(nlp, "The governor unveiled the budget early Sunday at a press event.", published)
    assert (ref.text, ref.date, ref.part_of_day, ref.tense) == ("early Sunday", "2025-05-11", "early", "past")


def test_announced_trip_on_friday_is_the_coming_friday(nlp):
    ref = only(nlp, "The envoys confirmed their travel to Oslo on Friday for the negotiations.")
    assert ref.date == "2025-05-16"


def test_weekday_evening_keeps_the_part_of_day(nlp):
    ref = only(nlp, "The minister was on his way to the capital on Wednesday evening.")
    assert (ref.date, ref.part_of_day) == ("2025-05-14", "evening")


def test_a_year_alone_is_a_year(nlp):
    ref = only(nlp, "The two presidents have met only once, in 2019.")
    assert (ref.text, ref.date, ref.precision, ref.tense) == ("2019", "2019", "year", "past")


def test_durations_are_not_dates(nlp):
    text = "The rebels proposed a 30-day ceasefire for two weeks after three years of war."
    assert dates(nlp, text) == []


def test_without_publication_date_relative_dates_keep_text_but_no_date(nlp):
    found = dates(nlp, "The mayor said on Tuesday that the bridge reopened in May 2024.", None)
    tuesday, may = found
    assert (tuesday.text, tuesday.date, tuesday.precision, tuesday.tense) == ("Tuesday", None, "day", "past")
    assert (may.date, may.precision) == ("2024-05", "month")


def test_relative_days_weeks_months_and_years(nlp):
    text = (
        "Police arrested the suspects last week and charged them yesterday. "
        "The trial opens tomorrow. Prices fell earlier this month and will rise next month. "
        "Sales doubled last year. The vote was held two weeks ago."
    )
    got = {d.text: (d.date, d.precision) for d in dates(nlp, text)}
    assert got["last week"] == ("2025-W19", "week")
    assert got["yesterday"] == ("2025-05-13", "day")
    assert got["tomorrow"] == ("2025-05-15", "day")
    assert got["earlier this month"] == ("2025-05", "month")
    assert got["next month"] == ("2025-06", "month")
    assert got["last year"] == ("2024", "year")
    assert got["two weeks ago"] == ("2025-W18", "week")


def test_tonight_and_last_night(nlp):
    found = dates(nlp, "He spoke last night and will speak again tonight.")
    got = {d.text: (d.date, d.part_of_day) for d in found}
    assert got == {"last night": ("2025-05-13", "night"), "tonight": ("2025-05-14", "night")}


def test_absolute_forms(nlp):
    text = "The deal was signed on 14 May 2023, ratified on May 20, 2023, and filed on 2023-06-01."
    assert [(d.date, d.precision) for d in dates(nlp, text)] == [
        ("2023-05-14", "day"),
        ("2023-05-20", "day"),
        ("2023-06-01", "day"),
    ]


def test_month_and_day_without_year_take_the_publication_year(nlp):
    assert only(nlp, "The strike began on May 2, union leaders said.").date == "2025-05-02"


def test_past_month_after_publication_falls_in_the_previous_year(nlp):
    ref = only(nlp, "They last met in December, officials said.", date(2025, 1, 10))
    assert (ref.date, ref.precision) == ("2024-12", "month")


def test_future_month_before_publication_falls_in_the_next_year(nlp):
    ref = only(nlp, "The summit will be held in January.", date(2025, 12, 20))
    assert ref.date == "2026-01"


def test_coordinated_months_share_the_written_year(nlp):
    found = dates(nlp, "He led failed negotiations in March and April 2022.")
    assert [(d.text, d.date, d.precision) for d in found] == [
        ("March", "2022-03", "month"),
        ("April 2022", "2022-04", "month"),
    ]


def test_early_year_keeps_its_qualifier(nlp):
    ref = only(nlp, "It was the first direct meeting since early 2022.")
    assert (ref.date, ref.precision, ref.part_of_day) == ("2022", "year", "early")


def test_clock_time_joins_its_day(nlp):
    ref = only(nlp, "Officials said the quake struck at 3 p.m. on Wednesday.")
    assert (ref.date, ref.precision) == ("2025-05-14T15:00", "time")


def test_a_title_named_today_is_not_a_date(nlp):
    found = dates(nlp, "She told the Today show about the plan.")
    assert found == []


def test_offsets_and_sentences_point_at_the_expression(nlp):
    text = "Talks collapsed.\nThe envoy left on Monday."
    doc = nlp(text)
    (ref,) = extract_dates(doc, SentenceIndex(doc), WED)
    assert text[ref.start : ref.end] == ref.text == "Monday"
    assert ref.sentence == 1


def test_seed_001_dates_resolve_against_a_wednesday_publication(nlp):
    path = next((Path(__file__).resolve().parents[2] / "examples").glob("001_*.txt"))
    got = {(d.text, d.date) for d in dates(nlp, path.read_text(encoding="utf-8"))}
    assert {
        ("Thursday", "2025-05-15"),
        ("late Wednesday", "2025-05-14"),
        ("early Sunday", "2025-05-11"),
        ("Friday", "2025-05-16"),
        ("March", "2022-03"),
        ("April 2022", "2022-04"),
        ("early 2022", "2022"),
    } <= got
    assert not any(d.text == "30-day" for d in dates(nlp, path.read_text(encoding="utf-8")))


def test_the_next_day_counts_from_the_day_just_told_not_from_publication(nlp):
    found = dates(nlp, "The mayor spoke on Friday. The next day, she changed course.")
    assert [(d.text, d.date) for d in found] == [("Friday", "2025-05-09"), ("The next day", "2025-05-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left on Monday. Two days later, he returned.", "2025-05-14"),
        ("He left on Monday. The following day, he returned.", "2025-05-13"),
        ("He returned on Monday; he had left the day before.", "2025-05-11"),
        ("Talks open on Thursday. On the same day, the envoys meet.", "2025-05-15"),
    ],
)
def test_days_counted_from_the_narrative(nlp, text, expected):
    assert dates(nlp, text)[-1].date == expected


def test_the_next_day_with_no_day_told_before_is_left_unresolved(nlp):
    assert only(nlp, "The next day, she changed course.").date is None
    # A day told too long before is no anchor either.
    text = "He left on Monday. It rained. The roads flooded. Crews worked hard. The next day, he returned."
    assert dates(nlp, text)[-1].date is None


def test_a_day_and_month_naming_an_event_get_no_year(nlp):
    assert only(nlp, "Critics said the film trivialised the Sept. 11 attacks.").date is None
    assert only(nlp, "The May 14 announcement surprised them.").date == "2025-05-14"
