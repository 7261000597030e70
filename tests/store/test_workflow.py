"""The stored workflow: ingest, stories, comparisons refreshed, idempotent, safe to kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsprism.model import Article
from newsprism.store.db import open_store
from newsprism.store.workflow import ingest_articles

BRIDGE_A = Article(
    id="bridge-a",
    title="Harbour bridge to close for repairs",
    text=(
        "The city council of Port Alder voted on Monday to close the old harbour bridge for six weeks of "
        "repairs. Mayor Ana Lopez said the work would start on 3 March and ferries would run every twenty "
        "minutes."
    ),
    source="Coast Courier",
    published="2025-02-24",
)
BRIDGE_B = Article(
    id="bridge-b",
    title="Port Alder shuts harbour bridge for six weeks",
    text=(
        "Councillors in Port Alder decided on Monday to shut the ageing harbour bridge for six weeks of "
        'repair work from 3 March. "We cannot wait any longer," Mayor Ana López said.'
    ),
    source="Alder Herald",
    published="2025-02-24",
)
FIRE = Article(
    id="fire",
    title="Wildfire forces evacuation of Pinecrest",
    text=(
        "About 2,000 residents of Pinecrest were told to leave their homes on Monday as a wildfire spread "
        "through the dry hills east of the town, the county fire service said."
    ),
    source="Valley News",
    published="2025-02-24",
)


def test_ingest_groups_stores_and_compares_then_skips_what_it_has(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.db")) as store:
        report = ingest_articles(store, [BRIDGE_A, FIRE])
        assert (report.added, report.skipped) == (2, 0)
        assert len(store.list_stories()) == 2
        late = ingest_articles(store, [BRIDGE_B, BRIDGE_A])
        assert (late.added, late.skipped) == (1, 1)
        stories = {s.title: s for s in store.list_stories()}
        bridge = stories["Harbour bridge to close for repairs"]
        assert bridge.article_count == 2
        assert sorted(bridge.outlets) == ["Alder Herald", "Coast Courier"]
        comparison = store.comparison(bridge.id)
        assert comparison is not None
        assert {a["id"] for a in comparison["articles"]} == {"bridge-a", "bridge-b"}
        assert any(f["status"] == "corroborated" for f in comparison["facts"])
        assert store.stale_stories() == []
        again = ingest_articles(store, [BRIDGE_A, BRIDGE_B, FIRE])
        assert (again.added, again.skipped, again.stories_changed) == (0, 3, [])
        assert store.count_articles() == 3


def _corpus(path: Path, n: int) -> None:
    towns = ["Ashford", "Brightwater", "Calder", "Dunmore", "Elmstead", "Fenwick"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            town = towns[i % len(towns)]
            row = {
                "id": f"n{i}",
                "title": f"{town} council report {i}",
                "text": f"The council of {town} met on Tuesday and approved plan number {i} for new roads "
                f"and a library, the mayor of {town} said after the vote.",
                "source": f"Outlet {i % 4}",
                "published": f"2025-03-{1 + i % 20:02d}",
            }
            out.write(json.dumps(row) + "\n")


def _consistent(db: Path) -> tuple[int, int]:
    with open_store(str(db)) as store:
        articles = store.list_articles(limit=200) + store.list_articles(limit=200, offset=200)
        ids = [a.id for a in articles]
        assert len(ids) == len(set(ids))
        listed = store.list_stories(limit=1000)
        assert sum(s.article_count for s in listed) == len(ids)
        return len(ids), len(listed)


def test_an_ingest_killed_midway_and_run_again_ends_with_exactly_its_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 300)
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "newsprism.cli", "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            with open_store(str(db)) as store:
                if store.count_articles() > 0:
                    break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    count, stories = _consistent(db)
    assert count == 300
    assert stories >= 1


def test_an_article_another_writer_stores_first_is_counted_skipped_and_left_to_it(tmp_path: Path) -> None:
    """Two ingests at once: an article checked as new but stored by the other writer before this
    run's write transaction is counted as skipped, so added + skipped is every article read."""
    path = str(tmp_path / "race.db")
    with open_store(path) as store:
        real_known = store.known
        raced: list[str] = []

        def known_then_race(ids: list[str], digests: list[str]) -> tuple[set[str], set[str]]:
            result = real_known(ids, digests)
            if not raced:  # the other writer commits between this run's check and its write
                with open_store(path) as other:
                    raced.append(path)
                    assert ingest_articles(other, [BRIDGE_A]).added == 1
            return result

        store.known = known_then_race  # type: ignore[method-assign]
        report = ingest_articles(store, [BRIDGE_A, BRIDGE_B, FIRE])
        assert (report.added, report.skipped) == (2, 1)
        assert store.count_articles() == 3
        assert sorted(s.article_count for s in store.list_stories()) == [1, 2]


SHOOTING = [
    Article(
        id=f"shooting-{n}",
        title=title,
        text=text,
        published=day,
        url=f"https://{outlet}/news/{n}",
        source=outlet,
    )
    for n, (day, outlet, title, text) in enumerate(
        [
            (
                "2024-03-05",
                "wkrn.example.com",
                "Man shot on Halsted Street in Riverton - WKRN News",
                "A 27-year-old man was shot Monday night in the 4500 block of South Halsted Street in "
                "Riverton, police said. He was taken to a hospital in serious condition.",
            ),
            (
                "2024-03-05",
                "gazette.example.com",
                "Riverton police name man shot on Halsted Street",
                "Police identified the man shot on Halsted Street late Monday as Jamal Carter, 27. "
                "Carter was in serious condition at Riverton General, police said.",
            ),
            (
                "2024-03-07",
                "wkrn.example.com",
                "Arrest in Halsted Street shooting - WKRN News",
                "Riverton police on Wednesday arrested a 22-year-old man in Monday's shooting of Jamal "
                "Carter, 27, on South Halsted Street. Carter remains in the hospital.",
            ),
        ]
    )
]


def test_a_stored_story_lists_the_details_that_hold_it_together(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.db")) as store:
        ingest_articles(store, SHOOTING)
        (story,) = store.list_stories()
        assert story.article_count == 3
        assert story.details.day == "2024-03-04"
        assert story.details.places == ["halsted street"]
        assert story.details.people == ["carter"]
        assert store.get_story(story.id) == story
