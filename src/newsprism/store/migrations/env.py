"""Alembic environment: migrations run only on a connection that newsprism.store.migrate opened.

That connection is already inside a write transaction holding the archive's write lock, so
alembic joins it (no transaction of its own) and two processes opening a new database at once
apply each revision exactly once.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "newsprism migrations run through newsprism.store.migrate.upgrade(), not the alembic CLI"
    )

context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
