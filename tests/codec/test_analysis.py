"""The analysis form: stored analysis JSON loads back into the same Analysis the pipeline produced."""

from __future__ import annotations

from newsprism.codec import analysis_from_dict, analysis_to_dict
from newsprism.model import (
    Analysis,
    Citation,
    DateRef,
    Entity,
    EventRef,
    Mention,
    NumberRef,
    Quote,
    Role,
    Sentence,
)


def _analysis() -> Analysis:
    return Analysis(
        id="port-1",
        language="en",
        sentences=[
            Sentence(0, "Port strike enters third day.", 0, 29),
            Sentence(1, "Union leader Ana Ruiz told Reuters 40 ships wait.", 30, 80),
        ],
        entities=[
            Entity(
                id="e1",
                name="Ana Ruiz",
                type="PERSON",
                key="ana ruiz",
                aliases=["Ruiz"],
                mentions=[Mention("Ana Ruiz", 43, 51, 1)],
                roles=[Role("Union leader", 1, 30, 42, article="port-1")],
            )
        ],
        quotes=[Quote("Ana Ruiz", "e1", "40 ships wait", False, 1, 66, 79, cue="told", article="port-1")],
        dates=[DateRef("third day", None, "day", "present", 0, 18, 27, part_of_day=None)],
        numbers=[NumberRef("40 ships", 40.0, None, "ships", 1, 66, 74, qualifier="about")],
        citations=[Citation("Reuters", "told Reuters", 1, 52, 64, kind="told")],
        events=[EventRef("strike", "strike", None, ["port"], 0, 5, 11)],
    )


def test_round_trip_gives_the_same_analysis() -> None:
    analysis = _analysis()
    assert analysis_from_dict(analysis_to_dict(analysis)) == analysis


def test_unknown_keys_are_ignored_and_missing_optional_fields_take_defaults() -> None:
    data = analysis_to_dict(_analysis())
    data["added_by_a_newer_version"] = {"x": 1}
    data["sentences"][0]["confidence"] = 0.9
    del data["quotes"][0]["cue"]
    del data["numbers"][0]["qualifier"]
    loaded = analysis_from_dict(data)
    assert loaded.sentences == _analysis().sentences
    assert loaded.quotes[0].cue is None
    assert loaded.numbers[0].qualifier is None


def test_a_minimal_analysis_loads() -> None:
    assert analysis_from_dict({"id": "bare", "language": "fr"}) == Analysis(id="bare", language="fr")
