"""Open the archive: where it lives by default, which URLs name it, and migrating on open.

`--db` takes a path (a SQLite file) or a URL, so `newsprism ingest --db news.db` and
`--db postgresql://user@host/news` both work without the user knowing SQLAlchemy's driver names.
"""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

from newsprism.errors import NewsprismError
from newsprism.store.engine import create_store_engine
from newsprism.store.migrate import upgrade
from newsprism.store.repository import Store

APP_NAME = "newsprism"
DEFAULT_FILE = "newsprism.db"


class UnsupportedDatabaseError(NewsprismError, ValueError):
    """The URL names a database newsprism cannot store in (only SQLite and PostgreSQL)."""


def default_db_url() -> str:
    """A SQLite file in the user's data directory (created on first use), e.g.
    ~/.local/share/newsprism/newsprism.db on Linux."""
    directory = platformdirs.user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    return f"sqlite:///{directory / DEFAULT_FILE}"


def database_url(url_or_path: str) -> URL:
    """The SQLAlchemy URL for what a user passed as `--db`: a path, `sqlite:///...` or `postgresql://...`."""
    if "://" not in url_or_path:
        return _sqlite_file(Path(url_or_path).expanduser())
    url = make_url(url_or_path)
    if url.drivername in ("postgresql", "postgres"):
        # psycopg 3 is the driver newsprism installs; SQLAlchemy's default would be psycopg2.
        return url.set(drivername="postgresql+psycopg")
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url
    if backend == "sqlite":
        if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
            return _sqlite_file(Path(url.database).expanduser(), url)
        return url
    raise UnsupportedDatabaseError(
        f"cannot store in {url.render_as_string(hide_password=True)}: use a file path, sqlite:///PATH "
        "or postgresql://USER@HOST/DB"
    )


def _sqlite_file(path: Path, url: URL | None = None) -> URL:
    # SQLite creates the file but not its folder; "unable to open database file" helps nobody.
    path.parent.mkdir(parents=True, exist_ok=True)
    return (url or URL.create("sqlite")).set(database=str(path))


_CREDENTIALS = re.compile(r"(?<=://)([^:/@\s]*):([^@\s]*)@")


def masked(text: str, url: str | None = None) -> str:
    """`text` with the password of every URL in it replaced by ***, for messages and logs, and
    with `url`'s password wherever else it appears (a driver may repeat it)."""
    out = _CREDENTIALS.sub(lambda m: f"{m.group(1)}:***@", text)
    found = _CREDENTIALS.search(url or "")
    if found and found.group(2):
        out = out.replace(found.group(2), "***")
    return out


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading as needed) the archive at `url`, or at `default_db_url()`."""
    engine = create_store_engine(database_url(url or default_db_url()))
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
