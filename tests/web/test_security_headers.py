"""Every HTML response (page, error page, API reference) carries the strict Content-Security-Policy,
every other response one that allows nothing, and no page needs inline script or style."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web import WebSettings
from newsprism.web.headers import DATA_POLICY, PAGE_POLICY

STORY_ID = "ferry-2025"


def test_the_page_policy_is_strict() -> None:
    directives = dict(part.strip().split(" ", 1) for part in PAGE_POLICY.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert (
        "unsafe-inline" not in PAGE_POLICY and "unsafe-eval" not in PAGE_POLICY and "http" not in PAGE_POLICY
    )


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", f"/stories/{STORY_ID}", 200),
        ("GET", "/stories/pending-1", 200),
        ("GET", "/api/docs", 200),
        ("GET", "/stories/no-such-story", 404),
        ("GET", "/no/such/page", 404),
        ("GET", "/?offset=-3", 422),
        ("PUT", "/", 405),
    ],
)
def test_html_responses_carry_the_page_policy(
    client: TestClient, method: str, path: str, status: int
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


def test_token_pages_carry_the_page_policy(make_client: Any) -> None:
    client = make_client(WebSettings(read_token="read-secret-token"))
    for token, status in ((None, 401), ("wrong", 403)):
        response = client.get("/", params={"token": token} if token else None)
        assert response.status_code == status
        assert response.headers["content-security-policy"] == PAGE_POLICY


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/stories", 200),
        ("/openapi.json", 200),
        ("/api/v1/stories/nope", 404),
        ("/static/site.css", 200),
    ],
)
def test_other_responses_allow_nothing(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-security-policy"] == DATA_POLICY


def test_a_server_error_carries_the_headers_too(make_client: Any, store: Any) -> None:
    def broken(**_: Any) -> list[Any]:
        raise RuntimeError("the archive went away")

    store.list_stories = broken
    client = make_client(raise_server_exceptions=False)
    page = client.get("/")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == PAGE_POLICY
    assert page.headers["x-content-type-options"] == "nosniff"
    api = client.get("/api/v1/stories")
    assert api.status_code == 500
    assert api.headers["content-security-policy"] == DATA_POLICY
    assert "went away" not in page.text + api.text


class _InlineFinder(HTMLParser):
    """Collects what a strict policy would block: inline script and style, event attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{name}= on <{tag}>" for name in names if name == "style" or name.startswith("on")]
        self.found += [
            f"{name}={value}"
            for name, value in attrs
            if value and value.strip().lower().startswith("javascript:")
        ]


@pytest.mark.parametrize("path", ["/", f"/stories/{STORY_ID}", "/stories/pending-1", "/api/docs", "/nope"])
def test_pages_need_no_inline_script_or_style(client: TestClient, path: str) -> None:
    finder = _InlineFinder()
    finder.feed(client.get(path).text)
    assert finder.found == []
