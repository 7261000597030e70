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


def test_a_pair_that_is_the_best_match_of_one_side_only_needs_the_one_sided_cut_off() -> None:
    # A long sentence stating two claims is the best match of two shorter sentences of the other
    # outlet, but only one of them can be its own best match.
    rule = LinkRule(mutual=0.4, top_two=0.9, any=0.95, one_sided=0.6)
    model = LinkModel("claim", np.zeros(1), np.ones(1), np.zeros(1), 0.0, rule, 1.0)
    p = np.array([0.65, 0.65, 0.55, 0.65])
    rank_ab = np.array([0, 2, 0, 1])
    rank_ba = np.array([3, 0, 2, 1])
    assert model.decide(p, rank_ab, rank_ba).tolist() == [True, True, False, False]
    # A model trained before the cut-off existed never applies it.
    old = LinkModel("claim", np.zeros(1), np.ones(1), np.zeros(1), 0.0, LinkRule(0.4, 0.9, 0.95), 1.0)
    assert not old.decide(p, rank_ab, rank_ba).any()


def test_the_shipped_claim_model_averages_its_trees_with_the_logistic_probability() -> None:
    # Training keeps the trees only where they beat the plain model held out (claim level: strict
    # recall 0.619 -> 0.636 at link precision 0.852); the event level stays logistic.
    model = load_model("claim")
    assert model.trees is not None
    assert load_model("event").trees is None
    rows = np.random.default_rng(3).normal(size=(5, len(FEATURES)))
    plain = LinkModel(
        "claim", model.mean, model.scale, model.weights, model.bias, model.rule, model.density
    ).probabilities(rows)
    tree_p = 1 / (1 + np.exp(-model.trees.log_odds(rows)))
    assert np.allclose(model.probabilities(rows), (plain + tree_p) / 2)
