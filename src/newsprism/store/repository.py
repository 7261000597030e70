"""The archive's repository: every read and write behind `newsprism ingest/stories/show/serve`.

Each write method is one transaction under the archive's write lock (store/engine.py): a process
killed at any moment leaves all of a write or none of it, and concurrent writers queue. Reads
take no lock and see a consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsprism.codec import details_from_dict
from newsprism.model import Article, EventDetails
from newsprism.store import coverage
from newsprism.store.engine import write_transaction
from newsprism.store.records import (
    NewArticle,
    OutletSummary,
    ReplayRow,
    StorySummary,
    article_from_row,
    article_row,
    content_hash,
    iso_utc,
    outlet_from_row,
)
from newsprism.store.schema import analyses, articles, comparisons, pages, placements, stories
from newsprism.store.search import article_matches, search_words
from newsprism.store.story_rows import chunks, outlet_of_article, refresh_stories
from newsprism.stories.holding import story_details

REPLAY_BATCH = 1000
"""Rows fetched at a time while replaying: memory stays flat however large the archive."""

_STORY_ORDER = (articles.c.published.asc().nulls_last(), articles.c.added_seq)
_NEWEST_STORIES = (stories.c.last_published.desc().nulls_last(), stories.c.updated_at.desc(), stories.c.id)


def _known(conn: Connection, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
    known_ids: set[str] = set()
    known_hashes: set[str] = set()
    for chunk in chunks(ids):
        known_ids.update(conn.scalars(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
    for chunk in chunks(hashes):
        known_hashes.update(
            conn.scalars(sa.select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk)))
        )
    return known_ids, known_hashes


def _first_of_each(rows: Sequence[NewArticle]) -> list[tuple[NewArticle, str]]:
    """The rows with their content hashes, dropping any that repeat an earlier row's id or hash."""
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    kept = []
    for row in rows:
        digest = content_hash(row.article)
        if row.article.id in seen_ids or digest in seen_hashes:
            continue
        seen_ids.add(row.article.id)
        seen_hashes.add(digest)
        kept.append((row, digest))
    return kept


class Store:
    """An open archive. Build one with `newsprism.store.open_store`, which also migrates it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def url(self) -> str:
        """The database URL, password hidden: for messages such as "archive at ..."."""
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- writing -------------------------------------------------------------------------------

    def known(self, ids: Iterable[str], hashes: Iterable[str]) -> tuple[set[str], set[str]]:
        """Which of `ids` and which of the content `hashes` the archive holds already."""
        with self._engine.connect() as conn:
            return _known(conn, list(ids), list(hashes))

    def add_articles(self, rows: Sequence[NewArticle]) -> int:
        """Insert the rows not stored yet (by id or content hash) in one transaction; return how many."""
        return len(self.store_new(rows))

    def store_new(self, rows: Sequence[NewArticle]) -> list[str]:
        """`add_articles`, returning the ids of the articles this call wrote.

        The check runs again inside the write transaction, so a row another process stored since
        the caller's `known()` is skipped, not duplicated; the caller learns which rows those
        were, so it can count them as skipped and leave their stories to the writer that owns them.
        Each article is written with its analysis and placement, and the stories it joins are
        recounted in the same transaction.
        """
        batch = _first_of_each(rows)
        if not batch:
            return []
        now = datetime.now(UTC)
        with write_transaction(self._engine) as conn:
            ids, hashes = _known(conn, [row.article.id for row, _ in batch], [digest for _, digest in batch])
            fresh = [
                (row, digest) for row, digest in batch if row.article.id not in ids and digest not in hashes
            ]
            if not fresh:
                return []
            # Assigned under the write lock, so sequence numbers grow in commit order too and a
            # reader replaying `since_seq` never misses a row committed after it looked.
            last_seq = conn.scalar(sa.select(sa.func.max(articles.c.added_seq))) or 0
            conn.execute(
                sa.insert(articles),
                [
                    {
                        **article_row(row.article),
                        "content_hash": digest,
                        "added_seq": last_seq + offset,
                        "added_at": now,
                        "story_id": row.story_id,
                        "duplicate_of": row.duplicate_of,
                    }
                    for offset, (row, digest) in enumerate(fresh, start=1)
                ],
            )
            conn.execute(
                sa.insert(analyses),
                [{"article_id": row.article.id, "data": row.analysis_json} for row, _ in fresh],
            )
            conn.execute(
                sa.insert(placements),
                [
                    {"article_id": row.article.id, "features": row.features_json, "vector": row.vector}
                    for row, _ in fresh
                ],
            )
            refresh_stories(conn, {row.story_id for row, _ in fresh}, now)
        return [row.article.id for row, _ in fresh]

    def assign_stories(self, assignments: Mapping[str, str]) -> set[str]:
        """Move articles (id -> story id) and recount every story that gained or lost one.

        Stories left empty are deleted with their comparison; the others are marked stale.
        Returns the ids of the stories that changed, deleted ones included. Ids of articles the
        archive does not hold are ignored.
        """
        if not assignments:
            return set()
        with write_transaction(self._engine) as conn:
            current: dict[str, str | None] = {}
            for chunk in chunks(list(assignments)):
                for row in conn.execute(
                    sa.select(articles.c.id, articles.c.story_id).where(articles.c.id.in_(chunk))
                ):
                    current[row.id] = row.story_id
            moves = [(aid, sid) for aid, sid in assignments.items() if aid in current and current[aid] != sid]
            if not moves:
                return set()
            conn.execute(
                sa.update(articles)
                .where(articles.c.id == sa.bindparam("b_id"))
                .values(story_id=sa.bindparam("b_story")),
                [{"b_id": aid, "b_story": sid} for aid, sid in moves],
            )
            changed = {sid for _, sid in moves} | {
                old for aid, _ in moves if (old := current[aid]) is not None
            }
            refresh_stories(conn, changed, datetime.now(UTC))
        return changed

    def save_comparison(
        self, story_id: str, data: dict[str, Any], based_on: Collection[str] | None = None
    ) -> None:
        """Store the story's comparison and clear its stale mark.

        `based_on`, the ids of the articles the comparison was computed from, guards against a
        race: when another process changed the story meanwhile, the comparison is saved but the
        story stays stale so it is compared again. A story that no longer exists (merged away by
        another writer) has nothing left to compare, and the call does nothing.
        """
        now = datetime.now(UTC)
        with write_transaction(self._engine) as conn:
            if conn.scalar(sa.select(stories.c.id).where(stories.c.id == story_id)) is None:
                return
            stale = False
            if based_on is not None:
                members = set(conn.scalars(sa.select(articles.c.id).where(articles.c.story_id == story_id)))
                stale = members != set(based_on)
            conn.execute(sa.delete(comparisons).where(comparisons.c.story_id == story_id))
            conn.execute(sa.insert(comparisons).values(story_id=story_id, data=data, updated_at=now))
            conn.execute(sa.update(stories).where(stories.c.id == story_id).values(comparison_stale=stale))

    # -- reading -------------------------------------------------------------------------------

    def replay_rows(self, since_seq: int = 0) -> Iterator[ReplayRow]:
        """Every article added after `since_seq` with its placement inputs, in insertion order.

        Streamed in batches of REPLAY_BATCH on one connection (a server-side cursor on
        PostgreSQL), for rebuilding the in-memory clusterer without loading the archive at once.
        """
        stmt = (
            sa.select(articles, placements.c.features, placements.c.vector)
            .join(placements, placements.c.article_id == articles.c.id)
            .where(articles.c.added_seq > since_seq)
            .order_by(articles.c.added_seq)
        )
        with self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=REPLAY_BATCH).execute(stmt):
                yield ReplayRow(
                    article=article_from_row(row),
                    features_json=row.features,
                    vector=bytes(row.vector),
                    story_id=row.story_id,
                    duplicate_of=row.duplicate_of,
                    seq=row.added_seq,
                )

    def stale_stories(self) -> list[str]:
        """Ids of stories whose comparison is missing or out of date, newest first."""
        with self._engine.connect() as conn:
            return list(
                conn.scalars(
                    sa.select(stories.c.id).where(stories.c.comparison_stale).order_by(*_NEWEST_STORIES)
                )
            )

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, by publication date (undated last), then in the order added."""
        return self.list_articles(limit=None, story=story_id)

    def analyses(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The stored analysis JSON of each id, in the order given; KeyError for an unknown id."""
        found: dict[str, dict[str, Any]] = {}
        with self._engine.connect() as conn:
            for chunk in chunks(list(dict.fromkeys(ids))):
                for row in conn.execute(
                    sa.select(analyses.c.article_id, analyses.c.data).where(analyses.c.article_id.in_(chunk))
                ):
                    found[row.article_id] = row.data
        missing = [aid for aid in ids if aid not in found]
        if missing:
            raise KeyError(f"no analysis stored for {', '.join(missing[:5])}")
        return [found[aid] for aid in ids]

    def comparison(self, story_id: str) -> dict[str, Any] | None:
        """The stored comparison JSON of the story, stale or not, or None when there is none."""
        with self._engine.connect() as conn:
            data: dict[str, Any] | None = conn.scalar(
                sa.select(comparisons.c.data).where(comparisons.c.story_id == story_id)
            )
            return data

    def page(self, story_id: str, version: str) -> str | None:
        """The story's rendered page if it was rendered from `version`, else None."""
        with self._engine.connect() as conn:
            html: str | None = conn.scalar(
                sa.select(pages.c.html).where(pages.c.story_id == story_id, pages.c.version == version)
            )
            return html

    def save_page(self, story_id: str, version: str, html: str) -> None:
        """Keep a rendered page of the story (replacing one of another version)."""
        with write_transaction(self._engine) as conn:
            if conn.scalar(sa.select(stories.c.id).where(stories.c.id == story_id)) is None:
                return
            conn.execute(sa.delete(pages).where(pages.c.story_id == story_id))
            row = {"story_id": story_id, "version": version, "html": html, "rendered_at": datetime.now(UTC)}
            conn.execute(sa.insert(pages).values(**row))

    def list_stories(
        self,
        since: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
        language: str | None = None,
    ) -> list[StorySummary]:
        """Stories, the most recently published first.

        `since` keeps stories whose last article was published on or after that ISO date.
        `search` keeps stories with an article whose title or text holds every word of it; a
        search with no word in it (only punctuation) finds nothing, a blank one filters nothing.
        `language` keeps stories with an article in that language (an ISO 639 code such as "en").
        """
        stmt = sa.select(stories)
        if since:
            stmt = stmt.where(stories.c.last_published >= since)
        if language is not None:
            stmt = stmt.where(stories.c.id.in_(sa.select(articles.c.story_id).where(_in_language(language))))
        if search and search.strip():
            words = search_words(search)
            if not words:
                return []
            matching = sa.select(articles.c.story_id).where(article_matches(self._engine.dialect.name, words))
            stmt = stmt.where(stories.c.id.in_(matching))
        stmt = stmt.order_by(*_NEWEST_STORIES).limit(limit).offset(offset)
        with self._engine.connect() as conn:
            return _summaries(conn, stmt)

    def stories_version(self) -> tuple[int, str, int]:
        """Changes whenever a story is added, removed, changed or compared: their count, latest
        update, and how many await a comparison."""
        stale = sa.func.sum(sa.case((stories.c.comparison_stale, 1), else_=0))
        query = sa.select(sa.func.count(), sa.func.max(stories.c.updated_at), stale)
        with self._engine.connect() as conn:
            count, latest, waiting = conn.execute(query).one()
        return int(count), str(latest), int(waiting or 0)

    def get_story(self, story_id: str) -> StorySummary | None:
        with self._engine.connect() as conn:
            found = _summaries(conn, sa.select(stories).where(stories.c.id == story_id))
        return found[0] if found else None

    def list_articles(
        self, limit: int | None = 50, offset: int = 0, story: str | None = None, language: str | None = None
    ) -> list[Article]:
        """Articles, the most recently added first; those of `story` in story order instead.

        Story order is `story_articles`' order: by publication date, undated last. `limit=None`
        returns all. `language` keeps the articles in that language (an ISO 639 code).
        """
        stmt = sa.select(articles)
        if language is not None:
            stmt = stmt.where(_in_language(language))
        if story is not None:
            stmt = stmt.where(articles.c.story_id == story).order_by(*_STORY_ORDER)
        else:
            stmt = stmt.order_by(articles.c.added_seq.desc())
        stmt = stmt.limit(limit).offset(offset)
        with self._engine.connect() as conn:
            return [article_from_row(row) for row in conn.execute(stmt)]

    def count_articles(self, language: str | None = None) -> int:
        """How many articles the archive holds; with `language`, how many in that language."""
        stmt = sa.select(sa.func.count()).select_from(articles)
        if language is not None:
            stmt = stmt.where(_in_language(language))
        with self._engine.connect() as conn:
            return int(conn.scalar(stmt) or 0)

    # -- coverage: the outlets, and the stories each covered ----------------------------------

    def list_outlets(self, limit: int | None = 50, offset: int = 0) -> list[OutletSummary]:
        """Every outlet of the archive with its counts, those that covered the most stories first."""
        stmt = coverage.outlet_tallies().order_by(*coverage.busiest_first()).limit(limit).offset(offset)
        with self._engine.connect() as conn:
            return [outlet_from_row(row) for row in conn.execute(stmt)]

    def count_outlets(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.scalar(coverage.count_outlets()) or 0)

    def get_outlet(self, name: str) -> OutletSummary | None:
        """The outlet of exactly this name (as stories list it), or None when no article has it."""
        with self._engine.connect() as conn:
            row = conn.execute(coverage.outlet_tallies().where(coverage.is_outlet(name))).first()
        return outlet_from_row(row) if row is not None else None

    def outlet_stories(self, name: str, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """The stories the outlet `name` covered, the most recently published first."""
        stmt = coverage.stories_of_outlet(name).order_by(*_NEWEST_STORIES).limit(limit).offset(offset)
        with self._engine.connect() as conn:
            return _summaries(conn, stmt)

    def blindspots(
        self, outlets: Collection[str], min_outlets: int = 3, limit: int = 50, offset: int = 0
    ) -> list[StorySummary]:
        """Stories covered by at least `min_outlets` outlets but by none of `outlets` (compared
        case-insensitively), the most recently published first."""
        stmt = coverage.blindspot_stories(outlets, min_outlets)
        stmt = stmt.order_by(*_NEWEST_STORIES).limit(limit).offset(offset)
        with self._engine.connect() as conn:
            return _summaries(conn, stmt)


def _in_language(language: str) -> sa.ColumnElement[bool]:
    return articles.c.language == language


def _summaries(conn: Connection, stmt: sa.Select[Any]) -> list[StorySummary]:
    rows = conn.execute(stmt).all()
    outlets: dict[str, list[str]] = {row.id: [] for row in rows}
    for chunk in chunks(list(outlets)):
        outlet = outlet_of_article().label("outlet")
        for pair in conn.execute(
            sa.select(articles.c.story_id, outlet)
            .where(articles.c.story_id.in_(chunk))
            .distinct()
            .order_by(articles.c.story_id, outlet)
        ):
            outlets[pair.story_id].append(pair.outlet)
    languages: dict[str, list[str]] = {sid: [] for sid in outlets}
    for chunk in chunks(list(languages)):
        for pair in conn.execute(
            sa.select(articles.c.story_id, articles.c.language)
            .where(articles.c.story_id.in_(chunk), articles.c.language.is_not(None))
            .distinct()
            .order_by(articles.c.story_id, articles.c.language)
        ):
            languages[pair.story_id].append(pair.language)
    details = _story_details(conn, list(outlets))
    return [
        StorySummary(
            id=row.id,
            title=row.title,
            article_count=row.article_count,
            outlet_count=row.outlet_count,
            outlets=outlets[row.id],
            first_published=row.first_published,
            last_published=row.last_published,
            updated_at=iso_utc(row.updated_at),
            comparison_stale=bool(row.comparison_stale),
            details=details[row.id],
            languages=languages[row.id],
        )
        for row in rows
    ]


def _story_details(conn: Connection, story_ids: Sequence[str]) -> dict[str, EventDetails]:
    # Computed on read from the placements the archive already keeps, so that no column has to
    # follow every move of an article; only the details part of each placement is fetched. A
    # copy (duplicate_of) says nothing its original did not, so it does not vote twice.
    members: dict[str, list[EventDetails]] = {sid: [] for sid in story_ids}
    for chunk in chunks(list(story_ids)):
        for row in conn.execute(
            sa.select(articles.c.story_id, placements.c.features["details"].label("details"))
            .join(placements, placements.c.article_id == articles.c.id)
            .where(articles.c.story_id.in_(chunk), articles.c.duplicate_of.is_(None))
            .order_by(articles.c.story_id, *_STORY_ORDER)
        ):
            members[row.story_id].append(details_from_dict(row.details))
    return {sid: story_details(found) for sid, found in members.items()}
