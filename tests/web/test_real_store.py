"""The app over the real store (a temporary SQLite archive): the contract the fake stands in for holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.model import Article
from newsprism.web import WebSettings, create_app

store_package = pytest.importorskip("newsprism.store")


@pytest.fixture
def archive(
    tmp_path: Path, ferry_articles: list[Article], comparison_data: dict[str, Any]
) -> Iterator[TestClient]:
    """Two stored stories: the ferry, compared, and a council vote not compared yet."""
    council = Article(
        id="council",
        title="Council approves flood budget",
        text="The Millbrook council approved a flood defence budget on Wednesday.",
        source="Valley Courier",
        published="2025-03-05",
        language="en",
    )
    languages = {"gazette": "en", "courier": "es"}
    rows = [
        store_package.NewArticle(replace(a, language=languages[a.id]), {}, {}, b"", story_id="ferry-2025")
        for a in ferry_articles
    ] + [store_package.NewArticle(council, {}, {}, b"", story_id="council-1")]
    with store_package.open_store(str(tmp_path / "news.db")) as store:
        store.add_articles(rows)
        store.save_comparison("ferry-2025", comparison_data)
        yield TestClient(create_app(store, WebSettings()))


def test_lists_searches_and_filters_stored_stories(archive: TestClient) -> None:
    listed = archive.get("/api/v1/stories").json()["stories"]
    assert {s["id"] for s in listed} == {"ferry-2025", "council-1"}
    ferry = next(s for s in listed if s["id"] == "ferry-2025")
    assert ferry["outlets"] == ["Millbrook Gazette", "Valley Courier"]
    found = archive.get("/api/v1/stories", params={"q": "defence budget"}).json()["stories"]
    assert [s["id"] for s in found] == ["council-1"]
    since = archive.get("/api/v1/stories", params={"since": "2025-03-05"}).json()["stories"]
    assert [s["id"] for s in since] == ["council-1"]
    # Search syntax of the database never reaches it as syntax.
    assert archive.get("/api/v1/stories", params={"q": '"AND ( NEAR'}).status_code == 200


def test_filters_stories_and_articles_by_the_stored_language(archive: TestClient) -> None:
    def stories(**params: str) -> list[tuple[str, list[str]]]:
        listed = archive.get("/api/v1/stories", params=params).json()["stories"]
        return [(s["id"], s["languages"]) for s in listed]

    assert stories(language="es") == [("ferry-2025", ["en", "es"])]
    assert stories(language="en") == [("council-1", ["en"]), ("ferry-2025", ["en", "es"])]
    assert stories(language="en", q="defence budget") == [("council-1", ["en"])]
    assert stories(language="ru") == []
    spanish = archive.get("/api/v1/articles", params={"language": "es"}).json()
    assert ([a["id"] for a in spanish["articles"]], spanish["total"]) == (["courier"], 1)
    assert [a["language"] for a in spanish["articles"]] == ["es"]
    english = archive.get("/api/v1/articles", params={"language": "en", "story": "ferry-2025"}).json()
    assert ([a["id"] for a in english["articles"]], english["total"]) == (["gazette"], None)
    assert archive.get("/api/v1/articles", params={"language": "en"}).json()["total"] == 2
    assert archive.get("/api/v1/articles", params={"language": "EN1"}).status_code == 422


def test_the_story_list_page_shows_and_filters_by_language(archive: TestClient) -> None:
    page = archive.get("/").text
    assert 'href="/?language=es"' in page and page.count('href="/?language=en"') == 2
    filtered = archive.get("/", params={"language": "es"}).text
    assert 'href="/stories/ferry-2025"' in filtered and 'href="/stories/council-1"' not in filtered
    assert archive.get("/", params={"language": "x"}).status_code == 422


def test_serves_the_stored_comparison_and_its_page(
    archive: TestClient, comparison_data: dict[str, Any]
) -> None:
    assert archive.get("/api/v1/stories/ferry-2025/comparison").json() == comparison_data
    assert archive.get("/api/v1/stories/council-1/comparison").status_code == 409
    page = archive.get("/stories/ferry-2025")
    assert page.status_code == 200
    assert 'class="s disputed"' in page.text and "&lt;script&gt;" in page.text
    assert "Comparison not computed yet" in archive.get("/stories/council-1").text


def test_lists_articles_of_a_story_in_story_order(archive: TestClient) -> None:
    body = archive.get("/api/v1/articles", params={"story": "ferry-2025"}).json()
    assert [a["id"] for a in body["articles"]] == ["gazette", "courier"]
    assert archive.get("/api/v1/articles").json()["total"] == 3


def test_posted_articles_go_through_the_real_workflow_to_a_story_page(
    tmp_path: Path, ferry_articles: list[Article]
) -> None:
    pytest.importorskip("newsprism.store.workflow")
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "text": a.text,
            "source": a.source,
            "url": a.url,
            "published": a.published,
        }
        for a in ferry_articles
    ]
    with store_package.open_store(str(tmp_path / "posted.db")) as store:
        client = TestClient(create_app(store, WebSettings(write_token="w")))
        response = client.post("/api/v1/articles", json=rows, headers={"Authorization": "Bearer w"})
        assert response.status_code == 200, response.text
        report = response.json()
        assert (report["added"], report["skipped"], report["errors"]) == (2, 0, [])
        again = client.post("/api/v1/articles", json=rows[0], headers={"Authorization": "Bearer w"}).json()
        assert (again["added"], again["skipped"]) == (0, 1)
        [story] = client.get("/api/v1/stories").json()["stories"]
        assert story["article_count"] == 2
        comparison = client.get(f"/api/v1/stories/{story['id']}/comparison")
        assert comparison.status_code == 200
        assert {a["id"] for a in comparison.json()["articles"]} == {"gazette", "courier"}
        page = client.get(f"/stories/{story['id']}").text
        assert 'class="s corroborated"' in page and "&lt;script&gt;" in page
