"""What a person sees: headless Chromium (Debian's, through Playwright) clicks from the list to a story,
and from a story's outlet to its page and back to the story's source graph.

Screenshots of the pages land in build/screenshots/. Locally the test is skipped when no
Chromium is installed; in CI (.ci/run installs it) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.store.db import open_store
from newsprism.store.workflow import ingest_articles
from newsprism.web.app import create_app
from newsprism.web.settings import WebSettings

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"


def chromium() -> str:
    path = (
        os.environ.get("NEWSPRISM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required for the browser tests in CI (.ci/run installs it)")
        pytest.skip("no Chromium installed")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def store_source_graph(store: Any) -> None:
    """Give the seed story's stored comparison a source graph of known content (version 3's
    citations, copies and independent sources), whatever the pipeline found."""
    [seed] = [s for s in store.list_stories() if "Medinsky" in (s.title or "")]
    data = store.comparison(seed.id)
    first, second = (a["id"] for a in data["articles"][:2])
    data["citations"] = [
        {
            "article": first,
            "outlet": "The Guardian",
            "kind": "reports",
            "sentence": 0,
            "text": "the Guardian",
        },
        {"article": second, "outlet": "Reuters", "kind": "told", "sentence": 0, "text": "Reuters"},
    ]
    data["copies"] = [{"article": second, "original": first, "similarity": 0.41}]
    for fact in data["facts"]:
        fact["sources"] = ["Reuters", "The Guardian"]
    store.save_comparison(seed.id, data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsprism.ingest import ArticleDefaults

    db = tmp_path_factory.mktemp("browser") / "archive.db"
    store = open_store(str(db))
    seeds = [a for a in read_inputs([str(ROOT / "examples")], ArticleDefaults(published="2025-05-14"))]
    hostile = Article(
        id="hostile",
        title="<script>alert('x')</script> Flood warning for Riverton",
        text="The river at Riverton rose two metres on Sunday and the town issued a flood warning for its "
        "lower streets, the mayor said.",
        source="Test Outlet",
        published="2025-05-11",
    )
    ingest_articles(store, [a for a in seeds if isinstance(a, Article)] + [hostile])
    store_source_graph(store)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, WebSettings()), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_a_reader_clicks_from_the_list_to_the_seed_story(site: str) -> None:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(site + "/")
        assert page.get_by_text("Kremlin Appoints Medinsky", exact=False).first.is_visible()
        # The hostile headline is shown as text, and no script ran.
        assert page.get_by_text("<script>alert('x')</script> Flood warning", exact=False).first.is_visible()
        page.screenshot(path=str(SHOTS / "stories.png"), full_page=True)
        page.get_by_role("link", name="Kremlin Appoints Medinsky", exact=False).first.click()
        page.wait_for_load_state()
        assert "/stories/" in page.url
        body = page.inner_text("body")
        for expected in ("Medinsky", "Erdo", "Lula"):
            assert expected in body
        assert page.locator(".corroborated, [data-status=corroborated]").count() > 0
        page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
        browser.close()
    assert (SHOTS / "stories.png").stat().st_size > 10_000
    assert (SHOTS / "story.png").stat().st_size > 10_000


def test_a_reader_follows_an_outlet_to_its_page_and_back_to_who_cites_whom(site: str) -> None:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(site + "/")
        card = page.locator("li.story", has_text="Kremlin Appoints Medinsky").first
        outlet = card.locator("a.outlet-link").first
        name = outlet.inner_text().strip()
        outlet.click()
        page.wait_for_url("**/outlets/**")
        assert page.locator("h1").inner_text().strip() == name
        assert page.get_by_role("heading", name="Stories it covered").is_visible()
        page.screenshot(path=str(SHOTS / "outlet.png"), full_page=True)
        page.get_by_role("link", name="Kremlin Appoints Medinsky", exact=False).first.click()
        page.wait_for_url("**/stories/**")
        sources = page.locator("section#sources")
        assert sources.get_by_role("heading", name="Who cites whom").is_visible()
        graph = sources.inner_text()
        for expected in (
            "The Guardian",
            "Reuters",
            "reports",
            "was told",
            "is a copy of",
            "41% the same words",
        ):
            assert expected in graph, expected
        assert "2 independent: Reuters and The Guardian" in graph
        # Each row of the graph starts at an outlet of the story, linked to its page.
        assert sources.locator("li.cite-row").count() == 2
        sources.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "sources.png"), full_page=True)
        sources.locator("li.cite-row a.outlet-link").first.click()
        page.wait_for_url("**/outlets/**")
        assert page.get_by_role("link", name="Kremlin Appoints Medinsky", exact=False).first.is_visible()
        browser.close()
    assert (SHOTS / "outlet.png").stat().st_size > 5_000
    assert (SHOTS / "sources.png").stat().st_size > 10_000
