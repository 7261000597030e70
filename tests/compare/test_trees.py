"""Boosted trees as arrays: the shipped evaluator agrees with the library that trained them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from newsprism.compare.trees import CHUNK_ROWS, trees_from_dict

ROOT = Path(__file__).resolve().parents[2]


def _train_links():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_links", ROOT / "bench" / "train_links.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_links", module)
    spec.loader.exec_module(module)
    return module


def test_exported_trees_give_the_boosters_own_log_odds_on_rows_it_never_saw() -> None:
    sklearn = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(7)
    x = rng.normal(size=(3000, 4))
    # An interaction a sum of evidence cannot express: the sign of x0 * x1.
    y = ((x[:, 0] * x[:, 1] > 0) ^ (rng.random(3000) < 0.05)).astype(int)
    booster = sklearn.HistGradientBoostingClassifier(max_iter=30, early_stopping=False, random_state=0)
    booster.fit(x, y)
    trees = trees_from_dict(_train_links().export_trees(booster))
    fresh = rng.normal(size=(CHUNK_ROWS + 37, 4))  # more than one chunk
    expected = booster.decision_function(fresh)
    assert np.allclose(trees.log_odds(fresh), expected, atol=1e-5)
    # The interaction is learned: agreeing signs score above disagreeing ones.
    same = trees.log_odds(np.array([[1.5, 1.5, 0, 0], [-1.5, -1.5, 0, 0]]))
    differ = trees.log_odds(np.array([[1.5, -1.5, 0, 0], [-1.5, 1.5, 0, 0]]))
    assert same.min() > 0 > differ.max()


def test_a_single_leaf_gives_the_baseline_plus_its_value() -> None:
    trees = trees_from_dict(
        {
            "baseline": -0.5,
            "depth": 0,
            "trees": [{"feature": [-1], "threshold": [0.0], "left": [-1], "right": [-1], "value": [0.25]}],
        }
    )
    assert trees.log_odds(np.zeros((3, 2))).tolist() == [-0.25, -0.25, -0.25]


def test_a_threshold_sends_a_value_equal_to_it_left_and_nan_like_zero() -> None:
    table = {"feature": [1, -1, -1], "threshold": [0.5, 0, 0], "left": [1, -1, -1], "right": [2, -1, -1]}
    trees = trees_from_dict({"baseline": 0.0, "depth": 1, "trees": [table | {"value": [0.0, -1.0, 1.0]}]})
    rows = np.array([[9.0, 0.5], [9.0, 0.6], [9.0, np.nan]])
    assert trees.log_odds(rows).tolist() == [-1.0, 1.0, -1.0]
    assert trees.log_odds(np.zeros((0, 2))).tolist() == []
