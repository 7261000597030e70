"""What the commands show and write: progress on stderr, results on stdout or in a file."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

err = Console(stderr=True)
"""Notes, errors and progress: stdout carries only results, so it can be piped."""


def progress() -> Progress:
    """Progress bars on stderr, shown only on a terminal and gone when done."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def tracked(bars: Progress, items: Iterable[T], description: str, total: int | None) -> Iterator[T]:
    """`items`, advancing a bar named `description` as each one is taken."""
    task = bars.add_task(description, total=total)
    for item in items:
        yield item
        bars.advance(task)


def write(text: str, output: Path | None) -> None:
    """`text` to `output`, or to stdout ending with a newline."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {output}", highlight=False)
