"""Archives to test against: a fresh SQLite file, and a fresh PostgreSQL schema per test.

PostgreSQL tests need `NEWSPRISM_TEST_POSTGRES` (e.g. postgresql://postgres@127.0.0.1:5432/test).
Without it they are skipped on a developer's machine but fail under CI (`CI` set), so a CI job
that lost its database cannot pass by silently testing SQLite alone.

Each PostgreSQL test gets its own schema, named on the connection's search_path, so runs that
share one database never see each other's rows, and dropping the schema removes everything.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
import sqlalchemy as sa

from newsprism.store import NewArticle, Store, database_url, open_store

WRITER = Path(__file__).with_name("writer_process.py")
POSTGRES_ENV = "NEWSPRISM_TEST_POSTGRES"


def _load_writer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsprism_store_writer_process", WRITER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_writer = _load_writer()


@pytest.fixture
def new_row() -> Callable[..., NewArticle]:
    """`new_row(i, story=None)`: the invented article number i, as the writer process makes it."""
    row_maker: Callable[..., NewArticle] = _writer.new_row
    return row_maker


@pytest.fixture
def writer_script() -> Path:
    return WRITER


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'archive.db'}"


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: CI must run the PostgreSQL store tests")
        pytest.skip(f"set {POSTGRES_ENV}=postgresql://... to run the PostgreSQL store tests")
    schema = f"newsprism_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(database_url(base))
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = database_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty archive, once per backend."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened
