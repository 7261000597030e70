"""Roles read as offices: one post worded two ways, or two posts one person cannot hold at once."""

from __future__ import annotations

from newsprism.compare.offices import parse_role, roles_conflict, story_name_words
from newsprism.model import Analysis, Entity, Mention


def test_parse_role_reads_head_specifics_rank_and_former() -> None:
    parts = parse_role("Russia's former Deputy Defence Minister")
    assert parts is not None
    assert (parts.head, set(parts.specifics), set(parts.ranks), parts.former) == (
        "minister",
        {"defense"},
        {"deputy"},
        True,
    )
    assert parse_role("36-year-old") is None
    head_of = parse_role("the head of Russia's military intelligence (GRU)")
    assert head_of is not None and head_of.head == "head"
    assert head_of.specifics == {"military", "intelligence"}


def test_roles_conflict_only_on_one_head() -> None:
    def clash(x: str, y: str, names: frozenset[str] = frozenset()) -> bool:
        a, b = parse_role(x, names), parse_role(y, names)
        assert a is not None and b is not None
        return roles_conflict(a, b)

    assert clash("Deputy Foreign Minister", "Deputy Defense Minister")
    assert clash("Secretary of State", "Defense Secretary")
    assert clash("Vice President", "President")
    assert not clash("presidential aide", "former culture minister")
    assert not clash("presidential aide", "senior aide")
    # The story's organisation names say where an office sits, not which office it is.
    assert not clash("Kremlin spokesman", "presidential spokesperson", frozenset({"kremlin"}))
    assert clash("Kremlin spokesman", "presidential spokesperson")
    # Two organisations named: two posts, one past and one present, both true.
    teams = frozenset({"boston", "celtics", "sixers"})
    assert not clash("former head coach of the Boston Celtics", "Sixers coach", teams)
    assert clash("former head coach", "head coach")
    # What follows a comma is another label, not part of this one.
    assert not clash("chairman of the board, the team's owner", "chairman")


def test_descriptive_words_possessors_spellings_and_story_names_do_not_define_an_office() -> None:
    a = parse_role("longtime U.S. Defence Secretary", frozenset({"us"}))
    b = parse_role("America's defense secretary")
    assert a is not None and b is not None
    assert (a.head, a.specifics) == (b.head, b.specifics) == ("secretary", frozenset({"defense"}))
    assert not roles_conflict(a, b)
    # Without the story's names, the country reads as part of the office.
    unnamed = parse_role("longtime U.S. Defence Secretary")
    assert unnamed is not None and unnamed.specifics == {"us", "defense"}


def test_who_someone_is_is_no_office() -> None:
    assert parse_role("a 54-year-old Ottawa man") is None
    assert parse_role("59 - year - old") is None


def test_the_story_name_words_are_those_of_its_places_and_organisations() -> None:
    analysis = Analysis(
        id="a",
        language="en",
        entities=[
            Entity("e1", "U.S. Senate", "ORG", "us senate", ["Senate"], [Mention("the Senate", 0, 10, 0)]),
            Entity("e2", "Mitch McConnell", "PERSON", "mitch mcconnell"),
            Entity("e3", "Kraków", "GPE", "krakow"),
        ],
    )
    assert story_name_words([analysis]) == {"us", "senate", "the", "krakow"}
