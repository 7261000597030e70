"""Bulk throughput: WARC extraction, analysis and story placement, one process vs Dask workers.

Builds a gzipped WARC of realistic news pages from synthetic article text (bench/warc_extract.py),
times extraction through `read_inputs`, then times the analysis and the clustering of the
extracted articles in this process, on a local Dask cluster of one worker and of two, and
prints articles/second and the peak memory of the client and of each worker.

    python bench/scale_dask.py [--pages 2000] [--analyze 600] [--cluster 3000]

Targets (issue "Read the news where it lives"): extraction at 200 pages/s or more; analysis on
Dask with 2 workers at least 1.7x Dask with 1 worker on a 2-core machine. Run it on an idle
machine: anything else on the cores is counted against the workers.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import story_corpus
from newsprism.analyze.pipeline import analyze
from newsprism.ingest import IngestError, read_inputs
from newsprism.model import Article
from newsprism.scale.dask_runner import DaskOptions, analyze_distributed, cluster_distributed, dask_client
from newsprism.stories.cluster import StoryClusterer
from warc_extract import write_news_warc


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024


def _warm_encoder() -> None:
    from newsprism.lang.encoder import embed

    embed(["warm up"])


def timed(label: str, count: int, run) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    rate = count / seconds
    print(f"  {label:<34} {count:>6,} in {seconds:7.1f} s  {rate:8.1f} /s", flush=True)
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--analyze", type=int, default=600)
    parser.add_argument("--cluster", type=int, default=3000)
    args = parser.parse_args()
    ok = True

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "news.warc.gz"
        write_news_warc(warc, args.pages)
        print(f"WARC: {args.pages:,} pages, {warc.stat().st_size / 1e6:.1f} MB gzipped")
        extracted: list[Article] = []

        def extract() -> None:
            for item in read_inputs([str(warc)]):
                if not isinstance(item, IngestError):
                    extracted.append(item)

        pages = timed("extraction (one process)", args.pages, extract)
        ok &= pages >= 200

    to_analyze = extracted[: args.analyze]
    print(f"analysis of {len(to_analyze)} extracted articles:")
    timed("one process", len(to_analyze), lambda: list(analyze(to_analyze)))
    rates = {}
    for workers in (1, 2):
        with dask_client(DaskOptions(workers=workers)) as client:
            client.run(lambda: list(analyze([Article(id="warm", text="A warm-up sentence.")])))
            rates[workers] = timed(
                f"Dask, {workers} worker(s)",
                len(to_analyze),
                lambda c=client: list(analyze_distributed(to_analyze, c)),
            )
            peaks = client.run(_worker_peak_mb)
            print(f"    worker peak RSS: {', '.join(f'{v:.0f} MB' for v in peaks.values())}")
    speedup = rates[2] / rates[1]
    print(f"  speed-up, 2 workers vs 1: {speedup:.2f}x")
    ok &= speedup >= 1.7

    corpus = [a for a, _ in story_corpus(args.cluster, seed=3)]
    print(f"story placement of {len(corpus):,} articles:")

    def single() -> None:
        clusterer = StoryClusterer()
        for _ in clusterer.add_many(corpus):
            pass
        clusterer.refine()

    timed("one process", len(corpus), single)
    with dask_client(DaskOptions(workers=2)) as client:
        client.run(_warm_encoder)
        timed("Dask, 2 workers (prepare) + client", len(corpus), lambda: cluster_distributed(corpus, client))
    print(f"client peak RSS {rss_mb():.0f} MB")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
