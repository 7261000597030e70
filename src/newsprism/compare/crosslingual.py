"""Links between sentences of two articles in different languages, or in a language other than
English.

The claim model of compare/links.py reads English: MiniLM vectors, English stems, events from
the English parser. Between a Spanish and an English sentence most of its evidence is silent, and
it links only those that share names and figures. Here the evidence is what holds across
languages: the cosine of the two sentences in the multilingual encoder's space
(lang/multilingual.py), how far the pair stands above each sentence's next best match there,
whether each is the other's best match, and the figures, dates and actors the analyses found in
both (actors folded across scripts by their keys). A pair of datelines is a link only when both
state the same day: a translation restates its original's date line, and two outlets that merely
publish on one day are not the same article (see compare/signals.timestamp_line).

The weights and the link rule are learned (bench/train_xling.py, on one half of MEANTIME dev's
translated Wikinews stories, confirmed on the other half) and shipped as data beside this module
(`crosslingual_model.json`); nothing here is tuned by hand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from newsprism.compare.links import LinkModel, LinkRule
from newsprism.compare.signals import StorySignals, block_ranks, ranks, shared_items

FEATURES = (
    "cosine",
    "margin",
    "mutual_best",
    "rank_min",
    "rank_max",
    "numbers",
    "dates",
    "actors",
    "marked",
    "length_ratio",
    "position_gap",
)
"""The evidence for one pair, in the order the model's weights are stored."""

MAX_PAIRS = 40_000
"""Above this many pairs between two articles, only each sentence's CANDIDATES best matches
are weighed: two very long articles cost what their candidate pairs cost, never their product."""
CANDIDATES = 8


def needs_crosslingual(signals: StorySignals, first: int, second: int) -> bool:
    """Whether the pair of articles (indices into the story's analyses) is weighed here: their
    languages differ, or neither is English."""
    a, b = signals.languages[first], signals.languages[second]
    return a != b or a != "en"


@dataclass(frozen=True, slots=True)
class PairBlock:
    """The weighed pairs of two articles (positions into `rows` and `cols`) and their FEATURES."""

    rows: np.ndarray
    cols: np.ndarray
    ii: np.ndarray
    jj: np.ndarray
    features: np.ndarray
    same_day_stamps: np.ndarray
    stamps: np.ndarray


def _others(cosine: np.ndarray) -> np.ndarray:
    """Per cell, the best score of its row elsewhere (the next best where the cell is the best)."""
    if cosine.shape[1] < 2:
        return np.full(cosine.shape, -1.0)
    order = np.sort(cosine, axis=1)
    best, second = order[:, -1:], order[:, -2:-1]
    return np.where(cosine >= best, second, best)


def crosslingual_block(signals: StorySignals, rows: np.ndarray, cols: np.ndarray) -> PairBlock:
    """The evidence for the pairs of two articles' sentences (positions in `signals.sentences`)."""
    assert signals.multilingual is not None
    vectors = signals.multilingual
    cosine = np.clip(vectors[rows] @ vectors[cols].T, -1.0, 1.0)
    rank_ab, rank_ba = ranks(cosine), ranks(cosine.T).T
    if cosine.size > MAX_PAIRS:
        ii, jj = np.nonzero((rank_ab < CANDIDATES) | (rank_ba < CANDIDATES))
    else:
        ii, jj = np.nonzero(np.ones(cosine.shape, dtype=bool))
    margin = cosine - np.maximum(_others(cosine), _others(cosine.T).T)
    first, second = rows[ii], cols[jj]
    shared = shared_items(signals, first, second)
    stamp = signals.scalar("time_stamp") > 0
    stamps = stamp[first] | stamp[second]
    words = signals.scalar("words")
    features = np.stack(
        [
            cosine[ii, jj],
            margin[ii, jj],
            (rank_ab[ii, jj] == 0) & (rank_ba[ii, jj] == 0),
            np.log1p(np.minimum(rank_ab[ii, jj], rank_ba[ii, jj])),
            np.log1p(np.maximum(rank_ab[ii, jj], rank_ba[ii, jj])),
            np.minimum(shared["numbers"], 3),
            np.minimum(shared["dates"], 3),
            np.minimum(shared["actors"], 5),
            np.minimum(shared["marked"], 5),
            np.abs(np.log((words[first] + 1) / (words[second] + 1))),
            np.abs(ii / max(1, len(rows)) - jj / max(1, len(cols))),
        ],
        axis=-1,
    ).astype(float)
    return PairBlock(
        rows=rows,
        cols=cols,
        ii=ii,
        jj=jj,
        features=features.reshape(len(ii), len(FEATURES)),
        same_day_stamps=stamp[first] & stamp[second] & (shared["dates"] > 0),
        stamps=stamps,
    )


def decide(model: LinkModel, block: PairBlock) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's probability and whether it is a link (the rule of `model`, ranks by
    probability); a dateline links only to a dateline of the same day."""
    probability = model.probabilities(block.features)
    rank_ab, rank_ba = block_ranks(block, probability)
    linked = model.decide(probability, rank_ab, rank_ba)
    linked &= ~block.stamps | block.same_day_stamps
    return probability, linked


def model_from_dict(data: dict[str, Any]) -> LinkModel:
    """The model bench/train_xling.py writes."""
    if list(data["features"]) != list(FEATURES):
        raise ValueError("the cross-language model was trained on other features; run `make train-xling`")
    return LinkModel(
        granularity="crosslingual",
        mean=np.asarray(data["mean"], float),
        scale=np.asarray(data["scale"], float),
        weights=np.asarray(data["weights"], float),
        bias=float(data["bias"]),
        rule=LinkRule(**data["rule"]),
        density=1.0,
        trust=float(data.get("trust", 0.0)),
    )


@cache
def load_crosslingual() -> LinkModel:
    """The shipped cross-language model."""
    text = files("newsprism.compare").joinpath("crosslingual_model.json").read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))


def split_pairs(
    signals: StorySignals, pairs: Sequence[tuple[np.ndarray, np.ndarray]]
) -> tuple[list[tuple[np.ndarray, np.ndarray]], list[tuple[np.ndarray, np.ndarray]]]:
    """The pairs of articles the English claim model weighs, and those weighed here."""
    english: list[tuple[np.ndarray, np.ndarray]] = []
    crossing: list[tuple[np.ndarray, np.ndarray]] = []
    for rows, cols in pairs:
        a, b = signals.sentences[rows[0]].article, signals.sentences[cols[0]].article
        (crossing if needs_crosslingual(signals, a, b) else english).append((rows, cols))
    return english, crossing
