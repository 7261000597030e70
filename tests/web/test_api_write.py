"""POST /api/v1/articles: the write token, the size limit, and validation before anything is ingested."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import WebSettings

WRITE_TOKEN = "write-secret-token"
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}
ARTICLE = {
    "title": "Ferry back in service",
    "text": "The Millbrook ferry resumed service on Friday after the flood waters fell.",
    "source": "Valley Courier",
    "url": "https://courier.example/ferry-back",
    "published": "Fri, 07 Mar 2025 08:00:00 GMT",
    "language": "en-GB",
}


@pytest.fixture
def writer(make_client: Any) -> TestClient:
    return make_client(WebSettings(write_token=WRITE_TOKEN, max_upload_bytes=2_000))


def test_writing_is_disabled_without_a_configured_token(client: TestClient, fake_ingest: Any) -> None:
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 403
    assert "NEWSPRISM_WRITE_TOKEN" in response.json()["detail"]
    assert fake_ingest.received == []


def test_missing_token_is_401_and_wrong_token_403(writer: TestClient, fake_ingest: Any) -> None:
    missing = writer.post("/api/v1/articles", json=ARTICLE)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    basic = writer.post("/api/v1/articles", json=ARTICLE, headers={"Authorization": f"Basic {WRITE_TOKEN}"})
    assert basic.status_code == 401
    assert fake_ingest.received == []


def test_the_write_token_is_not_taken_from_a_cookie(writer: TestClient, fake_ingest: Any) -> None:
    writer.cookies.set("newsprism_token", WRITE_TOKEN)
    assert writer.post("/api/v1/articles", json=ARTICLE).status_code == 401


def test_one_article_is_ingested_as_a_json_lines_row_would_be(writer: TestClient, fake_ingest: Any) -> None:
    response = writer.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {
        "added": 1,
        "skipped": 0,
        "errors": [],
        "stories_changed": ["s-new"],
        "comparisons_refreshed": 0,
    }
    [article] = fake_ingest.received
    assert len(article.id) == 16  # no id given: a hash of the text, as for JSON Lines
    assert article.published == "2025-03-07T08:00:00+00:00"
    assert article.language == "en"
    assert article.source == "Valley Courier"


def test_an_ingest_through_the_api_renders_the_pages_it_changed(writer: TestClient, fake_ingest: Any) -> None:
    from newsprism.web.pages import prerender_pages

    assert writer.post("/api/v1/articles", json=ARTICLE, headers=AUTH).status_code == 200
    # With the server's registry, whose labels the pages show.
    assert fake_ingest.pages.func is prerender_pages
    assert fake_ingest.pages.keywords == {"outlets": writer.app.state.settings.outlets}  # type: ignore[attr-defined]


def test_a_list_of_articles_keeps_ids_and_order(writer: TestClient, fake_ingest: Any) -> None:
    batch = [{**ARTICLE, "id": "a-1"}, {"id": 7, "text": "A second, shorter article about the ferry."}]
    response = writer.post("/api/v1/articles", json=batch, headers=AUTH)
    assert response.status_code == 200
    assert [a.id for a in fake_ingest.received] == ["a-1", "7"]


def test_declared_oversized_body_is_413_before_reading(writer: TestClient, fake_ingest: Any) -> None:
    big = {**ARTICLE, "text": "word " * 1_000}
    response = writer.post("/api/v1/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert "2,000 bytes" in response.json()["detail"]
    assert fake_ingest.received == []


def test_streamed_oversized_body_without_length_is_413(writer: TestClient, fake_ingest: Any) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    headers = {**AUTH, "Content-Type": "application/json"}
    response = writer.post("/api/v1/articles", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert fake_ingest.received == []


def test_a_lying_content_length_is_still_counted(writer: TestClient, fake_ingest: Any) -> None:
    body = json.dumps({"text": "x" * 5_000}).encode()
    headers = {**AUTH, "Content-Type": "application/json", "Content-Length": "10"}
    response = writer.post("/api/v1/articles", content=body, headers=headers)
    assert response.status_code == 413
    assert fake_ingest.received == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b"", "empty"),
        (b"[]", "empty"),
        (b'"just a string"', "Expected a JSON object or a list"),
        (b"42", "Expected a JSON object or a list"),
        (b'{"title": "No text"}', "text: Field required"),
        (b'{"text": 5}', "text: Input should be a valid string"),
        (b'{"text": "   "}', "text: Value error, must contain a character other than white space"),
        (b'{"text": "\\u001c\\u2029"}', "must contain a character other than white space"),
        (b'{"text": "ok", "title": ["a", "b"]}', "title"),
        (b'{"text": "ok", "id": true}', "id"),
        (b'{"text": "ok", "published": {"day": 1}}', "published"),
        (b'{"text": "nul \\u0000 inside"}', "NUL"),
        (b'{"text": "lone \\ud800 surrogate"}', "text: "),
        (b'[{"text": "fine"}, {"text": null}]', "1.text"),
        (b"\xff\xfe\xfa not utf-8", "not valid JSON"),
        (b"[" * 3_000 + b"]" * 3_000, "JSON"),
        (b'{"text": 1' + b"1" * 5_000 + b"}", "JSON"),
        (b'{"text": "ok", "published": NaN}', "JSON"),
    ],
)
def test_malformed_bodies_are_422_with_a_message(
    make_client: Any, fake_ingest: Any, body: bytes, expected: str
) -> None:
    client = make_client(WebSettings(write_token=WRITE_TOKEN, max_upload_bytes=10_000))
    response = client.post(
        "/api/v1/articles", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert expected in detail
    assert fake_ingest.received == []


@pytest.mark.parametrize(
    ("published", "expected"),
    [(1741334400, "2025-03-07T08:00:00+00:00"), (1e20, None), (12, None), ("not a date", None)],
)
def test_unreadable_dates_are_dropped_not_refused(
    writer: TestClient, fake_ingest: Any, published: Any, expected: str | None
) -> None:
    response = writer.post("/api/v1/articles", json={**ARTICLE, "published": published}, headers=AUTH)
    assert response.status_code == 200
    assert fake_ingest.received[0].published == expected


def test_validation_errors_list_every_problem_without_echoing_input(
    writer: TestClient, fake_ingest: Any
) -> None:
    response = writer.post("/api/v1/articles", json=[{"text": 1, "title": 2}], headers=AUTH)
    body = response.json()
    assert {tuple(e["loc"]) for e in body["errors"]} == {("body", 0, "text"), ("body", 0, "title")}
    assert all(set(e) == {"loc", "msg", "type"} for e in body["errors"])


def test_text_that_is_only_boilerplate_is_reported_not_refused(writer: TestClient, fake_ingest: Any) -> None:
    # The schema cannot say "not only boilerplate", so such an article is a line in `errors`,
    # as a bad row of a .jsonl file is, and never a 422 the schema did not announce.
    response = writer.post("/api/v1/articles", json={"text": "Bonus video:"}, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {
        "added": 0,
        "skipped": 0,
        "errors": ["article 0: no article text found"],
        "stories_changed": [],
        "comparisons_refreshed": 0,
    }
    assert fake_ingest.received == []


def test_the_articles_beside_a_boilerplate_one_are_ingested(writer: TestClient, fake_ingest: Any) -> None:
    batch = [{"id": "promo", "text": "Advertisement"}, {**ARTICLE, "id": "kept"}]
    response = writer.post("/api/v1/articles", json=batch, headers=AUTH)
    assert response.status_code == 200
    assert response.json()["errors"] == ["article 0: no article text found"]
    assert response.json()["added"] == 1
    assert [a.id for a in fake_ingest.received] == ["kept"]


def test_ingest_unavailable_is_503(writer: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "newsprism.store.workflow", None)  # makes the import fail
    response = writer.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 503


def test_ingest_crash_is_a_generic_500(make_client: Any, fake_ingest: Any) -> None:
    fake_ingest.fail = RuntimeError("connection to postgresql://admin:s3cret@db failed")
    client = make_client(WebSettings(write_token=WRITE_TOKEN), raise_server_exceptions=False)
    response = client.post("/api/v1/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 500
    assert "s3cret" not in response.text
    assert response.json()["detail"].startswith("Internal server error")


def test_a_content_length_that_is_not_a_number_is_400(writer: TestClient, fake_ingest: Any) -> None:
    headers = {**AUTH, "Content-Type": "application/json", "Content-Length": b"\xb2"}  # "²" in latin-1
    response = writer.post("/api/v1/articles", content=b'{"text": "x"}', headers=headers)
    assert response.status_code == 400
    assert "Content-Length" in response.json()["detail"]
