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


def vectors(groups: list[int], spread: float = 0.6, seed: int = 3) -> np.ndarray:
    """Unit vectors around one centre per group, `spread` apart from the shared direction."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=16)
    centres = [common + spread * rng.normal(size=16) * 4 for _ in range(max(groups) + 1)]
    rows = np.array([centres[g] + 0.3 * rng.normal(size=16) for g in groups])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_two_events_of_one_kind_are_cut_apart():
    texts = FIRST[:2] + SECOND[:2] + FIRST[2:] + SECOND[2:]
    events = [0, 0, 1, 1, 0, 0, 1, 1]
    parts = bisect([bag(t) for t in texts], [bag(t) for t in texts], vectors(events))
    assert parts is not None
    assert sorted(map(sorted, parts)) == [[0, 1, 4, 5], [2, 3, 6, 7]]


def test_a_cut_in_words_alone_is_not_kept_when_the_meaning_is_one():
    """Reports of one bout, some dwelling on the arrest after it, some on the opponent: apart in
    words (a split by words alone, the rule before, would cut), one in meaning."""
    base = SHARED + "rahman mannheim seventh saturday ibf "
    arrest = [base + "arrest court bail judge " + e for e in ("crowd", "referee", "corner", "jab")]
    bout = [base + "thompson bern sixth wbo " + e for e in ("crowd", "cut", "belts", "hook")]
    texts = arrest[:2] + bout[:2] + arrest[2:] + bout[2:]
    bags = [bag(t) for t in texts]
    assert bisect(bags, bags, vectors([0] * len(texts), spread=0.0)) is None
    # The same words with vectors that also fall apart: two events, cut.
    parts = bisect(bags, bags, vectors([0, 0, 1, 1, 0, 0, 1, 1]))
    assert parts is not None and sorted(map(sorted, parts)) == [[0, 1, 4, 5], [2, 3, 6, 7]]


def test_one_event_stays_whole_and_small_stories_are_not_cut():
    extras = ["a", "b", "c", "d", "e", "f", "g"]
    same = [SHARED + "rahman mannheim seventh saturday ibf " + extra for extra in extras]
    assert bisect([bag(t) for t in same], [bag(t) for t in same], vectors([0] * len(same))) is None
    few = FIRST[:2] + SECOND[:2]
    assert bisect([bag(t) for t in few], [bag(t) for t in few], vectors([0, 0, 1, 1])) is None
