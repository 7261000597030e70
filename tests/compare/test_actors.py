"""Story-level actors: entities of several articles folded into one actor each."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyze.entities import extract_entities
from newsprism.analyze.roles import attach_roles
from newsprism.analyze.sentences import SentenceIndex
from newsprism.compare.actors import fold_actors
from newsprism.lang.names import name_key
from newsprism.model import Analysis, Entity, Mention, Role, StoryEntity


def entity(eid: str, name: str, kind: str, mentions: int = 1, roles: tuple[str, ...] = ()) -> Entity:
    return Entity(
        id=eid,
        name=name,
        type=kind,
        key=name_key(name),
        aliases=[name],
        mentions=[Mention(name, 0, len(name), 0) for _ in range(mentions)],
        roles=[Role(role, 0, 0, len(role)) for role in roles],
    )


def article(aid: str, *entities: Entity) -> Analysis:
    return Analysis(id=aid, language="en", entities=list(entities))


def actor(actors: list[StoryEntity], name: str) -> StoryEntity:
    matches = [a for a in actors if a.name == name]
    assert len(matches) == 1, [(a.name, a.aliases) for a in actors]
    return matches[0]


def test_variant_spellings_fold_across_articles() -> None:
    actors, index = fold_actors(
        [article("a", entity("e0", "Kiev", "GPE")), article("b", entity("e0", "Kyiv", "GPE"))]
    )
    assert len(actors) == 1
    kyiv = actors[0]
    assert (kyiv.id, kyiv.name, kyiv.type, kyiv.articles) == ("kyiv", "Kyiv", "GPE", ["a", "b"])
    assert set(kyiv.aliases) == {"Kiev", "Kyiv"}
    assert index == {("a", "e0"): "kyiv", ("b", "e0"): "kyiv"}


def test_a_surname_folds_into_the_unique_full_name_of_another_article() -> None:
    actors, index = fold_actors(
        [
            article("a", entity("e0", "Erdogan", "PERSON", mentions=2)),
            article("b", entity("e0", "Recep Tayyip Erdoğan", "PERSON")),
        ]
    )
    assert [a.name for a in actors] == ["Recep Tayyip Erdoğan"]
    assert actors[0].aliases == ["Recep Tayyip Erdoğan", "Erdogan"]
    assert index[("a", "e0")] == index[("b", "e0")] == "recep-tayyip-erdogan"


def test_a_surname_shared_by_two_people_of_equal_weight_stays_apart() -> None:
    actors, _ = fold_actors(
        [
            article("a", entity("e0", "Liz Cheney", "PERSON", 3), entity("e1", "Cheney", "PERSON", 2)),
            article("b", entity("e0", "Mary Cheney", "PERSON", 3)),
        ]
    )
    assert sorted(a.name for a in actors) == ["Cheney", "Liz Cheney", "Mary Cheney"]


def test_a_surname_does_not_fold_into_a_place() -> None:
    actors, _ = fold_actors(
        [article("a", entity("e0", "Jordan", "GPE")), article("b", entity("e0", "Ali Jordan", "PERSON"))]
    )
    assert sorted((a.name, a.type) for a in actors) == [("Ali Jordan", "PERSON"), ("Jordan", "GPE")]


def test_a_surname_one_outlet_tagged_as_a_place_joins_the_person() -> None:
    actors, _ = fold_actors(
        [article("a", entity("e0", "Dana Hollis", "PERSON", 2)), article("b", entity("e4", "Hollis", "GPE"))]
    )
    assert [(a.name, a.type, a.articles) for a in actors] == [("Dana Hollis", "PERSON", ["a", "b"])]


def test_type_conflicts_go_to_the_majority_of_mentions() -> None:
    actors, _ = fold_actors(
        [
            article("a", entity("e0", "Nordwind", "PERSON")),
            article("b", entity("e3", "Nordwind", "ORG", mentions=3)),
            article("c", entity("e1", "Nordwind", "ORG")),
        ]
    )
    assert [(a.name, a.type, a.articles) for a in actors] == [("Nordwind", "ORG", ["a", "b", "c"])]


def test_roles_keep_their_article_and_get_one_when_missing() -> None:
    first = entity("e0", "Olga Petrova", "PERSON", roles=("finance minister",))
    first.roles[0].article = "a"
    second = entity("e2", "Petrova", "PERSON", roles=("former banker",))
    actors, _ = fold_actors([article("a", first), article("b", second)])
    assert [(r.role, r.article) for r in actor(actors, "Olga Petrova").roles] == [
        ("finance minister", "a"),
        ("former banker", "b"),
    ]
    assert second.roles[0].article == ""  # the input analyses are left as they were


def test_actors_sort_by_articles_then_mentions_with_nationalities_last() -> None:
    actors, _ = fold_actors(
        [
            article(
                "a",
                entity("e0", "Russian", "NORP", 9),
                entity("e1", "Vienna", "GPE", 1),
                entity("e2", "Jan Novak", "PERSON", 5),
            ),
            article("b", entity("e0", "Russian", "NORP", 9), entity("e1", "Vienna", "GPE", 1)),
        ]
    )
    assert [a.name for a in actors] == ["Vienna", "Jan Novak", "Russian"]


def test_ids_are_readable_slugs_made_unique() -> None:
    person = Entity("e1", "Jordan", "PERSON", "michael jordan", ["Jordan"], [Mention("Jordan", 0, 6, 0)])
    actors, index = fold_actors([article("a", entity("e0", "Jordan", "GPE", 2), person)])
    assert [(a.id, a.type) for a in actors] == [("jordan", "GPE"), ("jordan-2", "PERSON")]
    assert index == {("a", "e0"): "jordan", ("a", "e1"): "jordan-2"}


def test_no_analyses_give_no_actors() -> None:
    assert fold_actors([]) == ([], {})


@pytest.fixture(scope="module")
def seed_actors(nlp: Language, seed_paths: list[Path]) -> list[StoryEntity]:
    analyses = []
    for path in seed_paths:
        doc = nlp(path.read_text(encoding="utf-8"))
        sentences = SentenceIndex(doc)
        found = extract_entities(doc, sentences)
        attach_roles(doc, sentences, found)
        analyses.append(Analysis(id=path.stem[:3], language="en", entities=found))
    actors, index = fold_actors(analyses)
    assert set(index) == {(a.id, e.id) for a in analyses for e in a.entities}
    return actors


def matching(actors: list[StoryEntity], word: str) -> list[StoryEntity]:
    return [a for a in actors if any(word in name_key(alias).split() for alias in a.aliases)]


def test_seeds_give_one_erdogan_with_both_spellings(seed_actors: list[StoryEntity]) -> None:
    [erdogan] = matching(seed_actors, "erdogan")
    assert {"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"} <= set(erdogan.aliases)
    assert erdogan.type == "PERSON"
    assert erdogan.articles == ["000", "001"]


def test_seeds_give_one_putin(seed_actors: list[StoryEntity]) -> None:
    [putin] = matching(seed_actors, "putin")
    assert putin.name == "Vladimir Putin"
    assert putin.articles == ["000", "001"]
    assert seed_actors[0] is putin


def test_seeds_give_one_medinsky_with_each_outlets_role(seed_actors: list[StoryEntity]) -> None:
    [medinsky] = matching(seed_actors, "medinsky")
    roles = {(r.article, r.role) for r in medinsky.roles}
    assert any(article == "001" and "presidential aide" in role for article, role in roles)
    assert any(article == "000" and "former culture minister" in role for article, role in roles)


def test_seeds_give_fomin_his_title_in_both_articles(seed_actors: list[StoryEntity]) -> None:
    [fomin] = matching(seed_actors, "fomin")
    assert {(r.article, r.role) for r in fomin.roles} == {
        ("000", "Deputy Defense Minister"),
        ("001", "Deputy Defense Minister"),
    }


def test_seeds_fold_kiev_and_kyiv_into_one_place(seed_actors: list[StoryEntity]) -> None:
    [kyiv] = matching(seed_actors, "kyiv")
    assert kyiv.type == "GPE"
    assert {"Kiev", "Kyiv"} <= set(kyiv.aliases)
    assert kyiv.articles == ["000", "001"]


def test_seeds_trim_the_headline_verb_and_drop_title_fragments(seed_actors: list[StoryEntity]) -> None:
    aliases = {alias for a in seed_actors for alias in a.aliases}
    assert "Putin Skips" not in aliases
    assert not {"Defense", "State"} & aliases
