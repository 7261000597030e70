"""Story clustering at scale: articles/second, whether time per article stays flat, peak memory.

Writes a synthetic corpus of events reported by several outlets (bench/corpus.py `story_corpus`,
with wire copies) as JSON Lines, streams it through the same path `newsprism cluster` takes
(read_inputs -> StoryClusterer), and prints throughput per window of articles, the peak resident
memory, and B-cubed F1 against the events the generator made.

    python bench/cluster_scale.py [--n 100000] [--every 10000] [--seed 11]

Targets (issue "Group articles into stories"): 100,000 articles in under 30 minutes on a 2-core
machine, memory under 4 GB, time per article flat from 10k to 100k.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import story_corpus, write_jsonl
from newsprism.ingest import ArticleDefaults, IngestError, read_inputs
from newsprism.model import Article
from newsprism.stories.cluster import StoryClusterer
from newsprism.stories.evaluate import score_clusters


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--max-minutes", type=float, default=30.0)
    parser.add_argument("--max-gb", type=float, default=4.0)
    args = parser.parse_args()

    gold: dict[str, str] = {}

    def labelled():
        for article, story in story_corpus(args.n, args.seed):
            gold[article.id] = story
            yield article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        written = write_jsonl(labelled(), path)
        size = path.stat().st_size / 1e6
        print(
            f"input: {written:,} articles in {len(set(gold.values())):,} events, {size:.1f} MB of JSON Lines"
        )
        clusterer = StoryClusterer()
        start = last = time.perf_counter()
        failed = 0

        def articles():
            nonlocal failed
            for item in read_inputs([str(path)], ArticleDefaults()):
                if isinstance(item, IngestError):
                    failed += 1
                elif isinstance(item, Article):
                    yield item

        rates = []
        for done, _ in enumerate(clusterer.add_many(articles()), start=1):
            if done % args.every == 0:
                now = time.perf_counter()
                rate = args.every / (now - last)
                rates.append(rate)
                print(
                    f"  {done:>8,} articles  {rate:7.1f} articles/s in this window  "
                    f"peak RSS {peak_rss_mb():8.1f} MB  stories {len(clusterer.stories):,}",
                    flush=True,
                )
                last = now
        clusterer.refine()
        total = time.perf_counter() - start
    pred = {a.id: a.story for a in clusterer.assignments()}
    scores = score_clusters(gold, pred)
    copies = sum(1 for a in clusterer.assignments() if a.duplicate_of)
    print(
        f"total: {written:,} articles in {total / 60:.1f} min ({written / total:.1f} articles/s), "
        f"peak RSS {peak_rss_mb() / 1024:.2f} GB, {failed} unreadable"
    )
    print(
        f"stories: {scores.predicted_stories:,} (gold {scores.gold_stories:,}), copies found {copies:,}; "
        f"B-cubed P {scores.bcubed_precision:.3f} R {scores.bcubed_recall:.3f} F1 {scores.bcubed_f1:.3f}"
    )
    ok = total / 60 <= args.max_minutes * written / 100_000 and peak_rss_mb() / 1024 <= args.max_gb
    if len(rates) >= 2:
        drift = rates[-1] / rates[0]
        print(f"time per article, last window vs first: {1 / drift:.2f}x")
        ok = ok and drift >= 0.7
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
