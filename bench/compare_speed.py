"""Time of the compare step (analyses given) on a 3-article and a 30-article story.

    python bench/compare_speed.py [--repeats 3]

The 3-article story is the first judged BASIL story, the 30-article one the first 30 articles of
ECB+ dev topic 1 (both of its events: one story as a clusterer might wrongly make it, so the
aligner meets many near-neighbours); without ../shared/data both come from bench/corpus.py's
synthetic stories. Analysis runs once, outside the clock; the best of `--repeats` compare runs
counts (wall clock, this process alone). The script uses only `compare(articles, analyses)`, so
the same file measures an older checkout for a before/after figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "bench"))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def stories() -> dict[str, list]:
    from newsprism.model import Article

    def article(row: dict) -> Article:
        return Article(
            id=row["id"],
            text=row["text"],
            title=row.get("title"),
            source=row.get("source"),
            published=row.get("published"),
        )

    meta = DATA / "claims-basil-dev" / "story-00.meta.json"
    if meta.exists() and (DATA / "ecbplus-dev.jsonl").exists():
        basil = {r["id"]: r for r in _rows(DATA / "basil-dev.jsonl")}
        three = [article(basil[i]) for i in json.loads(meta.read_text(encoding="utf-8"))["articles"].values()]
        topic = [r for r in _rows(DATA / "ecbplus-dev.jsonl") if r["gold"]["story"].split("-")[0] == "1"]
        return {"3 articles (BASIL)": three, "30 articles (ECB+ topic 1)": [article(r) for r in topic[:30]]}
    from corpus import story_corpus

    by_story: dict[str, list[Article]] = {}
    for item, story in story_corpus(400):
        by_story.setdefault(story, []).append(item)
    ranked = sorted(by_story.values(), key=len, reverse=True)
    many = [a for group in ranked for a in group][:30]
    return {"3 articles (synthetic)": ranked[0][:3], "30 articles (synthetic)": many}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from newsprism.analyze.pipeline import analyze
    from newsprism.compare.pipeline import compare

    for name, articles in stories().items():
        analyses = list(analyze(articles))
        sentences = sum(len(a.sentences) for a in analyses)
        compare(articles[:2], analyses[:2])  # load the encoder outside the clock
        best = float("inf")
        for _ in range(args.repeats):
            started = time.perf_counter()
            comparison = compare(articles, analyses)
            best = min(best, time.perf_counter() - started)
        shared = sum(f.status != "single_source" for f in comparison.facts)
        print(
            f"{name}: {sentences} sentences, compare {best:.2f} s (best of {args.repeats}); "
            f"{shared} shared facts"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
