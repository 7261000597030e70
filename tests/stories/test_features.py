"""What places an article in a story: content terms, names, written dates and the lead, read with
plain string work."""

from __future__ import annotations

from datetime import date

from newsprism.model import Analysis, Article, DateRef, Entity, Mention
from newsprism.stories.features import (
    LEAD_WORDS,
    content_terms,
    lead_text,
    placement,
    proper_names,
    sublinear,
    written_dates,
)


def test_content_terms_are_folded_stemmed_and_counted_sublinearly() -> None:
    terms = content_terms("Pirates captured; the pirate was captured by the Navy in Kraków.")
    assert terms["pirat"] == terms["captur"] > 1.0  # each said twice
    assert "krakow" in terms and "the" not in terms and "by" not in terms
    assert sublinear({"a": 1, "b": 10}) == {"a": 1.0, "b": 1.0 + 2.302585092994046}


def test_names_are_capitalised_words_inside_sentences_not_headline_shouting() -> None:
    names = proper_names(
        "Police said Klitschko beat Rahman in Berlin. The fight ended early.\nBOXING NEWS TODAY"
    )
    assert set(names) == {"klitschko", "rahman", "berlin"}  # "Police" and "The" open sentences
    assert "boxing" not in names


def test_written_dates_in_every_common_form_in_order_of_appearance() -> None:
    text = "May 2, 2013 - Officials said on 3 June 2013, then 2013-06-04 and 6/5/2013; not February 30, 2013."
    assert written_dates(text) == [date(2013, 5, 2), date(2013, 6, 3), date(2013, 6, 4), date(2013, 6, 5)]
    assert written_dates("13/6/2013") == [date(2013, 6, 13)]  # no thirteenth month: day first


def test_archive_stamps_with_a_short_year_are_dates() -> None:
    assert written_dates("20-Sep-08 | De aandelenmarkten") == [date(2008, 9, 20)]
    assert written_dates("filed 01-MAR-2008") == [date(2008, 3, 1)]
    assert written_dates("stamped 10-Sept-99") == [date(1999, 9, 10)]  # past 50: last century
    assert written_dates("31-Feb-09 and 12-34-09") == []


def test_the_lead_is_the_title_and_the_first_words() -> None:
    text = " ".join(f"w{i}" for i in range(200))
    lead = lead_text(Article(id="a", text=text, title="Bridge closed"))
    assert lead.startswith("Bridge closed\nw0 w1") and len(lead.split()) == LEAD_WORDS + 2


def test_placement_uses_the_publication_day_and_an_analysis_when_given() -> None:
    article = Article(
        id="a", text="HARBOUR, May 2, 2013 - The crane struck the bridge.", published="2013-05-03"
    )
    plain = placement(article)
    assert (plain.id, plain.published, plain.dates) == ("a", date(2013, 5, 3), [date(2013, 5, 2)])
    assert plain.day == date(2013, 5, 3)
    analysis = Analysis(
        "a",
        "en",
        entities=[Entity("e1", "Ana Ortiz", "PERSON", "ana ortiz", mentions=[Mention("Ortiz", 0, 5, 0)] * 3)],
        dates=[
            DateRef("Monday", "2013-04-29", "day", "past", 0, 0, 6),
            DateRef("next week", "2013-05-06", "day", "future", 0, 0, 9),
        ],
    )
    read = placement(article, analysis)
    assert read.dates == [date(2013, 5, 2), date(2013, 4, 29)]  # a scheduled date places nothing
    assert read.names["ana ortiz"] > 1.0
