"""The options the commands share, declared once, so one name means one thing in every command.

A command takes these aliases as parameter types; those that describe how inputs are read are
gathered into one `ReadOptions` value (reading.py) in the command's first line.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    """A comparison's formats (`compare`, `show`)."""

    json = "json"
    md = "md"
    html = "html"


class ListFormat(StrEnum):
    """A listing's formats (`stories`): a table for people, JSON Lines for scripts."""

    table = "table"
    json = "json"


class Granularity(StrEnum):
    claim = "claim"
    event = "event"


class ExecutorKind(StrEnum):
    local = "local"
    dask = "dask"


def _check_published(value: str | None) -> str | None:
    """--published must be a date newsprism reads; a typo would otherwise be ignored silently."""
    from newsprism.ingest.fields import normalize_published

    if value is not None and normalize_published(value) is None:
        raise typer.BadParameter(f"{value!r} is not a date (use ISO 8601, e.g. 2025-05-14)")
    return value


def _check_outlets(value: Path | None) -> Path | None:
    """--outlets must be a registry file newsprism reads; a bad one fails before any input is read."""
    from newsprism.cli.reading import outlet_registry

    if value is not None:
        try:
            outlet_registry(value)
        except (OSError, ValueError) as err:
            raise typer.BadParameter(str(err)) from err
    return value


InputsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for JSON Lines on stdin.")]

# -- how inputs are read -----------------------------------------------------------------------

PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date (ISO 8601) for inputs that lack one.", callback=_check_published
    ),
]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Outlet name for inputs that lack one.")]
OutletsOpt = Annotated[
    Path | None,
    typer.Option(
        "--outlets",
        help='JSON file of outlets ({"map": {name: {"domains": [...], "labels": {...}}}}) that extends '
        "or overrides the built-in registry.",
        callback=_check_outlets,
    ),
]
LanguageOpt = Annotated[
    str | None, typer.Option("--language", help="Language code for inputs that lack one.")
]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never reach the network; URL inputs fail.")]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow fetching from loopback and private addresses (local testing)."
    ),
]
FetchPagesOpt = Annotated[
    bool, typer.Option("--fetch-pages", help="Fetch the pages of summary-only entries of local feed files.")
]

# -- where the work runs -----------------------------------------------------------------------

ExecutorOpt = Annotated[
    ExecutorKind,
    typer.Option("--executor", help="local: this process; dask: Dask distributed workers."),
]
SchedulerOpt = Annotated[
    str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", min=1, help="Workers of the local Dask cluster (default: CPUs).")
]

# -- the archive and the output ----------------------------------------------------------------

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or database URL (postgresql://...); default: the user data dir."),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
JsonLinesOutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write JSON Lines here instead of stdout.")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ListFormatOpt = Annotated[
    ListFormat, typer.Option("--format", "-f", help="table, or json: one JSON object per line.")
]
