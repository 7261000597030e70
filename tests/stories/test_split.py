"""Splitting a story that holds two events, and leaving one event whole."""

from __future__ import annotations

import numpy as np

from newsprism.stories.split import bisect

VOCAB: dict[str, int] = {}


def bag(words: str) -> tuple[np.ndarray, np.ndarray]:
    counts: dict[int, float] = {}
    for w in words.split():
        i = VOCAB.setdefault(w, len(VOCAB))
        counts[i] = counts.get(i, 0.0) + 1.0
    return np.array(list(counts), dtype=np.int32), np.array(list(counts.values()), dtype=np.float32)


SHARED = "boxer heavyweight title defend round knockout arena champion "
FIRST = [
    SHARED + "rahman mannheim seventh saturday ibf " + extra
    for extra in ("crowd", "referee", "corner", "jab")
]
SECOND = [SHARED + "thompson bern sixth wbo saturday " + extra for extra in ("crowd", "cut", "belts", "hook")]


def test_two_events_of_one_kind_are_cut_apart():
    texts = FIRST[:2] + SECOND[:2] + FIRST[2:] + SECOND[2:]
    parts = bisect([bag(t) for t in texts], [bag(t) for t in texts])
    assert parts is not None
    assert sorted(map(sorted, parts)) == [[0, 1, 4, 5], [2, 3, 6, 7]]


def test_one_event_stays_whole_and_small_stories_are_not_cut():
    extras = ["a", "b", "c", "d", "e", "f", "g"]
    same = [SHARED + "rahman mannheim seventh saturday ibf " + extra for extra in extras]
    assert bisect([bag(t) for t in same], [bag(t) for t in same]) is None
    few = FIRST[:2] + SECOND[:2]
    assert bisect([bag(t) for t in few], [bag(t) for t in few]) is None
