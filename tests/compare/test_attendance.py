"""Comparing attendance: plain claims of opposite polarity, and lists of participants that leave
someone out. The references are written by hand, as analysis would emit them."""

from __future__ import annotations

from newsprism.compare.attendance import attendance_conflicts, listed_people, participant_conflicts
from newsprism.compare.story_view import StoryView, build_story_view
from newsprism.model import (
    Analysis,
    AttendanceRef,
    Entity,
    Fact,
    FactMention,
    ListRef,
    Mention,
    Modality,
    Sentence,
    StoryEntity,
)


def article(aid: str, text: str, people: dict[str, str]) -> Analysis:
    """One-sentence analysis naming `people` (entity id -> name) wherever the text does."""
    entities = [
        Entity(
            eid,
            name,
            "PERSON",
            name.lower(),
            mentions=[Mention(name, text.index(name), text.index(name) + len(name), 0)],
        )
        for eid, name in people.items()
        if name in text
    ]
    return Analysis(aid, "en", sentences=[Sentence(0, text, 0, len(text))], entities=entities)


def claim(
    analysis: Analysis,
    entity: str,
    phrase: str,
    negated: bool,
    modality: Modality = "asserted",
    target: str = "",
) -> None:
    start = analysis.sentences[0].text.index(phrase)
    analysis.attendance.append(
        AttendanceRef(entity, "attend", negated, modality, phrase, target, 0, start, start + len(phrase))
    )


def view(facts: list[Fact], *analyses: Analysis) -> StoryView:
    actors = {e.id: StoryEntity(e.id, e.name, e.type, [e.name], [], []) for a in analyses for e in a.entities}
    index = {(a.id, e.id): e.id for a in analyses for e in a.entities}
    return build_story_view(facts, {a.id: a for a in analyses}, list(actors.values()), index)


def test_opposite_plain_claims_about_one_event_conflict() -> None:
    a = article("a", "Donald Trump will attend the talks.", {"trump": "Donald Trump"})
    b = article("b", "Donald Trump will not attend the talks.", {"trump": "Donald Trump"})
    claim(a, "trump", "will attend", False, target="the talks")
    claim(b, "trump", "will not attend", True, target="the talks")
    [found] = attendance_conflicts(view([], a, b))
    assert (found.kind, found.subject, found.fact) == ("attendance", "Donald Trump attending", None)
    assert [(v.value, v.article) for v in found.values] == [("will attend", "a"), ("will not attend", "b")]


def test_hedged_or_irrealis_claims_and_different_events_do_not_conflict() -> None:
    a = article("a", "Donald Trump will attend the talks.", {"trump": "Donald Trump"})
    b = article("b", "Donald Trump could skip the talks.", {"trump": "Donald Trump"})
    claim(a, "trump", "will attend", False, target="the talks")
    claim(b, "trump", "could skip", True, "hedged", target="the talks")
    assert attendance_conflicts(view([], a, b)) == []
    c = article("c", "Donald Trump will not attend the gala.", {"trump": "Donald Trump"})
    claim(c, "trump", "will not attend", True, target="the gala")
    assert attendance_conflicts(view([], a, c)) == []  # another event, and no shared fact
    shared = Fact("f1", "corroborated", [FactMention("a", 0, ""), FactMention("c", 0, "")])
    [found] = attendance_conflicts(view([shared], a, c))
    assert found.fact == "f1"  # one fact: the outlets speak of one event


PEOPLE = {"fomin": "Alexander Fomin", "galuzin": "Mikhail Galuzin", "kostyukov": "Igor Kostyukov"}


def listing(analysis: Analysis, entities: list[str], gaps: list[int], taking_part: bool = True) -> None:
    analysis.lists.append(ListRef(entities, gaps, taking_part, 0, 0, len(analysis.sentences[0].text)))


def test_a_longer_list_naming_someone_the_other_article_never_names_conflicts() -> None:
    a = article("a", "The delegation: Alexander Fomin, Mikhail Galuzin and Igor Kostyukov.", PEOPLE)
    b = article("b", "The delegation: Mikhail Galuzin and Igor Kostyukov.", PEOPLE)
    listing(a, ["fomin", "galuzin", "kostyukov"], [1, 1])
    listing(b, ["galuzin", "kostyukov"], [1])
    fact = Fact("f1", "corroborated", [FactMention("a", 0, ""), FactMention("b", 0, "")])
    [found] = participant_conflicts(fact, [(("a", 0), ("b", 0))], view([fact], a, b))
    assert [v.value for v in found.values] == [
        "Alexander Fomin, Mikhail Galuzin, Igor Kostyukov",
        "Mikhail Galuzin, Igor Kostyukov",
    ]
    b.lists = [ListRef(["galuzin", "kostyukov"], [1], False, 0, 0, 1)]
    assert participant_conflicts(fact, [(("a", 0), ("b", 0))], view([fact], a, b)) == []  # examples


def test_a_list_is_split_where_a_gap_is_too_long_and_counts_an_actor_once() -> None:
    a = article("a", "Alexander Fomin, Mikhail Galuzin and Igor Kostyukov.", PEOPLE)
    a.lists = [ListRef(["fomin", "galuzin", "fomin", "kostyukov"], [1, 9, 1], True, 0, 0, 1)]
    story = view([], a)
    assert listed_people(("a", 0), story, 6) == ["fomin", "galuzin"]
    assert listed_people(("a", 0), story, 9) == ["fomin", "galuzin", "kostyukov"]
