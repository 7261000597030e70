"""Opening an archive: default location, what `--db` accepts, and SQLite's session settings."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsprism.store import NewArticle, UnsupportedDatabaseError, database_url, default_db_url, open_store
from newsprism.store.engine import BUSY_TIMEOUT_S, write_transaction


def test_default_url_is_a_sqlite_file_in_the_user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_db_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'newsprism' / 'newsprism.db'}"
    assert (tmp_path / "data" / "newsprism").is_dir()


def test_a_plain_path_means_a_sqlite_file_and_its_folder_is_made(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "folder" / "news.db"
    url = database_url(str(target))
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(target)
    assert target.parent.is_dir()


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://reader@db.invalid/news", "postgresql+psycopg"),
        ("postgres://reader@db.invalid/news", "postgresql+psycopg"),
        ("postgresql+psycopg://reader@db.invalid/news", "postgresql+psycopg"),
        ("sqlite://", "sqlite"),
    ],
)
def test_urls_map_to_the_installed_drivers(given: str, driver: str) -> None:
    assert database_url(given).drivername == driver


def test_postgresql_url_keeps_credentials_and_query() -> None:
    url = database_url("postgresql://reader:secret@db.invalid:6543/news?sslmode=require")
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "reader",
        "secret",
        "db.invalid",
        6543,
        "news",
    )
    assert url.query["sslmode"] == "require"


def test_other_databases_are_refused_with_a_usable_message() -> None:
    with pytest.raises(UnsupportedDatabaseError, match="postgresql://"):
        database_url("mysql://root:secret@db.invalid/news")


def test_open_store_accepts_a_plain_path(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "by-path.db")) as store:
        assert store.count_articles() == 0
    assert (tmp_path / "by-path.db").is_file()


def test_url_hides_the_password() -> None:
    with open_store("sqlite://") as store:
        assert store.url == "sqlite://"
    assert "secret" not in database_url("postgresql://u:secret@h/d").render_as_string(hide_password=True)


def test_in_memory_sqlite_keeps_its_rows_between_calls(new_row: Callable[..., NewArticle]) -> None:
    with open_store("sqlite://") as store:
        store.add_articles([new_row(1)])
        assert store.count_articles() == 1


def test_sqlite_sessions_use_wal_busy_timeout_and_foreign_keys(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == int(BUSY_TIMEOUT_S * 1000)
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_sqlite_write_waits_for_another_writer_instead_of_failing(
    sqlite_url: str, new_row: Callable[..., NewArticle]
) -> None:
    # Two stores are two engines with their own connections, as two processes would have.
    with open_store(sqlite_url) as holder, open_store(sqlite_url) as waiter:
        locked = threading.Event()
        release = threading.Event()

        def hold_the_lock() -> None:
            with write_transaction(holder.engine) as conn:
                conn.execute(sa.text("SELECT 1"))
                locked.set()
                release.wait(10)

        thread = threading.Thread(target=hold_the_lock)
        thread.start()
        assert locked.wait(10)
        threading.Timer(0.5, release.set).start()
        started = time.monotonic()
        assert waiter.add_articles([new_row(7)]) == 1
        waited = time.monotonic() - started
        thread.join()
        assert waited >= 0.4
        assert holder.count_articles() == 1


def test_sqlite_write_transaction_takes_the_lock_at_begin(sqlite_url: str) -> None:
    statements: list[str] = []
    with open_store(sqlite_url) as store:
        sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        with write_transaction(store.engine) as conn:
            conn.execute(sa.text("SELECT 1"))
        with store.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    assert statements == ["BEGIN IMMEDIATE", "SELECT 1", "BEGIN", "SELECT 1"]
