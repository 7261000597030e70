"""Memory stays flat over a long JSON Lines input: read_inputs -> analyze -> JSON lines out.

Writes `--n` synthetic articles (bench/corpus.py, deterministic by seed) to a temporary JSON
Lines file, streams them through the same path the CLI takes, and samples the resident set
size (VmRSS from /proc) every `--every` articles, together with the size of spaCy's string
store, the usual suspect when a long-running spaCy process grows.

Pass/fail: the growth from the sample at 1,000 articles (by then the model, its lazy tables and
the allocator's arenas are warm) to the last sample must stay under `--max-growth-mb` (100 MB)
and under `--max-growth-pct` (15%) of the RSS at 1,000. A per-article leak of 10 KB would add
about 90 MB over 9,000 articles and fail; the noise of a warm allocator stays well inside. The
slope over the second half is printed too, as KB per article, to project a longer run.

    python bench/memory_flat.py [--n 10000] [--every 500] [--cli]

`--cli` measures `newsprism analyze INPUT -o OUT.jsonl` in a subprocess instead, sampling its
VmRSS against the number of lines it has written. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from corpus import synthetic_articles, write_jsonl
from newsprism.analyze.nlp import load_nlp
from newsprism.analyze.pipeline import analyze
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.render.json import analysis_to_dict

BASELINE_AT = 1_000
Sample = tuple[int, float, int]  # (articles done, RSS in MB, strings in spaCy's StringStore; -1 if unknown)


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size of a process in MB, from /proc/PID/status."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc status")


def only_articles(path: Path) -> Iterator[Article]:
    for item in read_inputs([str(path)]):
        if isinstance(item, Article):
            yield item
        else:
            print(f"ingest error: {item}", file=sys.stderr)


def run_library(path: Path, out: Path, every: int) -> list[Sample]:
    """Stream the file through the library in this process, sampling RSS every `every` articles."""
    nlp = load_nlp()  # the cached instance `analyze` uses, so its string store is the one we watch
    samples: list[Sample] = [(0, rss_mb(), len(nlp.vocab.strings))]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        for done, analysis in enumerate(analyze(only_articles(path), nlp), start=1):
            sink.write(json.dumps(analysis_to_dict(analysis), ensure_ascii=False) + "\n")
            if done % every == 0:
                samples.append((done, rss_mb(), len(nlp.vocab.strings)))
                report(samples[-1], time.perf_counter() - started)
    return samples


def run_cli(path: Path, out: Path, every: int) -> list[Sample]:
    """Run the CLI on the file, sampling its RSS each time another `every` lines have been written."""
    entry = "from newsprism.cli import main; main()"
    command = [sys.executable, "-c", entry, "analyze", str(path), "-o", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(command)
    samples: list[Sample] = []
    lines = 0
    out.touch()
    with out.open("rb") as written:
        while proc.poll() is None:
            lines += written.read().count(b"\n")
            if lines // every > len(samples) - 1 or not samples:
                try:
                    samples.append((lines, rss_mb(proc.pid), -1))
                except (OSError, RuntimeError):
                    break  # the process ended between poll() and the read
                report(samples[-1], time.perf_counter() - started)
            time.sleep(0.2)
    if proc.wait() != 0:
        raise SystemExit(f"the CLI failed with status {proc.returncode}")
    return samples


def report(sample: Sample, elapsed: float) -> None:
    done, mb, strings = sample
    rate = done / elapsed if elapsed else 0.0
    store = f"  strings {strings:>9,}" if strings >= 0 else ""
    print(
        f"  {done:>7,} articles  RSS {mb:8.1f} MB{store}  ({elapsed:6.0f}s, {rate:5.1f} articles/s)",
        flush=True,
    )


def slope_kb_per_article(samples: list[Sample]) -> float:
    """Least-squares RSS slope over the second half of the run, in KB per article."""
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    if len(half) < 2:
        return 0.0
    xs, ys = [s[0] for s in half], [s[1] * 1024 for s in half]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def verdict(samples: list[Sample], max_mb: float, max_pct: float) -> bool:
    """Print the growth after warm-up and whether it is within both limits."""
    warm = [s for s in samples if s[0] >= BASELINE_AT] or samples[1:] or samples
    base, last = warm[0], samples[-1]
    growth = last[1] - base[1]
    pct = 100 * growth / base[1]
    print(f"RSS at {base[0]:,} articles: {base[1]:.1f} MB; at {last[0]:,}: {last[1]:.1f} MB; "
          f"growth {growth:+.1f} MB ({pct:+.1f}%); limits {max_mb:.0f} MB and {max_pct:.0f}%")  # fmt: skip
    slope = slope_kb_per_article(samples)
    per_million = slope * 1e6 / 1024**2
    print(f"slope over the second half: {slope:+.2f} KB/article ({per_million:+,.0f} MB per million)")
    if base[2] >= 0 and last[2] >= 0:
        print(f"spaCy StringStore: {base[2]:,} -> {last[2]:,} strings")
    return growth < max_mb and pct < max_pct


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="articles to stream (default 10,000)")
    parser.add_argument("--every", type=int, default=500, help="sample RSS every this many articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-growth-mb", type=float, default=100.0)
    parser.add_argument("--max-growth-pct", type=float, default=15.0)
    parser.add_argument("--cli", action="store_true", help="measure the `newsprism analyze` CLI instead")
    parser.add_argument("--keep", type=Path, help="write the input and output here instead of a temp dir")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsprism-memory-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source, out = folder / "articles.jsonl", folder / "analyses.jsonl"
        written = write_jsonl(synthetic_articles(args.n, args.seed), source)
        size = os.path.getsize(source) / 1024**2
        print(f"input: {written:,} synthetic articles (seed {args.seed}), {size:.1f} MB of JSON Lines")
        print(f"streaming through {'the CLI' if args.cli else 'read_inputs -> analyze -> JSON lines'}:")
        samples = (run_cli if args.cli else run_library)(source, out, args.every)
    if samples[-1][0] < min(args.n, 2 * BASELINE_AT):
        print("FAIL: too few samples to judge")
        return 1
    if verdict(samples, args.max_growth_mb, args.max_growth_pct):
        print("OK: memory stays flat")
        return 0
    print("FAIL: memory grows with the number of articles")
    return 1


if __name__ == "__main__":
    sys.exit(main())
