"""Throughput of near-duplicate detection: articles per second through `DuplicateIndex.add`.

The target is well over 500 articles a second for 400-word articles on one core. Articles come
from bench/corpus.py (synthetic, our own templates), each cut to `--words` words; a share of
them (`--copies`) is followed by an edited copy (new headline, a dropped sentence, a credit
line), so the LSH query and signature check run on real matches, not only on misses. Exact
copies are left out on purpose: they are answered from a dict and would flatter the figure.
The best of `--repeats` runs counts, each on a fresh index, timed on this process's CPU time.

    python bench/dedup_speed.py [--n 5000] [--words 400] [--copies 0.2] [--repeats 3] [--min-rate 500]

Exits 1 when the rate falls below `--min-rate`, so `make bench` would flag a regression.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from corpus import synthetic_articles
from newsprism.model import Article
from newsprism.stories.dedup import DuplicateIndex


def cut(article: Article, words: int) -> Article:
    """The article with its body cut to its first `words` words."""
    return Article(id=article.id, title=article.title, text=" ".join(article.text.split()[:words]))


def edited_copy(article: Article, rng: random.Random) -> Article:
    """What a reprint looks like: another headline, one sentence fewer, a credit line at the end."""
    sentences = article.text.split(". ")
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    text = ". ".join(sentences) + "\n\nReporting by Jane Doe; editing by John Roe"
    return Article(id=article.id + "-copy", title=f"UPDATE 1-{article.title}", text=text)


def workload(n: int, words: int, copies: float, seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles: list[Article] = []
    for article in synthetic_articles(n, seed=seed):
        if len(articles) >= n:
            break
        original = cut(article, words)
        articles.append(original)
        if rng.random() < copies and len(articles) < n:
            articles.append(edited_copy(original, rng))
    return articles


def run_once(articles: list[Article]) -> tuple[float, int]:
    """CPU seconds to add every article to a fresh index, and how many were found to be copies."""
    index = DuplicateIndex()
    start = time.process_time()
    found = sum(index.add(a.id, a.text, title=a.title) is not None for a in articles)
    return time.process_time() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-rate", type=float, default=500.0)
    args = parser.parse_args()

    articles = workload(args.n, args.words, args.copies, args.seed)
    expected = sum(a.id.endswith("-copy") for a in articles)
    mean_words = sum(len(a.text.split()) for a in articles) / len(articles)
    seconds, found = min(run_once(articles) for _ in range(args.repeats))
    rate = len(articles) / seconds
    print(f"{len(articles)} articles, {mean_words:.0f} words on average, {expected} edited copies")
    print(f"found {found} copies; {seconds:.2f} s CPU; {rate:,.0f} articles/s")
    if rate < args.min_rate:
        print(f"below the target of {args.min_rate:,.0f} articles/s", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
