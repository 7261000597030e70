"""Whether an article and a story (or two stories) report one event: the evidence, and its weight.

Word and vector similarity tell what kind of event two reports are about; they do not tell two
shootings in one town apart, which share their vocabulary, their kind of event and their town.
The details do (analyze/details.py): the day it happened, the street or venue, the people, the
ages. A detail both sides give and share is evidence of one event; a kind of detail both give
with nothing in common is evidence of two. The same day counts in proportion to how far the two
agree on names: two earthquakes on one Monday in two countries share the day and nothing else.
And a report's outlet is evidence of nothing: two
reports of one station share its words whatever they are about, so a same-outlet pair's word
similarity is weighed apart from a cross-outlet pair's, and an outlet that reports again days
later without one detail of its earlier report has moved on to another event (`outlet_again`).

`pair_features` turns the three view similarities and these details into one row;
`LinkModel` (weights in story_model.json, fitted by bench/train_stories.py on one half of the
gun-incident development set only) turns the row into the probability that the two report one
event. The clusterer joins and merges on its average fit; where the details disagree
(`detail_conflict`, `day_conflict`) and this probability is low, it refuses the join or merge.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

FEATURES = (
    "vector",
    "terms",
    "names",
    "place_shared",
    "place_conflict",
    "people_shared",
    "people_conflict",
    "age_shared",
    "age_conflict",
    "same_day_names",
    "next_day_names",
    "log_day_gap",
    "day_unknown",
    "same_outlet",
    "same_outlet_terms",
)
"""The columns of a pair's row, in the order the model's weights are stored."""
DAY_COLUMNS = (
    FEATURES.index("same_day_names"),
    FEATURES.index("next_day_names"),
    FEATURES.index("log_day_gap"),
)
UNKNOWN_DAY = FEATURES.index("day_unknown")


def without_days(rows: np.ndarray) -> np.ndarray:
    """The rows as they would read if neither side were dated: what a model fitted on dated
    news must also have seen, to weigh undated archives and feeds (bench/train_stories.py)."""
    out = rows.copy()
    out[:, DAY_COLUMNS] = 0.0
    out[:, UNKNOWN_DAY] = 1.0
    return out


MAX_DAYS_KEPT = 16
"""Distinct event days a story keeps: enough for any real story, bounded for a runaway one."""


@dataclass(frozen=True, slots=True)
class Details:
    """One article's details as the clusterer keeps them: small, hashable, no text."""

    places: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    ages: frozenset[int] = frozenset()
    day: date | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Evidence:
    """The details of a group of articles (one article, or a story's members), counted."""

    weight: int = 0
    places: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)
    ages: Counter[int] = field(default_factory=Counter)
    days: Counter[date] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, *details: Details) -> Evidence:
        """The counted details of one article, or of a group of them."""
        evidence = cls()
        for one in details:
            evidence.add(one, 1)
        return evidence

    def add(self, details: Details, sign: int) -> None:
        """Count an article in (sign 1) or out (sign -1)."""
        self.weight += sign
        for counter, keys in (
            (self.places, details.places),
            (self.people, details.people),
            (self.ages, details.ages),
        ):
            _count(counter, keys, sign)
        if details.day is not None and (
            sign < 0 or details.day in self.days or len(self.days) < MAX_DAYS_KEPT
        ):
            _count(self.days, (details.day,), sign)
        if details.outlet is not None:
            _count(self.outlets, (details.outlet,), sign)

    def dated(self) -> bool:
        """Whether most of its reports (CORE_SHARE) say on which day the event happened: then
        its days are the group's, not a stray report's."""
        return self.days.total() >= CORE_SHARE * self.weight > 0

    def absorb(self, other: Evidence) -> None:
        self.weight += other.weight
        self.places.update(other.places)
        self.people.update(other.people)
        self.ages.update(other.ages)
        for day, n in other.days.items():
            if day in self.days or len(self.days) < MAX_DAYS_KEPT:
                self.days[day] += n
        self.outlets.update(other.outlets)


def _count(counter: Counter[Any], keys: Iterable[Any], sign: int) -> None:
    for key in keys:
        value = counter.get(key, 0) + sign
        if value > 0:
            counter[key] = value
        else:
            counter.pop(key, None)


CORE_SHARE = 0.5
"""A story's core details are those at least this share of its members give: what its reports
agree on, where one report's stray street or surname is not."""


def _core(counter: Counter[Any], weight: int) -> list[Any]:
    return [key for key, n in counter.items() if n >= CORE_SHARE * weight]


def _agreement(a: Counter[Any], wa: int, b: Counter[Any], wb: int) -> tuple[float, float]:
    """(shared, conflict): whether any report of one side gives a detail of this kind that one
    of the other gives; and whether both sides agree within themselves on such details (their
    cores) and neither side's core appears anywhere in the other. For a single article its
    core is all it gives."""
    if not a or not b:
        return 0.0, 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if any(key in large for key in small):
        return 1.0, 0.0
    return 0.0, float(bool(_core(a, wa)) and bool(_core(b, wb)))


def day_gap(a: Counter[date], b: Counter[date]) -> int | None:
    """Days between the nearest event days of the two sides; None when either has none."""
    if not a or not b:
        return None
    return min(abs((x - y).days) for x in a for y in b)


def pair_features(vector: float, terms: float, names: float, a: Evidence, b: Evidence) -> np.ndarray:
    """One row of FEATURES for two sides whose mean view similarities are given."""
    place_shared, place_conflict = _agreement(a.places, a.weight, b.places, b.weight)
    people_shared, people_conflict = _agreement(a.people, a.weight, b.people, b.weight)
    age_shared, age_conflict = _agreement(a.ages, a.weight, b.ages, b.weight)
    gap = day_gap(a.days, b.days)
    same_outlet = (
        sum(n * b.outlets.get(o, 0) for o, n in a.outlets.items()) / (a.weight * b.weight)
        if a.outlets and b.outlets and a.weight > 0 and b.weight > 0
        else 0.0
    )
    return np.array(
        [
            vector,
            terms,
            names,
            place_shared,
            place_conflict,
            people_shared,
            people_conflict,
            age_shared,
            age_conflict,
            float(gap == 0) * names,
            float(gap == 1) * names,
            math.log1p(gap) if gap is not None else 0.0,
            float(gap is None),
            same_outlet,
            same_outlet * terms,
        ],
        dtype=np.float64,
    )


CONFLICT_COLUMNS = tuple(FEATURES.index(f) for f in ("place_conflict", "people_conflict", "age_conflict"))
SHARED_COLUMNS = tuple(FEATURES.index(f) for f in ("place_shared", "people_shared", "age_shared"))
LOG_DAY_GAP = FEATURES.index("log_day_gap")
PEOPLE_SHARED = FEATURES.index("people_shared")
SAME_OUTLET = FEATURES.index("same_outlet")
CONFLICT_DAYS = 2
"""Event days this far apart or more disagree: one day apart is the same night told as
"Sunday" by one report and "early Monday" by the next."""


def detail_conflict(row: np.ndarray) -> bool:
    """Whether a pair's place, people or ages disagree."""
    return bool(row[list(CONFLICT_COLUMNS)].any())


def outlet_again(row: np.ndarray) -> bool:
    """Whether one outlet reports again, days later, without one detail of its first report:
    a place, a person, an age."""
    return bool(row[SAME_OUTLET] > 0 and day_conflict(row) and not row[list(SHARED_COLUMNS)].any())


def day_conflict(row: np.ndarray) -> bool:
    """Whether a pair's nearest event days lie CONFLICT_DAYS or more apart."""
    return bool(row[LOG_DAY_GAP] >= math.log1p(CONFLICT_DAYS) - 1e-9)


def details_agree(row: np.ndarray) -> bool:
    """Whether the details say one event, whatever the words: both sides give event days and
    their nearest lie within a day of each other, they share a place, a person or an age, and
    none of their details conflicts."""
    return bool(
        not row[UNKNOWN_DAY]
        and not day_conflict(row)
        and not detail_conflict(row)
        and row[list(SHARED_COLUMNS)].any()
    )


@dataclass(frozen=True, slots=True)
class LinkModel:
    """A logistic model over FEATURES, with the probabilities below which the details veto a
    join or a merge the average fit (stories/cluster.py) would make."""

    weights: np.ndarray
    bias: float
    join_floor: float
    """An article does not join a story whose probability of being its event is below this."""
    merge_floor: float
    """Two stories do not merge when the probability that they report one event is below this."""

    def probability(self, row: np.ndarray) -> float:
        z = float(row @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-z)) if z > -40 else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "join_floor": self.join_floor,
            "merge_floor": self.merge_floor,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkModel:
        if list(data["features"]) != list(FEATURES):
            raise ValueError("story_model.json was fitted on other features: run bench/train_stories.py")
        return cls(
            weights=np.array(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            join_floor=float(data["join_floor"]),
            merge_floor=float(data["merge_floor"]),
        )


@cache
def default_model() -> LinkModel:
    """The shipped model (package data), read once per process."""
    text = resources.files("newsprism.stories").joinpath("story_model.json").read_text("utf-8")
    return LinkModel.from_json(json.loads(text))
