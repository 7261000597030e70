"""Train the cross-language link model (src/newsprism/compare/crosslingual_model.json).

    python bench/train_xling.py            # or: make train-xling  (trains on half a)
    python bench/train_xling.py --check    # train on each half, score the other; write nothing
    python bench/train_xling.py --stories  # choose ClusterConfig.across_languages on half a

MEANTIME dev holds 60 Wikinews stories, each an English article and its Spanish, Italian and
Dutch translations, line-aligned. A pair of sentences of two translations (different languages)
is the same claim when they are the same line. The stories are split in two halves (sorted by
id, alternating); the model is fitted and its link rule chosen on half a only, and half b
confirms it (`python bench/align_xling.py --half b` scores the shipped model through the whole
comparison with the shared scorer). --check also trains on b and scores a.

Model: a logistic regression over compare/crosslingual.FEATURES (standardised). Rule: the four
cut-offs of compare/links.LinkRule, chosen for the most recall with pair precision of at least
PRECISION_FLOOR on the training half, a link between two events of one topic counting against
it (NEGATIVE_WEIGHT). Trust: the probability at which the training half's links are right at
least 97% of the time.

--stories clusters all 240 articles with each candidate `ClusterConfig.across_languages` (the
multilingual cosine that joins an article to a story in other languages), scores B-cubed F1 on
each half's stories, and names the value best on half a (a tie goes to the highest: fewest joins
across languages); half b confirms. Skips cleanly without ../shared/data.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from train_links import normalized

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "src" / "newsprism" / "compare" / "crosslingual_model.json"
PRECISION_FLOOR = 0.95
GRID = (0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
TRUSTED = 0.97
NEGATIVE_WEIGHT = 1.0
"""How a link between two events of one kind counts against precision when the cut-offs are
chosen: as much as a wrong link between translations. Translations alone would teach that a
sentence's best match is nearly always its claim (in a translation it is); independent reports
of one event hold many sentences whose best match states something else."""


def story_halves(stories: list[str]) -> dict[str, str]:
    """Half "a" or "b" of each story id: sorted, alternating, so both halves mix the topics."""
    return {story: "ab"[n % 2] for n, story in enumerate(sorted(stories))}


def meantime_stories(data: Path, parallel_only: bool = False) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """MEANTIME dev's rows by story (`gold.story`), in file order; only the translations that are
    line-aligned with their original (`gold.parallel`) when `parallel_only`."""
    stories: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for line in (data / "meantime-dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            if row["gold"].get("parallel") or not parallel_only:
                stories[row["gold"]["story"]].append(row)
    return dict(stories)


@dataclass
class Block:
    rows: np.ndarray
    cols: np.ndarray
    ii: np.ndarray
    jj: np.ndarray
    features: np.ndarray
    labels: np.ndarray
    stamps: np.ndarray
    same_day: np.ndarray
    positive: bool
    """A pair of translations (else of two stories of one topic, every pair a negative)."""


def _lines_of(text: str, lines: list[str]) -> set[int]:
    t = normalized(text)
    return {k for k, g in enumerate(lines) if g and (g in t or t in g)}


def _story_blocks(rows: list[dict], positive: bool) -> list[Block]:  # type: ignore[type-arg]
    """The crossing pairs of articles among `rows`, with features; labels by line when
    `positive` (the rows are one story), else only the pairs between the two stories the rows
    hold, all labelled different (`gold.story` tells them apart)."""
    from newsprism.analyze.pipeline import analyze
    from newsprism.compare.actors import fold_actors
    from newsprism.compare.align import article_pairs, story_signals
    from newsprism.compare.crosslingual import crosslingual_block, split_pairs
    from newsprism.model import Article

    articles = [
        Article(
            id=r["id"], text=r["text"], title=r.get("title"), source=r.get("source"), language=r["language"]
        )
        for r in rows
    ]
    analyses = list(analyze(articles))
    _, actor_index = fold_actors(analyses)
    signals = story_signals(analyses, actor_index)
    lines = [[normalized(t) for t in r["text"].split("\n")] for r in rows]
    sentence_lines = [_lines_of(s.text, lines[s.article]) for s in signals.sentences]
    _, crossing = split_pairs(signals, list(article_pairs(signals)))
    blocks = []
    for first, second in crossing:
        a, b = signals.sentences[first[0]].article, signals.sentences[second[0]].article
        same_story = rows[a]["gold"]["story"] == rows[b]["gold"]["story"]
        if same_story != positive:
            continue
        block = crosslingual_block(signals, first, second)
        labels = np.array(
            [
                positive and bool(sentence_lines[first[i]] & sentence_lines[second[j]])
                for i, j in zip(block.ii, block.jj, strict=True)
            ],
            dtype=bool,
        )
        blocks.append(
            Block(
                first,
                second,
                block.ii,
                block.jj,
                block.features,
                labels,
                block.stamps,
                block.same_day_stamps,
                positive,
            )
        )
    return blocks


def load_blocks(data: Path) -> dict[str, list[Block]]:
    """Per story, every crossing pair of its translations (labelled by line), and as negatives
    every crossing pair between it and the next story of its topic in its half (another event
    of one kind, in another language: what must not link)."""
    stories = meantime_stories(data, parallel_only=True)
    halves = story_halves(list(stories))
    topic = {name: rows[0]["gold"]["topic"] for name, rows in stories.items()}
    out: dict[str, list[Block]] = {}
    for name, rows in sorted(stories.items()):
        out[name] = _story_blocks(rows, positive=True)
        after = [
            o for o in sorted(stories) if o > name and topic[o] == topic[name] and halves[o] == halves[name]
        ]
        if after:
            out[name] += _story_blocks(rows + stories[after[0]], positive=False)
        print(f"  {name}: {sum(len(b.labels) for b in out[name])} pairs", file=sys.stderr)
    return out


def fit(blocks: list[Block]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([b.features for b in blocks])
    y = np.concatenate([b.labels for b in blocks])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def _model(params: tuple, rule: tuple[float, ...], trust: float = 0.0):  # type: ignore[no-untyped-def,type-arg]
    from newsprism.compare.links import LinkModel, LinkRule

    mean, scale, weights, bias = params
    return LinkModel(
        granularity="crosslingual",
        mean=mean,
        scale=scale,
        weights=weights,
        bias=bias,
        rule=LinkRule(mutual=rule[0], one_sided=rule[1], top_two=rule[2], any=rule[3]),
        density=1.0,
        trust=trust,
    )


def predictions(blocks: list[Block], model) -> list[tuple[np.ndarray, np.ndarray]]:  # type: ignore[no-untyped-def]
    from newsprism.compare.crosslingual import PairBlock, decide

    out = []
    for b in blocks:
        pair = PairBlock(b.rows, b.cols, b.ii, b.jj, b.features, b.same_day, b.stamps)
        out.append(decide(model, pair))
    return out


def pair_scores(blocks: list[Block], model) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Link precision, recall and F1 over the pairs of translations (what the shared scorer
    counts), and `other_event`: links made between two stories of one topic, per pair of articles."""
    tp = fp = fn = wrong = crossed = 0
    for b, (_, linked) in zip(blocks, predictions(blocks, model), strict=True):
        if not b.positive:
            wrong += int(linked.sum())
            crossed += 1
            continue
        tp += int((linked & b.labels).sum())
        fp += int((linked & ~b.labels).sum())
        fn += int((~linked & b.labels).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "other_event": round(wrong / crossed, 3) if crossed else 0.0,
    }


def choose_rule(blocks: list[Block], params: tuple) -> tuple[tuple[float, ...], dict[str, float]]:  # type: ignore[type-arg]
    """The cut-offs (mutual <= one_sided <= top_two <= any) with the most recall at pair
    precision of at least PRECISION_FLOOR, else the best F1. The probabilities and ranks do not
    depend on the cut-offs, so they are computed once and each rule only compares."""
    from newsprism.compare.signals import block_ranks

    model = _model(params, (0.0, 0.0, 0.0, 0.0))
    columns: dict[str, list[np.ndarray]] = defaultdict(list)
    for b in blocks:
        probability = model.probabilities(b.features)
        rank_ab, rank_ba = block_ranks(b, probability)
        columns["p"].append(probability)
        columns["best"].append(np.maximum(rank_ab, rank_ba))
        columns["least"].append(np.minimum(rank_ab, rank_ba))
        columns["allowed"].append(~b.stamps | b.same_day)
        columns["label"].append(b.labels & b.positive)
        columns["positive"].append(np.full(len(b.labels), b.positive))
    p, best_rank, least, allowed, label, positive = (
        np.concatenate(columns[k]) for k in ("p", "best", "least", "allowed", "label", "positive")
    )
    found: tuple[tuple[float, ...], dict[str, float]] | None = None
    fallback = found
    for rule in itertools.product(GRID, repeat=4):
        if not rule[0] <= rule[1] <= rule[2] <= rule[3]:
            continue
        linked = allowed & (
            ((best_rank == 0) & (p >= rule[0]))
            | ((least == 0) & (p >= rule[1]))
            | ((best_rank <= 1) & (p >= rule[2]))
            | (p >= rule[3])
        )
        tp = int((linked & label).sum())
        made = int((linked & positive).sum()) + NEGATIVE_WEIGHT * int((linked & ~positive).sum())
        precision = tp / made if made else 0.0
        recall = tp / max(1, int(label.sum()))
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        scores = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
        if precision >= PRECISION_FLOOR and (found is None or recall > found[1]["recall"]):
            found = (rule, scores)
        if fallback is None or f1 > fallback[1]["f1"]:
            fallback = (rule, scores)
    chosen = found or fallback
    assert chosen is not None
    return chosen[0], pair_scores(blocks, _model(params, chosen[0]))


def trust(blocks: list[Block], model) -> float:  # type: ignore[no-untyped-def]
    """The lowest probability above which the links made are right at least TRUSTED of the time."""
    found = [
        (p, bool(label))
        for b, (probability, linked) in zip(blocks, predictions(blocks, model), strict=True)
        for p, label, made in zip(probability, b.labels, linked, strict=True)
        if made
    ]
    found.sort(reverse=True)
    right = 0
    floor = 1.0
    for n, (p, label) in enumerate(found, start=1):
        right += label
        if right / n >= TRUSTED:
            floor = p
    return round(float(floor), 4)


def train(blocks: list[Block]) -> tuple[dict, dict[str, float]]:  # type: ignore[type-arg]
    from newsprism.compare.crosslingual import FEATURES

    params = fit(blocks)
    rule, scores = choose_rule(blocks, params)
    model = _model(params, rule)
    data = {
        "about": "Cross-language link model: trained by bench/train_xling.py on half a of MEANTIME dev.",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in params[0]],
        "scale": [round(float(v), 6) for v in params[1]],
        "weights": [round(float(v), 6) for v in params[2]],
        "bias": round(params[3], 6),
        "rule": {"mutual": rule[0], "one_sided": rule[1], "top_two": rule[2], "any": rule[3]},
        "trust": trust(blocks, model),
    }
    return data, scores


STORY_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def choose_story_threshold(data: Path) -> None:
    from newsprism.model import Article
    from newsprism.stories.cluster import ClusterConfig, StoryClusterer
    from newsprism.stories.evaluate import score_clusters

    stories = meantime_stories(data)
    rows = [row for rows in stories.values() for row in rows]
    halves = story_halves(list(stories))
    articles = [
        Article(
            id=r["id"], text=r["text"], title=r.get("title"), source=r.get("source"), language=r["language"]
        )
        for r in rows
    ]
    gold = {r["id"]: r["gold"]["story"] for r in rows}
    found = []
    for threshold in STORY_GRID:
        clusterer = StoryClusterer(ClusterConfig(across_languages=threshold))
        for _ in clusterer.add_many(articles):
            pass
        clusterer.refine()
        pred = {a.id: clusterer.story_of(a.id) for a in articles}
        scores = {
            h: round(score_clusters({i: s for i, s in gold.items() if halves[s] == h}, pred).bcubed_f1, 4)
            for h in "ab"
        }
        print(f"  across_languages {threshold}: B-cubed F1 half a {scores['a']}, half b {scores['b']}")
        found.append((scores["a"], threshold, scores["b"]))
    best_a, threshold, held = max(found)
    print(f"chosen on half a: across_languages = {threshold} (half a {best_a}; held out, half b {held})")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--check", action="store_true", help="train on each half, score the other; write nothing"
    )
    parser.add_argument(
        "--stories", action="store_true", help="choose ClusterConfig.across_languages on half a"
    )
    args = parser.parse_args()
    if not (args.data / "meantime-dev.jsonl").exists():
        where = args.data / "meantime-dev.jsonl"
        print(f"skipped: {where} not found (the evaluation sets live in ../shared/data)")
        return 0
    if args.stories:
        choose_story_threshold(args.data)
        return 0
    from newsprism.compare.crosslingual import model_from_dict

    blocks = load_blocks(args.data)
    halves = story_halves(list(blocks))
    half = {h: [b for name, bs in blocks.items() if halves[name] == h for b in bs] for h in "ab"}
    for train_on, test_on in (("a", "b"), ("b", "a")) if args.check else (("a", "b"),):
        data, scores = train(half[train_on])
        held = pair_scores(half[test_on], model_from_dict(data))
        print(f"trained on half {train_on}: pairs in sample {scores}; held out (half {test_on}) {held}")
        weights = dict(zip(data["features"], data["weights"], strict=True))
        print(f"  rule {data['rule']}, trust {data['trust']}, weights {weights}")
        if not args.check:
            MODEL.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
