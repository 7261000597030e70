"""The archive's tables as SQLAlchemy Core objects, for the repository's queries.

The migrations under `migrations/versions/` own the database layout; this module mirrors the
layout at head so that queries are written against typed columns rather than strings. A test
(tests/store/test_migrations.py) compares the two, so they cannot drift apart unnoticed.

Left out on purpose: the full-text index (an FTS5 table on SQLite, a generated `search` column on
PostgreSQL), which differs per dialect and is only ever queried through `store/search.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

# Deterministic constraint names: a later migration can then drop or alter a constraint by name
# on every dialect, including SQLite's batch mode.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("summary_only", sa.Boolean, nullable=False),
    sa.Column("credits", sa.JSON, nullable=False),
    sa.Column("added_seq", sa.Integer, nullable=False, unique=True),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("story_id", sa.Text, index=True),
    sa.Column("duplicate_of", sa.Text),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
)

placements = sa.Table(
    "placements",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("features", sa.JSON, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("article_count", sa.Integer, nullable=False),
    sa.Column("outlet_count", sa.Integer, nullable=False),
    sa.Column("first_published", sa.Text),
    sa.Column("last_published", sa.Text, index=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("comparison_stale", sa.Boolean, nullable=False),
)

comparisons = sa.Table(
    "comparisons",
    metadata,
    sa.Column("story_id", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

pages = sa.Table(
    "pages",
    metadata,
    sa.Column("story_id", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.Text, nullable=False),
    sa.Column("html", sa.Text, nullable=False),
    sa.Column("rendered_at", sa.DateTime(timezone=True), nullable=False),
)
