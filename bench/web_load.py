"""Web throughput: requests/second and p99 latency of the story page and the stories API.

Builds (or reuses) an archive of N synthetic articles (bench/corpus.py `story_corpus`, through
the real ingest workflow), serves it with `newsprism serve` in its own process, and drives it
from this process over loopback with a fixed number of concurrent keep-alive connections.

    python bench/web_load.py [--n 10000] [--db build/bench-archive.db] [--seconds 20] [--clients 16]

Target (issue "Keep a newsroom's archive"): at least 200 requests/second with p99 under 200 ms
for both, on a 10,000-article database. The archive takes a while to build the first time
(analysis of every article); later runs reuse it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import story_corpus
from newsprism.store.db import open_store
from newsprism.store.workflow import ingest_articles
from newsprism.web.pages import prerender_pages

ROOT = Path(__file__).resolve().parents[1]


def build(db: Path, n: int) -> None:
    with open_store(str(db)) as store:
        have = store.count_articles()
        if have >= 0.95 * n:  # copies in the corpus are stored once
            print(f"archive: {db} holds {have:,} articles")
            return
        start = time.perf_counter()
        report = ingest_articles(store, (a for a, _ in story_corpus(n, seed=17)))
        print(
            f"archive: ingested {report.added:,} articles in {(time.perf_counter() - start) / 60:.1f} min "
            f"({len(store.list_stories(limit=100000)):,} stories)"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def drive(urls: list[str], seconds: float, clients: int) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    rng = random.Random(5)

    async def worker() -> None:
        nonlocal errors
        async with httpx.AsyncClient(timeout=10.0) as client:
            while time.perf_counter() < stop:
                url = rng.choice(urls)
                t0 = time.perf_counter()
                try:
                    response = await client.get(url)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(worker() for _ in range(clients)))
    return len(latencies), latencies, errors


def report(label: str, count: int, latencies: list[float], errors: int, seconds: float) -> bool:
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    rate = count / seconds
    print(f"  {label:<22} {rate:7.1f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   errors {errors}")
    return rate >= 200 and p99 < 200 and errors == 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench-archive.db")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build(args.db, args.n)
    with open_store(str(args.db)) as store:
        listed = store.list_stories(limit=100000)
        stories = [s.id for s in listed if s.article_count > 1]
        start = time.perf_counter()
        rendered = prerender_pages(store, [s.id for s in listed])  # as `newsprism ingest` does
        print(f"pages: {rendered:,} rendered in {time.perf_counter() - start:.0f} s")
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", "serve", "--db", str(args.db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/v1/stories?limit=1", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        ok = True
        print(
            f"serving {len(stories):,} multi-article stories; "
            f"{args.clients} clients, {args.seconds:.0f} s each"
        )
        for label, urls in (
            ("story page", [f"{base}/stories/{sid}" for sid in stories]),
            ("stories API", [f"{base}/api/v1/stories?limit=50&offset={k * 50}" for k in range(20)]),
        ):
            asyncio.run(drive(urls[:50], 2.0, args.clients))  # warm up
            count, latencies, errors = asyncio.run(drive(urls, args.seconds, args.clients))
            ok &= report(label, count, latencies, errors, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
