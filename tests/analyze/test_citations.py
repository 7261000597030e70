"""Citations: which outlets an article leans on, and how ("told Reuters", "the Guardian reports")."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from newsprism.analyze.citations import extract_citations
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Citation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def cites(nlp: Language, text: str, credits: list[str] | None = None) -> list[Citation]:
    doc = nlp(text)
    return extract_citations(doc, SentenceIndex(doc), credits or [])


def pairs(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(c.outlet, c.kind) for c in cites(nlp, text)]


def test_outlet_as_subject_of_a_reporting_verb(nlp):
    assert pairs(nlp, "The president will not travel, his office said, the Guardian reports.") == [
        ("The Guardian", "reports")
    ]
    assert pairs(nlp, "Bloomberg reported that the deal was close.") == [("Bloomberg", "reports")]
    assert pairs(nlp, "As reported by Bloomberg, the deal was signed.") == [("Bloomberg", "reports")]


def test_according_to_an_outlet(nlp):
    assert pairs(nlp, "Turnout was low, according to Reuters.") == [("Reuters", "according_to")]


def test_told_an_outlet_in_its_many_forms(nlp):
    assert pairs(nlp, "An aide told Reuters that the trip was off.") == [("Reuters", "told")]
    assert pairs(nlp, "The general told the BBC he would stay.") == [("BBC", "told")]
    assert pairs(nlp, "The minister said in a statement to AFP that he would resign.") == [("AFP", "told")]
    assert pairs(nlp, "In an interview with CNN, the governor defended the plan.") == [("CNN", "told")]
    told = pairs(nlp, "Officials told The Moscow Times the talks would go ahead.")
    assert told == [("The Moscow Times", "told")]


def test_people_and_officials_are_not_outlets(nlp):
    text = "According to his aides, the president left. According to the minister's adviser, talks failed."
    assert cites(nlp, text) == []
    assert cites(nlp, "White House Press Secretary Jane Doe told reporters the plan was ready.") == []


def test_unlisted_outlet_recognised_by_its_name_loses_a_lowercase_the(nlp):
    (citation,) = cites(nlp, "A senior official told the Kyiv Post that the offensive had stalled.")
    assert (citation.outlet, citation.kind, citation.text) == ("Kyiv Post", "told", "Kyiv Post")


def test_each_conjoined_outlet_is_cited(nlp):
    text = "The minister told The Moscow Times and the Financial Times that he would stay."
    assert pairs(nlp, text) == [("The Moscow Times", "told"), ("Financial Times", "told")]


def test_one_citation_per_outlet_and_sentence(nlp):
    text = "Reuters reported the strike, according to Reuters."
    assert pairs(nlp, text) == [("Reuters", "reports")]


def test_offsets_point_at_the_outlet_mention(nlp):
    text = "The port reopened.\nA spokesman told the BBC it was safe."
    (citation,) = cites(nlp, text)
    assert text[citation.start : citation.end] == citation.text == "BBC"
    assert citation.sentence == 1


def test_credits_become_credit_citations_without_position(nlp):
    found = cites(nlp, "The port reopened on Monday.", ["Reuters", "the Associated Press"])
    assert [(c.outlet, c.kind, c.sentence, c.start, c.end) for c in found] == [
        ("Reuters", "credit", None, None, None),
        ("Associated Press", "credit", None, None, None),
    ]


def seed(name: str) -> str:
    return next(EXAMPLES.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_cites_the_guardian(nlp):
    assert {(c.outlet, c.kind) for c in cites(nlp, seed("000"))} == {("The Guardian", "reports")}


def test_seed_001_cites_reuters_and_the_moscow_times(nlp):
    lines = seed("001").splitlines()[2:]  # the title and the blank line after it
    text = "\n".join(line for line in lines if line.strip() != "Reporting contributed by Reuters.")
    found = cites(nlp, text, ["Reuters"])
    kinds = {(c.outlet, c.kind) for c in found}
    assert kinds == {("Reuters", "told"), ("The Moscow Times", "told"), ("Reuters", "credit")}
    moscow = next(c for c in found if c.outlet == "The Moscow Times")
    assert text[moscow.start : moscow.end] == "The Moscow Times"
    assert "Earlier statements" in text[text.rfind("\n", 0, moscow.start) + 1 : moscow.start]
