"""Initial archive: articles, analyses, placements, stories, comparisons and a full-text index.

The table definitions are written out here rather than imported from store/schema.py: a revision
is history and must keep creating what it created on the day it shipped.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("summary_only", sa.Boolean, nullable=False),
        sa.Column("credits", sa.JSON, nullable=False),
        sa.Column("added_seq", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("story_id", sa.Text),
        sa.Column("duplicate_of", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
        sa.UniqueConstraint("added_seq", name="uq_articles_added_seq"),
    )
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_analyses"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_analyses_article_id_articles", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "placements",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("features", sa.JSON, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_placements"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_placements_article_id_articles", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("outlet_count", sa.Integer, nullable=False),
        sa.Column("first_published", sa.Text),
        sa.Column("last_published", sa.Text),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comparison_stale", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "comparisons",
        sa.Column("story_id", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("story_id", name="pk_comparisons"),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_comparisons_story_id_stories", ondelete="CASCADE"
        ),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_full_text()
    elif dialect == "postgresql":
        _postgresql_full_text()


def _sqlite_full_text() -> None:
    # An external-content FTS5 table: the words are indexed, the text itself stays in `articles`.
    # Its rowid is `added_seq`, not the implicit rowid of `articles`, which VACUUM may renumber.
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, content='articles', content_rowid='added_seq')"
    )
    # Triggers keep the index in the same transaction as the row, whoever writes the row.
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.added_seq, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.added_seq, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, added_seq ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.added_seq, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.added_seq, new.title, new.text); END"
    )


def _postgresql_full_text() -> None:
    # 'simple' (no stemming, no stop words) because articles come in many languages; it matches
    # what FTS5's default tokenizer does on SQLite, so both backends find the same words.
    op.execute(
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || text)) STORED"
    )
    op.create_index("ix_articles_search", "articles", ["search"], postgresql_using="gin")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("comparisons", "stories", "placements", "analyses", "articles"):
        op.drop_table(table)
