"""/api/docs: the API reference rendered by this server from its OpenAPI document, nothing loaded
from elsewhere, so an offline install reads it and the page policy holds."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import WebSettings
from newsprism.web.docs import reference, rules_of, type_of
from newsprism.web.headers import PAGE_POLICY
from newsprism.web.schemas import STORABLE_PATTERN, TEXT_PATTERN


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[tuple[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name not in ("src", "href") or value is None:
                continue
            if tag == "a":
                self.links.append(value)
            else:
                self.assets.append((tag, value))


@pytest.fixture
def docs(client: TestClient) -> str:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_POLICY
    return response.text


def test_docs_load_nothing_from_outside_the_server(client: TestClient, docs: str) -> None:
    found = _Links()
    found.feed(docs)
    assert found.assets, "the page uses the site's stylesheets"
    for tag, url in found.assets:
        assert url.startswith("/") and not url.startswith("//"), (tag, url)
        assert client.get(url).status_code == 200, url
    for url in found.links:
        assert url.startswith(("/", "#")) and not url.startswith("//"), url
    assert "swagger" not in docs.lower() and "cdn" not in docs.lower()


def test_docs_list_every_operation_of_the_openapi_document(client: TestClient, docs: str) -> None:
    document = client.get("/openapi.json").json()
    operations = [(method.upper(), path) for path, item in document["paths"].items() for method in item]
    assert ("POST", "/api/v1/articles") in operations
    for method, path in operations:
        assert f'<span class="method">{method}</span> <code>{html.escape(path)}</code>' in docs


def test_docs_show_parameters_with_their_constraints(docs: str) -> None:
    for name in ("limit", "offset", "since", "q", "story", "story_id"):
        assert f"<code>{name}</code>" in docs
    assert "at least 1" in docs and "at most 200" in docs  # limit
    assert "at most 256 characters" in docs  # story, story_id
    assert html.escape(STORABLE_PATTERN) in docs


def test_docs_show_the_request_body_fields_and_the_response_codes(docs: str) -> None:
    post = docs[docs.index('id="post_articles"') :]
    section = post[: post.index("</section>")]
    assert "ArticleIn or list of ArticleIn" in section
    for field in ("id", "title", "text", "source", "url", "published", "language", "author"):
        assert f"<code>{field}</code>" in section
    assert html.escape(TEXT_PATTERN) in section
    for status in ("200", "401", "403", "413", "422", "503"):
        assert f"<code>{status}</code>" in section


def test_docs_are_as_open_as_the_openapi_document(make_client: Any) -> None:
    client = make_client(WebSettings(read_token="read-secret-token"))
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/api/docs").status_code == 200


def test_schema_words() -> None:
    assert type_of({"anyOf": [{"type": "string"}, {"type": "null"}]}) == "string or null"
    assert (
        type_of({"type": "array", "items": {"$ref": "#/components/schemas/StoryOut"}}) == "list of StoryOut"
    )
    assert type_of({"enum": ["a", "b"]}) == 'one of "a", "b"'
    rules, patterns = rules_of(
        {"anyOf": [{"type": "string", "maxLength": 5, "pattern": "^x$"}, {"type": "null"}]}
    )
    assert (rules, patterns) == (["as string: at most 5 characters"], ["^x$"])
    assert reference({"info": {"title": "t"}, "paths": {}}).operations == []
