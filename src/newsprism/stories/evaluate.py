"""How well a story clustering matches gold labels: B-cubed, pairwise F1 and the adjusted Rand index.

Each measure answers a different question, so all three are reported. B-cubed scores every
article by how much of its predicted story is right (precision) and how much of its gold story
it found (recall); it is the usual figure for event and cross-document coreference work and does
not let a few large stories dominate. Pairwise F1 counts article pairs put together, which is
what a reader notices when two unrelated reports end up side by side. The adjusted Rand index
corrects for agreement by chance, so a degenerate clustering (everything in one story, or every
article alone) scores near 0 however the stories are sized.

All three are computed from one sparse contingency table (gold story x predicted story), so a
corpus of millions of articles costs a few numpy passes, never a pair loop.

The articles scored are exactly the ids in gold. A predicted label for an id not in gold is
ignored; a gold id with no predicted label counts as a story of its own (a singleton), which is
what a clusterer that silently dropped the article would have produced at best.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError


class LabelFileError(NewsprismError, ValueError):
    """A line of a labels file that cannot be read; the message starts with `path:line:`."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Every figure of `score_clusters`, with the counts a reader needs to trust them.

    `missing` is the number of gold articles with no predicted label, scored as singletons.
    """

    articles: int
    gold_stories: int
    predicted_stories: int
    missing: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    adjusted_rand_index: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Contingency:
    """The non-empty cells of the gold x predicted table, with the size of each cell's stories."""

    cells: np.ndarray  # articles in (gold story, predicted story), one entry per non-empty cell
    cell_gold: np.ndarray  # size of the gold story of each cell
    cell_pred: np.ndarray  # size of the predicted story of each cell
    gold_sizes: np.ndarray
    pred_sizes: np.ndarray
    missing: int

    @property
    def articles(self) -> int:
        return int(self.gold_sizes.sum())


def _codes(labels: Iterable[Hashable]) -> np.ndarray:
    """Dense integer codes for labels, in order of first appearance."""
    seen: dict[Hashable, int] = {}
    return np.fromiter((seen.setdefault(label, len(seen)) for label in labels), dtype=np.int64)


def _contingency(gold: Mapping[str, str], pred: Mapping[str, str]) -> _Contingency:
    if not gold:
        raise ValueError("no gold labels to score against")
    ids = list(gold)
    gold_codes = _codes(gold[i] for i in ids)
    # A tuple never equals a string label, so each missing id becomes a story of its own.
    pred_codes = _codes(pred.get(i, ("missing", i)) for i in ids)
    gold_sizes = np.bincount(gold_codes)
    pred_sizes = np.bincount(pred_codes)
    keys, cells = np.unique(gold_codes * len(pred_sizes) + pred_codes, return_counts=True)
    return _Contingency(
        cells=cells,
        cell_gold=gold_sizes[keys // len(pred_sizes)],
        cell_pred=pred_sizes[keys % len(pred_sizes)],
        gold_sizes=gold_sizes,
        pred_sizes=pred_sizes,
        missing=sum(i not in pred for i in ids),
    )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(sizes: np.ndarray) -> int:
    # Python ints from here on: pair counts of a large corpus multiplied together overflow int64.
    return int((sizes * (sizes - 1) // 2).sum())


def _bcubed(table: _Contingency) -> tuple[float, float, float]:
    # Each of the n_gp articles of a cell has precision n_gp / |pred| and recall n_gp / |gold|.
    squares = table.cells.astype(np.float64) ** 2
    precision = float((squares / table.cell_pred).sum()) / table.articles
    recall = float((squares / table.cell_gold).sum()) / table.articles
    return precision, recall, _f1(precision, recall)


def _pairwise(table: _Contingency) -> tuple[float, float, float]:
    together = _pairs(table.cells)
    pred_pairs, gold_pairs = _pairs(table.pred_sizes), _pairs(table.gold_sizes)
    # With no pair predicted (or none in gold) nothing can be wrongly joined (or missed): 1.0.
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def _ari(table: _Contingency) -> float:
    together = _pairs(table.cells)
    gold_pairs, pred_pairs = _pairs(table.gold_sizes), _pairs(table.pred_sizes)
    all_pairs = table.articles * (table.articles - 1) // 2
    expected = gold_pairs * pred_pairs / all_pairs if all_pairs else 0.0
    best = (gold_pairs + pred_pairs) / 2
    if best == expected:
        # Only when both partitions are all-singletons or both all-in-one (or one article): the
        # partitions are then identical, and the index's 0/0 is read as perfect agreement.
        return 1.0
    return (together - expected) / (best - expected)


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """Item-averaged B-cubed (precision, recall, F1) over the ids in `gold`.

    Ids of `gold` missing from `pred` count as singleton predicted stories; ids only in `pred`
    are ignored. Raises ValueError when `gold` is empty.
    """
    return _bcubed(_contingency(gold, pred))


def pairwise_f1(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """(precision, recall, F1) over article pairs placed in the same story, ids as in `bcubed`.

    Precision is 1.0 when no pair is predicted and recall is 1.0 when gold has no pair, so
    perfect singleton clusterings score 1.0 rather than 0/0.
    """
    return _pairwise(_contingency(gold, pred))


def adjusted_rand_index(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    """Hubert and Arabie's adjusted Rand index, ids as in `bcubed`: 1 identical, about 0 chance.

    Symmetric in its arguments when both label the same ids.
    """
    return _ari(_contingency(gold, pred))


def score_clusters(gold: Mapping[str, str], pred: Mapping[str, str]) -> ClusterScores:
    """All the measures from one contingency table, for `newsprism eval clusters`."""
    table = _contingency(gold, pred)
    bcubed_p, bcubed_r, bcubed_f = _bcubed(table)
    pairwise_p, pairwise_r, pairwise_f = _pairwise(table)
    return ClusterScores(
        articles=table.articles,
        gold_stories=len(table.gold_sizes),
        predicted_stories=len(table.pred_sizes),
        missing=table.missing,
        bcubed_precision=bcubed_p,
        bcubed_recall=bcubed_r,
        bcubed_f1=bcubed_f,
        pairwise_precision=pairwise_p,
        pairwise_recall=pairwise_r,
        pairwise_f1=pairwise_f,
        adjusted_rand_index=_ari(table),
    )


def _lookup(row: dict[str, Any], field: str) -> Any:
    """`row[field]`, or for a dotted field ("gold.story") the nested value; KeyError if absent."""
    if field in row:
        return row[field]
    value: Any = row
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(field)
        value = value[part]
    return value


def _as_label(value: Any) -> str | None:
    # Integer story numbers are common in gold files; bool is an int to Python but not a label.
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def load_labels(path: Path, field: str, *, id_field: str = "id") -> dict[str, str]:
    """`{id: label}` from a JSON Lines file whose rows carry `field` (top-level or dotted path).

    Every non-blank line must be a JSON object with a string or integer id and label; a line
    that is not, or that repeats an id, raises `LabelFileError` (a ValueError) naming the file
    and line, because a silently skipped row would change the scores without a trace.
    """
    labels: dict[str, str] = {}
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as err:  # JSONDecodeError, or bytes that are not UTF-8
                raise LabelFileError(path, number, f"not JSON: {err}") from None
            if not isinstance(row, dict):
                raise LabelFileError(path, number, "not a JSON object")
            values = []
            for name in (id_field, field):
                try:
                    value = _as_label(_lookup(row, name))
                except KeyError:
                    raise LabelFileError(path, number, f"no {name!r}") from None
                if value is None:
                    raise LabelFileError(path, number, f"{name!r} is not a string or an integer")
                values.append(value)
            article_id, label = values
            if article_id in labels:
                raise LabelFileError(path, number, f"id {article_id!r} appears on an earlier line")
            labels[article_id] = label
    return labels
