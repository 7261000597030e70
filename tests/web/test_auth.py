"""A read token, when configured, guards the API and the pages; tokens come only from where they should."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import WebSettings, settings_from_env

READ_TOKEN = "read-secret-token"
WRITE_TOKEN = "write-secret-token"


@pytest.fixture
def private(make_client: Any) -> TestClient:
    return make_client(WebSettings(write_token=WRITE_TOKEN, read_token=READ_TOKEN), follow_redirects=False)


@pytest.mark.parametrize("path", ["/api/v1/stories", "/api/v1/stories/ferry-2025", "/api/v1/articles"])
def test_api_reads_need_the_read_token(private: TestClient, path: str) -> None:
    assert private.get(path).status_code == 401
    assert private.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert private.get(path, headers={"Authorization": f"Bearer {READ_TOKEN}"}).status_code == 200
    # The write token reads too: one secret is enough for a trusted client.
    assert private.get(path, headers={"Authorization": f"Bearer {WRITE_TOKEN}"}).status_code == 200


def test_the_read_token_does_not_write(private: TestClient, fake_ingest: Any) -> None:
    response = private.post(
        "/api/v1/articles", json={"text": "Some text."}, headers={"Authorization": f"Bearer {READ_TOKEN}"}
    )
    assert response.status_code == 403


def test_pages_ask_for_the_token_with_a_form(private: TestClient) -> None:
    response = private.get("/")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("text/html")
    assert 'name="token"' in response.text


def test_a_token_link_is_traded_for_a_cookie_and_leaves_the_address(private: TestClient) -> None:
    response = private.get("/stories/ferry-2025", params={"token": READ_TOKEN, "x": "1"})
    assert response.status_code == 303
    assert response.headers["location"] == "/stories/ferry-2025?x=1"
    cookie = response.headers["set-cookie"]
    assert "newsprism_token=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert private.get("/stories/ferry-2025").status_code == 200  # the client kept the cookie
    assert private.get("/api/v1/stories").status_code == 200  # and the API reads with it


def test_a_wrong_token_link_is_403(private: TestClient) -> None:
    assert private.get("/", params={"token": "guess"}).status_code == 403


def test_static_files_and_openapi_stay_public(private: TestClient) -> None:
    assert private.get("/static/site.css").status_code == 200
    assert private.get("/static/report.css").status_code == 200
    assert private.get("/openapi.json").status_code == 200


def test_private_responses_are_not_cached(private: TestClient) -> None:
    response = private.get("/api/v1/stories", headers={"Authorization": f"Bearer {READ_TOKEN}"})
    assert response.headers["cache-control"] == "no-store"


def test_settings_from_env_reads_both_tokens_and_ignores_blanks() -> None:
    settings = settings_from_env({"NEWSPRISM_WRITE_TOKEN": " w-token ", "NEWSPRISM_READ_TOKEN": "  "})
    assert settings == WebSettings(write_token="w-token", read_token=None)
    assert settings_from_env({}) == WebSettings()


def test_settings_refuse_an_empty_token() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        WebSettings(write_token="")
