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
from collections.abc import Callable, Collection, Iterable, Iterator
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
    languages: list[str] = field(default_factory=list)


@dataclass
class FakeOutlet:
    name: str
    story_count: int
    article_count: int
    first_published: str | None = None
    last_published: str | None = None


@dataclass
class FakeStore:
    """The store's reading methods over dicts, recording every call so tests can check arguments."""

    stories: list[FakeStory] = field(default_factory=list)
    comparisons: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[str, list[Article]] = field(default_factory=dict)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def list_stories(
        self,
        since: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
        language: str | None = None,
    ) -> list[FakeStory]:
        asked = {"since": since, "search": search, "limit": limit, "offset": offset, "language": language}
        self.calls.append(("list_stories", asked))
        found = [
            s
            for s in self.stories
            if (not search or search.casefold() in (s.title or "").casefold())
            and (language is None or language in s.languages)
        ]
        return found[offset : offset + limit]

    def get_story(self, story_id: str) -> FakeStory | None:
        self.calls.append(("get_story", {"story_id": story_id}))
        return next((s for s in self.stories if s.id == story_id), None)

    def comparison(self, story_id: str) -> dict[str, Any] | None:
        return self.comparisons.get(story_id)

    def list_articles(
        self, limit: int = 50, offset: int = 0, story: str | None = None, language: str | None = None
    ) -> list[Article]:
        self.calls.append(
            ("list_articles", {"limit": limit, "offset": offset, "story": story, "language": language})
        )
        pool = (
            self.articles.get(story, []) if story else [a for group in self.articles.values() for a in group]
        )
        return [a for a in pool if language is None or a.language == language][offset : offset + limit]

    def count_articles(self, language: str | None = None) -> int:
        return sum(1 for group in self.articles.values() for a in group if language in (None, a.language))

    # Coverage, from the stories' outlet lists (what `outlet_of_article` makes them in the store).

    def _outlets(self) -> list[FakeOutlet]:
        counts: dict[str, FakeOutlet] = {}
        for story in self.stories:
            for name in story.outlets:
                outlet = counts.setdefault(name, FakeOutlet(name, 0, 0))
                outlet.story_count += 1
                outlet.article_count += (
                    sum(1 for a in self.articles.get(story.id, []) if (a.source or a.id) == name) or 1
                )
        return sorted(counts.values(), key=lambda o: (-o.story_count, -o.article_count, o.name))

    def list_outlets(self, limit: int | None = 50, offset: int = 0) -> list[FakeOutlet]:
        self.calls.append(("list_outlets", {"limit": limit, "offset": offset}))
        found = self._outlets()
        return found[offset:] if limit is None else found[offset : offset + limit]

    def count_outlets(self) -> int:
        return len(self._outlets())

    def get_outlet(self, name: str) -> FakeOutlet | None:
        self.calls.append(("get_outlet", {"name": name}))
        return next((o for o in self._outlets() if o.name == name), None)

    def outlet_stories(self, name: str, limit: int = 50, offset: int = 0) -> list[FakeStory]:
        self.calls.append(("outlet_stories", {"name": name, "limit": limit, "offset": offset}))
        return [s for s in self.stories if name in s.outlets][offset : offset + limit]

    def blindspots(
        self, outlets: Collection[str], min_outlets: int = 3, limit: int = 50, offset: int = 0
    ) -> list[FakeStory]:
        self.calls.append(
            (
                "blindspots",
                {"outlets": sorted(outlets), "min_outlets": min_outlets, "limit": limit, "offset": offset},
            )
        )
        excluded = {name.lower() for name in outlets}
        found = [
            s
            for s in self.stories
            if s.outlet_count >= min_outlets and not excluded & {name.lower() for name in s.outlets}
        ]
        return found[offset : offset + limit]


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
                languages=["en"],
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
                languages=["en", "es"],
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


# An archive of several stories and outlets, for coverage (outlets, labels, blindspots): a real
# SQLite store, so the repository's queries are what the pages and the API are tested on.

SLASHED = "AC/DC Weekly"
ACCENTED = "Zürich Zeitung"
LABELS = {
    "map": {
        "CNN": {"labels": {"lean": "left"}},
        "Fox News": {"labels": {"lean": "right"}},
        "Harbour Gazette": {
            "domains": ["harbourgazette.example"],
            "kind": "newspaper",
            "labels": {"region": "coast"},
        },
        # Lower case on purpose: the archive's "Zürich Zeitung" is found whatever the case.
        "zürich zeitung": {"country": "CH", "labels": {"lean": "centre"}},
    }
}
COVERAGE: dict[str, list[tuple[str, str | None, str]]] = {
    # story id: (article id, source, published)
    "quake": [
        ("q1", "Reuters", "2025-05-10"),
        ("q2", "CNN", "2025-05-10"),
        ("q3", "Harbour Gazette", "2025-05-10"),
    ],
    "storm": [("s1", ACCENTED, "2025-05-11"), ("s2", "Le Monde", "2025-05-11"), ("s3", "BBC", "2025-05-11")],
    "ferry": [
        ("f1", "Millbrook Gazette", "2025-05-12"),
        ("f2", "Valley Courier", "2025-05-12"),
        ("f3", "Fox News", "2025-05-12"),
        ("f4", SLASHED, "2025-05-12"),
    ],
    "budget": [("b1", "Valley Courier", "2025-05-13"), ("bare-file", None, "2025-05-13")],
}


@dataclass
class Archive:
    store: Any
    client: TestClient
    labelled: TestClient
    """The same app, started with LABELS as its outlets file (NEWSPRISM_OUTLETS)."""


@pytest.fixture
def archive(tmp_path: Any) -> Iterator[Archive]:
    import json

    from newsprism.lang.outlet_registry import read_outlets_file
    from newsprism.store import NewArticle, open_store

    rows = [
        NewArticle(
            Article(
                id=aid,
                title=f"{story} report {aid}",
                text=f"The {story} report {aid}.",
                source=source,
                published=day,
            ),
            {},
            {},
            b"",
            story_id=story,
        )
        for story, articles in COVERAGE.items()
        for aid, source, day in articles
    ]
    labels = tmp_path / "outlets.json"
    labels.write_text(json.dumps(LABELS), "utf-8")
    with open_store(str(tmp_path / "coverage.db")) as store:
        store.add_articles(rows)
        yield Archive(
            store,
            TestClient(create_app(store, WebSettings())),
            TestClient(create_app(store, WebSettings(outlets=read_outlets_file(labels)))),
        )
