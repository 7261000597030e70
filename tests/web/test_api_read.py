"""Reading through /api/v1: parameters reach the store checked and normalised, answers keep their shape."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

FakeStore = Any  # conftest.FakeStore; conftest modules are not importable under --import-mode=importlib
STORY_ID = "ferry-2025"
PENDING_ID = "pending-1"
BAD_LANGUAGES = ["EN1", "EN", "", " ", "e", "engl", "en-GB", "é", "ру", "e1", "en\x00"]


def test_list_stories_passes_search_and_paging_to_the_store(client: TestClient, store: FakeStore) -> None:
    response = client.get("/api/v1/stories", params={"q": " Millbrook ", "limit": 1, "offset": 0})
    assert response.status_code == 200
    body = response.json()
    assert [s["id"] for s in body["stories"]] == [STORY_ID]
    assert body["stories"][0]["outlets"] == ["Millbrook Gazette", "Valley Courier"]
    assert body["stories"][0]["article_count"] == 2
    assert (body["limit"], body["offset"], body["next_offset"]) == (1, 0, 1)
    assert store.calls[-1] == (
        "list_stories",
        {"since": None, "search": "Millbrook", "limit": 1, "offset": 0, "language": None},
    )


@pytest.mark.parametrize(
    ("since", "passed"),
    [("2025-03-01", "2025-03-01"), ("2025-03-01T10:00:00Z", "2025-03-01T10:00:00+00:00")],
)
def test_since_is_normalised_iso_8601(client: TestClient, store: FakeStore, since: str, passed: str) -> None:
    assert client.get("/api/v1/stories", params={"since": since}).status_code == 200
    assert store.calls[-1][1]["since"] == passed


def test_a_short_page_has_no_next_offset(client: TestClient) -> None:
    body = client.get("/api/v1/stories").json()
    assert len(body["stories"]) == 2
    assert body["next_offset"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 201},
        {"limit": "ten"},
        {"offset": -1},
        {"offset": 2**40},
        {"since": "yesterday"},
        {"since": "2025-13-45"},
        {"q": "x" * 201},
        {"q": "ferry\x00"},
        *({"language": bad} for bad in BAD_LANGUAGES),
    ],
)
def test_bad_query_parameters_are_422_with_a_message(
    client: TestClient, store: FakeStore, params: dict[str, Any]
) -> None:
    response = client.get("/api/v1/stories", params=params)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Invalid request")
    assert not [c for c in store.calls if c[0] == "list_stories"]


def test_language_filters_stories_and_articles(client: TestClient, store: FakeStore) -> None:
    listed = client.get("/api/v1/stories", params={"language": "es"}).json()["stories"]
    assert [(s["id"], s["languages"]) for s in listed] == [(PENDING_ID, ["en", "es"])]
    assert store.calls[-1][1]["language"] == "es"
    assert client.get("/api/v1/stories", params={"language": "ru"}).json()["stories"] == []
    body = client.get("/api/v1/articles", params={"language": "fra"}).json()
    assert store.calls[-1] == ("list_articles", {"limit": 50, "offset": 0, "story": None, "language": "fra"})
    assert (body["articles"], body["total"]) == ([], 0)


@pytest.mark.parametrize("language", BAD_LANGUAGES)
def test_a_bad_language_is_422_for_articles_too(client: TestClient, store: FakeStore, language: str) -> None:
    response = client.get("/api/v1/articles", params={"language": language})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Invalid request")
    assert not [c for c in store.calls if c[0] == "list_articles"]


def test_story_summary_and_404(client: TestClient) -> None:
    story = client.get(f"/api/v1/stories/{STORY_ID}").json()
    assert story["id"] == STORY_ID
    assert story["first_published"] == "2025-03-04T09:00:00+00:00"
    assert story["comparison_stale"] is False
    missing = client.get("/api/v1/stories/no-such-story")
    assert missing.status_code == 404
    assert "no-such-story" in missing.json()["detail"]


def test_a_story_says_what_holds_it_together(client: TestClient) -> None:
    story = client.get(f"/api/v1/stories/{STORY_ID}").json()
    assert story["details"] == {
        "day": "2025-03-03",
        "places": ["wren river"],
        "people": ["vidal"],
        "ages": [],
    }
    listed = {s["id"]: s for s in client.get("/api/v1/stories").json()["stories"]}
    assert listed[STORY_ID]["details"] == story["details"]
    assert listed["pending-1"]["details"] == {"day": None, "places": [], "people": [], "ages": []}


def test_story_ids_no_store_can_hold_are_404_not_errors(client: TestClient) -> None:
    assert client.get("/api/v1/stories/bad%00id").status_code == 404
    assert client.get("/api/v1/stories/" + "x" * 300).status_code == 422


def test_comparison_is_returned_exactly_as_stored(
    client: TestClient, comparison_data: dict[str, Any]
) -> None:
    response = client.get(f"/api/v1/stories/{STORY_ID}/comparison")
    assert response.status_code == 200
    assert response.json() == comparison_data


def test_comparison_not_computed_is_409_and_missing_story_404(client: TestClient) -> None:
    pending = client.get(f"/api/v1/stories/{PENDING_ID}/comparison")
    assert pending.status_code == 409
    assert "not computed yet" in pending.json()["detail"]
    assert client.get("/api/v1/stories/nope/comparison").status_code == 404


def test_articles_list_filters_by_story_and_counts_the_store(client: TestClient, store: FakeStore) -> None:
    body = client.get("/api/v1/articles", params={"story": STORY_ID, "limit": 1, "offset": 1}).json()
    assert [a["id"] for a in body["articles"]] == ["courier"]
    assert body["articles"][0]["text"].startswith("The Millbrook ferry")
    assert body["total"] is None
    assert store.calls[-1] == (
        "list_articles",
        {"limit": 1, "offset": 1, "story": STORY_ID, "language": None},
    )
    unfiltered = client.get("/api/v1/articles").json()
    assert unfiltered["total"] == 2
    assert client.get("/api/v1/articles", params={"limit": 500}).status_code == 422


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"detail": "Not Found"}


def test_store_failure_is_a_json_500_that_leaks_nothing(
    make_client: Any, store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("password=hunter2 in /srv/secret/db.py")

    monkeypatch.setattr(store, "list_stories", broken)
    response = make_client(raise_server_exceptions=False).get("/api/v1/stories")
    assert response.status_code == 500
    assert "hunter2" not in response.text and "secret" not in response.text
    assert response.json() == {"detail": "Internal server error. The details are in the server's log."}
