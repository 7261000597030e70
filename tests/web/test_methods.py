"""HEAD wherever GET goes, OPTIONS answered with the path's methods, and `Allow` on a 405 naming
all of them, on the API and the pages alike; no method on any path is a server error."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import WebSettings

STORY_ID = "ferry-2025"
READ_ONLY = "GET, HEAD, OPTIONS"
GET_PATHS = [
    "/",
    "/?q=ferry",
    f"/stories/{STORY_ID}",
    "/stories/no-such-story",
    "/api/v1/stories",
    f"/api/v1/stories/{STORY_ID}",
    f"/api/v1/stories/{STORY_ID}/comparison",
    "/api/v1/stories/pending-1/comparison",
    "/api/v1/articles",
    "/api/v1/stories?limit=0",
    "/api/docs",
    "/openapi.json",
    "/static/site.css",
    "/static/story.js",
    "/static/report.css",
    "/no/such/page",
    "/api/v1/no-such-thing",
]
ALLOWED = {
    "/api/v1/articles": "GET, HEAD, OPTIONS, POST",
    "/api/v1/stories": READ_ONLY,
    f"/api/v1/stories/{STORY_ID}": READ_ONLY,
    f"/api/v1/stories/{STORY_ID}/comparison": READ_ONLY,
    "/": READ_ONLY,
    f"/stories/{STORY_ID}": READ_ONLY,
    "/api/docs": READ_ONLY,
    "/openapi.json": READ_ONLY,
    "/static/site.css": READ_ONLY,
    "/static/report.css": READ_ONLY,
}


def test_options_answers_with_every_method_of_the_path(client: TestClient) -> None:
    for path, allowed in ALLOWED.items():
        response = client.options(path)
        assert response.status_code == 204, path
        assert response.headers["allow"] == allowed, path
        assert response.content == b""
        assert "access-control-allow-origin" not in response.headers  # no CORS is configured


def test_options_on_a_path_no_route_has_is_404(client: TestClient) -> None:
    assert client.options("/no/such/page").status_code == 404


def test_options_needs_no_token_but_gives_no_data(make_client: Any) -> None:
    client = make_client(WebSettings(read_token="read-secret-token"))
    response = client.options("/api/v1/stories")
    assert (response.status_code, response.headers["allow"]) == (204, READ_ONLY)
    assert client.get("/api/v1/stories").status_code == 401


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "BREW"])
def test_a_405_allows_every_method_of_its_path(client: TestClient, method: str) -> None:
    for path, allowed in ALLOWED.items():
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == allowed, (method, path)


def test_post_to_a_read_only_path_names_get(client: TestClient) -> None:
    response = client.post("/api/v1/stories")
    assert (response.status_code, response.headers["allow"]) == (405, READ_ONLY)
    assert response.json()["detail"]


@pytest.mark.parametrize("path", GET_PATHS)
def test_head_answers_as_get_does_without_the_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code, path
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-security-policy") == get.headers.get("content-security-policy")
    if "content-length" in get.headers:
        assert head.headers["content-length"] == get.headers["content-length"]


def test_head_keeps_the_read_rules(make_client: Any) -> None:
    client = make_client(WebSettings(read_token="read-secret-token"))
    assert client.head("/api/v1/stories").status_code == 401
    assert client.head("/").status_code == 401
    authorised = {"Authorization": "Bearer read-secret-token"}
    assert client.head("/api/v1/stories", headers=authorised).status_code == 200


@pytest.mark.parametrize("read_token", [None, "read-secret-token"])
def test_no_method_on_any_path_is_a_server_error(make_client: Any, read_token: str | None) -> None:
    client = make_client(WebSettings(read_token=read_token), raise_server_exceptions=False)
    for path in GET_PATHS:
        for method in ("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "BREW"):
            response = client.request(method, path)
            assert response.status_code < 500, (method, path, response.status_code)
            if response.status_code == 405:
                assert "GET" in response.headers["allow"].split(", "), (method, path)
