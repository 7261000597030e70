"""The nouns: plain dataclasses whose defaults let a reading be added without breaking old data."""

from __future__ import annotations

from datetime import date

from newsprism.model import Analysis, DateRef, NumberRef, Placement, Role, Sentence


def test_an_analysis_starts_empty_and_its_lists_are_its_own() -> None:
    first, second = Analysis("a", "en"), Analysis("b", "en")
    first.attendance.append(None)  # type: ignore[arg-type]
    assert second.attendance == [] and second.lists == [] and second.places == []


def test_readings_added_later_default_to_not_read() -> None:
    number = NumberRef("12", 12.0, None, None, 0, 0, 2)
    assert (number.standalone, number.outcomes, number.modality) == (None, [], None)
    date_ref = DateRef("Friday", None, "day", "past", 0, 0, 6)
    assert (date_ref.words_before, date_ref.quoted, date_ref.dateline) == ([], False, False)
    assert not Sentence(0, "x", 0, 1).borrowed_values and not Role("aide", 0, 0, 4).leaving


def test_a_placement_is_dated_by_its_publication_else_its_first_written_date() -> None:
    assert Placement("a", "lead", dates=[date(2013, 5, 2)], published=date(2013, 5, 3)).day == date(
        2013, 5, 3
    )
    assert Placement("a", "lead", dates=[date(2013, 5, 2)]).day == date(2013, 5, 2)
    assert Placement("a", "lead").day is None
