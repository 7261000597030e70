"""Alembic migrations of the archive, run by `newsprism.store.migrate` on every open.

There is no alembic.ini: `migrate.py` builds the configuration in code and hands alembic an open
connection, so an installed newsprism carries everything it needs to upgrade an old database.
A new revision is a new file in `versions/` with `down_revision` set to the current head; keep
`store/schema.py` in step with it (tests/store/test_migrations.py compares them).
"""
