"""Story clustering quality on ECB+ dev and BASIL dev, beside a TF-IDF + average-linkage baseline.

Reads the evaluation sets from ../shared/data (skips cleanly without them), clusters each with
`StoryClusterer` in file order and in two shuffled orders (an incremental clusterer depends on
arrival order; the spread shows by how much), and scores B-cubed and ARI against `gold.story`.
The baseline clusters all articles at once by average linkage over TF-IDF cosine, its threshold
tuned on ECB+ dev: the figure the issue quotes (0.87 ECB+, 0.95 BASIL).

    python bench/cluster_quality.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np

from newsprism.model import Article
from newsprism.stories.cluster import StoryClusterer
from newsprism.stories.evaluate import score_clusters

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {"ECB+ dev": "ecbplus-dev.jsonl", "BASIL dev": "basil-dev.jsonl"}


def load(path: Path) -> tuple[list[Article], dict[str, str]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = [
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            source=r.get("source"),
            published=r.get("published"),
        )
        for r in rows
    ]
    return articles, {r["id"]: r["gold"]["story"] for r in rows}


def baseline(articles: list[Article], threshold: float) -> dict[str, str]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    matrix = tfidf.fit_transform([f"{a.title or ''}\n{a.text}" for a in articles])
    dist = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(
        linkage(squareform(dist, checks=False), "average"), t=1 - threshold, criterion="distance"
    )
    return {a.id: str(label) for a, label in zip(articles, labels, strict=True)}


def main() -> int:
    found = {name: DATA / file for name, file in SETS.items() if (DATA / file).exists()}
    if not found:
        print(f"skipped: no evaluation sets under {DATA}")
        return 0
    ecb_threshold = 0.15  # tuned on ECB+ dev over 0.05..0.9 in steps of 0.025
    for name, path in found.items():
        articles, gold = load(path)
        figures = []
        for seed in (0, 1, 2):
            order = articles[:]
            if seed:
                random.Random(seed).shuffle(order)
            clusterer = StoryClusterer()
            for _ in clusterer.add_many(order):
                pass
            clusterer.refine()
            scores = score_clusters(gold, {a.id: a.story for a in clusterer.assignments()})
            figures.append(scores)
            print(
                f"{name} order {seed}: B-cubed P {scores.bcubed_precision:.3f} R {scores.bcubed_recall:.3f} "
                f"F1 {scores.bcubed_f1:.3f}  ARI {scores.adjusted_rand_index:.3f}  "
                f"stories {scores.predicted_stories} (gold {scores.gold_stories})"
            )
        mean = sum(s.bcubed_f1 for s in figures) / len(figures)
        base = score_clusters(gold, baseline(articles, ecb_threshold))
        print(f"{name}: mean B-cubed F1 {mean:.3f}; TF-IDF + average linkage baseline {base.bcubed_f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
