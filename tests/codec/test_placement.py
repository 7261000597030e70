"""The placement form: what the archive stores for replay places the article exactly as before."""

from __future__ import annotations

import json
from datetime import date

from newsprism.codec import placement_from_dict, placement_to_dict
from newsprism.model import Article, Placement
from newsprism.stories.features import placement


def test_round_trip_through_json_gives_the_same_placement() -> None:
    features = Placement(
        id="port-1",
        lead="Port strike enters third day\nDockers stayed out on Tuesday.",
        terms={"strike": 1.0, "docker": 1.69},
        names={"rotterdam": 1.0},
        dates=[date(2025, 5, 13), date(2025, 5, 2)],
        published=date(2025, 5, 14),
    )
    stored = json.loads(json.dumps(placement_to_dict(features)))
    assert placement_from_dict(stored) == features


def test_features_read_off_an_article_survive_storage() -> None:
    article = Article(
        id="a1",
        title="Klitschko beats Rahman",
        text="LAS VEGAS, May 2, 2013 - Vitali Klitschko kept his title on Saturday in Las Vegas.",
    )
    features = placement(article)
    assert placement_from_dict(json.loads(json.dumps(placement_to_dict(features)))) == features


def test_a_placement_without_terms_names_or_dates_loads() -> None:
    loaded = placement_from_dict({"id": "bare", "lead": "x", "published": None})
    assert loaded == Placement(id="bare", lead="x")
    assert loaded.day is None
