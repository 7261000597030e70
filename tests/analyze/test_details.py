"""The details reader: where, when, who and how old, read off plain text."""

from __future__ import annotations

from datetime import date

from newsprism.analyze.details import read_details, read_event_day
from newsprism.analyze.outlet_text import reported_text, title_without_outlet


def test_streets_venues_people_and_ages_are_read():
    details = read_details(
        "Four teens shot at Rocky Mount basketball court - WRAL.com",
        "Four teens were shot on the court behind Word Tabernacle Church on Edwards St. on Monday, "
        "police said. The victim was identified as Jordan Lee, 17. A 12-year-old was hurt.",
        date(2014, 3, 18),
    )
    assert "edwards street" in details.places
    assert "word tabernacle church" in details.places
    assert details.people == ["lee"]
    assert details.ages == [17, 12]
    assert details.day == "2014-03-17"


def test_the_event_day_is_read_against_the_publication_day():
    published = date(2023, 6, 7)  # a Wednesday
    assert read_event_day("A man was shot late Monday night.", published) == date(2023, 6, 5)
    assert read_event_day("Police said the shooting happened yesterday.", published) == date(2023, 6, 6)
    assert read_event_day("The Jan. 5 shooting left two dead.", published) == date(2023, 1, 5)
    assert read_event_day("Shooting on Dec. 30 left one dead.", published) == date(2022, 12, 30)
    assert read_event_day("Nothing says when.", published) is None


def test_outlet_furniture_is_left_out():
    assert title_without_outlet("Teen shot on Crump Road - WMC Action News 5 - Memphis, Tennessee") == (
        "Teen shot on Crump Road"
    )
    assert title_without_outlet("Police: man shot - suspect sought") == "Police: man shot - suspect sought"
    text = "A man was shot.\nCopyright 2017 WMC Action News 5. All rights reserved.\nPolice are searching."
    assert reported_text(text) == "A man was shot.\nPolice are searching."


def test_companies_institutions_and_headline_words_are_not_people():
    details = read_details(
        "Man Charged With Murder After Party Shooting",
        "Police said Harbour Freight Ltd was fined last year. Staff were offered help by the Victim "
        "Services Unit. The victim was identified as Carla Nunez, 41. Traffic to Saudi Arabia, 52 percent "
        "of it, was cut, and browsers such as Google Chrome lost users.",
        date(2024, 3, 2),
    )
    assert details.people == ["nunez"]


def test_a_number_that_goes_on_is_no_age():
    details = read_details(
        "Relief effort grows",
        "According to the Evening Observer, 1,250 families were moved. The Daily Ledger, 3.5 million "
        "dollars later, reported the same. Jane Roe, 19, was hurt.",
        date(2024, 3, 2),
    )
    assert details.people == ["roe"]
    assert details.ages == [19]
