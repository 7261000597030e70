"""Claim alignment on the judged BASIL stories, scored by the shared scorer.

    python bench/align_claims.py [--data ../shared/data]

Compares each judged story (its three articles, as JSON Lines so that ids are kept) into
bench/out/claims/NN.json and runs `../shared/tools/score.py claims`: link precision, strict recall
and the brief's citation precision. The shipped link model was trained on these 12 stories, so
this is the in-sample figure; `python bench/train_links.py --check` prints the held-out one
(leave one story out). Also times the compare step. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims")
    args = parser.parse_args()
    judged = args.data / "claims-basil-dev"
    if not judged.exists() or not SCORER.exists():
        print(
            f"skipped: {judged} or the shared scorer not found (the evaluation sets live in ../shared/data)"
        )
        return 0

    from newsprism.analyze.pipeline import analyze
    from newsprism.codec import comparison_to_dict
    from newsprism.compare.pipeline import compare
    from newsprism.ingest import read_inputs
    from newsprism.model import Article

    rows = {}
    for line in (args.data / "basil-dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            rows[row["id"]] = row
    args.out.mkdir(parents=True, exist_ok=True)
    analysed = compared = 0.0
    for meta_path in sorted(judged.glob("story-*.meta.json")):
        nn = meta_path.name.split("-")[1].split(".")[0]
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        story_file = args.out / f"{nn}.input.jsonl"
        story_file.write_text(
            "".join(json.dumps(rows[i]) + "\n" for i in meta["articles"].values()), encoding="utf-8"
        )
        articles = [a for a in read_inputs([str(story_file)]) if isinstance(a, Article)]
        story_file.unlink()
        started = time.perf_counter()
        analyses = list(analyze(articles))
        analysed += time.perf_counter() - started
        started = time.perf_counter()
        comparison = compare(articles, analyses)
        compared += time.perf_counter() - started
        (args.out / f"{nn}.json").write_text(json.dumps(comparison_to_dict(comparison)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), "claims", str(judged), str(args.out)],
        check=True,
        capture_output=True,
        text=True,
    )
    scores = json.loads(result.stdout)
    scores.pop("stories", None)
    print(f"analysis {analysed:.1f} s, compare {compared:.1f} s (12 stories of 3 articles)")
    print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
