"""Candidate stories for an article from bounded keys and vector buckets, never a scan."""

from __future__ import annotations

import numpy as np

from newsprism.stories.index import POSTING_CAP, CandidateIndex


def unit(seed: int, dim: int = 16) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vector / np.linalg.norm(vector)


def test_stories_sharing_keys_or_buckets_come_back_most_shared_first() -> None:
    index = CandidateIndex(dim=16)
    index.add("s1", [1, 2, 3], unit(1))
    index.add("s2", [3], unit(2))
    found = index.candidates([1, 2, 3], unit(1), lambda s: s, limit=5)
    assert found[0] == "s1" and set(found) == {"s1", "s2"}


def test_merged_stories_resolve_and_dropped_ones_vanish() -> None:
    index = CandidateIndex(dim=16)
    index.add("old", [7], unit(3))
    index.add("gone", [7], unit(4))
    merged = {"old": "new", "gone": None}
    assert index.candidates([7], unit(5), merged.get, limit=5) == ["new"]


def test_posting_lists_keep_only_the_most_recent_stories() -> None:
    index = CandidateIndex(dim=16)
    for n in range(POSTING_CAP + 5):
        index.add(f"s{n}", [42], unit(n))
    found = index.candidates([42], unit(1000), lambda s: s, limit=POSTING_CAP + 10)
    assert "s0" not in found and f"s{POSTING_CAP + 4}" in found
    assert len(index.buckets(unit(1))) == 8
