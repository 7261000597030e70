"""Engines and write transactions that make concurrent writers queue instead of fail.

Every write of the archive goes through `write_transaction`, which holds the archive's single
write lock for the whole transaction:

- SQLite: `BEGIN IMMEDIATE` takes the database's write lock up front. A deferred `BEGIN` would
  take it only at the first write, and in WAL mode a transaction that read first and then finds
  another writer committed since fails at once with "database is locked", busy timeout or not.
  With the lock taken at BEGIN, a second process simply waits (`busy_timeout`) for its turn.
- PostgreSQL: a transaction-scoped advisory lock, one per schema. Rows alone would not do: two
  writers inserting overlapping articles in different orders can deadlock on the unique indexes,
  and story rows recomputed from counts must see every article committed before them.

Reads take no lock: WAL (SQLite) and MVCC (PostgreSQL) give them a consistent snapshot while a
writer works, so `newsprism serve` stays responsive during an ingest.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_S = 30.0
"""How long a SQLite writer waits for another process's transaction before giving up."""

_WRITE = "newsprism_write"
# Advisory locks are keyed by two int4s: this constant names newsprism's key space, the hash of
# the schema names the archive, so archives in different schemas of one database do not queue.
_LOCK_SPACE = 0x6E707273


def _dumps(value: Any) -> str:
    # ensure_ascii=False stores "Kyiv" and Cyrillic names as themselves, not as \u escapes.
    return json.dumps(value, ensure_ascii=False)


def create_store_engine(url: URL) -> Engine:
    """An engine for `url` with the session settings the archive relies on."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, json_serializer=_dumps, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    options: dict[str, Any] = {"json_serializer": _dumps, "connect_args": {"timeout": BUSY_TIMEOUT_S}}
    if url.database in (None, "", ":memory:"):
        # One shared connection, or every checkout would see its own empty in-memory database.
        options["poolclass"] = StaticPool
        options["connect_args"]["check_same_thread"] = False
    engine = sa.create_engine(url, **options)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's documented pysqlite recipe: stop the driver from issuing its own (deferred,
    # DML-only) BEGIN so that `_sqlite_on_begin` decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout first: switching to WAL itself needs a lock another process may hold.
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    _use_wal(cursor)
    # In WAL mode NORMAL never corrupts and loses no commit to a killed process; only a power
    # cut can roll back the last transactions, which a rerun of `ingest` restores.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch the database to WAL, waiting out another process that holds it meanwhile.

    The switch needs the database to itself, and SQLite does not always call the busy handler
    for it: two processes opening a new archive at once saw "database is locked" at once. So
    the switch is skipped where it is already done, and retried until `BUSY_TIMEOUT_S` where
    it is not.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _sqlite_on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction holding the archive's write lock; committed on exit, rolled back on error."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:space, hashtext(coalesce(current_schema(), '')))"),
                    {"space": _LOCK_SPACE},
                )
            yield conn
