"""unit_rows: what the plain-engine encoders share (bounds, batches, empty texts)."""

from __future__ import annotations

import numpy as np

from newsprism.lang.batches import unit_rows


def test_rows_are_unit_length_and_empty_texts_stay_zero_without_asking_the_engine() -> None:
    calls: list[list[str]] = []

    def engine(chunk: list[str]) -> np.ndarray:
        calls.append(chunk)
        return np.array([[len(t), 1.0] for t in chunk])

    rows = unit_rows(["abc", "", "  ", "de" * 10, "f"], engine, dimensions=2, max_chars=5, batch=2)
    assert rows.shape == (5, 2)
    assert not rows[1].any() and not rows[2].any()
    assert np.allclose(np.linalg.norm(rows[[0, 3, 4]], axis=1), 1.0)
    # Batches of two at most, each text cut to five characters.
    assert calls == [["abc", "dedede"[:5]], ["f"]]
    assert unit_rows(["", " "], engine, dimensions=2, max_chars=5).shape == (2, 2)
    assert len(calls) == 2
