"""Recount `stories` rows from their articles, inside the caller's write transaction.

A story row is derived data: its counts, title and dates are recomputed from `articles`, never
adjusted by increments. Recounting under the write lock in the transaction that moved the
articles keeps the row exact whatever the order in which processes wrote, and a process killed
mid-way leaves neither the move nor the recount.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsprism.store.schema import articles, comparisons, stories

T = TypeVar("T")

CHUNK = 500
"""Ids per IN (...) list: far below SQLite's and PostgreSQL's limits on bound parameters."""


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _titles(conn: Connection, story_ids: Sequence[str]) -> dict[str, str | None]:
    # The story's title is its earliest article's: the first report names the event before
    # follow-ups rename it. Articles without a title come last so a titled one is preferred.
    rank = (
        sa.func.row_number()
        .over(
            partition_by=articles.c.story_id,
            order_by=(
                articles.c.title.is_(None),
                articles.c.published.asc().nulls_last(),
                articles.c.added_seq,
            ),
        )
        .label("rank")
    )
    ranked = (
        sa.select(articles.c.story_id, articles.c.title, rank)
        .where(articles.c.story_id.in_(story_ids))
        .subquery()
    )
    rows = conn.execute(sa.select(ranked.c.story_id, ranked.c.title).where(ranked.c.rank == 1))
    return {row.story_id: row.title for row in rows}


def outlet_of_article() -> sa.ColumnElement[str]:
    """An article's outlet as stories count and list it: its source, else the article itself.

    An article read from a bare file has no outlet newsprism can name; it is still one outlet's
    report, and two such files are two reports until a source says otherwise, so it counts as
    an outlet of its own, shown by its id (the file's name), never as "0 outlets"."""
    return sa.func.coalesce(articles.c.source, articles.c.id)


def refresh_stories(conn: Connection, story_ids: Collection[str], now: datetime) -> None:
    """Recompute the rows of `story_ids`, delete those left without articles, mark all stale."""
    for chunk in chunks(sorted(story_ids)):
        tallies = conn.execute(
            sa.select(
                articles.c.story_id,
                sa.func.count().label("article_count"),
                sa.func.count(sa.distinct(outlet_of_article())).label("outlet_count"),
                sa.func.min(articles.c.published).label("first_published"),
                sa.func.max(articles.c.published).label("last_published"),
            )
            .where(articles.c.story_id.in_(chunk))
            .group_by(articles.c.story_id)
        ).all()
        titles = _titles(conn, chunk)
        existing = set(conn.scalars(sa.select(stories.c.id).where(stories.c.id.in_(chunk))))
        gone = [sid for sid in chunk if sid in existing and sid not in titles]
        if gone:
            conn.execute(sa.delete(comparisons).where(comparisons.c.story_id.in_(gone)))
            conn.execute(sa.delete(stories).where(stories.c.id.in_(gone)))
        rows: list[dict[str, Any]] = [
            {
                "b_id": tally.story_id,
                "b_title": titles.get(tally.story_id),
                "b_article_count": tally.article_count,
                "b_outlet_count": tally.outlet_count,
                "b_first_published": tally.first_published,
                "b_last_published": tally.last_published,
                "b_updated_at": now,
                "b_comparison_stale": True,
            }
            for tally in tallies
        ]
        updates = [row for row in rows if row["b_id"] in existing]
        inserts = [
            {key[2:]: value for key, value in row.items()} for row in rows if row["b_id"] not in existing
        ]
        if updates:
            conn.execute(
                sa.update(stories)
                .where(stories.c.id == sa.bindparam("b_id"))
                .values({name: sa.bindparam(f"b_{name}") for name in _VALUE_COLUMNS}),
                updates,
            )
        if inserts:
            conn.execute(sa.insert(stories), inserts)


_VALUE_COLUMNS = (
    "title",
    "article_count",
    "outlet_count",
    "first_published",
    "last_published",
    "updated_at",
    "comparison_stale",
)
