"""What kind of figure a number is: a count in its own right, with the outcome it counts, or an
age, a multiplier, a clock time, a model name or part of a larger count."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.pipeline import analyze_doc
from newsprism.model import Article, NumberRef


def figures(nlp: Language, text: str) -> dict[str, NumberRef]:
    found = analyze_doc(nlp(text), Article(id="t", text=text)).numbers
    return {n.text: n for n in found}


def test_a_count_carries_the_outcome_the_words_around_it_give(nlp: Language) -> None:
    killed = figures(nlp, "The attack killed 12 people on Monday.")
    injured = figures(nlp, "The attack left 30 people injured and two hospitalised.")
    [k] = killed.values()
    assert (k.standalone, k.outcomes, k.modality) == (True, ["dead"], "asserted")
    assert all("injured" in n.outcomes for n in injured.values())
    [died] = figures(nlp, "Officials said 15 people died.").values()
    assert died.outcomes == ["dead"]  # by the lemma of "died"


def test_ages_multipliers_clock_times_and_parts_are_not_standalone(nlp: Language) -> None:
    for text in (
        "A 61-year-old man was held.",
        "Prices rose five times over the decade.",
        "Police found two other victims later.",
        "Rescuers found 12 more bodies.",
    ):
        assert [n.standalone for n in figures(nlp, text).values()] == [False], text
    crash = figures(nlp, "The MH 17 crash killed 298 people.")
    assert (crash["17"].standalone, crash["298"].standalone) == (False, True)  # a name, then a count


def test_a_possibility_is_hedged_and_words_before_the_noun_are_modifiers(nlp: Language) -> None:
    [plan] = figures(nlp, "Her rival's plan would cut the harbour budget by $55 million.").values()
    assert (plan.standalone, plan.modality) == (True, "hedged")
    [guns] = [n for n in figures(nlp, "Police seized 3 machine guns.").values() if n.value == 3]
    assert guns.modifiers == ["machine"]
