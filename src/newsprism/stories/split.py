"""When one story holds two events: split it on the words that only some of its articles share.

Two events of one kind (two shootings in one town, a rehab stay in 2008 and another in 2013)
share most of their vocabulary, so by corpus-wide weights their articles look alike and can end
up in one story. Inside that story, though, the shared words carry no information: weighting
terms and names by how rare they are *within the story* leaves the ones that tell the events
apart (the victims' names, the venue, the score). The story is cut in two by average linkage
on that local similarity, and the cut is kept only when it holds in both words and meaning:
each part must be much closer within itself than to the other by the local word similarity
*and* by the articles' lead vectors, the product of the two ratios under SPLIT_RATIO. Words alone
cut single events whose reports dwell on different details (the arrest, the court date); the
vectors alone barely tell two earthquakes apart; together they separate the two events of an
ECB+ topic and never cut BASIL's same-event triplets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

Bag = tuple[np.ndarray, np.ndarray]
"""Term ids and their (sublinear) counts for one article."""

SPLIT_RATIO = 0.5
"""A cut is kept when (cross / within by words) x (cross / within by vectors) is under this,
where cross is the parts' mean similarity to each other and within the smaller of their own
means (tuned on ECB+ dev, where values around it score alike)."""
MIN_PART = 3
"""A part smaller than this is not a story of its own: two articles agreeing is not evidence."""


def local_similarity(bags: Sequence[Bag]) -> np.ndarray:
    """Cosine of tf-idf vectors with idf taken among these articles; words in one article only
    are dropped (they cannot tie anything together)."""
    n = len(bags)
    df: dict[int, int] = {}
    for ids, _ in bags:
        for i in ids.tolist():
            df[i] = df.get(i, 0) + 1
    shared = {i: k for k, i in enumerate(t for t, count in df.items() if count >= 2)}
    if not shared:
        return np.zeros((n, n))
    matrix = np.zeros((n, len(shared)))
    for row, (ids, tf) in enumerate(bags):
        for i, weight in zip(ids.tolist(), tf.tolist(), strict=True):
            column = shared.get(i)
            if column is not None:
                matrix[row, column] = weight * (np.log((n + 1) / (df[i] + 1)) + 1.0)
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    unit = matrix / norms[:, None]
    return np.asarray(unit @ unit.T)


def _mean_off_diagonal(block: np.ndarray) -> float:
    n = block.shape[0]
    if n < 2:
        return 1.0
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def _separation(sim: np.ndarray, first: list[int], second: list[int]) -> float:
    """Mean similarity across the parts over the smaller mean within a part (low: well apart)."""
    within = min(
        _mean_off_diagonal(sim[np.ix_(first, first)]), _mean_off_diagonal(sim[np.ix_(second, second)])
    )
    cross = float(sim[np.ix_(first, second)].mean())
    return cross / within if within > 0 else 1.0


def bisect(
    terms: Sequence[Bag],
    names: Sequence[Bag],
    vectors: np.ndarray,
    ratio: float = SPLIT_RATIO,
    min_part: int = MIN_PART,
) -> tuple[list[int], list[int]] | None:
    """The two parts (positions into the inputs) when the articles hold two events, else None.

    `vectors` are the articles' unit lead vectors, one row each.
    """
    n = len(terms)
    if n < 2 * min_part:
        return None
    sim = (local_similarity(terms) + local_similarity(names)) / 2
    dist = np.clip(1.0 - sim, 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), t=2, criterion="maxclust")
    first = [k for k in range(n) if labels[k] == labels[0]]
    second = [k for k in range(n) if labels[k] != labels[0]]
    if len(first) < min_part or len(second) < min_part:
        return None
    unit = np.asarray(vectors, dtype=np.float32)
    if _separation(sim, first, second) * _separation(unit @ unit.T, first, second) >= ratio:
        return None
    return first, second
