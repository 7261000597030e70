"""Comparing figures: intervals that hedges widen, what counts the same thing, and the figures
analysis marked as no count of their own. The numbers are written by hand, as analysis emits them."""

from __future__ import annotations

from newsprism.compare.quantities import (
    number_conflicts,
    number_interval,
    numbers_comparable,
    numbers_consistent,
)
from newsprism.compare.story_view import build_story_view
from newsprism.model import Analysis, Fact, FactMention, Modality, NumberRef, Sentence


def figure(
    text: str,
    value: float,
    counts: str | None = None,
    unit: str | None = None,
    qualifier: str | None = None,
    outcomes: tuple[str, ...] = (),
    modality: Modality = "asserted",
    standalone: bool | None = True,
) -> NumberRef:
    return NumberRef(
        text, value, unit, counts, 0, 0, len(text), qualifier, standalone, list(outcomes), [], modality
    )


def test_hedges_widen_the_values_a_figure_agrees_with() -> None:
    assert number_interval(figure("12", 12)) == (12 * 0.99, 12 * 1.01)
    assert number_interval(figure("12", 12, qualifier="at least"))[1] == float("inf")
    assert number_interval(figure("30", 30, qualifier="up to")) == (0.0, 30)
    assert numbers_consistent(figure("30", 30, qualifier="about"), figure("33", 33))
    assert not numbers_consistent(figure("30", 30), figure("33", 33))


def test_only_figures_of_one_noun_and_unit_count_the_same_thing() -> None:
    assert numbers_comparable(figure("12 houses", 12, "house"), figure("15 houses", 15, "houses"))
    assert not numbers_comparable(figure("12 houses", 12, "house"), figure("15 cars", 15, "car"))
    assert numbers_comparable(figure("$5", 5, unit="USD"), figure("$6", 6, unit="USD"))
    assert not numbers_comparable(figure("$5", 5, unit="USD"), figure("$6 watch", 6, "watch", "USD"))


def story_of(
    first: NumberRef, second: NumberRef
) -> tuple[Fact, list[tuple[tuple[str, int], tuple[str, int]]], object]:
    analyses = {}
    for aid, n in (("a", first), ("b", second)):
        analyses[aid] = Analysis(aid, "en", sentences=[Sentence(0, n.text, 0, len(n.text))], numbers=[n])
    fact = Fact("f1", "corroborated", [FactMention("a", 0, ""), FactMention("b", 0, "")])
    return fact, [(("a", 0), ("b", 0))], build_story_view([fact], analyses, [], {})


def test_two_counts_of_one_thing_that_cannot_agree_conflict() -> None:
    fact, pairs, story = story_of(
        figure("12 people", 12, "people", "people"), figure("15 people", 15, "people", "people")
    )
    [found] = number_conflicts(fact, pairs, story)  # type: ignore[arg-type]
    assert (found.subject, [v.value for v in found.values]) == ("people", ["12 people", "15 people"])


def test_other_outcomes_other_modalities_and_figures_not_standalone_are_not_compared() -> None:
    killed = figure("12 people", 12, "people", "people", outcomes=("dead",))
    for other in (
        figure("30 people", 30, "people", "people", outcomes=("injured",)),
        figure("15 people", 15, "people", "people", modality="hedged"),
        figure("15 people", 15, "people", "people", standalone=False),
        figure("15 people", 15, "people", "people", standalone=None),  # stored before it was read
    ):
        fact, pairs, story = story_of(killed, other)
        assert number_conflicts(fact, pairs, story) == [], other  # type: ignore[arg-type]
