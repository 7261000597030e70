"""Fact-alignment quality on ECB+: compare each gold story's articles, then score the links.

    python bench/align_ecbplus.py [--data ../shared/data/ecbplus-dev.jsonl] [--split dev|train|all]

Writes one comparison JSON per story into bench/out/align/ and runs the shared scorer
(`../shared/tools/score.py align`) on the same stories. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "align")
    parser.add_argument("--granularity", default="both", choices=["claim", "event", "both"])
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} not found (the ECB+ evaluation set lives in ../shared/data)")
        return 0

    from newsprism.analyze.pipeline import analyze
    from newsprism.codec import comparison_to_dict
    from newsprism.compare.config import AlignConfig, CompareConfig
    from newsprism.compare.links import GRANULARITIES
    from newsprism.compare.pipeline import compare
    from newsprism.ingest import read_inputs
    from newsprism.model import Article

    args.out.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.split != "all":
        rows = [r for r in rows if r["gold"].get("split") == args.split]
    gold_path = args.out / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    by_story: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_story[row["gold"]["story"]].append(row)

    stories: dict[str, tuple[list[Article], list]] = {}
    started = time.perf_counter()
    for story, story_rows in sorted(by_story.items()):
        story_file = args.out / f"{story}.input.jsonl"
        story_file.write_text("".join(json.dumps(r) + "\n" for r in story_rows), encoding="utf-8")
        articles = [a for a in read_inputs([str(story_file)]) if isinstance(a, Article)]
        story_file.unlink()
        stories[story] = (articles, list(analyze(articles)))
    print(f"{len(by_story)} stories, {len(rows)} articles analyzed in {time.perf_counter() - started:.1f} s")
    names = list(GRANULARITIES) if args.granularity == "both" else [args.granularity]
    for name in names:
        started = time.perf_counter()
        out_dir = args.out / name
        out_dir.mkdir(parents=True, exist_ok=True)
        for story, (articles, analyses) in stories.items():
            config = CompareConfig(align=AlignConfig(granularity=name))
            comparison = compare(articles, analyses, config=config)
            (out_dir / f"{story}.json").write_text(
                json.dumps(comparison_to_dict(comparison)), encoding="utf-8"
            )
        elapsed = time.perf_counter() - started
        result = subprocess.run(
            [sys.executable, str(SCORER), "align", str(gold_path), str(out_dir)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"granularity={name}: compared in {elapsed:.1f} s: {result.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
