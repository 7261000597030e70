"""Memory stays flat over a long JSON Lines input: read_inputs -> analyze -> JSON lines out.

Writes `--n` synthetic articles (bench/corpus.py, deterministic by seed) to a temporary JSON
Lines file, streams them through the same path the CLI takes, and reports for every window of
`--every` articles the peak resident set size (the kernel's VmHWM, reset at each window), the
lowest reading between articles, and the size of spaCy's StringStore and Vocab, the usual
suspects when a long-running spaCy process grows.

Pass/fail: the peak of the last window may exceed the peak of the window ending at 1,000
articles (by then the model, its lazy tables and the allocator's arenas are warm, and a full
set of batches has been in flight) by less than `--max-growth-mb` (100 MB) and less than
`--max-growth-pct` (15%). A per-article leak of 10 KB would add about 90 MB over 9,000 articles
and fail; a warm allocator's noise stays well inside. The least-squares slope of the peaks over
the second half is printed too, in KB per article, to project a longer run.

    python bench/memory_flat.py [--n 10000] [--every 500] [--cli]

`--cli` measures `newsprism analyze INPUT -o OUT.jsonl` in a subprocess instead, reading its
memory five times a second against the number of lines it has written. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from corpus import synthetic_articles, write_jsonl
from newsprism.analyze.pipeline import analyze
from newsprism.codec import analysis_to_dict
from newsprism.ingest import read_inputs
from newsprism.lang.nlp import load_nlp
from newsprism.model import Article

BASELINE_AT = 1_000


@dataclass(slots=True)
class Sample:
    """RSS over one window of articles. The peak is what is judged: RSS swings by a few batches'
    worth of parse arrays within a window, and a point reading would catch a random phase of it."""

    done: int  # articles finished at the end of the window
    peak: float  # highest RSS in the window, MB
    low: float  # lowest reading between articles, MB
    strings: int = -1  # strings in spaCy's StringStore; -1 when not visible (the CLI run)
    lexemes: int = -1


def status_mb(field: str, pid: int | str = "self") -> float:
    """A memory figure of a process in MB from /proc/PID/status: VmRSS (now) or VmHWM (peak)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc status")


def rss_mb(pid: int | str = "self") -> float:
    return status_mb("VmRSS", pid)


def reset_peak(pid: int | str = "self") -> bool:
    """Restart the kernel's peak-RSS counter (VmHWM), so that each window reports its own peak.

    The peak is taken by the kernel rather than by reading VmRSS between articles because spaCy
    holds several batches of documents in flight inside `nlp.pipe`, and a reading between two
    yielded results can miss that high point entirely. False where /proc refuses the reset.
    """
    try:
        with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def window_peak(pid: int | str, now: float, seen: float, kernel: bool) -> float:
    """The window's peak: the kernel's (then reset) when available, else the highest reading seen."""
    if not kernel:
        return max(seen, now)
    peak = max(status_mb("VmHWM", pid), now)
    reset_peak(pid)
    return peak


def lexemes(nlp: Language) -> int:
    """Lexemes in the vocab, counted: `len(vocab)` is not decremented when a memory zone frees them."""
    return sum(1 for _ in nlp.vocab)


def only_articles(path: Path) -> Iterator[Article]:
    for item in read_inputs([str(path)]):
        if isinstance(item, Article):
            yield item
        else:
            print(f"ingest error: {item}", file=sys.stderr)


def run_library(path: Path, out: Path, every: int) -> list[Sample]:
    """Stream the file through the library in this process, sampling every `every` articles."""
    nlp = load_nlp()  # the cached instance `analyze` uses, so its string store is the one we watch
    now = rss_mb()
    samples = [Sample(0, now, now, len(nlp.vocab.strings), lexemes(nlp))]
    kernel = reset_peak()
    peak, low = now, now
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        for done, analysis in enumerate(analyze(only_articles(path), nlp), start=1):
            sink.write(json.dumps(analysis_to_dict(analysis), ensure_ascii=False) + "\n")
            now = rss_mb()
            peak, low = max(peak, now), min(low, now)
            if done % every == 0:
                peak = window_peak("self", now, peak, kernel)
                samples.append(Sample(done, peak, low, len(nlp.vocab.strings), lexemes(nlp)))
                report(samples[-1], time.perf_counter() - started)
                peak, low = now, now
    return samples


def run_cli(path: Path, out: Path, every: int) -> list[Sample]:
    """Run the CLI on the file, reading its RSS five times a second against the lines it has written."""
    entry = "from newsprism.cli import main; main()"
    command = [sys.executable, "-c", entry, "analyze", str(path), "-o", str(out)]
    started = time.perf_counter()
    out.write_bytes(b"")
    proc = subprocess.Popen(command)
    samples: list[Sample] = []
    kernel = reset_peak(proc.pid)
    lines, peak, low = 0, 0.0, float("inf")
    with out.open("rb") as written:
        while proc.poll() is None:
            lines += written.read().count(b"\n")
            try:
                now = rss_mb(proc.pid)
            except (OSError, RuntimeError):
                break  # the process ended between poll() and the read
            peak, low = max(peak, now), min(low, now)
            if not samples or lines >= samples[-1].done + every:
                try:
                    peak = window_peak(proc.pid, now, peak, kernel)
                except (OSError, RuntimeError):
                    break
                samples.append(Sample(lines, peak, low))
                report(samples[-1], time.perf_counter() - started)
                peak, low = now, now
            time.sleep(0.2)
    if proc.wait() != 0:
        raise SystemExit(f"the CLI failed with status {proc.returncode}")
    # The last window ends with the process, out of /proc's sight; its whole-life peak is not.
    lifetime = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  the CLI wrote {lines:,} lines; peak RSS over its whole life {lifetime:.1f} MB")
    return samples


def report(sample: Sample, elapsed: float) -> None:
    rate = sample.done / elapsed if elapsed else 0.0
    store = f"  strings {sample.strings:>9,}  lexemes {sample.lexemes:>9,}" if sample.strings >= 0 else ""
    print(
        f"  {sample.done:>7,} articles  RSS peak {sample.peak:7.1f} MB  low {sample.low:7.1f} MB{store}"
        f"  ({elapsed:5.0f}s, {rate:5.1f} articles/s)",
        flush=True,
    )


def slope_kb_per_article(samples: list[Sample]) -> float:
    """Least-squares slope of the window peaks over the second half of the run, in KB per article."""
    half = [s for s in samples if s.done >= samples[-1].done / 2]
    if len(half) < 2:
        return 0.0
    xs, ys = [s.done for s in half], [s.peak * 1024 for s in half]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def verdict(samples: list[Sample], max_mb: float, max_pct: float) -> bool:
    """Print the growth of the window peak after warm-up and whether it is within both limits."""
    warm = [s for s in samples if s.done >= BASELINE_AT] or samples[1:] or samples
    base, last = warm[0], samples[-1]
    growth = last.peak - base.peak
    pct = 100 * growth / base.peak
    print(f"peak RSS by {base.done:,} articles: {base.peak:.1f} MB; by {last.done:,}: {last.peak:.1f} MB; "
          f"growth {growth:+.1f} MB ({pct:+.1f}%); limits {max_mb:.0f} MB and {max_pct:.0f}%")  # fmt: skip
    slope = slope_kb_per_article(samples)
    per_million = slope * 1e6 / 1024
    print(f"slope over the second half: {slope:+.2f} KB/article ({per_million:+,.0f} MB per million)")
    if base.strings >= 0:
        print(f"spaCy StringStore: {base.strings:,} -> {last.strings:,} strings; "
              f"vocab {base.lexemes:,} -> {last.lexemes:,} lexemes")  # fmt: skip
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
    # The CLI's final window ends with its process, unsampled; one window short is enough.
    if samples[-1].done < min(args.n, 2 * BASELINE_AT) - (args.every if args.cli else 0):
        print("FAIL: too few samples to judge")
        return 1
    if verdict(samples, args.max_growth_mb, args.max_growth_pct):
        print("OK: memory stays flat")
        return 0
    print("FAIL: memory grows with the number of articles")
    return 1


if __name__ == "__main__":
    sys.exit(main())
