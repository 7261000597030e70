"""/openapi.json lists every API route, documents the hand-read bodies, and every reference resolves."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_openapi_lists_the_api_and_not_the_pages(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/stories/{story_id}/comparison",
        "/api/v1/articles",
    }
    assert set(document["paths"]["/api/v1/articles"]) == {"get", "post"}
    assert document["paths"]["/api/v1/stories"]["get"]["operationId"] == "list_stories"


def test_every_reference_resolves(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    refs = _refs(document)
    assert "#/components/schemas/Comparison" in refs
    assert "#/components/schemas/ArticleIn" in refs
    for ref in refs:
        _resolve(document, ref)


def test_documented_bodies_match_what_the_endpoints_take_and_give(
    client: TestClient, comparison_data: dict[str, Any]
) -> None:
    document = client.get("/openapi.json").json()
    post = document["paths"]["/api/v1/articles"]["post"]
    assert post["requestBody"]["required"] is True
    assert {"413", "422", "401", "403"} <= set(post["responses"])
    article_in = document["components"]["schemas"]["ArticleIn"]
    assert article_in["required"] == ["text"]
    comparison = document["paths"]["/api/v1/stories/{story_id}/comparison"]["get"]["responses"]
    assert {"200", "404", "409"} <= set(comparison)
    # The Comparison component, with the document as its root, validates the real pipeline's output.
    root = {**document, "$ref": "#/components/schemas/Comparison"}
    Draft202012Validator(root).validate(comparison_data)
    broken = {**comparison_data, "facts": [{"id": "f1", "status": "rumoured", "mentions": []}]}
    assert not Draft202012Validator(root).is_valid(broken)
    limit = next(p for p in document["paths"]["/api/v1/stories"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 200)
