"""Attendance claims: who is said to take part or to stay away, read by lemma off the parse."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.pipeline import analyze_doc
from newsprism.model import Article


def claims(nlp: Language, text: str) -> list[tuple[str, str, bool, str, str, str]]:
    """(who, lemma, negated, modality, phrase, target) of each claim of `text`, in reading order."""
    analysis = analyze_doc(nlp(text), Article(id="t", text=text))
    names = {e.id: e.name for e in analysis.entities}
    return [(names[c.entity], c.lemma, c.negated, c.modality, c.text, c.target) for c in analysis.attendance]


def test_a_plain_claim_and_its_denial_read_with_the_verb_phrase_and_its_target(nlp: Language) -> None:
    assert claims(nlp, "Vladimir Putin will not travel to Istanbul.") == [
        ("Vladimir Putin", "travel", True, "asserted", "will not travel", "to Istanbul")
    ]
    assert claims(nlp, "Emmanuel Macron attended the summit in Ankara.") == [
        ("Emmanuel Macron", "attend", False, "asserted", "attended", "the summit in Ankara")
    ]


def test_every_inflection_reads_as_its_lemma(nlp: Language) -> None:
    for verb in ("attends", "attended", "is attending", "joined", "participated in"):
        found = claims(nlp, f"Emmanuel Macron {verb} the talks.")
        assert [(c[1], c[2]) for c in found] == [("attend", False)], verb
    for verb in ("travelled", "traveled", "went", "is coming", "visited"):
        found = claims(nlp, f"Emmanuel Macron {verb} to Berlin on Monday.")
        assert [(c[1], c[2]) for c in found] == [("travel", False)], verb


def test_staying_away_and_declining_are_negated_attendance(nlp: Language) -> None:
    assert [c[1:5] for c in claims(nlp, "Joe Biden skipped the summit.")] == [
        ("attend", True, "asserted", "skipped")
    ]
    assert [c[1:5] for c in claims(nlp, "Joe Biden declined to attend the summit.")] == [
        ("attend", True, "asserted", "declined to attend")
    ]
    # Two negations cancel: "did not skip" is going.
    assert [c[1:3] for c in claims(nlp, "Joe Biden did not skip the summit.")] == [("attend", False)]


def test_contracted_and_fused_negations_deny_rather_than_hedge(nlp: Language) -> None:
    for text in (
        "Angela Merkel won't attend.",
        "Angela Merkel can't attend.",
        "Angela Merkel cannot attend.",
    ):
        assert [c[2:4] for c in claims(nlp, text)] == [(True, "asserted")], text


def test_particle_verbs_and_going_to_read_on_to_the_verb(nlp: Language) -> None:
    assert [c[1:5] for c in claims(nlp, "Volodymyr Zelensky is going to take part in the talks.")] == [
        ("attend", False, "asserted", "is going to take part")
    ]
    assert [c[1:5] for c in claims(nlp, "Volodymyr Zelensky showed up in Istanbul.")] == [
        ("attend", False, "asserted", "showed up")
    ]


def test_an_aside_after_the_name_is_skipped(nlp: Language) -> None:
    text = "An aide said Donald Trump, currently in the Gulf, would not be attending the talks."
    assert [c[1:5] for c in claims(nlp, text)] == [("attend", True, "asserted", "would not be attending")]


def test_hedges_and_conditions_are_kept_but_not_asserted(nlp: Language) -> None:
    assert [c[3] for c in claims(nlp, "Vladimir Putin could travel to Istanbul later.")] == ["hedged"]
    assert [c[3] for c in claims(nlp, "Vladimir Putin would consider traveling to Turkey.")] == ["hedged"]
    found = claims(nlp, "Donald Trump said he would go only if Vladimir Putin travels to Istanbul.")
    assert [(c[0], c[3]) for c in found if c[0] == "Vladimir Putin"] == [("Vladimir Putin", "irrealis")]
    found = claims(nlp, "Leaders urged Vladimir Putin to attend the talks.")
    assert [c[3] for c in found] in ([], ["irrealis"])  # never a plain claim


def test_other_verbs_being_joined_and_idioms_are_no_claim(nlp: Language) -> None:
    assert claims(nlp, "Vladimir Putin said the talks will go ahead.") == []
    assert claims(nlp, "Emmanuel Macron will be joined by two deputies.") == []
    assert claims(nlp, "Three people from Ankara are missing.") == []
    assert claims(nlp, "Vladimir Putin came under fire for the plan.") == []
