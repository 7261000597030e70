"""Descriptive speakers ("the Ukrainian leader") folded into the actor the story's roles name."""

from __future__ import annotations

import pytest

from newsprism.compare.actors import described_actor
from newsprism.model import Role, StoryEntity


def person(eid: str, name: str, *roles: str) -> StoryEntity:
    return StoryEntity(eid, name, "PERSON", [name], [Role(r, 0, 0, 0, "b") for r in roles], ["a", "b"])


ACTORS = [
    person("e1", "Olena Marchuk", "Ukrainian President"),
    person("e2", "Petro Sydor", "Ukrainian Prime Minister"),
    person("e3", "Jane Walsh", "U.S. President"),
    person("e4", "Ivan Lobov", "Deputy Foreign Minister"),
    StoryEntity("e5", "Ukraine", "GPE", ["Ukraine"], [], ["a"]),
]


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("the Ukrainian president", "Olena Marchuk"),
        ("The Ukrainian prime minister", "Petro Sydor"),
        ("the US president", "Jane Walsh"),
        ("the U.S. leader", "Jane Walsh"),
        # Two Ukrainians lead: "leader" alone cannot say which.
        ("the Ukrainian leader", None),
        # Nobody in the story is called Russian: the description stays as written.
        ("the Russian leader", None),
        ("the minister", None),
        ("an unnamed US official", None),
    ],
)
def test_a_description_names_the_one_actor_whose_role_fits(speaker: str, expected: str | None) -> None:
    found = described_actor(speaker, ACTORS)
    assert (found.name if found else None) == expected


def test_the_president_is_the_one_person_called_president_and_not_a_vice_president() -> None:
    # Two presidents in ACTORS: a bare "the president" cannot say which.
    assert described_actor("the president", ACTORS) is None
    story = [
        person("p1", "Ana Ruiz", "President"),
        person("p2", "Tom Hale", "Vice President"),
        person("p3", "Lea Park", "former president of the club"),
    ]
    found = described_actor("The president", story)
    assert found is not None and found.name == "Ana Ruiz"
    assert described_actor("the president", story[1:]) is None


def test_any_office_described_names_the_one_person_holding_it() -> None:
    story = [
        person("p1", "Ana Ruiz", "Rep."),
        person("p2", "Tom Hale", "Democratic Senator"),
        person("p3", "Lea Park", "spokesman for the council"),
        person("p4", "Ed Moss", "former senator"),
    ]
    assert (described_actor("The congressman", story) or story[1]).name == "Ana Ruiz"
    assert (described_actor("the Democratic senator", story) or story[0]).name == "Tom Hale"
    assert (described_actor("the senator", story) or story[0]).name == "Tom Hale"  # not the former one
    assert (described_actor("the spokeswoman", story) or story[0]).name == "Lea Park"
    assert described_actor("the Republican senator", story) is None
    assert described_actor("the official", story) is None
