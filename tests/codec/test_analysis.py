"""The analysis form: stored analysis JSON loads back into the same Analysis the pipeline produced."""

from __future__ import annotations

from newsprism.codec import analysis_from_dict, analysis_to_dict
from newsprism.model import (
    Analysis,
    AttendanceRef,
    Citation,
    DateRef,
    Entity,
    EventRef,
    ListRef,
    Mention,
    NumberRef,
    PlaceRef,
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
        dates=[
            DateRef(
                "third day",
                None,
                "day",
                "present",
                0,
                18,
                27,
                words_before=["Port", "strike", "enters"],
                anaphoric=True,
            )
        ],
        numbers=[
            NumberRef(
                "40 ships",
                40.0,
                None,
                "ships",
                1,
                66,
                74,
                qualifier="about",
                standalone=True,
                outcomes=["evacuated"],
                modifiers=["cargo"],
                modality="asserted",
            )
        ],
        citations=[Citation("Reuters", "told Reuters", 1, 52, 64, kind="told")],
        events=[EventRef("strike", "strike", None, ["port"], 0, 5, 11)],
        attendance=[AttendanceRef("e1", "travel", True, "asserted", "will not travel", "to Oslo", 1, 52, 67)],
        lists=[ListRef(["e1", "e2"], [2], True, 1, 43, 60)],
        places=[PlaceRef("e3", "in", ["ships", "wait"], 1, 70, 75)],
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


def test_a_line_written_before_the_readings_loads_and_compares_quietly() -> None:
    """An analysis stored before attendance, lists, places and the figure and date readings
    existed still loads: the references are empty, no figure counts as standalone and no date
    has words around it, so the comparison finds nothing in it rather than something wrong."""
    data = analysis_to_dict(_analysis())
    for key in ("attendance", "lists", "places"):
        del data[key]
    for key in ("standalone", "outcomes", "modifiers", "modality"):
        del data["numbers"][0][key]
    for key in ("words_before", "words_after", "anaphoric", "quoted", "dateline"):
        del data["dates"][0][key]
    for sentence in data["sentences"]:
        del sentence["borrowed_values"]
    del data["entities"][0]["roles"][0]["leaving"]
    loaded = analysis_from_dict(data)
    assert (loaded.attendance, loaded.lists, loaded.places) == ([], [], [])
    assert loaded.numbers[0].standalone is None and loaded.numbers[0].outcomes == []
    assert loaded.dates[0].words_before == [] and not loaded.dates[0].anaphoric
    assert not loaded.sentences[0].borrowed_values and not loaded.entities[0].roles[0].leaving
    assert loaded.numbers[0].value == 40.0 and loaded.dates[0].text == "third day"
