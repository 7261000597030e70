"""What goes into the archive and what comes out of it, as plain dataclasses.

The repository speaks in these and in model.Article, never in SQLAlchemy rows, so the CLI, the
web app and the ingest workflow depend on no database library.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsprism.model import Article, EventDetails


@dataclass(slots=True)
class NewArticle:
    """An article ready for the archive, with everything computed for it on the way in.

    `features_json` and `vector` are the story placement's inputs (the Placement of
    stories/features.py as newsprism.codec writes it, and the article's embedding); the archive
    keeps them opaque, so that replaying them rebuilds the clusterer without re-running the models.
    """

    article: Article
    analysis_json: dict[str, Any]
    features_json: dict[str, Any]
    vector: bytes
    story_id: str
    duplicate_of: str | None = None


@dataclass(slots=True)
class ReplayRow:
    """One stored article as the clusterer needs it back, in the order it was first added.

    `seq` is the article's `added_seq`: pass the last one seen as `since_seq` to replay only what
    other processes added since.
    """

    article: Article
    features_json: dict[str, Any]
    vector: bytes
    story_id: str | None
    duplicate_of: str | None
    seq: int


@dataclass(slots=True)
class StorySummary:
    """A story as listed: its counts and dates, without its articles.

    `first_published`/`last_published` are the ISO 8601 strings of its articles; `updated_at` is
    when the archive last changed the story, as ISO 8601 in UTC.
    """

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
    """What holds the story together (stories/holding.py), read from its stored placements."""
    languages: list[str] = field(default_factory=list)
    """The languages (ISO 639 codes) of its articles, sorted; articles of no known language add none."""


def _normalise(value: str) -> str:
    # NFKC folds compatibility forms (ligatures, full-width letters), casefold ignores case and
    # split/join ignores whitespace and line breaks: a copy reformatted by another feed or
    # re-extracted from HTML hashes the same as the original.
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def content_hash(article: Article) -> str:
    """sha256 (hex) of the article's normalised title and text: equal for exact re-publications.

    A newline separates title from text; normalising turns every other newline into a space, so
    a title ending where the text begins cannot hash like a longer title.
    """
    payload = f"{_normalise(article.title or '')}\n{_normalise(article.text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_row(article: Article) -> dict[str, Any]:
    """The `articles` columns that come from the Article itself."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "author": article.author,
        "text": article.text,
        "summary_only": article.summary_only,
        "credits": list(article.credits),
    }


def article_from_row(row: Any) -> Article:
    """An Article from a row carrying the `articles` columns (`path` is not stored: it is local)."""
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        source=row.source,
        url=row.url,
        published=row.published,
        language=row.language,
        author=row.author,
        credits=list(row.credits or []),
        summary_only=bool(row.summary_only),
    )


def iso_utc(value: datetime) -> str:
    """ISO 8601 in UTC; SQLite hands timestamps back without a zone, and they were written in UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


@dataclass(slots=True)
class OutletSummary:
    """One outlet as the archive knows it: how much of it is stored, and when it was published.

    The outlet is an article's source, else the article's id (`story_rows.outlet_of_article`),
    so an outlet summary exists exactly for the names stories list among their outlets.
    """

    name: str
    story_count: int
    article_count: int
    first_published: str | None = None
    last_published: str | None = None


def outlet_from_row(row: Any) -> OutletSummary:
    """An OutletSummary from a row of `store.coverage.outlet_tallies`."""
    return OutletSummary(
        name=row.name,
        story_count=int(row.story_count),
        article_count=int(row.article_count),
        first_published=row.first_published,
        last_published=row.last_published,
    )
