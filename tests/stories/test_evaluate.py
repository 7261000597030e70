"""Clustering scores on partitions small enough to check by hand, and reading gold label files."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from newsprism.stories.evaluate import (
    ClusterScores,
    LabelFileError,
    adjusted_rand_index,
    bcubed,
    load_labels,
    pairwise_f1,
    score_clusters,
)

# Gold: story A = {1, 2, 3, 4}, story B = {5, 6}.
GOLD = {"1": "A", "2": "A", "3": "A", "4": "A", "5": "B", "6": "B"}

# Predicted: X = {1, 2, 5}, Y = {3, 4, 6}.
#   item  pred story  gold story  overlap  precision  recall
#   1     X (3)       A (4)       {1,2}    2/3        2/4
#   2     X (3)       A (4)       {1,2}    2/3        2/4
#   3     Y (3)       A (4)       {3,4}    2/3        2/4
#   4     Y (3)       A (4)       {3,4}    2/3        2/4
#   5     X (3)       B (2)       {5}      1/3        1/2
#   6     Y (3)       B (2)       {6}      1/3        1/2
# B-cubed P = (4 * 2/3 + 2 * 1/3) / 6 = 5/9, R = 6 * 1/2 / 6 = 1/2, F1 = 2PR / (P + R) = 10/19.
# Pairs: together in both = {1,2}, {3,4} = 2; predicted pairs = 3 + 3 = 6; gold pairs = 6 + 1 = 7.
#   Pairwise P = 2/6, R = 2/7, F1 = 4/13.
# ARI: expected = 7 * 6 / C(6,2) = 42/15 = 2.8; max = (7 + 6) / 2 = 6.5; (2 - 2.8) / (6.5 - 2.8) = -8/37.
PRED = {"1": "X", "2": "X", "5": "X", "3": "Y", "4": "Y", "6": "Y"}


def test_worked_example() -> None:
    assert bcubed(GOLD, PRED) == pytest.approx((5 / 9, 1 / 2, 10 / 19))
    assert pairwise_f1(GOLD, PRED) == pytest.approx((1 / 3, 2 / 7, 4 / 13))
    assert adjusted_rand_index(GOLD, PRED) == pytest.approx(-8 / 37)


def test_perfect_clustering_scores_one_everywhere_whatever_the_label_names() -> None:
    renamed = {article: story.lower() for article, story in GOLD.items()}
    scores = score_clusters(GOLD, renamed)
    assert scores == ClusterScores(
        articles=6,
        gold_stories=2,
        predicted_stories=2,
        missing=0,
        bcubed_precision=1.0,
        bcubed_recall=1.0,
        bcubed_f1=1.0,
        pairwise_precision=1.0,
        pairwise_recall=1.0,
        pairwise_f1=1.0,
        adjusted_rand_index=1.0,
    )


def test_perfect_singletons_score_one_everywhere() -> None:
    gold = {"a": "1", "b": "2", "c": "3"}
    scores = score_clusters(gold, {"a": "x", "b": "y", "c": "z"})
    assert (scores.bcubed_f1, scores.pairwise_f1, scores.adjusted_rand_index) == (1.0, 1.0, 1.0)


def test_everything_in_one_story() -> None:
    pred = dict.fromkeys(GOLD, "all")
    # Each A item: 4 of its 6 story-mates are right; each B item: 2 of 6. P = (4 * 4/6 + 2 * 2/6) / 6 = 5/9.
    assert bcubed(GOLD, pred) == pytest.approx((5 / 9, 1.0, 10 / 14))
    # All 15 pairs predicted, 7 of them right.
    assert pairwise_f1(GOLD, pred) == pytest.approx((7 / 15, 1.0, 14 / 22))
    # expected = 7 * 15 / 15 = 7 = index: no better than chance.
    assert adjusted_rand_index(GOLD, pred) == pytest.approx(0.0)


def test_every_article_alone() -> None:
    pred = {article: article for article in GOLD}
    # Each A item finds 1 of its 4, each B item 1 of its 2: R = (4 * 1/4 + 2 * 1/2) / 6 = 1/3.
    assert bcubed(GOLD, pred) == pytest.approx((1.0, 1 / 3, 0.5))
    # No pair predicted: precision is vacuously 1, recall 0.
    assert pairwise_f1(GOLD, pred) == (1.0, 0.0, 0.0)
    assert adjusted_rand_index(GOLD, pred) == pytest.approx(0.0)


def test_ids_missing_from_pred_are_singletons_and_ids_only_in_pred_are_ignored() -> None:
    gold = {"a": "S", "b": "S"}
    pred = {"a": "x", "z": "x"}
    scores = score_clusters(gold, pred)
    assert scores.missing == 1
    assert scores.predicted_stories == 2
    assert (scores.bcubed_precision, scores.bcubed_recall) == pytest.approx((1.0, 0.5))


def test_ari_of_identical_partitions_is_one_and_ari_is_symmetric() -> None:
    assert adjusted_rand_index(PRED, PRED) == 1.0
    assert adjusted_rand_index(GOLD, PRED) == pytest.approx(adjusted_rand_index(PRED, GOLD))


def test_ari_agrees_with_scikit_learn_on_random_partitions() -> None:
    rng = random.Random(3)
    for _ in range(20):
        ids = [str(k) for k in range(rng.randint(2, 60))]
        gold = {i: str(rng.randint(0, 6)) for i in ids}
        pred = {i: str(rng.randint(0, 9)) for i in ids}
        expected = adjusted_rand_score([gold[i] for i in ids], [pred[i] for i in ids])
        assert adjusted_rand_index(gold, pred) == pytest.approx(expected)


def test_empty_gold_is_refused() -> None:
    with pytest.raises(ValueError, match="no gold labels"):
        score_clusters({}, {"a": "x"})


def write_lines(path: Path, rows: list[object | str]) -> Path:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows))
    return path


def test_load_labels_reads_a_top_level_field(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "pred.jsonl", [{"id": "a", "story": "s1", "duplicate_of": None}, "", {"id": 7, "story": 2}]
    )
    assert load_labels(path, "story") == {"a": "s1", "7": "2"}


def test_load_labels_reads_a_dotted_path(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "...", "gold": {"story": "quake", "topic": "disaster"}},
        {"id": "b", "text": "...", "gold": {"story": "vote", "topic": "politics"}},
    ]
    path = write_lines(tmp_path / "gold.jsonl", rows)
    assert load_labels(path, "gold.story") == {"a": "quake", "b": "vote"}
    assert load_labels(path, "gold.topic") == {"a": "disaster", "b": "politics"}


def test_a_top_level_key_with_a_dot_wins_over_the_path(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl", [{"id": "a", "gold.story": "flat", "gold": {"story": "nested"}}]
    )
    assert load_labels(path, "gold.story") == {"a": "flat"}


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl", [{"id": "a", "story": "s"}, {"id": "b", "story": "s"}, "{not json"]
    )
    with pytest.raises(LabelFileError, match=r"gold\.jsonl:3: not JSON") as raised:
        load_labels(path, "story")
    assert isinstance(raised.value, ValueError)
    assert raised.value.line == 3


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ('["a", "s"]', "not a JSON object"),
        ('{"id": "b"}', "no 'gold.story'"),
        ('{"id": "b", "gold": "s"}', "no 'gold.story'"),
        ('{"id": "b", "gold": {"story": null}}', "'gold.story' is not a string or an integer"),
        ('{"story": "s", "gold": {"story": "s"}}', "no 'id'"),
        ('{"id": "a", "gold": {"story": "t"}}', "id 'a' appears on an earlier line"),
    ],
)
def test_rows_without_a_usable_id_or_label_are_errors(tmp_path: Path, row: str, reason: str) -> None:
    path = write_lines(tmp_path / "gold.jsonl", [{"id": "a", "gold": {"story": "s"}}, row])
    with pytest.raises(LabelFileError) as raised:
        load_labels(path, "gold.story")
    assert str(raised.value) == f"{path}:2: {reason}"
