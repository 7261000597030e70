"""Article vectors for story placement: title and lead through MiniLM, capped in tokens.

Placing an article needs its what, who and where, which a title and the start of the lead
carry; the encoder's cost grows with every token, and at 100,000 articles it is most of the
cost of clustering. So leads are cut at LEAD_TOKENS word pieces (the encoder's own limit is
256), which on ECB+ dev leaves story quality where it was and embeds about a quarter faster.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from newsprism.compare.embed import embed, load_encoder

LEAD_TOKENS = 96


def embed_leads(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of `texts`, each read up to LEAD_TOKENS word pieces.

    The shared encoder's limit is lowered for the call and restored after: one encoder in
    memory, not two. Not safe to call from two threads at once (the CLI and the Dask workers,
    one thread each, never do).
    """
    model = load_encoder()
    saved = model.max_seq_length
    model.max_seq_length = min(saved, LEAD_TOKENS)
    try:
        return embed(texts)
    finally:
        model.max_seq_length = saved
        _release_freed_memory()


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def _release_freed_memory() -> None:
    """Hand the encoder's freed scratch memory back to the operating system.

    Each batch allocates large temporaries that glibc keeps in its heap after they are freed;
    the clusterer's small, long-lived arrays land between them, so the heap can never shrink and
    resident memory climbs by about 60 KB an article (bench/cluster_scale.py). Trimming after
    every batch keeps growth to what the clusterer really holds, about 11 KB an article.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
