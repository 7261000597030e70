"""Articles -> the archive: analyze, store, place in stories, refresh the comparisons that changed.

Why it is shaped like this:

- *Replay, then add*: the clusterer lives in memory, so each run first replays what the archive
  holds (placement features and vectors, stored with every article, no model run) in the order
  it was added, then places the new articles. Placement is deterministic, so a replay gives the
  stories the archive already records, and the run only writes what the new articles change.
- *Nothing half-written*: the new articles of a batch, with their analyses, placement data and
  story, go in one transaction; then the story rows are brought in line with the clusterer in
  another. A run killed between the two leaves articles whose story rows lag; the next run's
  replay finds the difference and writes it. Comparisons are written one story at a time, each
  marked fresh in the same transaction, so a killed run leaves the rest marked stale.
- *Stored once*: an article whose id or content is already stored is skipped, whichever
  process stored it, and counted as skipped even when another writer stored it between this
  run's check and its write; its story is then left to that writer.
- *Pages with their comparisons*: the web pages of the stories that changed are rendered here,
  right after their comparisons, so no ingest path (the command, the API) leaves a page to be
  built on its first visit. The caller passes the renderer (`web.pages.prerender_pages`):
  pages are the web's form of a comparison, and the store does not import the layers that
  render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from newsprism.codec import (
    analysis_from_dict,
    analysis_to_dict,
    comparison_to_dict,
    placement_from_dict,
    placement_to_dict,
)
from newsprism.compare.pipeline import compare
from newsprism.model import Article, Placement
from newsprism.scale.executor import Executor, LocalExecutor
from newsprism.store.db import Store
from newsprism.store.records import NewArticle, content_hash
from newsprism.stories.cluster import BATCH, StoryClusterer

Progress = Callable[[int], None]

PageRenderer = Callable[[Store, Iterable[str]], int]
"""Renders and keeps the pages of the given stories, returning how many (`web.pages.prerender_pages`)."""


@dataclass(slots=True)
class IngestReport:
    """What one ingest did; `errors` are one-line reasons for articles that were not stored."""

    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    stories_changed: list[str] = field(default_factory=list)
    comparisons_refreshed: int = 0
    pages_rendered: int = 0


def replay(store: Store) -> tuple[StoryClusterer, dict[str, str | None]]:
    """A clusterer holding every stored article, and each article's stored story."""
    clusterer = StoryClusterer()
    stored: dict[str, str | None] = {}

    def prepared() -> Iterator[tuple[Article, Placement, np.ndarray]]:
        for row in store.replay_rows():
            stored[row.article.id] = row.story_id
            vector = np.frombuffer(row.vector, dtype=np.float16).copy()
            yield row.article, placement_from_dict(row.features_json), vector

    for _ in clusterer.add_prepared(prepared()):
        pass
    return clusterer, stored


def ingest_articles(
    store: Store,
    articles: Iterable[Article],
    progress: Progress | None = None,
    *,
    executor: Executor | None = None,
    pages: PageRenderer | None = None,
) -> IngestReport:
    """Store new articles, place them in stories, refresh the comparisons that changed and, with
    a `pages` renderer, render the pages of the stories that changed.

    Each batch is analyzed and prepared for placement by the `executor` (this process by
    default; Dask workers with `scale.DaskExecutor`); storing and placing stay here, in input
    order, so the archive ends with the same stories either way (lead vectors are rounded to
    float16, which hides the last-bit differences another batch size can make).
    """
    if executor is None:
        executor = LocalExecutor()
    report = IngestReport()
    clusterer, stored = replay(store)
    others: set[str] = set()  # placed here, but written first by another process
    stream = iter(articles)
    while batch := list(islice(stream, BATCH)):
        fresh = _new_only(store, batch, report)
        if fresh:
            others |= _add_batch(store, clusterer, fresh, report, executor)
        if progress:
            progress(len(batch))
    clusterer.refine()
    final = {a.id: a.story for a in clusterer.assignments()}
    # A story the archive has never seen holds only articles whose stored story differs, so
    # this one comparison also covers every article of every new story.
    changed = {aid: sid for aid, sid in final.items() if stored.get(aid) != sid and aid not in others}
    if changed:
        touched = store.assign_stories(changed) | set(changed.values())
        report.stories_changed = sorted(touched)
    report.comparisons_refreshed = refresh_comparisons(store)
    if pages is not None:
        report.pages_rendered = pages(store, report.stories_changed)
    return report


def _new_only(store: Store, batch: list[Article], report: IngestReport) -> list[Article]:
    digests = [content_hash(a) for a in batch]
    ids, hashes = store.known([a.id for a in batch], digests)
    fresh: list[Article] = []
    seen: set[str] = set()
    for article, digest in zip(batch, digests, strict=True):
        if article.id in ids or digest in hashes or article.id in seen or digest in seen:
            report.skipped += 1
            continue
        seen.update((article.id, digest))
        fresh.append(article)
    return fresh


def _add_batch(
    store: Store, clusterer: StoryClusterer, fresh: list[Article], report: IngestReport, executor: Executor
) -> set[str]:
    """Analyze, place and write `fresh`; return the ids another writer stored in the meantime."""
    analyses, prepared = executor.analyze_and_prepare(fresh)
    for _ in clusterer.add_prepared(prepared):
        pass
    rows = []
    for (article, features, vector), analysis in zip(prepared, analyses, strict=True):
        placed = clusterer.records[clusterer.positions[article.id]]
        rows.append(
            NewArticle(
                article=article,
                analysis_json=analysis_to_dict(analysis),
                features_json=placement_to_dict(features),
                vector=np.asarray(vector, dtype=np.float16).tobytes(),
                story_id=clusterer.find(placed.story),
                duplicate_of=placed.duplicate_of,
            )
        )
    written = store.store_new(rows)
    report.added += len(written)
    report.skipped += len(rows) - len(written)
    return {a.id for a in fresh} - set(written)


def refresh_comparisons(store: Store) -> int:
    """Recompute the comparison of every story marked stale, one story per transaction."""
    done = 0
    for sid in store.stale_stories():
        articles = store.story_articles(sid)
        if not articles:
            continue
        analyses = [analysis_from_dict(d) for d in store.analyses([a.id for a in articles])]
        store.save_comparison(sid, comparison_to_dict(compare(articles, analyses)))
        done += 1
    return done
