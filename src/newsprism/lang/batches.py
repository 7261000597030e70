"""Unit vectors from an encoder that reads lists of texts: shared by the encoders that ship as
plain engines (lang/multilingual.py, lang/paraphrase.py), not by MiniLM's sentence-transformers.

Each text is read up to a bound (an engine's cost grows with its input, and a hostile "sentence"
of a megabyte must not stall a comparison), empty texts are never sent, and the engine is asked
in batches, so one call never holds more than a batch of vectors in its own buffers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


def unit_rows(
    texts: Sequence[str],
    encode: Callable[[list[str]], Any],
    dimensions: int,
    max_chars: int,
    batch: int = 64,
) -> np.ndarray:
    """One unit-length row per text (an empty text gives a zero row); `encode` is called only
    when some text is not empty, with at most `batch` texts of at most `max_chars` characters."""
    out = np.zeros((len(texts), dimensions), dtype=np.float32)
    todo = [(k, text[:max_chars]) for k, text in enumerate(texts) if text.strip()]
    for at in range(0, len(todo), batch):
        chunk = todo[at : at + batch]
        vectors = np.asarray(encode([text for _, text in chunk]), dtype=np.float32).reshape(len(chunk), -1)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out[[k for k, _ in chunk]] = vectors / np.maximum(norms, 1e-9)
    return out
