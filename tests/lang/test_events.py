"""Event classes and noun kinds: phrasings of one happening fold into one comparable word."""

from __future__ import annotations

from newsprism.lang.events import EVENT_CLASSES, NOUN_KINDS


def test_predicates_of_one_kind_of_happening_share_a_class() -> None:
    assert EVENT_CLASSES["fail"] == EVENT_CLASSES["collapse"] == "fail"
    assert EVENT_CLASSES["travel"] == "travel"
    assert all(value == value.lower() for value in EVENT_CLASSES.values())


def test_nouns_news_uses_interchangeably_share_a_kind() -> None:
    assert NOUN_KINDS["negotiation"] == NOUN_KINDS["talk"]
