"""Claims -> links -> facts: what several outlets share is found claim by claim, and nothing
else is linked. Sentences are our own, written for these tests."""

from __future__ import annotations

import pytest

from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import fold_actors
from newsprism.compare.align import Link, align_facts, find_links, group_links, story_signals
from newsprism.compare.config import DEFAULT_ALIGN
from newsprism.compare.links import load_model
from newsprism.compare.signals import FEATURES, pair_features, timestamp_line
from newsprism.model import Article, Fact


def facts_of(*texts: str, granularity: str = "claim") -> tuple[list[Article], list[Fact]]:
    articles = [Article(id=f"a{i}", text=t, source=f"Outlet {i}") for i, t in enumerate(texts)]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    return articles, align_facts(articles, analyses, index, load_model(granularity))


def linked(facts: list[Fact], first: tuple[str, int], second: tuple[str, int]) -> bool:
    return any(
        {first, second} <= {(m.article, m.sentence) for m in f.mentions}
        for f in facts
        if f.status != "single_source"
    )


FILLER_A = "Rain is expected across the region for the rest of the week. "
FILLER_B = "A local bakery won a national award for its sourdough bread. "
FILLER_C = "The football club announced a new coach for the coming season. "


@pytest.mark.slow
def test_a_sentence_stating_two_claims_joins_each_outlet_that_states_one() -> None:
    two_claims = (
        "Marta Oliveira, who negotiated the 2019 water-sharing treaty with Spain, will lead "
        "Portugal's delegation to the climate summit in Nairobi, the foreign ministry said on Tuesday."
    )
    _, facts = facts_of(
        FILLER_A + two_claims,
        FILLER_B + "Marta Oliveira negotiated the water-sharing treaty with Spain in 2019.",
        FILLER_C + "Portugal's delegation to the Nairobi climate summit will be led by Marta Oliveira.",
    )
    assert linked(facts, ("a0", 1), ("a1", 1))
    assert linked(facts, ("a0", 1), ("a2", 1))
    # Two claims, two facts: the treaty and the delegation are not one fact through the sentence
    # that states both.
    assert not linked(facts, ("a1", 1), ("a2", 1))
    spans = {
        f.mentions[0].end - f.mentions[0].start  # type: ignore[operator]
        for f in facts
        if f.status != "single_source" and f.mentions[0].article == "a0"
    }
    assert spans and all(span < len(two_claims) for span in spans)  # a part, not the whole sentence


@pytest.mark.slow
def test_the_same_quotation_inside_differently_built_sentences_is_one_fact() -> None:
    _, facts = facts_of(
        FILLER_A + "“We will not sign a deal that leaves our fishermen with empty nets,” the minister told "
        "reporters in Brussels after a night of talks.",
        FILLER_B + "After the overnight session, which ended without agreement, the minister said the "
        "country would not sign a deal that leaves “our fishermen with empty nets.”",
    )
    assert linked(facts, ("a0", 1), ("a1", 1))


@pytest.mark.slow
def test_two_sentences_sharing_only_a_topic_word_are_not_linked() -> None:
    _, facts = facts_of(
        FILLER_A + "The harbour authority raised docking fees for cruise ships by twelve percent.",
        FILLER_B + "Cruise passengers complained about long queues at the harbour's new terminal.",
    )
    assert not linked(facts, ("a0", 1), ("a1", 1))
    assert all(f.status == "single_source" for f in facts)


@pytest.mark.slow
def test_paraphrases_are_linked_and_unrelated_sentences_stay_single() -> None:
    _, facts = facts_of(
        "The city council voted 7-2 on Monday to close the old harbour bridge for repairs. "
        "Rain is expected across the region for the rest of the week.",
        "Councillors decided by seven votes to two on Monday to shut the ageing harbour bridge for repairs. "
        "A local bakery won a national award for its sourdough bread.",
    )
    assert linked(facts, ("a0", 0), ("a1", 0))
    singles = {(f.mentions[0].article, f.mentions[0].sentence) for f in facts if f.status == "single_source"}
    assert singles == {("a0", 1), ("a1", 1)}
    shared = next(f for f in facts if f.status == "corroborated")
    assert shared.confidence is not None and 0 < shared.confidence <= 1


@pytest.mark.slow
def test_stories_of_one_article_and_of_no_sentences_in_common() -> None:
    _, facts = facts_of("Only one sentence here, about a vote in the council.")
    assert [f.status for f in facts] == ["single_source"]
    _, facts = facts_of(FILLER_A.strip(), FILLER_B.strip(), FILLER_C.strip())
    assert len(facts) == 3 and all(f.status == "single_source" for f in facts)


@pytest.mark.slow
def test_datelines_are_never_linked_across_outlets() -> None:
    _, facts = facts_of(
        "Posted: March 3, 2025, 3:23 PM ET\n\nThe harbour bridge was closed after a crane struck it.",
        "Monday, March 3, 2025\n\nA crane hit the harbour bridge, which was then closed.",
        granularity="event",
    )
    assert not linked(facts, ("a0", 0), ("a1", 0))
    assert timestamp_line("Updated 2:52 p.m.") and not timestamp_line("Talks open on March 15.")


@pytest.mark.slow
def test_long_articles_are_weighed_against_candidates_only() -> None:
    sentences = [
        f"Item {n} of the council agenda concerns street number {n} in district {n % 7}." for n in range(260)
    ]
    articles = [Article(id=x, text=" ".join(sentences), source=x) for x in ("a", "b")]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    signals = story_signals(analyses, index)
    rows, cols = signals.rows_of(0), signals.rows_of(1)
    block = pair_features(signals, rows, cols)
    assert len(block.ii) < len(rows) * len(cols) / 4  # not every pair of 260 x 260
    assert block.features.shape == (len(block.ii), len(FEATURES))
    # The second look reads no more than its bound, however many sentences match.
    links = find_links(signals, load_model("claim"))
    assert links
    assert len(signals._paraphrase) == DEFAULT_ALIGN.second_looks


def test_facts_grow_only_by_sentences_linked_to_every_other_outlet() -> None:
    # Sentences 0 (outlet 0), 1 (outlet 1), 2 (outlet 2); 0-1 and 1-2 are linked, 0-2 is not.
    articles = [0, 1, 2]
    links = [Link(0, 1, 0.9), Link(1, 2, 0.8)]
    facts = group_links(articles, links)
    assert sorted(facts) == [[0, 1], [1, 2]]  # no chaining of 0 and 2 through 1
    facts = group_links(articles, [*links, Link(0, 2, 0.7)])
    assert facts == [[0, 1, 2]]
    loose = group_links(articles, links, density=0.5)
    assert loose == [[0, 1, 2]]  # at event level, linked to half of the others is enough


def test_a_second_sentence_of_one_outlet_joins_when_linked_to_every_other_outlet() -> None:
    articles = [0, 0, 1, 2]  # a headline (0) and a lead (1) of outlet 0
    links = [Link(1, 2, 0.9), Link(2, 3, 0.9), Link(1, 3, 0.85), Link(0, 2, 0.8), Link(0, 3, 0.7)]
    assert group_links(articles, links) == [[0, 1, 2, 3]]
