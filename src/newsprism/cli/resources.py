"""What a command opens and must close: an executor, the archive. A failure to open either is
one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from newsprism.cli.options import ExecutorKind
from newsprism.cli.terminal import err

if TYPE_CHECKING:
    from newsprism.scale.executor import Executor
    from newsprism.store.db import Store


@contextmanager
def executor_for(kind: ExecutorKind, scheduler: str | None, workers: int | None) -> Iterator[Executor]:
    """The executor the options name; a local Dask cluster it starts is closed on exit."""
    if kind is ExecutorKind.local:
        from newsprism.scale.executor import LocalExecutor

        if scheduler or workers:
            err.print("note: --scheduler and --workers apply to --executor dask only", highlight=False)
        yield LocalExecutor()
        return
    from newsprism.scale.dask_runner import DaskOptions, dask_executor

    try:
        with dask_executor(DaskOptions(scheduler=scheduler, workers=workers)) as executor:
            yield executor
    except OSError as exc:
        err.print(
            f"error: cannot reach the Dask scheduler {scheduler}: {exc}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(2) from exc


def open_archive(db: str | None) -> Store:
    """The archive at `db` (a path or URL; None for the default), opened and migrated."""
    from newsprism.store.db import masked, open_store

    try:
        return open_store(db)
    except Exception as exc:  # a bad URL, an unreachable server, a file we cannot create
        # The URL may hold a password, and so may the driver's message that repeats it.
        # SQLAlchemy adds a line pointing to its documentation; the first line is the problem.
        lines = str(exc).strip().splitlines()
        problem = masked(lines[0] if lines else type(exc).__name__, db)
        err.print(
            f"error: cannot open the archive {masked(db or '(default)')}: {problem}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from exc
