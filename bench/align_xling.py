"""Cross-language fact links on translated news (MEANTIME dev), scored by the shared scorer.

    python bench/align_xling.py [--data ../shared/data] [--half a|b]

Compares each story (an English Wikinews article and its Spanish, Italian and Dutch
translations, as JSON Lines so that ids are kept) into bench/out/xling/<story>.json and runs
`../shared/tools/score.py xling`: precision and recall of the links between sentences of
different languages that are translations of each other. `--half` scores one half of the
stories only (the halves bench/train_xling.py chooses on and confirms on: stories sorted by id,
alternating). Also times the compare step. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from train_xling import meantime_stories, story_halves

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "xling")
    parser.add_argument("--half", choices=("a", "b"))
    args = parser.parse_args()
    gold = args.data / "meantime-dev.jsonl"
    if not gold.exists() or not SCORER.exists():
        print(f"skipped: {gold} or the shared scorer not found (the evaluation sets live in ../shared/data)")
        return 0

    from newsprism.analyze.pipeline import analyze
    from newsprism.codec import comparison_to_dict
    from newsprism.compare.pipeline import compare
    from newsprism.ingest import read_inputs
    from newsprism.model import Article

    stories = meantime_stories(args.data)
    halves = story_halves(list(stories))
    chosen = {s: rows for s, rows in stories.items() if args.half in (None, halves[s])}
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.json"):
        old.unlink()
    analysed = compared = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "gold.jsonl"
        subset.write_text(
            "".join(json.dumps(r) + "\n" for rows in chosen.values() for r in rows), encoding="utf-8"
        )
        for story, rows in sorted(chosen.items()):
            story_file = Path(tmp) / f"{story}.jsonl"
            story_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            articles = [a for a in read_inputs([str(story_file)]) if isinstance(a, Article)]
            started = time.perf_counter()
            analyses = list(analyze(articles))
            analysed += time.perf_counter() - started
            started = time.perf_counter()
            comparison = compare(articles, analyses)
            compared += time.perf_counter() - started
            (args.out / f"{story}.json").write_text(
                json.dumps(comparison_to_dict(comparison)), encoding="utf-8"
            )
        result = subprocess.run(
            [sys.executable, str(SCORER), "xling", str(subset), str(args.out)],
            check=True,
            capture_output=True,
            text=True,
        )
    print(f"analysis {analysed:.1f} s, compare {compared:.1f} s ({len(chosen)} stories of 4 articles)")
    print(result.stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
