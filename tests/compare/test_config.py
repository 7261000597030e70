"""The compare configuration: today's values as defaults, and every threshold reaching its rule."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, asdict

import numpy as np
import pytest

from newsprism.compare.brief import build_brief, prominence
from newsprism.compare.config import AlignConfig, CompareConfig
from newsprism.compare.quantities import number_interval, numbers_consistent
from newsprism.compare.signals import candidate_pairs
from newsprism.compare.spelling import is_spelling_variant, respelled
from newsprism.model import Article, Fact, FactMention, NumberRef

ARTICLES = [Article(id=a, text="", source=a.title()) for a in ("herald", "ledger", "wire")]


def test_the_defaults_are_the_values_the_rules_were_tuned_with() -> None:
    assert asdict(CompareConfig()) == {
        "align": {"granularity": "claim", "max_dense_pairs": 40_000, "candidates": 12, "second_looks": 24},
        "parallel_min_words": 3,
        "parallel_min_shared": 3,
        "parallel_min_overlap": 0.4,
        "date_context_words": 3,
        "place_context_words": 4,
        "exact_tolerance": 0.01,
        "approx_tolerance": 0.12,
        "max_figure_ratio": 10.0,
        "list_gap_words": 6,
        "min_listed": 3,
        "min_listed_other": 2,
        "respelling_ratio": 0.7,
        "respelling_min_letters": 4,
        "brief_agreed": 4,
        "brief_differences": 2,
        "lead_decay": 3.0,
    }
    with pytest.raises(FrozenInstanceError):
        CompareConfig().brief_agreed = 5  # type: ignore[misc]


def shared_fact(number: int) -> Fact:
    text = f"The council approved plan number {number} for the harbour on Monday."
    mentions = [FactMention("herald", number, text), FactMention("ledger", number, text)]
    return Fact(f"f{number}", "corroborated", mentions)


def test_the_brief_takes_its_length_and_lead_weight_from_the_config() -> None:
    facts = [shared_fact(n) for n in range(6)]
    assert len(build_brief(facts, [], ARTICLES)) == 4
    assert len(build_brief(facts, [], ARTICLES, config=CompareConfig(brief_agreed=2))) == 2
    assert prominence(facts[3]) == pytest.approx(1.0)  # 2 outlets x 1 / (1 + 3 / 3)
    assert prominence(facts[3], lead_decay=1.0) == pytest.approx(0.5)


def test_figure_tolerances_come_from_the_config() -> None:
    exact = NumberRef(text="100", value=100.0, unit=None, counts="people", sentence=0, start=0, end=3)
    other = NumberRef(text="103", value=103.0, unit=None, counts="people", sentence=0, start=0, end=3)
    assert number_interval(exact) == pytest.approx((99.0, 101.0))
    assert not numbers_consistent(exact, other)
    assert numbers_consistent(exact, other, CompareConfig(exact_tolerance=0.02))


def test_what_counts_as_a_respelling_comes_from_the_config() -> None:
    names = ("Reince Priebus", "Reince Preibus")
    assert respelled("Priebus", "Preibus") and is_spelling_variant(*names)
    strict = CompareConfig(respelling_ratio=0.9)
    assert not respelled("Priebus", "Preibus", strict) and not is_spelling_variant(*names, config=strict)


def test_long_articles_weigh_only_the_configured_candidates() -> None:
    rng = np.random.default_rng(0)
    cosine, lexical = rng.random((30, 30)), rng.random((30, 30))
    rows, _ = candidate_pairs(cosine, lexical)
    assert len(rows) == 900  # ordinary length: every pair
    rows, _ = candidate_pairs(cosine, lexical, AlignConfig(max_dense_pairs=100, candidates=1))
    assert len(rows) < 4 * 30
