"""The SQLite engine's connection setup: switching a database to WAL waits for its turn."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from newsprism.store.engine import _use_wal


def test_the_wal_switch_waits_for_another_connection_holding_the_database(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    # No busy handler at all: every wait here is the retry's own.
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("PRAGMA busy_timeout = 0")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        other.execute("PRAGMA journal_mode = WAL")
    _use_wal(other.cursor())
    release.join()
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    holder.close()
    other.close()


def test_a_database_already_in_wal_is_left_as_it_is(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "archive.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    _use_wal(conn.cursor())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
