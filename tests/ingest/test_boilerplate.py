"""Promo and credit lines leave the text; credited outlets are kept; body sentences are untouched."""

from __future__ import annotations

import pytest

from newsprism.ingest.boilerplate import credit_outlets, is_promo_line, strip_boilerplate

BODY = "The council approved the budget on Monday.\nThe mayor said the vote was a relief."


@pytest.mark.parametrize(
    "line",
    [
        "Bonus video:",
        "Read more: Council approves budget after long night",
        "Related: Mayor faces questions over spending",
        "Watch: The moment the vote was announced",
        "Share this article",
        "Share on Facebook | Tweet | Email",
        "Sign up for our newsletter to get the latest updates",
        "Advertisement",
        "Follow us on Twitter",
        "Click here to subscribe",
        "Story continues below advertisement",
    ],
)
def test_promo_lines_are_recognised(line: str) -> None:
    assert is_promo_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Readers of the newsletter were told to sign up by Friday.",
        "Subscribers to the service rose sharply last year, the company said.",
        "Video footage showed the crowd outside the council building.",
        "Watch-list countries were named in the report.",
        "Related talks are expected to begin next week.",
        "He urged people to follow the rules on Twitter and elsewhere.",
    ],
)
def test_sentences_that_merely_mention_promo_words_are_kept(line: str) -> None:
    assert not is_promo_line(line)


@pytest.mark.parametrize(
    ("line", "outlets"),
    [
        ("Reporting contributed by Reuters.", ["Reuters"]),
        ("(Reporting by Jane Doe; Editing by John Roe)", []),
        ("With AFP.", ["AFP"]),
        ("— Associated Press", ["Associated Press"]),
        ("Additional reporting by Reuters and AFP", ["Reuters", "AFP"]),
        ("The Associated Press contributed to this report.", ["Associated Press"]),
        ("Reporting by Jane Doe for the Daily Courier", ["Daily Courier"]),
        ("© 2025 Reuters. All rights reserved.", ["Reuters"]),
        ("Source: Reuters, dpa", ["Reuters", "dpa"]),
        ("AFP/Reuters", ["AFP", "Reuters"]),
        ("With agencies", []),
        ("Reporting contributed by Kommersant.", ["Kommersant"]),
    ],
)
def test_credit_lines_yield_their_outlets(line: str, outlets: list[str]) -> None:
    assert credit_outlets(line) == outlets


@pytest.mark.parametrize(
    "line",
    [
        "The mayor thanked everyone who contributed.",
        "With Reuters' help, they found the source.",
        "Reported by state media, the blast damaged three buildings.",
        "- the budget passed",
        "-Jane Doe, Springfield.",  # a reader's signature: no outlet, so not a credit line
    ],
)
def test_body_lines_are_not_credit_lines(line: str) -> None:
    assert credit_outlets(line) is None


def test_trailing_credit_and_promo_lines_are_removed_and_credited() -> None:
    text = f"{BODY}\n\nReporting contributed by Reuters.\n\nBonus video:\n"
    cleaned = strip_boilerplate(text)
    assert cleaned.text == BODY
    assert cleaned.credits == ["Reuters"]


def test_credit_parenthesis_at_the_end_of_the_last_paragraph_is_cut() -> None:
    text = f"{BODY} (Reporting by Jane Doe in Lisbon for Reuters; Editing by John Roe)"
    cleaned = strip_boilerplate(text)
    assert cleaned.text == BODY
    assert cleaned.credits == ["Reuters"]


def test_credit_like_line_inside_the_body_is_kept() -> None:
    text = f"With AFP.\n{BODY}"
    assert strip_boilerplate(text).text == text


def test_standalone_promo_lines_are_dropped_anywhere() -> None:
    first, second = BODY.split("\n")
    cleaned = strip_boilerplate(f"{first}\nAdvertisement\n\nRead more: Other story\n{second}")
    assert cleaned.text == f"{first}\n\n{second}"


def test_tail_only_mode_keeps_every_offset_of_the_remaining_text() -> None:
    text = f"{BODY.replace(chr(10), chr(10) + 'Advertisement' + chr(10))}\nWith AFP."
    cleaned = strip_boilerplate(text, anywhere=False)
    assert text.startswith(cleaned.text)
    assert "Advertisement" in cleaned.text
    assert cleaned.credits == ["AFP"]


def test_text_of_only_boilerplate_becomes_empty() -> None:
    assert strip_boilerplate("Advertisement\nShare this article\n").text == ""
