"""A separate process that writes invented articles into an archive, for the kill and two-writer tests.

    python writer_process.py URL --start 0 --stop 120 --batch 10
        [--ready FILE --go FILE --opened DIR --parties N --delay S]
        [--pause-before TABLE --pause-in-batch N --marker FILE]

`--ready`/`--go` line writers up to open the archive at the same moment; `--opened`/`--parties`
then hold each one until all have opened it, and `--delay` spaces its batches, so that their
write transactions really alternate instead of one finishing first. `--pause-before`
stops the process inside the transaction of batch N, just before it inserts into TABLE, and
writes `--marker`: the test then kills it at a known point mid-transaction, not at random.

The tests load `new_row` from this file too, so the articles they expect are the ones written.
"""

from __future__ import annotations

import argparse
import os
import struct
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from newsprism.model import Article
from newsprism.store import NewArticle, open_store

OUTLETS = ("Harbour Gazette", "Coastal Wire", "Evening Ledger")


def new_row(i: int, story: str | None = None) -> NewArticle:
    """Article number `i`: distinct id, distinct text (so distinct content hash), ten per story."""
    article = Article(
        id=f"art-{i:04d}",
        title=f"Ferry timetable changes, notice {i}",
        text=(
            f"The harbour authority published notice number {i} on Tuesday. "
            f"It moves the {i % 24:02d}:15 crossing and adds {i % 7 + 1} late sailings."
        ),
        source=OUTLETS[i % len(OUTLETS)],
        url=f"https://news.invalid/{i}",
        published=f"2025-03-{1 + i % 28:02d}",
        language="en",
        credits=["Coastal Wire"] if i % 5 == 0 else [],
    )
    return NewArticle(
        article=article,
        analysis_json={"id": article.id, "language": "en", "sentences": [], "notice": i},
        features_json={"terms": {"ferry": 1.0, f"notice{i}": 0.5}, "day": article.published},
        vector=struct.pack("<4f", i, i / 2, 1.0, -1.0),
        story_id=story or f"story-{i // 10:03d}",
    )


def _wait_for(path: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never appeared")
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--start", type=int, required=True)
    parser.add_argument("--stop", type=int, required=True)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--ready", type=Path)
    parser.add_argument("--go", type=Path)
    parser.add_argument("--opened", type=Path)
    parser.add_argument("--parties", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--pause-before")
    parser.add_argument("--pause-in-batch", type=int, default=0)
    parser.add_argument("--marker", type=Path)
    args = parser.parse_args()

    if args.ready:
        args.ready.write_text("ready")
    if args.go:
        _wait_for(args.go)
    store = open_store(args.url)
    if args.opened:
        (args.opened / f"opened-{os.getpid()}").write_text("opened")
        deadline = time.monotonic() + 60
        while len(list(args.opened.glob("opened-*"))) < args.parties:
            if time.monotonic() > deadline:
                raise TimeoutError("the other writers never opened the archive")
            time.sleep(0.005)
    batch = {"number": 0}

    if args.pause_before:
        prefix = f"INSERT INTO {args.pause_before} "

        @event.listens_for(store.engine, "before_cursor_execute")
        def pause(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
            if batch["number"] == args.pause_in_batch and statement.startswith(prefix):
                args.marker.write_text("paused inside the transaction")
                time.sleep(600)

    for number, first in enumerate(range(args.start, args.stop, args.batch)):
        batch["number"] = number
        store.add_articles([new_row(i) for i in range(first, min(first + args.batch, args.stop))])
        time.sleep(args.delay)
    store.close()


if __name__ == "__main__":
    main()
