"""Candidate stories for a new article, found without looking at every story.

Two indexes, both with bounded posting lists so that placing an article costs the same whether
the corpus holds a thousand stories or a million:

- keys: an article's most distinctive terms and names (by tf-idf) each point to the stories that
  most recently took an article with that key;
- SimHash LSH over the article vectors: a few tables of random-hyperplane signatures, each
  bucket pointing to the stories recently placed there, for paraphrases that share few words.

A story that was merged away stays in old posting lists; `resolve` maps it to the story that
absorbed it, and the time window drops stories far from the article's day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress

import numpy as np

POSTING_CAP = 48
"""Stories kept per key or bucket: the most recent ones, which are the ones a new article joins."""
LSH_TABLES = 8
LSH_BITS = 12


class CandidateIndex:
    """Keys and vector buckets -> recent story ids."""

    def __init__(self, dim: int = 384, seed: int = 13) -> None:
        rng = np.random.default_rng(seed)
        self._planes = rng.standard_normal((LSH_TABLES, LSH_BITS, dim)).astype(np.float32)
        self._powers = 1 << np.arange(LSH_BITS)
        self._keys: dict[int, list[str]] = {}
        self._buckets: dict[tuple[int, int], list[str]] = {}

    def buckets(self, vector: np.ndarray) -> list[tuple[int, int]]:
        bits = (self._planes @ vector) > 0
        codes = bits.astype(np.int64) @ self._powers
        return [(table, int(code)) for table, code in enumerate(codes)]

    def add(self, story: str, keys: Iterable[int], vector: np.ndarray) -> None:
        """Record that `story` just took an article with these keys and this vector."""
        for key in keys:
            self._post(self._keys.setdefault(key, []), story)
        for bucket in self.buckets(vector):
            self._post(self._buckets.setdefault(bucket, []), story)

    @staticmethod
    def _post(posting: list[str], story: str) -> None:
        # Moving the story to the recent end keeps a busy story from being pushed out by the
        # many small ones that share its keys.
        if posting and posting[-1] == story:
            return
        # Plain lists, not deques: most keys hold one or two stories, and a deque costs ten
        # times a short list's memory.
        with suppress(ValueError):
            posting.remove(story)
        posting.append(story)
        if len(posting) > POSTING_CAP:
            del posting[0]

    def candidates(
        self,
        keys: Iterable[int],
        vector: np.ndarray,
        resolve: Callable[[str], str | None],
        limit: int,
    ) -> list[str]:
        """Live stories sharing keys or buckets with the article, the most shared first."""
        hits: Counter[str] = Counter()
        # Counter.update counts an iterable in C: this runs for every article placed.
        for key in keys:
            hits.update(self._keys.get(key, ()))
        for bucket in self.buckets(vector):
            hits.update(self._buckets.get(bucket, ()))
        live: Counter[str] = Counter()
        for story, count in hits.items():
            target = resolve(story)
            if target is not None:
                live[target] += count
        return [story for story, _ in live.most_common(limit)]
