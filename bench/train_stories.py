"""Fit the story link model (src/newsprism/stories/story_model.json) on half A of gva-dev only.

    python bench/train_stories.py            # fit, choose the thresholds, write the model
    python bench/train_stories.py --check    # fit and report, write nothing

Pairs: gva-dev's articles of half A (bench/cluster_gva.py: a fixed hash of the incident) are
placed in file order by the clusterer itself, except that each article joins the story of its
gold incident. Every candidate story the index offers for it (and its own incident's story,
where the index missed it but a merge could still reach it) gives one row of
stories/evidence.FEATURES, labelled by whether that story is its incident. A logistic
regression over those rows gives the weights.

Each row is used twice, once as it is and once as if neither side were dated
(evidence.without_days): every gva-dev article is dated, but feeds and archives often are not,
and a model that never saw an undated pair would read a missing date as a different day.

Floors: the clusterer joins and merges on the average fit (stories/cluster.py); the model only
vetoes, where details disagree, a join or merge whose probability is below a floor. The two
floors are chosen by clustering half A with the fitted weights over a small grid and keeping
the pair of best B-cubed F1 among those with precision at least PRECISION_FLOOR. Half B, ECB+ dev and
BASIL dev are never read here; bench/cluster_gva.py reports them.

Lead vectors are cached in bench/out/leads.pkl. Skips cleanly without ../shared/data.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_gva import DATA, GVA, CachedEncoder, gva_halves, load
from newsprism.model import Article
from newsprism.stories.cluster import ClusterConfig, Record, StoryClusterer, StoryState
from newsprism.stories.evaluate import score_clusters
from newsprism.stories.evidence import FEATURES, LinkModel, without_days

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "newsprism" / "stories" / "story_model.json"
PRECISION_FLOOR = 0.9
JOIN_GRID = (0.3, 0.4, 0.5)
MERGE_GRID = (0.3, 0.4, 0.5)


class GoldPlacement(StoryClusterer):
    """The clusterer with every placement decided by the gold incident, logging the rows."""

    def __init__(self, gold: dict[str, str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.gold = gold
        self.story_of_incident: dict[str, str] = {}
        self.rows: list[np.ndarray] = []
        self.labels: list[int] = []

    def _choose(self, record: Record) -> str | None:
        target = self.story_of_incident.get(self.gold[record.id])
        if target is not None:
            target = self.find(target)
        seen = set()
        for sid, row in self.candidate_rows(record):
            seen.add(sid)
            self.rows.append(row)
            self.labels.append(int(sid == target))
        if target is not None and target not in seen:
            story = self.stories[target]
            if story.weight > 0 and self._spans_meet_day(record, story):
                terms, names = self._views(record)
                from newsprism.stories.evidence import Evidence

                self.rows.append(
                    self.link_features(record.vector, terms, names, Evidence.of(record.details), story)
                )
                self.labels.append(1)
        return target

    def _spans_meet_day(self, record: Record, story: StoryState) -> bool:
        if record.day is None or not story.days:
            return True
        return min(abs((record.day - d).days) for d in story.days) <= self.config.follow_up_days

    def _open(self, position: int) -> None:
        super()._open(position)
        record = self.records[position]
        self.story_of_incident.setdefault(self.gold[record.id], record.story)


def collect(
    articles: list[Article], gold: dict[str, str], encoder: CachedEncoder
) -> tuple[np.ndarray, np.ndarray]:
    placer = GoldPlacement(gold, config=ClusterConfig(refine_every=10**9), encoder=encoder)
    for _ in placer.add_many(articles):
        pass
    return np.stack(placer.rows), np.array(placer.labels)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def choose_thresholds(
    weights: np.ndarray, bias: float, articles: list[Article], gold: dict[str, str], encoder: CachedEncoder
) -> tuple[LinkModel, list[str]]:
    report, best, best_key = [], None, (-1.0, -1.0)
    for join, merge in itertools.product(JOIN_GRID, MERGE_GRID):
        model = LinkModel(weights=weights, bias=bias, join_floor=join, merge_floor=merge)
        clusterer = StoryClusterer(ClusterConfig(model=model), encoder=encoder)
        for _ in clusterer.add_many(articles):
            pass
        clusterer.refine()
        s = score_clusters(gold, {a.id: a.story for a in clusterer.assignments()})
        report.append(
            f"join {join} merge {merge}: "
            f"P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} F1 {s.bcubed_f1:.3f}"
        )
        print(report[-1], flush=True)
        key = (float(s.bcubed_precision >= PRECISION_FLOOR), s.bcubed_f1)
        if key > best_key:
            best, best_key = model, key
    assert best is not None
    return best, report


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report, write nothing")
    args = parser.parse_args()
    if not (DATA / GVA).exists():
        print(f"skipped: no {GVA} under {DATA}")
        return 0
    articles, gold = load(DATA / GVA)
    tune = gva_halves(articles, gold)["A"]
    tune_gold = {a.id: gold[a.id] for a in tune}
    encoder = CachedEncoder()
    x, y = collect(tune, tune_gold, encoder)
    print(f"{len(y)} pairs from half A, {int(y.sum())} of one incident")
    # Every pair also once as if undated: gva-dev is all dated, many archives and feeds are not.
    weights, bias = fit(np.vstack([x, without_days(x)]), np.concatenate([y, y]))
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:18s} {w:+.3f}")
    print(f"  {'bias':18s} {bias:+.3f}")
    model, _ = choose_thresholds(weights, bias, tune, tune_gold, encoder)
    encoder.save()
    print(f"chosen: join floor {model.join_floor}, merge floor {model.merge_floor}")
    if not args.check:
        MODEL.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
