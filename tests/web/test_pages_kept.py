"""Story pages are rendered once per story version, by the ingest that changed it, and kept in the archive."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.model import Article
from newsprism.store.db import open_store
from newsprism.store.workflow import ingest_articles
from newsprism.web.app import create_app
from newsprism.web.pages import page_version, prerender_pages
from newsprism.web.settings import WebSettings


def article(i: int, extra: str = "") -> Article:
    return Article(
        id=f"dam-{i}",
        title=f"Millwater dam repairs begin {i}",
        text="Engineers began repairing the Millwater dam on Tuesday after cracks were found in its "
        f"spillway, the regional water board said. Work is expected to last four months.{extra}",
        source=f"Outlet {i}",
        published="2025-06-03",
    )


def test_pages_are_kept_per_version_and_replaced_when_the_story_changes(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "pages.db")) as store:
        first = [article(1), article(2, " Traffic will be diverted.")]
        report = ingest_articles(store, first, pages=prerender_pages)
        [sid] = {s.id for s in store.list_stories()}
        assert report.stories_changed == [sid]
        assert report.pages_rendered == 1
        summary = store.get_story(sid)
        kept = store.page(sid, page_version(summary))
        assert kept is not None and "Millwater" in kept
        client = TestClient(create_app(store, WebSettings()))
        served = client.get(f"/stories/{sid}")
        assert served.status_code == 200
        assert served.text == kept
        # Without a renderer the ingest leaves the page to be built on the first visit.
        ingest_articles(store, [article(3, " A third outlet adds the cost: 2 million euros.")])
        newer = store.get_story(sid)
        assert page_version(newer) != page_version(summary)
        assert store.page(sid, page_version(newer)) is None
        assert "2 million euros" in client.get(f"/stories/{sid}").text
        assert store.page(sid, page_version(newer)) is not None
