"""What the aligner reads off each sentence and pair: time stamps, ranks, candidate pairs, and
the evidence two sentences of different outlets share."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import fold_actors
from newsprism.compare.align import story_signals
from newsprism.compare.signals import FEATURES, candidate_pairs, pair_features, ranks, timestamp_line
from newsprism.model import Article


def test_a_time_stamp_is_a_date_or_time_with_at_most_one_other_word() -> None:
    assert timestamp_line("Posted: May 3, 2025, 3:23 PM ET")
    assert timestamp_line("Updated 2:52 p.m.")
    assert not timestamp_line("Talks open on March 15.")
    assert not timestamp_line("Posted by the news desk")  # no figure at all


def test_ranks_order_each_row_best_first_ties_by_position() -> None:
    scores = np.array([[0.2, 0.9, 0.5], [0.4, 0.4, 0.1]])
    assert ranks(scores).tolist() == [[2, 0, 1], [0, 1, 2]]


def test_every_pair_is_a_candidate_in_ordinary_articles() -> None:
    cosine = lexical = np.zeros((3, 4))
    rows, cols = candidate_pairs(cosine, lexical)
    assert sorted(zip(rows.tolist(), cols.tolist(), strict=True)) == [
        (r, c) for r in range(3) for c in range(4)
    ]


@pytest.mark.slow
def test_a_shared_quotation_and_figure_show_in_the_pair_features() -> None:
    articles = [
        Article(
            id="a", text='The mayor said 40 ships "will wait outside the harbour" until Monday.', source="A"
        ),
        Article(
            id="b",
            text='Forty ships "will wait outside the harbour", the port chief told reporters.',
            source="B",
        ),
    ]
    analyses = list(analyze(articles))
    _, index = fold_actors(analyses)
    signals = story_signals(analyses, index)
    block = pair_features(signals, signals.rows_of(0), signals.rows_of(1))
    assert block.features.shape == (1, len(FEATURES))
    row = dict(zip(FEATURES, block.features[0], strict=True))
    assert row["quoted_trigrams"] > 0 and row["numbers"] > 0
