"""Rendered story pages, kept so that the web UI serves a story without building it per request.

A page depends only on its story's version (when the story last changed, and whether its
comparison is fresh); `version` records which one a page was rendered from, and a page of an
older version is simply replaced.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pages",
        sa.Column("story_id", sa.Text, nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("rendered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("story_id", name="pk_pages"),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_pages_story_id_stories", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("pages")
