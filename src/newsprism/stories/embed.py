"""Article vectors for story placement: title and lead through MiniLM, capped in tokens.

Placing an article needs its what, who and where, which a title and the start of the lead
carry; the encoder's cost grows with every token, and at 100,000 articles it is most of the
cost of clustering. So leads are cut at LEAD_TOKENS word pieces (the encoder's own limit is
256), which on ECB+ dev leaves story quality where it was and embeds about a quarter faster.

Where the processor computes in bfloat16 natively (AVX-512 BF16 or AMX: recent EPYC and Xeon),
the encoder runs under bfloat16 autocast, about twice as fast on two cores; the unit vectors
agree with float32 to a cosine above 0.9999 (bench/cluster_scale.py, ECB+ dev unchanged), well
inside the float16 rounding `prepare_batch` applies anyway. Elsewhere bfloat16 is emulated and
slower, so float32 stays. NEWSPRISM_BF16=0 or 1 overrides the choice.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.lang.encoder import embed, load_encoder

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
        with _autocast():
            return embed(texts)
    finally:
        model.max_seq_length = saved
        _release_freed_memory()


def _autocast() -> Any:
    """bfloat16 autocast where the encoder runs on a CPU that computes it natively."""
    if not use_bfloat16():
        return nullcontext()
    import torch

    return torch.autocast("cpu", dtype=torch.bfloat16)


@lru_cache(maxsize=1)
def use_bfloat16() -> bool:
    """Whether lead vectors are computed in bfloat16: NEWSPRISM_BF16 when set, else whether
    the CPU has native bfloat16 arithmetic (Linux: avx512_bf16 or amx_bf16 in /proc/cpuinfo)."""
    chosen = os.environ.get("NEWSPRISM_BF16")
    if chosen is not None:
        return chosen.strip().lower() not in ("0", "", "false", "no")
    if os.environ.get("NEWSPRISM_DEVICE", "cpu") != "cpu":
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


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
