"""The queries behind coverage: which outlets the archive holds, and which stories each covered.

Kept apart from the repository as statement builders (no connection, no execution): the
repository runs them, so every read still goes through its connection handling, and these stay
small enough to read as the SQL they become.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sqlalchemy as sa

from newsprism.store.schema import articles, stories
from newsprism.store.story_rows import chunks, outlet_of_article


def is_outlet(name: str) -> sa.ColumnElement[bool]:
    """Articles of the outlet `name`: `coalesce(source, id) = name`, written so that the database
    can use the primary key for the articles without a source."""
    return sa.or_(articles.c.source == name, sa.and_(articles.c.source.is_(None), articles.c.id == name))


def outlet_tallies() -> sa.Select[str, int, int, Any, Any]:
    """One row per outlet: name, story_count, article_count, first_published, last_published."""
    outlet = outlet_of_article()
    return sa.select(
        outlet.label("name"),
        sa.func.count(sa.distinct(articles.c.story_id)).label("story_count"),
        sa.func.count().label("article_count"),
        sa.func.min(articles.c.published).label("first_published"),
        sa.func.max(articles.c.published).label("last_published"),
    ).group_by(outlet)


def busiest_first() -> tuple[sa.ColumnElement[Any], ...]:
    """The order of `outlet_tallies`: outlets that covered the most stories first; ties by
    articles, then by name, so that pages of the list never overlap."""
    return (
        sa.func.count(sa.distinct(articles.c.story_id)).desc(),
        sa.func.count().desc(),
        outlet_of_article(),
    )


def count_outlets() -> sa.Select[Any]:
    """How many distinct outlets the archive holds."""
    return sa.select(sa.func.count(sa.distinct(outlet_of_article())))


def stories_of_outlet(name: str) -> sa.Select[Any]:
    """The stories with at least one article of the outlet `name` (unordered, unpaged)."""
    covered = sa.select(articles.c.story_id).where(is_outlet(name))
    return sa.select(stories).where(stories.c.id.in_(covered))


def blindspot_stories(outlets: Collection[str], min_outlets: int) -> sa.Select[Any]:
    """Stories of at least `min_outlets` outlets, none of which is one of `outlets`.

    Names are compared as the database lowers them (both sides go through its `lower`), so a
    source spelt "CNN" and a registry name "cnn" are one outlet; SQLite lowers ASCII letters only.
    """
    stmt = sa.select(stories).where(stories.c.outlet_count >= min_outlets)
    lowered = sa.func.lower(outlet_of_article())
    for chunk in chunks(sorted(set(outlets))):
        covered = sa.select(articles.c.story_id).where(
            articles.c.story_id.is_not(None),  # NOT IN over a NULL would drop every story
            lowered.in_([sa.func.lower(sa.literal(name, sa.Text)) for name in chunk]),
        )
        stmt = stmt.where(stories.c.id.not_in(covered))
    return stmt
