"""Bring a database to the layout this newsprism expects, in place.

Alembic runs from the scripts shipped in `store/migrations/`, configured in code (no alembic.ini),
on a connection inside `write_transaction`: two processes opening a new archive at once queue on
the write lock, and the second finds the first one's work done. A database is only ever upgraded,
never dropped and recreated; one written by a newer newsprism is refused rather than guessed at.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from newsprism.errors import NewsprismError
from newsprism.store.engine import write_transaction

MIGRATIONS = Path(__file__).with_name("migrations")


class NewerDatabaseError(NewsprismError, RuntimeError):
    """The database was written by a newer newsprism; upgrade newsprism to open it."""


def _config(script_location: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def current_revisions(engine: Engine) -> set[str]:
    """The revisions recorded in the database (empty for a database never migrated)."""
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine, target: str = "head", script_location: Path = MIGRATIONS) -> None:
    """Apply every migration between the database's revision and `target`.

    A database already at `target` costs one read and no lock, so opening an archive that is up to
    date never waits for a writer. `script_location` exists for tests of the upgrade path.
    """
    config = _config(script_location)
    script = ScriptDirectory.from_config(config)
    current = current_revisions(engine)
    known = {revision.revision for revision in script.walk_revisions()}
    if unknown := current - known:
        raise NewerDatabaseError(
            f"the database is at revision {', '.join(sorted(unknown))}, which this newsprism does not "
            "know; it was written by a newer version"
        )
    wanted = set(script.get_heads()) if target == "head" else {target}
    if current == wanted:
        return
    with write_transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
