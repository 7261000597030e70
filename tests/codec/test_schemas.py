"""The published JSON Schemas: valid draft 2020-12, matched by the codec's output, strict on bad data."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from jsonschema import Draft202012Validator

from newsprism.codec import (
    ANALYSIS_VERSION,
    COMPARISON_VERSION,
    analysis_schema,
    analysis_to_dict,
    comparison_schema,
    comparison_to_dict,
    validate_analysis,
    validate_comparison,
)
from newsprism.model import (
    Analysis,
    AttendanceRef,
    Citation,
    ClaimRef,
    DateRef,
    Entity,
    EventDetails,
    EventRef,
    ListRef,
    Mention,
    NumberRef,
    PlaceRef,
    Quote,
    Role,
    Sentence,
)


def test_schemas_are_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(comparison_schema())
    Draft202012Validator.check_schema(analysis_schema())
    assert comparison_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_comparison_json_validates_against_published_schema(comparison) -> None:
    validate_comparison(comparison_to_dict(comparison))


def test_schema_rejects_a_fact_with_an_unknown_status(comparison) -> None:
    data = comparison_to_dict(comparison)
    data["facts"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError) as error:
        validate_comparison(data)
    assert "rumoured" in error.value.message


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d.pop("facts"),
        lambda d: d["articles"][0].pop("sentences"),
        lambda d: d["quotes"][0].update(direct="yes"),
        lambda d: d["timeline"][0].update(precision="decade"),
        lambda d: d["facts"][1]["mentions"][0].update(sentence=-1),
        lambda d: d.update(version="4"),
        lambda d: d["citations"][0].update(kind="rumour"),
        lambda d: d["copies"][0].update(similarity=1.5),
        lambda d: d["facts"][0].update(sources=[""]),
    ],
    ids=[
        "missing-section",
        "missing-sentences",
        "direct-not-bool",
        "bad-precision",
        "negative-index",
        "version",
        "citation-kind",
        "copy-similarity",
        "empty-source",
    ],
)
def test_schema_rejects_broken_comparisons(comparison, break_it) -> None:
    data = comparison_to_dict(comparison)
    break_it(data)
    with pytest.raises(jsonschema.ValidationError):
        validate_comparison(data)


def test_schema_accepts_fields_added_later(comparison) -> None:
    # The contract promises fields may be added; an older schema must not reject newer output.
    data = comparison_to_dict(comparison)
    data["facts"][0]["independent"] = 2
    data["story"] = "s1"
    validate_comparison(data)


def test_comparison_schema_returns_a_copy_callers_may_edit() -> None:
    schema = comparison_schema()
    schema["required"].clear()
    assert "facts" in comparison_schema()["required"]


def test_each_schema_names_the_version_the_codec_writes() -> None:
    assert comparison_schema()["$id"] == f"urn:newsprism:schema:comparison:{COMPARISON_VERSION}"
    assert COMPARISON_VERSION in comparison_schema()["properties"]["version"]["enum"]
    assert analysis_schema()["$id"] == f"urn:newsprism:schema:analysis:{ANALYSIS_VERSION}"


def _hand_made_analysis() -> Analysis:
    text = "Mayor Ana Ortiz said on Tuesday that 3 workers were hurt, Reuters reported."
    return Analysis(
        id="a1",
        language="en",
        sentences=[Sentence(0, text, 0, len(text))],
        entities=[
            Entity(
                "a1-e1",
                "Ana Ortiz",
                "PERSON",
                "ana ortiz",
                ["Ortiz"],
                [Mention("Ana Ortiz", 6, 15, 0)],
                [Role("Mayor", 0, 0, 5, "a1")],
            )
        ],
        quotes=[
            Quote("Ana Ortiz", "a1-e1", "3 workers were hurt", False, 0, 37, 56, cue="said", article="a1")
        ],
        dates=[DateRef("on Tuesday", "2024-03-12", "day", "past", 0, 21, 31)],
        numbers=[NumberRef("3", 3.0, None, "workers", 0, 37, 38)],
        citations=[
            Citation("Reuters", "Reuters reported", 0, 58, 74, "reports"),
            Citation("AP", "AP", None, None, None, "credit"),
        ],
        events=[EventRef("hurt", "injure", None, ["worker"], 0, 52, 56)],
        claims=[ClaimRef(0, 37, 56, "clause")],
        attendance=[AttendanceRef("a1-e1", "attend", True, "hedged", "said", "", 0, 16, 20)],
        lists=[ListRef(["a1-e1", "a1-e1"], [1], False, 0, 6, 15)],
        places=[PlaceRef("a1-e1", "in", ["Mayor"], 0, 6, 15)],
        details=EventDetails("2024-03-12", ["main street"], ["ortiz"], [19]),
    )


def test_analysis_dict_validates_against_analysis_schema() -> None:
    data = analysis_to_dict(_hand_made_analysis())
    assert set(data) == {
        "id",
        "language",
        "sentences",
        "entities",
        "quotes",
        "dates",
        "numbers",
        "citations",
        "events",
        "claims",
        "attendance",
        "lists",
        "places",
        "details",
        "depth",
    }
    validate_analysis(data)
    data["depth"] = "guessed"
    with pytest.raises(jsonschema.ValidationError):
        validate_analysis(data)
    del data["depth"]  # stored before analyses said how deep they went: full
    validate_analysis(data)


def test_analysis_without_events_still_validates() -> None:
    """Analyses written before events were read lack the field; they stay valid."""
    data = analysis_to_dict(_hand_made_analysis())
    del data["events"]
    validate_analysis(data)


def test_analysis_without_the_readings_of_compare_still_validates() -> None:
    """Analyses written before attendance, lists, places and the figure and date readings lack
    those fields; they stay valid."""
    data = analysis_to_dict(_hand_made_analysis())
    for key in ("attendance", "lists", "places"):
        del data[key]
    for key in ("standalone", "outcomes", "modifiers", "modality"):
        del data["numbers"][0][key]
    for key in ("words_before", "words_after", "anaphoric", "quoted", "dateline"):
        del data["dates"][0][key]
    del data["sentences"][0]["borrowed_values"]
    del data["entities"][0]["roles"][0]["leaving"]
    validate_analysis(data)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["attendance"][0].update(modality="rumoured"),
        lambda d: d["attendance"][0].update(lemma="dance"),
        lambda d: d["lists"][0].update(entities=["a1-e1"]),
        lambda d: d["numbers"][0].update(outcomes="dead"),
        lambda d: d["places"][0].pop("preposition"),
    ],
    ids=["modality", "lemma", "one-name-list", "outcomes-not-a-list", "place-without-preposition"],
)
def test_analysis_schema_rejects_broken_readings(break_it) -> None:
    data = analysis_to_dict(_hand_made_analysis())
    break_it(data)
    with pytest.raises(jsonschema.ValidationError):
        validate_analysis(data)


def test_analysis_schema_rejects_an_unknown_citation_kind() -> None:
    data = analysis_to_dict(_hand_made_analysis())
    data["citations"][0]["kind"] = "gossip"
    with pytest.raises(jsonschema.ValidationError):
        validate_analysis(data)


def test_real_pipeline_output_validates_against_analysis_schema(request, seed_paths) -> None:
    pipeline = pytest.importorskip("newsprism.analyze.pipeline", reason="analyzers not all written yet")
    from newsprism.model import Article

    text = seed_paths[0].read_text(encoding="utf-8")
    # Asked for only now, so the spaCy load is skipped along with the test while analyzers are missing.
    nlp = request.getfixturevalue("nlp")
    analysis = pipeline.analyze_one(Article(id="seed", text=text), nlp)
    validate_analysis(copy.deepcopy(analysis_to_dict(analysis)))
