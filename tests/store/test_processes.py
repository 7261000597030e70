"""Processes: a writer killed mid-transaction leaves whole batches only; two writers lose nothing.

The writers are real processes (writer_process.py) on one database, because the guarantees are
about what survives a SIGKILL and what two independent connections do to each other, which
threads in this process would not show.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import PIPE

import pytest
import sqlalchemy as sa

from newsprism.store import NewArticle, Store, open_store

NewRow = Callable[..., NewArticle]
StartWriter = Callable[..., "subprocess.Popen[str]"]
TIMEOUT_S = 120


@pytest.fixture
def start_writer(writer_script: Path) -> Iterator[StartWriter]:
    """`start_writer(url, start, stop, *options)`; writers still running at the end are killed."""
    started: list[subprocess.Popen[str]] = []

    def start(url: str, first: int, stop: int, *options: str) -> subprocess.Popen[str]:
        command = [sys.executable, str(writer_script), url, "--start", str(first), "--stop", str(stop)]
        process = subprocess.Popen([*command, *options], stdout=PIPE, stderr=PIPE, text=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _finish(process: subprocess.Popen[str]) -> None:
    _, stderr = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"writer exited before {path.name} appeared: {process.communicate()[1]}")
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


def _assert_archive_is_whole(store: Store, new_row: NewRow, expected: list[int]) -> None:
    """Exactly the expected articles, each once, each with its analysis and placement, stories exact."""
    with store.engine.connect() as conn:
        ids = list(conn.scalars(sa.text("SELECT id FROM articles ORDER BY id")))
        orphans = conn.scalar(
            sa.text(
                "SELECT count(*) FROM articles a"
                " WHERE NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)"
                " OR NOT EXISTS (SELECT 1 FROM placements p WHERE p.article_id = a.id)"
            )
        )
        stray = conn.scalar(sa.text("SELECT count(*) FROM analyses")) + conn.scalar(
            sa.text("SELECT count(*) FROM placements")
        )
        seqs = list(conn.scalars(sa.text("SELECT added_seq FROM articles")))
        if conn.dialect.name == "sqlite":
            # FTS5 compares its index with the articles table and raises if they disagree.
            check = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            conn.execute(sa.text(check))
    assert ids == sorted(new_row(i).article.id for i in expected)
    assert orphans == 0
    assert stray == 2 * len(expected)
    assert len(set(seqs)) == len(seqs)
    assert store.analyses(ids) == [new_row(int(aid.split("-")[1])).analysis_json for aid in ids]
    stories = store.list_stories(limit=10_000)
    assert sum(s.article_count for s in stories) == len(expected)
    for story in stories:
        assert story.article_count == len(store.story_articles(story.id))


@pytest.mark.parametrize("pause_before", ["analyses", "placements", "stories"])
def test_killed_writer_leaves_whole_batches_and_a_rerun_completes(
    db_url: str, tmp_path: Path, start_writer: StartWriter, new_row: NewRow, pause_before: str
) -> None:
    marker = tmp_path / "paused"
    args = ["--batch", "10", "--pause-before", pause_before, "--pause-in-batch", "3", "--marker", str(marker)]
    process = start_writer(db_url, 0, 80, *args)
    _wait_for(marker, process)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == -signal.SIGKILL

    with open_store(db_url) as store:
        _assert_archive_is_whole(store, new_row, list(range(30)))

    _finish(start_writer(db_url, 0, 80, "--batch", "10"))
    with open_store(db_url) as store:
        _assert_archive_is_whole(store, new_row, list(range(80)))


def test_two_writers_with_overlapping_articles_store_each_once(
    db_url: str, tmp_path: Path, start_writer: StartWriter, new_row: NewRow
) -> None:
    go = tmp_path / "go"
    opened = tmp_path / "opened"
    opened.mkdir()
    together = ["--go", str(go), "--opened", str(opened), "--parties", "2", "--delay", "0.01"]
    first = start_writer(db_url, 0, 150, "--batch", "7", "--ready", str(tmp_path / "r1"), *together)
    second = start_writer(db_url, 60, 210, "--batch", "5", "--ready", str(tmp_path / "r2"), *together)
    _wait_for(tmp_path / "r1", first)
    _wait_for(tmp_path / "r2", second)
    # Both open the new, empty database only now, so their migrations race as well as their inserts.
    go.write_text("go")
    _finish(first)
    _finish(second)

    with open_store(db_url) as store:
        _assert_archive_is_whole(store, new_row, list(range(210)))
        in_order = [r.article.id for r in store.replay_rows()]
    # The second writer starts at article 60 while the first starts at 0: had one run after the
    # other, the archive would hold the ids in ascending order.
    assert in_order != sorted(in_order), "the writers did not overlap; the test proved nothing"
