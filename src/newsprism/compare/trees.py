"""Gradient-boosted decision trees as plain arrays: the non-linear half of the link model.

A logistic model adds its evidence up independently; a reader does not. A high cosine means
little between two sentences that name different figures, and a shared quotation settles a pair
whatever the rest says. Trees learn such interactions from the judged stories. They are trained
by `bench/train_links.py` (scikit-learn, a development dependency) and shipped as arrays inside
`link_model.json`, so that running newsprism needs numpy alone and no pickled object is loaded.

Every tree's nodes are stored flat: for an inner node the feature it tests, the threshold (a
value at most the threshold goes left) and its two children; for a leaf its value. The model's
log-odds are the baseline plus the value of the leaf each tree sends a row to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

CHUNK_ROWS = 4096
"""Rows evaluated at once: a chunk holds rows x trees node indices, so memory stays bounded
whatever the number of pairs a story weighs."""


@dataclass(frozen=True, slots=True)
class BoostedTrees:
    """Trees flattened into one node table; `roots` gives each tree's first node."""

    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    """`children[2 * node]` is a node's left child, `children[2 * node + 1]` its right one."""
    value: np.ndarray
    leaf: np.ndarray
    depth: int

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """The summed leaf values plus the baseline, one per row of `features`."""
        x = np.nan_to_num(np.asarray(features, dtype=np.float64))
        out = np.full(len(x), self.baseline)
        # A leaf's children are itself, so every row takes `depth` steps without asking where
        # it stands; `children[2 * node + went_right]` is the next node.
        children = self.children
        for start in range(0, len(x), CHUNK_ROWS):
            part = x[start : start + CHUNK_ROWS]
            flat = part.ravel()
            base = (np.arange(len(part)) * part.shape[1])[:, None]
            node = np.broadcast_to(self.roots, (len(part), len(self.roots))).copy()
            for step in range(self.depth):
                went_right = flat[base + self.feature[node]] > self.threshold[node]
                node = children[2 * node + went_right]
                if step % 4 == 3 and self.leaf[node].all():
                    break
            out[start : start + len(part)] += self.value[node].sum(axis=1)
        return out


def trees_from_dict(data: dict[str, Any]) -> BoostedTrees:
    """Trees from their JSON form: a baseline and a list of node tables."""
    tables: Sequence[dict[str, list[float]]] = data["trees"]
    roots, offset = [], 0
    columns: dict[str, list[float]] = {k: [] for k in ("feature", "threshold", "left", "right", "value")}
    for table in tables:
        roots.append(offset)
        n = len(table["value"])
        for key in ("feature", "threshold", "value"):
            columns[key].extend(table[key])
        # Children are numbered within their tree; in the flat table they move with it.
        for key in ("left", "right"):
            columns[key].extend(int(c) + offset if c >= 0 else -1 for c in table[key])
        offset += n
    feature = np.asarray(columns["feature"], dtype=np.int64)
    leaf = feature < 0
    left = np.asarray(columns["left"], dtype=np.int64)
    right = np.asarray(columns["right"], dtype=np.int64)
    # A leaf's children point at itself, so rows that reached it stay there.
    index = np.arange(len(feature))
    left[leaf], right[leaf] = index[leaf], index[leaf]
    return BoostedTrees(
        baseline=float(data["baseline"]),
        roots=np.asarray(roots, dtype=np.int64),
        feature=np.where(leaf, 0, feature),
        threshold=np.asarray(columns["threshold"], dtype=np.float64),
        children=np.stack([left, right], axis=1).ravel(),
        value=np.where(leaf, np.asarray(columns["value"], dtype=np.float64), 0.0),
        leaf=leaf,
        depth=int(data["depth"]),
    )
