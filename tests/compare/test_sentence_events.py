"""Event triples reach the aligner with each outlet's names folded into the story's actors."""

from __future__ import annotations

from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import fold_actors
from newsprism.compare.align import sentence_events
from newsprism.model import Article


def test_one_person_spelled_two_ways_is_one_argument_across_outlets() -> None:
    articles = [
        Article(id="a", text="Police in Izmir detained Mehmet Gökçe on Monday.", source="A"),
        Article(id="b", text="Mehmet Gokce was arrested by police in the port city.", source="B"),
    ]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    triples_a = sentence_events(analyses[0], index)[0]
    triples_b = sentence_events(analyses[1], index)[0]
    shared = triples_a & triples_b
    assert ("arrest", "agent", "police") in shared
    assert ("arrest", "class", "") in shared  # both tell of an arrest
    (person,) = [t for t in shared if t[2].startswith("actor:")]
    assert person[:2] == ("arrest", "theme")


def test_an_entity_without_a_story_actor_stays_specific_to_its_article() -> None:
    (analysis,) = analyze([Article(id="c", text="Rangers signed Tomas Kral on Friday.", source="C")])
    triples = sentence_events(analysis, {})[0]
    assert all(not t[2].startswith("actor:") for t in triples)
    assert any(t[2].endswith("@c") for t in triples)


def test_a_predicate_outside_the_classes_gives_no_class_triple() -> None:
    (analysis,) = analyze([Article(id="d", text="The coastguard towed a yacht to the harbour.", source="D")])
    triples = sentence_events(analysis, {})[0]
    assert ("tow", "agent", "coastguard") in triples
    assert not any(role == "class" for _, role, _ in triples)
