"""The parts of a sentence that state a claim of their own are read off the parse, once."""

from __future__ import annotations

from newsprism.analyze.pipeline import analyze_one
from newsprism.model import Article


def parts(text: str) -> list[str]:
    analysis = analyze_one(Article(id="t", text=text))
    return [text[c.start : c.end] for c in analysis.claims]


def test_a_relative_clause_keeps_the_noun_it_describes_and_the_main_clause_is_a_part() -> None:
    found = parts(
        "Marta Oliveira, who negotiated the water treaty with Spain, will lead the delegation to "
        "Nairobi, the ministry said."
    )
    assert any(p.startswith("Marta Oliveira, who negotiated the water treaty") for p in found)
    assert any("will lead the delegation to Nairobi" in p and "the ministry said" not in p for p in found)


def test_coordinated_clauses_are_parts_without_their_conjunction() -> None:
    found = parts("The council closed the bridge on Monday and the port authority cancelled all ferries.")
    assert "the port authority cancelled all ferries" in found


def test_a_short_sentence_or_a_short_clause_gives_no_part() -> None:
    assert parts("The mayor resigned.") == []
    assert all(len(p.split()) >= 4 for p in parts("He said the talks, which stalled, will resume in May."))


def test_parts_stay_inside_their_sentence_and_are_numbered_by_it() -> None:
    text = "Rain fell all day. The mayor said the river, which rose overnight, will crest on Friday."
    analysis = analyze_one(Article(id="t", text=text))
    second = analysis.sentences[1]
    assert analysis.claims and all(c.sentence == 1 for c in analysis.claims)
    assert all(second.start <= c.start < c.end <= second.end for c in analysis.claims)


def test_a_clause_without_the_adverbial_clause_that_closes_it_is_a_part() -> None:
    found = parts(
        "The union invited the minister to a public debate after the ministry suddenly announced "
        "new rules for night shifts."
    )
    assert "The union invited the minister to a public debate" in found
    assert any(p.startswith("the ministry suddenly announced new rules") for p in found)
