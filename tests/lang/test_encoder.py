"""The sentence encoder: unit vectors, one per text, and word pieces with their spans."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.lang.encoder import embed, embed_with_tokens

pytestmark = pytest.mark.slow


def test_texts_embed_to_unit_vectors_closer_for_paraphrases() -> None:
    vectors = embed(["The bridge was closed.", "They shut the bridge.", "The team won the cup."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert embed([]).shape == (0, 384)


def test_word_pieces_point_back_into_their_text() -> None:
    text = "Cranes struck the harbour bridge."
    vectors, pieces = embed_with_tokens([text])
    assert vectors.shape == (1, 384) and len(pieces) == 1
    spans = pieces[0].spans
    assert pieces[0].vectors.shape[0] == len(spans)
    assert any(text[a:b].lower() == "bridge" for a, b in spans)
