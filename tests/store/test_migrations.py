"""Migrations: a new archive gets the layout, an existing one is upgraded in place, never rebuilt."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from newsprism.store import NewArticle, NewerDatabaseError, database_url, open_store
from newsprism.store.engine import create_store_engine
from newsprism.store.migrate import MIGRATIONS, current_revisions, upgrade
from newsprism.store.schema import metadata

TABLES = {"alembic_version", "articles", "analyses", "placements", "stories", "comparisons", "pages"}

# A revision written the way a future newsprism would write one, to test the upgrade machinery
# on a real step rather than on the no-op of an archive already at head.
REVISION_0003 = """
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("stories", sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("stories", "pinned")
"""


def _engine(url: str) -> sa.Engine:
    return create_store_engine(database_url(url))


def _is_full_text_index(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 tables (SQLite) and the tsvector column with its index (PostgreSQL) live only in
    # the migration: schema.py leaves them out on purpose (store/search.py queries them).
    return bool(name and (name.startswith("articles_fts") or name in {"search", "ix_articles_search"}))


def test_open_creates_every_table_at_head(db_url: str) -> None:
    with open_store(db_url) as store:
        assert set(sa.inspect(store.engine).get_table_names()) >= TABLES
        assert current_revisions(store.engine) == {"0002"}


def test_migrated_layout_matches_the_tables_the_queries_use(store: object, db_url: str) -> None:
    engine = _engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda *args: not _is_full_text_index(*args),
                "compare_type": True,
            },
        )
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_full_text_index_is_created_for_the_dialect(store: object, db_url: str) -> None:
    engine = _engine(db_url)
    inspector = sa.inspect(engine)
    if engine.dialect.name == "sqlite":
        assert "articles_fts" in inspector.get_table_names()
    else:
        assert "search" in {column["name"] for column in inspector.get_columns("articles")}
        assert "ix_articles_search" in {index["name"] for index in inspector.get_indexes("articles")}
    engine.dispose()


def test_second_open_writes_nothing(db_url: str) -> None:
    open_store(db_url).close()
    engine = _engine(db_url)
    statements: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    upgrade(engine)
    engine.dispose()
    written = [
        s for s in statements if not s.lstrip().upper().startswith(("SELECT", "BEGIN", "PRAGMA", "SHOW"))
    ]
    assert written == []
    assert not any("IMMEDIATE" in s or "pg_advisory" in s for s in statements), "no write lock taken"


def test_reopening_keeps_the_rows(db_url: str, new_row: Callable[..., NewArticle]) -> None:
    with open_store(db_url) as store:
        store.add_articles([new_row(i) for i in range(3)])
    with open_store(db_url) as store:
        assert store.count_articles() == 3
        assert store.analyses(["art-0001"]) == [new_row(1).analysis_json]


def _insert_at_0001(engine: sa.Engine) -> None:
    """Rows written with plain SQL against the 0001 layout, as newsprism 0001 would have left them."""
    now = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, content_hash, title, text, summary_only, credits, added_seq, "
                "added_at, story_id, source, published) VALUES ('old-1', 'hash-old-1', 'Lighthouse relit', "
                "'The keepers relit the northern lighthouse after repairs.', false, '[]', 1, :now, "
                "'story-old', 'Harbour Gazette', '2025-03-03')"
            ),
            {"now": now},
        )
        conn.execute(
            sa.text("""INSERT INTO analyses (article_id, data) VALUES ('old-1', '{"id": "old-1"}')""")
        )
        conn.execute(
            sa.text("INSERT INTO placements (article_id, features, vector) VALUES ('old-1', '{}', :vector)"),
            {"vector": b"\x01\x02"},
        )
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, title, article_count, outlet_count, first_published, "
                "last_published, updated_at, comparison_stale) VALUES ('story-old', 'Lighthouse relit', "
                "1, 1, '2025-03-03', '2025-03-03', :now, true)"
            ),
            {"now": now},
        )


def test_archive_left_at_0001_opens_with_its_rows(db_url: str) -> None:
    engine = _engine(db_url)
    upgrade(engine, target="0001")
    _insert_at_0001(engine)
    engine.dispose()
    with open_store(db_url) as store:
        # Opening upgrades the archive in place (0001 -> 0002 adds the rendered pages), rows kept.
        assert current_revisions(store.engine) == {"0002"}
        assert [a.id for a in store.list_articles()] == ["old-1"]
        assert [s.id for s in store.list_stories(search="lighthouse")] == ["story-old"]


def test_upgrade_to_a_later_revision_keeps_rows_and_index(db_url: str, tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "r0003_pinned.py").write_text(REVISION_0003)

    engine = _engine(db_url)
    upgrade(engine, target="0001")
    _insert_at_0001(engine)
    upgrade(engine, script_location=scripts)

    assert current_revisions(engine) == {"0003"}
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT id, pinned FROM stories")).all() == [("story-old", False)]
        assert conn.scalar(sa.text("SELECT text FROM articles WHERE id = 'old-1'")).startswith("The keepers")
    engine.dispose()


def test_archive_from_a_newer_newsprism_is_refused_not_rebuilt(db_url: str, tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "r0003_pinned.py").write_text(REVISION_0003)
    engine = _engine(db_url)
    upgrade(engine, target="0001")
    _insert_at_0001(engine)
    upgrade(engine, script_location=scripts)
    engine.dispose()

    with pytest.raises(NewerDatabaseError, match="0003"):
        open_store(db_url)

    engine = _engine(db_url)
    assert current_revisions(engine) == {"0003"}
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM articles")) == 1
    engine.dispose()
