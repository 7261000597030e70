"""Speed of the whole analysis against a bare en_core_web_sm pass over the same texts.

The target: analysing an article costs at most 2x a bare spaCy pass. Both sides run on the same
texts, each warmed up once, then timed alternately (bare, full, bare, full, ...) so that load
from other work on a shared machine falls on both alike; the best of `--repeats` counts. The
script exits 1 when the ratio exceeds `--max-ratio`, so `make bench` flags a regression.

A per-component breakdown follows, timed over documents parsed beforehand, so whoever reads a
regression sees at once which reader grew.

    python bench/analysis_speed.py [CORPUS.jsonl] [--limit 300] [--repeats 3] [--max-ratio 2.0]

Without CORPUS the PolNeAR development texts in ../shared/data are used when present (read in
place), else synthetic articles from bench/corpus.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from corpus import load_articles
from newsprism.analyze.citations import extract_citations
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.entities import extract_entities
from newsprism.analyze.nlp import MODEL_PACKAGE, load_nlp
from newsprism.analyze.numbers import extract_numbers
from newsprism.analyze.pipeline import BATCH_SIZE, analyze, published_date
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.roles import attach_roles
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Analysis, Article
from newsprism.render.json import analysis_to_dict

WARMUP = 16  # articles: enough to load lazy tables and fill caches without doubling the run


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def compare_speed(bare: Language, articles: list[Article], repeats: int) -> tuple[float, float]:
    """Best-of-`repeats` seconds for (bare spaCy pass, whole analysis), timed alternately."""
    texts = [a.text for a in articles]
    list(bare.pipe(texts[:WARMUP], batch_size=BATCH_SIZE))
    list(analyze(articles[:WARMUP]))
    bare_s, full_s = [], []
    for r in range(repeats):
        bare_s.append(timed(lambda: list(bare.pipe(texts, batch_size=BATCH_SIZE))))
        full_s.append(timed(lambda: list(analyze(articles))))
        print(f"  run {r + 1}: bare {bare_s[-1]:.2f}s  full {full_s[-1]:.2f}s", flush=True)
    return min(bare_s), min(full_s)


def breakdown(articles: list[Article], repeats: int) -> dict[str, float]:
    """Seconds per stage of `pipeline.analyze`, each reader timed over documents parsed beforehand."""
    nlp = load_nlp()
    docs: list[Doc] = []
    parse_s = timed(lambda: docs.extend(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)))
    best: dict[str, float] = {}
    for _ in range(repeats):
        spent = dict.fromkeys(
            ("sentences", "entities", "roles", "quotes", "dates", "numbers", "citations", "json"), 0.0
        )
        for doc, article in zip(docs, articles, strict=True):
            t0 = time.perf_counter()
            sents = SentenceIndex(doc)
            sentence_list = sents.sentences()
            t1 = time.perf_counter()
            entities = extract_entities(doc, sents)
            t2 = time.perf_counter()
            attach_roles(doc, sents, entities)
            t3 = time.perf_counter()
            quotes = extract_quotes(doc, sents, entities)
            t4 = time.perf_counter()
            dates = extract_dates(doc, sents, published_date(article))
            t5 = time.perf_counter()
            numbers = extract_numbers(doc, sents)
            t6 = time.perf_counter()
            citations = extract_citations(doc, sents, article.credits)
            t7 = time.perf_counter()
            analysis = Analysis(
                id=article.id, language="en", sentences=sentence_list, entities=entities, quotes=quotes,
                dates=dates, numbers=numbers, citations=citations,
            )  # fmt: skip
            json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
            t8 = time.perf_counter()
            for key, a, b in (
                ("sentences", t0, t1), ("entities", t1, t2), ("roles", t2, t3), ("quotes", t3, t4),
                ("dates", t4, t5), ("numbers", t5, t6), ("citations", t6, t7), ("json", t7, t8),
            ):  # fmt: skip
                spent[key] += b - a
        for key, value in spent.items():
            best[key] = min(best.get(key, value), value)
    return {"spaCy pass (project pipeline)": parse_s, **best}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="JSON Lines articles (default: PolNeAR dev)")
    parser.add_argument("--limit", type=int, default=300, help="articles to time (default 300)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per side; the best counts")
    parser.add_argument("--max-ratio", type=float, default=2.0, help="fail above this full/bare ratio")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic fallback corpus")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the per-component timing")
    args = parser.parse_args()

    name, articles = load_articles(args.corpus, args.limit, args.seed)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {name}: {len(articles)} articles, {words} words")
    bare = spacy.load(MODEL_PACKAGE)  # every component on: the yardstick the target names
    print(f"bare pipeline: {MODEL_PACKAGE} {bare.pipe_names}")
    print(f"timing best of {args.repeats}, alternating:")
    bare_s, full_s = compare_speed(bare, articles, args.repeats)
    ratio = full_s / bare_s
    n = len(articles)
    print(f"bare spaCy pass : {n / bare_s:7.2f} articles/s  ({bare_s:.2f}s, {words / bare_s:,.0f} words/s)")
    print(f"whole analysis  : {n / full_s:7.2f} articles/s  ({full_s:.2f}s, {words / full_s:,.0f} words/s)")
    print(f"ratio full/bare : {ratio:.2f}  (target <= {args.max_ratio})")

    if not args.no_breakdown:
        parts = breakdown(articles, args.repeats)
        readers = sum(v for k, v in parts.items() if k not in ("spaCy pass (project pipeline)", "json"))
        print("breakdown (readers timed over pre-parsed docs, best of runs; json is the CLI's output, "
              "not part of analyze()):")  # fmt: skip
        for key, value in [*parts.items(), ("all readers", readers)]:
            print(
                f"  {key:30s} {value:7.2f}s  {1000 * value / n:7.2f} ms/article  "
                f"{100 * value / bare_s:5.1f}% of bare"
            )

    if ratio > args.max_ratio:
        print(f"FAIL: the whole analysis costs {ratio:.2f}x a bare spaCy pass (limit {args.max_ratio}x)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
