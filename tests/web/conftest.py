"""A fake store, a comparison computed by the real pipeline, and clients for the web app.

The comparison comes from `newsprism.compare.pipeline.compare` on two small articles written
for these tests (an invented ferry closure), so the pages are tested on the data the real
renderer sees: a corroborated fact, a disputed figure, single-source sentences, an actor
with a different role in each outlet, quotes and a date. One headline and one sentence carry
a <script> tag, and one URL is a `javascript:` URL, to pin escaping.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.codec import comparison_to_dict
from newsprism.compare.pipeline import compare
from newsprism.model import Article, EventDetails
from newsprism.web import WebSettings, create_app

GAZETTE = Article(
    id="gazette",
    title="Flood closes Millbrook ferry <script>alert(1)</script>",
    source="Millbrook Gazette",
    url="https://gazette.example/ferry",
    published="2025-03-04T09:00:00+00:00",
    text=(
        "Flooding on the Wren River closed the Millbrook ferry on Monday, 3 March 2025. "
        "Harbour master Tomas Vidal said 40 passengers were stranded overnight. "
        '"We will reopen when the water falls," Vidal said. '
        "The ferry carries about 900 people a day."
    ),
)
COURIER = Article(
    id="courier",
    title="Millbrook ferry shut by floods",
    source="Valley Courier",
    url="javascript:alert(2)",
    published="2025-03-04T11:30:00+00:00",
    text=(
        "The Millbrook ferry was closed on Monday, 3 March 2025, after the Wren River flooded. "
        "Port official Tomas Vidal said 60 passengers were stranded overnight. "
        "Local shops reported losing trade all week. "
        "A sign at the pier read <script>alert(3)</script> in red paint."
    ),
)
STORY_ID = "ferry-2025"
PENDING_ID = "pending-1"
READ_TOKEN = "read-secret-token"
WRITE_TOKEN = "write-secret-token"


@dataclass
class FakeStory:
    id: str
    title: str | None
    article_count: int
    outlet_count: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    updated_at: str
    comparison_stale: bool = False
    details: EventDetails = field(default_factory=EventDetails)


@dataclass
class FakeStore:
    """The store's reading methods over dicts, recording every call so tests can check arguments."""

    stories: list[FakeStory] = field(default_factory=list)
    comparisons: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[str, list[Article]] = field(default_factory=dict)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def list_stories(
        self, since: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[FakeStory]:
        self.calls.append(
            ("list_stories", {"since": since, "search": search, "limit": limit, "offset": offset})
        )
        found = [s for s in self.stories if not search or search.casefold() in (s.title or "").casefold()]
        return found[offset : offset + limit]

    def get_story(self, story_id: str) -> FakeStory | None:
        self.calls.append(("get_story", {"story_id": story_id}))
        return next((s for s in self.stories if s.id == story_id), None)

    def comparison(self, story_id: str) -> dict[str, Any] | None:
        return self.comparisons.get(story_id)

    def list_articles(self, limit: int = 50, offset: int = 0, story: str | None = None) -> list[Article]:
        self.calls.append(("list_articles", {"limit": limit, "offset": offset, "story": story}))
        pool = (
            self.articles.get(story, []) if story else [a for group in self.articles.values() for a in group]
        )
        return pool[offset : offset + limit]

    def count_articles(self) -> int:
        return sum(len(group) for group in self.articles.values())


@pytest.fixture(scope="session")
def ferry_articles() -> list[Article]:
    return [GAZETTE, COURIER]


@pytest.fixture(scope="session")
def comparison_data() -> dict[str, Any]:
    return comparison_to_dict(compare([GAZETTE, COURIER]))


@pytest.fixture
def store(comparison_data: dict[str, Any]) -> FakeStore:
    return FakeStore(
        stories=[
            FakeStory(
                STORY_ID,
                GAZETTE.title,
                2,
                2,
                ["Millbrook Gazette", "Valley Courier"],
                "2025-03-04T09:00:00+00:00",
                "2025-03-04T11:30:00+00:00",
                "2025-03-04T12:00:00+00:00",
                details=EventDetails(day="2025-03-03", places=["wren river"], people=["vidal"]),
            ),
            FakeStory(
                PENDING_ID,
                "Council budget vote",
                1,
                1,
                ["Valley Courier"],
                "2025-03-05",
                "2025-03-05",
                "2025-03-05T08:00:00+00:00",
                comparison_stale=True,
            ),
        ],
        comparisons={STORY_ID: comparison_data},
        articles={STORY_ID: [GAZETTE, COURIER]},
    )


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(store: FakeStore) -> MakeClient:
    def make(settings: WebSettings | None = None, **options: Any) -> TestClient:
        return TestClient(create_app(store, settings or WebSettings()), **options)

    return make


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@dataclass
class FakeReport:
    added: int
    skipped: int
    errors: list[str]
    stories_changed: list[str]
    comparisons_refreshed: int = 0


@dataclass
class FakeIngest:
    """Stands in for `newsprism.store.workflow.ingest_articles` and keeps what it was given."""

    received: list[Article] = field(default_factory=list)
    fail: Exception | None = None
    pages: Any = None

    def __call__(self, store: Any, articles: Iterable[Article], pages: Any = None) -> FakeReport:
        if self.fail is not None:
            raise self.fail
        self.pages = pages
        batch = list(articles)
        self.received.extend(batch)
        return FakeReport(added=len(batch), skipped=0, errors=[], stories_changed=["s-new"])


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeIngest]:
    """Install a fake `newsprism.store.workflow` module for the lazy import in the endpoint."""
    ingest = FakeIngest()
    module = types.ModuleType("newsprism.store.workflow")
    module.ingest_articles = ingest  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsprism.store.workflow", module)
    yield ingest
