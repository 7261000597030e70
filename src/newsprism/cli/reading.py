"""How a command reads its inputs: one `ReadOptions` value, and a reader that reports bad inputs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsprism.cli.terminal import err
from newsprism.ingest import ArticleDefaults, IngestError, read_inputs
from newsprism.lang.outlet_registry import SHIPPED, OutletRegistry, read_outlets_file
from newsprism.model import Article

if TYPE_CHECKING:
    from newsprism.ingest.fetch import FetchPolicy


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Values for the fields an input lacks, and how inputs on the web are read (URLs, URL lists,
    remote feeds, feed entries' pages).

    Built once per command from its options, so "how to read" travels as one value and a new
    reading option is added here, not in every command.
    """

    published: str | None = None
    source: str | None = None
    language: str | None = None
    offline: bool = False
    allow_private: bool = False
    fetch_pages: bool = False
    outlets: Path | None = None

    def defaults(self) -> ArticleDefaults:
        return ArticleDefaults(
            published=self.published,
            source=self.source,
            language=self.language,
            outlets=outlet_registry(self.outlets) if self.outlets else SHIPPED,
        )

    def fetch_policy(self) -> FetchPolicy | None:
        """The policy for fetching, or None to keep the run off the network."""
        from newsprism.ingest.fetch import FetchPolicy

        return None if self.offline else FetchPolicy(allow_private=self.allow_private)


@cache
def outlet_registry(path: Path) -> OutletRegistry:
    """The built-in registry with the user's file `path` over it, read once per run (the option's
    check and the reading share it)."""
    return read_outlets_file(path)


class Reader:
    """Reads the inputs, reporting each bad one on stderr as it goes, and remembers whether any failed."""

    def __init__(self, inputs: list[str], options: ReadOptions | None = None) -> None:
        self.inputs = inputs
        self.options = options or ReadOptions()
        self.failed = 0

    def __iter__(self) -> Iterator[Article]:
        items = read_inputs(
            self.inputs,
            self.options.defaults(),
            fetch=self.options.fetch_policy(),
            fetch_pages=self.options.fetch_pages,
        )
        for item in items:
            if isinstance(item, IngestError):
                self.failed += 1
                err.print(f"[red]error:[/red] {item}", markup=True, highlight=False, soft_wrap=True)
            else:
                yield item

    def exit_status(self) -> None:
        """Exit 1 when some inputs were skipped; the command has written what it could."""
        if self.failed:
            err.print(f"{self.failed} input(s) could not be read and were skipped.", highlight=False)
            raise typer.Exit(1)
