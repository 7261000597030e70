"""The learned decision: do two sentences of different outlets state the same claim?

A logistic model over the evidence of compare/signals.py, averaged with gradient-boosted trees
over the same evidence where the trained model carries them (compare/trees.py), gives each pair a
probability. Which pairs become links is decided by four learned cut-offs, because a claim is
usually stated once per outlet: a pair that is each sentence's best match in the other article
needs least evidence; one that is the best match of one side only (a long sentence stating two
claims is the best match of two shorter ones, but can be the best of only one) or among each
other's best two needs more, and a pair that is none of these needs the most.

Two looks: the first weighs every pair on MiniLM's vectors and the words and details; the second
(`SecondLook`) weighs the likeliest pairs again with a stronger but slower meaning model, which
sees paraphrases the first misses. The rule reads the second look's probability where it looked.

The weights and cut-offs are data (`link_model.json` beside this module), trained by
`bench/train_links.py` from public evaluation sets (BASIL stories whose shared facts were judged
sentence by sentence for the claim level; ECB+ training topics' event chains for the event level)
and reproducible with `make train-links`. Nothing here is tuned by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from newsprism.compare.signals import FEATURES
from newsprism.compare.trees import BoostedTrees, trees_from_dict

GRANULARITIES = ("claim", "event")
"""claim: sentences are linked when they state the same claim (the default). event: when they
tell of the same happening, as ECB+'s event coreference does."""


@dataclass(frozen=True, slots=True)
class LinkRule:
    """A pair is a link when its probability reaches `mutual` and each sentence is the other's
    best match; `top_two` when each is among the other's best two; `one_sided` when one of them
    is the other's best match; `any` otherwise. A model trained before `one_sided` was learned
    has none (infinity: the cut-off never applies)."""

    mutual: float
    top_two: float
    any: float
    one_sided: float = float("inf")


@dataclass(frozen=True, slots=True)
class SecondLook:
    """The decision again with one more piece of evidence: the two sentences' cosine in the
    second meaning model's space (lang/paraphrase.py). It is asked only about sentences whose
    best first-look probability reaches `floor` (the first look's lowest cut-off, so a sentence
    the first look could link to nothing is not read again), the likeliest first, at most
    `AlignConfig.second_looks` of them per story (compare/second_look.py)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    floor: float
    trees: BoostedTrees | None = None

    def probabilities(self, features: np.ndarray, paraphrase: np.ndarray) -> np.ndarray:
        """P(same claim) for rows of FEATURES and each pair's cosine in the second space."""
        if not len(features):
            return np.zeros(0)
        return _probabilities(np.column_stack([features, paraphrase]), self)


@dataclass(frozen=True, slots=True)
class LinkModel:
    """Standardised logistic weights over FEATURES, the trees averaged with them where trained,
    the link rule, and how facts are grouped: `density` is the share of a fact's other-outlet
    mentions a new mention must be linked to; `trust` the confidence a fact needs to stand in
    the brief (held-out links that confident were right at least 97% of the time). `second`,
    where trained, weighs the likeliest pairs again with the second meaning model; the rule
    then reads its probabilities where it looked, the first look's elsewhere."""

    granularity: str
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    rule: LinkRule
    density: float
    trust: float = 0.0
    trees: BoostedTrees | None = None
    second: SecondLook | None = None

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(same claim) for each row of FEATURES, as the first look sees it."""
        if not len(features):
            return np.zeros(0)
        return _probabilities(features, self)

    def decide(self, probability: np.ndarray, rank_ab: np.ndarray, rank_ba: np.ndarray) -> np.ndarray:
        """Which pairs are links, given each pair's rank by probability in both directions."""
        best = np.maximum(rank_ab, rank_ba)
        return np.asarray(
            ((best == 0) & (probability >= self.rule.mutual))
            | ((np.minimum(rank_ab, rank_ba) == 0) & (probability >= self.rule.one_sided))
            | ((best <= 1) & (probability >= self.rule.top_two))
            | (probability >= self.rule.any)
        )


def _probabilities(features: np.ndarray, model: LinkModel | SecondLook) -> np.ndarray:
    """The logistic probability, averaged with the trees' where the model carries them."""
    p = _sigmoid(((features - model.mean) / model.scale) @ model.weights + model.bias)
    if model.trees is not None:
        p = (p + _sigmoid(model.trees.log_odds(features))) / 2
    return p


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def model_from_dict(data: dict[str, Any], granularity: str) -> LinkModel:
    """One granularity's model from the JSON that bench/train_links.py writes."""
    if list(data["features"]) != list(FEATURES):
        raise ValueError("the link model was trained on other features; run `make train-links`")
    part = data["granularities"][granularity]
    return LinkModel(
        granularity=granularity,
        rule=LinkRule(**part["rule"]),
        density=float(part["density"]),
        trust=float(part.get("trust", 0.0)),
        second=SecondLook(floor=float(part["second"]["floor"]), **_scorer(part["second"]))
        if part.get("second")
        else None,
        **_scorer(part),
    )


def _scorer(part: dict[str, Any]) -> dict[str, Any]:
    """The logistic weights and the trees of one look, as both looks store them."""
    return {
        "mean": np.asarray(part["mean"], float),
        "scale": np.asarray(part["scale"], float),
        "weights": np.asarray(part["weights"], float),
        "bias": float(part["bias"]),
        "trees": trees_from_dict(part["trees"]) if part.get("trees") else None,
    }


@cache
def load_model(granularity: str = "claim") -> LinkModel:
    """The shipped model of a granularity ("claim" or "event")."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown granularity {granularity!r}; choose one of {', '.join(GRANULARITIES)}")
    text = files("newsprism.compare").joinpath("link_model.json").read_text(encoding="utf-8")
    return model_from_dict(json.loads(text), granularity)
