"""Article vectors for story placement: title and lead through MiniLM, capped in tokens.

Placing an article needs its what, who and where, which a title and the start of the lead
carry; the encoder's cost grows with every token, and on a large corpus it is most of the cost
of clustering. So leads are cut at LEAD_TOKENS word pieces (below the encoder's own limit),
which on ECB+ dev leaves story quality where it was and embeds faster (bench/cluster_scale.py).

Where the processor computes in bfloat16 natively (AVX-512 BF16 or AMX: recent EPYC and Xeon),
the encoder runs under bfloat16 autocast, which is faster there; the unit vectors agree with
float32 well inside the float16 rounding `prepare_batch` applies anyway (tests/stories/test_embed.py
holds them to it). Elsewhere bfloat16 is emulated and slower, so float32 stays.
NEWSPRISM_BF16=0 or 1 overrides the choice (see newsprism.settings).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.lang.encoder import embed, load_encoder
from newsprism.settings import Settings, settings_from_env

LEAD_TOKENS = 96


def embed_leads(texts: Sequence[str], *, bfloat16: bool | None = None) -> np.ndarray:
    """Unit vectors of `texts`, each read up to LEAD_TOKENS word pieces, under bfloat16 autocast
    when `bfloat16` says so (by default, `use_bfloat16()`).

    The shared encoder's limit is lowered for the call and restored after: one encoder in
    memory, not two. Not safe to call from two threads at once (the CLI and the Dask workers,
    one thread each, never do).
    """
    model = load_encoder()
    saved = model.max_seq_length
    model.max_seq_length = min(saved, LEAD_TOKENS)
    try:
        with _autocast(use_bfloat16() if bfloat16 is None else bfloat16):
            return embed(texts)
    finally:
        model.max_seq_length = saved
        _release_freed_memory()


def _autocast(bfloat16: bool) -> Any:
    if not bfloat16:
        return nullcontext()
    import torch

    return torch.autocast("cpu", dtype=torch.bfloat16)


def use_bfloat16(settings: Settings | None = None) -> bool:
    """Whether lead vectors are computed in bfloat16: the settings' choice (NEWSPRISM_BF16) when
    made, else whether the encoder runs on a CPU with native bfloat16 arithmetic."""
    settings = settings_from_env() if settings is None else settings
    if settings.bfloat16 is not None:
        return settings.bfloat16
    return settings.device == "cpu" and cpu_has_bfloat16()


@lru_cache(maxsize=1)
def cpu_has_bfloat16() -> bool:
    """Whether this CPU computes bfloat16 natively (Linux: avx512_bf16 or amx_bf16 in /proc/cpuinfo)."""
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
    resident memory climbs with every batch. Trimming after every batch keeps growth to what the
    clusterer really holds (bench/cluster_scale.py reports the peak).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
