"""One exception root: every exception newsprism defines is a NewsprismError, and keeps its old base."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import newsprism
from newsprism.errors import NewsprismError


def project_exceptions() -> list[type[BaseException]]:
    """Every exception class defined in a newsprism module. Modules whose optional extra is not
    installed are passed over (they define nothing this process raises), and so are alembic's
    migration scripts, which only alembic runs."""
    found = []
    for info in pkgutil.walk_packages(newsprism.__path__, "newsprism."):
        if ".migrations" in info.name:
            continue
        try:
            module = importlib.import_module(info.name)
        except ModuleNotFoundError as err:
            if (err.name or "").startswith("newsprism"):
                raise
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and issubclass(cls, BaseException):
                found.append(cls)
    return found


def test_every_project_exception_derives_from_the_root() -> None:
    exceptions = project_exceptions()
    names = {cls.__name__ for cls in exceptions}
    assert {"IngestFailure", "FetchError", "ModelMissingError", "UnknownFormatError"} <= names
    assert [cls.__qualname__ for cls in exceptions if not issubclass(cls, NewsprismError)] == []


def test_the_builtin_bases_callers_catch_are_kept() -> None:
    from newsprism.ingest.archive_records import HeaderTooLong, NotARecord
    from newsprism.lang.nlp import ModelMissingError
    from newsprism.render import UnknownFormatError
    from newsprism.store.db import UnsupportedDatabaseError
    from newsprism.store.migrate import NewerDatabaseError
    from newsprism.stories.dedup import DuplicateIdError
    from newsprism.stories.evaluate import LabelFileError

    for cls in (DuplicateIdError, LabelFileError, UnknownFormatError, UnsupportedDatabaseError):
        assert issubclass(cls, ValueError)
    for cls in (HeaderTooLong, NotARecord):
        assert issubclass(cls, ValueError)
    for cls in (NewerDatabaseError, ModelMissingError):
        assert issubclass(cls, RuntimeError)
