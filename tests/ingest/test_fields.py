"""Metadata normalisation: dates to ISO 8601, languages to a primary subtag, stable ids."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsprism.ingest.fields import (
    NO_DEFAULTS,
    ArticleDefaults,
    build_article,
    normalize_language,
    normalize_published,
    text_id,
)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-05-14", "2025-05-14"),
        ("2025-05-14T10:30:00Z", "2025-05-14T10:30:00+00:00"),
        ("2025-05-14 10:30:00+02:00", "2025-05-14T10:30:00+02:00"),
        ("Wed, 14 May 2025 10:30:00 GMT", "2025-05-14T10:30:00+00:00"),
        ("May 14, 2025", "2025-05-14"),
        ("Wednesday, May 14th, 2025", "2025-05-14"),
        ("14 May 2025", "2025-05-14"),
        ("14.05.2025", "2025-05-14"),
        ("2025/05/14", "2025-05-14"),
        ("05/14/2025", "2025-05-14"),
        ("14/05/2025", "2025-05-14"),
        ("May 14, 2025 10:30 AM", "2025-05-14T10:30:00"),
        ("2025-05", "2025-05"),
        ("2025", "2025"),
        (date(2025, 5, 14), "2025-05-14"),
        (datetime(2025, 5, 14, 10, 30), "2025-05-14T10:30:00"),
        (1747218600, "2025-05-14T10:30:00+00:00"),
    ],
)
def test_common_date_forms_become_iso_8601(raw: object, iso: str) -> None:
    assert normalize_published(raw) == iso


@pytest.mark.parametrize("raw", ["last Tuesday", "", "2025-13-45", None, True, {"y": 2025}, 42])
def test_unreadable_dates_become_none_instead_of_failing(raw: object) -> None:
    assert normalize_published(raw) is None


def test_language_is_reduced_to_its_primary_subtag() -> None:
    assert normalize_language("en-US") == "en"
    assert normalize_language("pt_BR") == "pt"
    assert normalize_language("  ") is None


def test_text_id_is_short_and_stable() -> None:
    assert text_id("same text") == text_id("same text") != text_id("other text")
    assert len(text_id("same text")) == 16


def test_own_values_win_over_defaults_which_fill_the_gaps() -> None:
    defaults = ArticleDefaults(published="2025-05-14", source="Default Wire", language="de")
    own = build_article(
        id="a", text="Some text.", meta={"published": "2024-01-02", "source": "Own"}, path=None,
        defaults=defaults,
    )  # fmt: skip
    bare = build_article(id="b", text="Some text.", meta={}, path=None, defaults=defaults)
    assert (own.published, own.source, own.language) == ("2024-01-02", "Own", "de")
    assert (bare.published, bare.source) == ("2025-05-14", "Default Wire")


def test_an_unreadable_published_value_is_dropped_with_one_warning_per_input(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("WARNING", logger="newsprism.ingest.fields"):
        first = build_article(
            id="a",
            text="Text.",
            meta={"published": "99999-01-01"},
            path="feed-99999.jsonl",
            defaults=NO_DEFAULTS,
        )
        build_article(
            id="b",
            text="Text.",
            meta={"published": "99999-02-01"},
            path="feed-99999.jsonl",
            defaults=NO_DEFAULTS,
        )
        fine = build_article(
            id="c",
            text="Text.",
            meta={"published": "2025-05-14"},
            path="feed-99999.jsonl",
            defaults=NO_DEFAULTS,
        )
    assert first.published is None and fine.published == "2025-05-14"
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "feed-99999.jsonl: publication date '99999-01-01' is not a date newsprism can read;"
        " it is left unknown"
    ]


def _source(
    meta: dict[str, str], defaults: ArticleDefaults = NO_DEFAULTS, container: str | None = None
) -> str | None:
    article = build_article(
        id="a", text="Some text.", meta=meta, path=None, defaults=defaults, container_source=container
    )
    return article.source


def test_an_article_is_named_for_the_outlet_of_its_url() -> None:
    assert _source({"url": "https://www.theguardian.com/world/2025/may/14/talks"}) == "The Guardian"
    assert _source({"url": "https://edition.cnn.com/2025/05/14/europe/talks"}) == "CNN"  # a subdomain
    assert _source({"url": "https://news.harbourgazette.example/ferry"}) == "harbourgazette.example"
    assert _source({"url": "urn:x-page"}) is None and _source({}) is None


def test_the_outlet_is_taken_in_order_own_source_registry_feed_user_default_domain() -> None:
    cnn, unknown = "https://edition.cnn.com/x", "https://harbourgazette.example/x"
    user = ArticleDefaults(source="Desk")
    assert _source({"url": cnn, "source": "Reuters"}, user, "Feed") == "Reuters"  # an explicit source wins
    assert _source({"url": cnn}, user, "Aggregator Feed") == "CNN"  # a known outlet beats the feed
    assert _source({"url": unknown}, user, "Harbour Gazette") == "Harbour Gazette"
    assert _source({"url": unknown}, user) == "Desk"
    assert _source({"url": unknown}) == "harbourgazette.example"


def test_a_users_registry_names_the_outlet() -> None:
    from newsprism.lang.outlet_registry import SHIPPED, Outlet

    mine = ArticleDefaults(outlets=SHIPPED.extended([Outlet("Harbour Gazette", ("harbourgazette.example",))]))
    assert _source({"url": "https://www.harbourgazette.example/x"}, mine) == "Harbour Gazette"
