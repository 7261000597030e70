"""Story clustering on local gun-incident news (gva-dev), split by incident into a tuning and a
confirming half, beside ECB+ dev and BASIL dev.

Every figure is reported for every set, never one alone: half A of gva-dev (incidents whose
hashed id is even) is where weights and thresholds are chosen (bench/train_stories.py trains on
it only), half B confirms them, and ECB+ dev and BASIL dev guard against tuning to one kind of
news. The whole of gva-dev is clustered once more in file order and timed: placing 2,964
articles must take at most 60 s on the development machine.

    python bench/cluster_gva.py              # every set, every figure
    python bench/cluster_gva.py --cached     # lead vectors from bench/out/leads.pkl (tuning runs)

--cached keeps the lead vectors of earlier runs, so that a tuning run measures the clusterer,
not the encoder; the timed run never uses it. Skips cleanly without ../shared/data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsprism.model import Article
from newsprism.stories.cluster import Encoder, StoryClusterer
from newsprism.stories.evaluate import ClusterScores, score_clusters

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "out"
SETS = {"ECB+ dev": "ecbplus-dev.jsonl", "BASIL dev": "basil-dev.jsonl"}
GVA = "gva-dev.jsonl"
TIME_LIMIT_S = 60.0


def half(story: str) -> str:
    """'A' or 'B': a fixed hash of the gold incident, so both halves hold whole incidents."""
    return "AB"[hashlib.sha1(story.encode("utf-8")).digest()[0] % 2]


def load(path: Path) -> tuple[list[Article], dict[str, str]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = [
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            source=r.get("source"),
            url=r.get("url"),
            published=r.get("published"),
        )
        for r in rows
    ]
    return articles, {r["id"]: str(r["gold"]["story"]) for r in rows}


def gva_halves(articles: list[Article], gold: dict[str, str]) -> dict[str, list[Article]]:
    return {name: [a for a in articles if half(gold[a.id]) == name] for name in "AB"}


class CachedEncoder:
    """The lead encoder with a memo on disk: tuning runs re-cluster, they need not re-embed."""

    def __init__(self, path: Path = OUT / "leads.pkl") -> None:
        from newsprism.stories.embed import embed_leads

        self.path = path
        self.encode = embed_leads
        self.memo: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
        self.added = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if todo:
            for text, vector in zip(todo, self.encode(todo), strict=True):
                self.memo[text] = np.asarray(vector, dtype=np.float32)
            self.added += len(todo)
        return np.stack([self.memo[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        if self.added:
            OUT.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.memo))


def cluster(articles: list[Article], encoder: Encoder | None = None) -> dict[str, str]:
    clusterer = StoryClusterer(encoder=encoder)
    for _ in clusterer.add_many(articles):
        pass
    clusterer.refine()
    return {a.id: a.story for a in clusterer.assignments()}


def line(name: str, scores: ClusterScores) -> str:
    return (
        f"{name:10s} B-cubed P {scores.bcubed_precision:.3f} R {scores.bcubed_recall:.3f} "
        f"F1 {scores.bcubed_f1:.3f}  ARI {scores.adjusted_rand_index:.3f}  "
        f"stories {scores.predicted_stories} (gold {scores.gold_stories})"
    )


def evaluate(encoder: Encoder | None) -> dict[str, ClusterScores]:
    """Scores of every set present, in file order: GVA A, GVA B, ECB+ dev, BASIL dev."""
    results: dict[str, ClusterScores] = {}
    if (DATA / GVA).exists():
        articles, gold = load(DATA / GVA)
        for name, part in gva_halves(articles, gold).items():
            results[f"GVA {name}"] = score_clusters({a.id: gold[a.id] for a in part}, cluster(part, encoder))
    for name, file in SETS.items():
        if (DATA / file).exists():
            articles, gold = load(DATA / file)
            results[name] = score_clusters(gold, cluster(articles, encoder))
    return results


def timed_gva() -> tuple[float, ClusterScores] | None:
    """Seconds to cluster the whole of gva-dev from text (encoder included, model loaded
    beforehand), and the scores of that run."""
    if not (DATA / GVA).exists():
        return None
    from newsprism.stories.embed import embed_leads

    embed_leads(["warm up"])
    articles, gold = load(DATA / GVA)
    start = time.perf_counter()
    pred = cluster(articles)
    return time.perf_counter() - start, score_clusters(gold, pred)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cached", action="store_true", help="reuse lead vectors from bench/out/leads.pkl")
    parser.add_argument("--no-time", action="store_true", help="skip the timed run over the whole of gva-dev")
    args = parser.parse_args()
    if not any((DATA / f).exists() for f in (GVA, *SETS.values())):
        print(f"skipped: no evaluation sets under {DATA}")
        return 0
    encoder = CachedEncoder() if args.cached else None
    for name, scores in evaluate(encoder).items():
        print(line(name, scores))
    if isinstance(encoder, CachedEncoder):
        encoder.save()
    if not args.no_time and (timed := timed_gva()) is not None:
        seconds, scores = timed
        verdict = "within" if seconds <= TIME_LIMIT_S else "OVER"
        print(line("GVA all", scores))
        print(
            f"gva-dev, {scores.articles} articles clustered in {seconds:.1f} s "
            f"({verdict} {TIME_LIMIT_S:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
