"""Which pairs the second meaning model weighs, and their probabilities once it has.

The second look (compare/links.py `SecondLook`, lang/paraphrase.py) reads a sentence at several
times the cost of the first. Most sentences of a story have no likely match in another outlet,
and the first look already says which: a sentence is read again only when its best first-look
probability against any other outlet's sentence reaches the second look's floor, the likeliest
first and at most `AlignConfig.second_looks` sentences per story, so that the cost of a comparison
is bounded whatever the story's size. A pair is weighed again when both its sentences were read;
every other pair keeps its first-look probability. bench/train_links.py chooses the link rule on
held-out probabilities combined exactly this way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.compare.links import SecondLook
from newsprism.compare.signals import PairBlock, StorySignals


def read_again(
    size: int,
    pairs: Sequence[tuple[np.ndarray, np.ndarray]],
    first: Sequence[np.ndarray],
    floor: float,
    most: int,
) -> np.ndarray:
    """A mask over the story's `size` sentence positions: those the second look reads.

    `pairs` gives, per block, each pair's two sentence positions; `first` the pair's first-look
    probability."""
    best = np.full(size, -1.0)
    for (a, b), p in zip(pairs, first, strict=True):
        if len(p):
            np.maximum.at(best, a, p)
            np.maximum.at(best, b, p)
    chosen = np.flatnonzero(best >= floor)
    if len(chosen) > most:
        chosen = chosen[np.argsort(-best[chosen], kind="stable")[: max(0, most)]]
    mask = np.zeros(size, dtype=bool)
    mask[chosen] = True
    return mask


def look_again(
    signals: StorySignals,
    blocks: Sequence[PairBlock],
    first: Sequence[np.ndarray],
    second: SecondLook,
    most: int,
) -> list[np.ndarray]:
    """Each block's probabilities after the second look: its own where both sentences were read,
    the first look's elsewhere."""
    pairs = [(block.rows[block.ii], block.cols[block.jj]) for block in blocks]
    mask = read_again(len(signals.sentences), pairs, first, second.floor, most)
    signals.paraphrase(np.flatnonzero(mask))  # one pass of the encoder over all it reads
    out = []
    for block, (a, b), p in zip(blocks, pairs, first, strict=True):
        both = mask[a] & mask[b]
        p = np.array(p, dtype=float, copy=True)
        if both.any():
            cosine = np.einsum("ij,ij->i", signals.paraphrase(a[both]), signals.paraphrase(b[both]))
            p[both] = second.probabilities(block.features[both], cosine)
        out.append(p)
    return out
