"""The learned link model: its decision rule and the shipped weights it loads."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.links import LinkModel, LinkRule, load_model, model_from_dict
from newsprism.compare.signals import FEATURES


def test_the_link_rule_asks_more_of_a_pair_that_is_not_each_others_best() -> None:
    model = LinkModel("claim", np.zeros(1), np.ones(1), np.zeros(1), 0.0, LinkRule(0.4, 0.7, 0.9), 1.0)
    p = np.array([0.5, 0.5, 0.8, 0.95])
    rank_ab = np.array([0, 1, 1, 3])
    rank_ba = np.array([0, 0, 1, 2])
    assert model.decide(p, rank_ab, rank_ba).tolist() == [True, False, True, True]


def test_the_shipped_model_matches_the_features_and_refuses_other_ones() -> None:
    model = load_model("claim")
    assert model.weights.shape == (len(FEATURES),)
    assert 0 < model.trust <= 1
    with pytest.raises(ValueError, match="other features"):
        model_from_dict({"features": ["cosine"], "granularities": {}}, "claim")
    with pytest.raises(ValueError, match="unknown granularity"):
        load_model("paragraph")


def test_probabilities_rise_with_a_feature_of_positive_weight() -> None:
    model = LinkModel("claim", np.zeros(1), np.ones(1), np.array([2.0]), -1.0, LinkRule(0.5, 0.5, 0.5), 1.0)
    low, high = model.probabilities(np.array([[0.0], [3.0]]))
    assert 0.0 < low < 0.5 < high < 1.0
