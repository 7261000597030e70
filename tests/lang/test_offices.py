"""Titles and offices, read the same way by analysis and by the comparison."""

from __future__ import annotations

from newsprism.lang.offices import (
    FORMER_WORDS,
    LEAVING_VERBS,
    LEFT_POST,
    NAME_TITLES,
    POST_WORDS,
    TITLE_SPELLINGS,
    is_title_word,
)


def test_a_post_word_is_not_always_a_title_before_a_name() -> None:
    # "Foreign Ministry" is no outlet, but "Ministry" does not open a person's name.
    assert "ministry" in POST_WORDS and "ministry" not in NAME_TITLES
    assert is_title_word("Sen.") and is_title_word("Mr") and not is_title_word("Ministry")


def test_a_title_holder_who_left_the_post_holds_a_former_one() -> None:
    assert LEFT_POST <= FORMER_WORDS and "former" in FORMER_WORDS


def test_leaving_verbs_are_lemmas_and_one_phrasal_verb() -> None:
    assert {"resign", "fire", "step down"} <= LEAVING_VERBS
    assert not any(word.endswith("ed") for word in LEAVING_VERBS)  # lemmas, not inflections


def test_spellings_of_one_title_meet() -> None:
    assert TITLE_SPELLINGS.get("defence") == "defense"
    assert TITLE_SPELLINGS.get("sen") == "senator"
