"""The part of the store the web app uses, as structural types.

The app depends on these methods, not on `newsprism.store.db.Store` itself: the store
satisfies them without importing anything from here, and the tests drive the app with a
small in-memory fake. Dates may come back as ISO strings or datetimes; the API writes both
as ISO 8601.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, Protocol

from newsprism.model import Article, EventDetails

DateValue = str | date | None


class StorySummaryLike(Protocol):
    """One stored story as listed: the fields of `newsprism.store.db.StorySummary` the app shows."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def article_count(self) -> int: ...
    @property
    def outlet_count(self) -> int: ...
    @property
    def outlets(self) -> Sequence[str]: ...
    @property
    def first_published(self) -> DateValue: ...
    @property
    def last_published(self) -> DateValue: ...
    @property
    def updated_at(self) -> DateValue: ...
    @property
    def comparison_stale(self) -> bool: ...
    @property
    def details(self) -> EventDetails: ...
    @property
    def languages(self) -> Sequence[str]: ...


class OutletSummaryLike(Protocol):
    """One outlet as the archive knows it: `newsprism.store.records.OutletSummary`."""

    @property
    def name(self) -> str: ...
    @property
    def story_count(self) -> int: ...
    @property
    def article_count(self) -> int: ...
    @property
    def first_published(self) -> DateValue: ...
    @property
    def last_published(self) -> DateValue: ...


class StoreAPI(Protocol):
    """Reading methods of the store, with the signatures the store module publishes."""

    def list_stories(
        self,
        since: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
        language: str | None = None,
    ) -> Sequence[StorySummaryLike]: ...

    def get_story(self, story_id: str) -> StorySummaryLike | None: ...

    def comparison(self, story_id: str) -> dict[str, Any] | None: ...

    def list_articles(
        self, limit: int = 50, offset: int = 0, story: str | None = None, language: str | None = None
    ) -> Sequence[Article]: ...

    def count_articles(self, language: str | None = None) -> int: ...

    def list_outlets(self, limit: int | None = 50, offset: int = 0) -> Sequence[OutletSummaryLike]: ...

    def count_outlets(self) -> int: ...

    def get_outlet(self, name: str) -> OutletSummaryLike | None: ...

    def outlet_stories(self, name: str, limit: int = 50, offset: int = 0) -> Sequence[StorySummaryLike]: ...

    def blindspots(
        self, outlets: Collection[str], min_outlets: int = 3, limit: int = 50, offset: int = 0
    ) -> Sequence[StorySummaryLike]: ...


class IngestReportLike(Protocol):
    """What `newsprism.store.workflow.ingest_articles` returns."""

    @property
    def added(self) -> int: ...
    @property
    def skipped(self) -> int: ...
    @property
    def errors(self) -> Sequence[str]: ...
    @property
    def stories_changed(self) -> Sequence[str]: ...
    @property
    def comparisons_refreshed(self) -> int: ...
