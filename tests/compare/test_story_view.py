"""The story's lookups every discrepancy rule shares, and the one test of what a conflict is."""

from __future__ import annotations

from newsprism.compare.story_view import build_story_view, collect, compare_pairs, mutual_conflicts
from newsprism.model import (
    Analysis,
    AttendanceRef,
    DateRef,
    DiscrepancyValue,
    Entity,
    Fact,
    FactMention,
    Mention,
    PlaceRef,
    Sentence,
    StoryEntity,
)

TEXT = "Talks open in Istanbul on Friday, and Erdogan will attend."


def analysis() -> Analysis:
    return Analysis(
        "a",
        "en",
        sentences=[Sentence(0, TEXT, 0, len(TEXT))],
        entities=[
            Entity("e1", "Istanbul", "GPE", "istanbul", mentions=[Mention("Istanbul", 14, 22, 0)]),
            Entity("e2", "Erdogan", "PERSON", "erdogan", mentions=[Mention("Erdogan", 38, 45, 0)]),
            Entity("e3", "Ankara", "GPE", "ankara"),
        ],
        dates=[DateRef("Friday", "2025-05-16", "day", "future", 0, 26, 32)],
        attendance=[AttendanceRef("e2", "attend", False, "asserted", "will attend", "", 0, 46, 57)],
        places=[PlaceRef("e1", "in", ["Talks", "open"], 0, 14, 22)],
    )


def test_the_view_indexes_values_by_sentence_and_entities_by_story_actor() -> None:
    a = analysis()
    fact = Fact("f1", "single_source", [FactMention("a", 0, TEXT)])
    actors = [StoryEntity("recep-erdogan", "Recep Tayyip Erdoğan", "PERSON", [], [], ["a"])]
    story = build_story_view([fact], {"a": a}, actors, {("a", "e2"): "recep-erdogan"})
    where = ("a", 0)
    assert story.actor("a", "e2") == "recep-erdogan"
    assert story.actor("a", "e1") == "key:istanbul"  # no folded actor: met by its name key
    assert story.type_of[("a", "e1")] == "GPE"
    assert [r.text for r in story.attendance[where]] == ["will attend"]
    assert [p.preposition for p in story.places[where]] == ["in"]
    assert story.facts_of[where] == ["f1"]
    assert "friday" not in story.stems(where) and "talk" in story.stems(where)  # dates cut out
    assert story.names_person("a", "Recep Erdogan") and not story.names_person("a", "Ali Babacan")
    assert story.value("will attend", where) == DiscrepancyValue("will attend", "a", 0, TEXT)


def test_a_conflict_needs_an_unmatched_value_on_both_sides() -> None:
    def same_kind(x: int, y: int) -> bool:
        return x // 100 == y // 100

    def equal(x: int, y: int) -> bool:
        return x == y

    a, b = ("a", 0), ("b", 0)
    # "rose from 112 to 115" against "115": the other side's value is matched, no conflict.
    assert mutual_conflicts([(a, 112), (a, 115)], [(b, 115)], same_kind, equal) == []
    assert mutual_conflicts([(a, 112)], [(b, 115), (b, 250)], same_kind, equal) == [((a, 112), (b, 115))]
    found = compare_pairs([(a, b)], lambda w: [112] if w == a else [115], same_kind, equal)
    assert found == [((a, 112), (b, 115))]
    doubtful = compare_pairs(
        [(a, b)], lambda w: [112] if w == a else [115], same_kind, equal, lambda *_: True
    )
    assert doubtful == []


def test_collect_makes_one_discrepancy_per_subject_with_each_value_once() -> None:
    v1, v2 = DiscrepancyValue("12", "a", 0, "x"), DiscrepancyValue("15", "b", 0, "y")
    [found] = collect("number", "f1", [("people", v1, v2), ("people", v1, v2)])
    assert (found.subject, found.fact, found.values) == ("people", "f1", [v1, v2])
