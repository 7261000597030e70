"""The second meaning model: unit vectors, paraphrases closer than a shared topic, bounded input."""

from __future__ import annotations

import time

import numpy as np
import pytest

from newsprism.lang.paraphrase import DIMENSIONS, MAX_CHARS, embed_paraphrase

pytestmark = pytest.mark.slow


def test_a_paraphrase_lands_closer_than_a_sentence_on_the_same_topic() -> None:
    vectors = embed_paraphrase(
        [
            "The mayor unveiled a sweeping plan to rebuild the harbour on Monday.",
            "A far-reaching proposal to redo the port was presented by the mayor at the start of the week.",
            "The harbour was busy with ferries on Monday.",
        ]
    )
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_empty_input_and_empty_texts_give_zero_rows() -> None:
    assert embed_paraphrase([]).shape == (0, DIMENSIONS)
    vectors = embed_paraphrase(["", "   ", "Rain fell."])
    assert not vectors[0].any() and not vectors[1].any()
    assert np.linalg.norm(vectors[2]) == pytest.approx(1.0, abs=1e-5)


def test_a_hostile_sentence_is_read_only_up_to_its_bound() -> None:
    # The engine does not cut its input; a megabyte "sentence" must cost what its first
    # MAX_CHARS characters cost, and read the same.
    head = "The council voted to close the bridge after the storm damaged it. " * 20
    embed_paraphrase([head[:MAX_CHARS]])
    started = time.perf_counter()
    huge = embed_paraphrase([head + "x" * 1_000_000])
    assert time.perf_counter() - started < 30
    assert huge[0] @ embed_paraphrase([head[:MAX_CHARS]])[0] == pytest.approx(1.0, abs=1e-3)
