"""Run the analysis and story stages on Dask distributed, for corpora bigger than one process.

What is spread and what is not:

- analysis is independent per article, so partitions of articles go to workers, each of which
  loads spaCy once and analyzes its partition; results come back in input order;
- story placement is sequential by nature (an article joins what came before it), but nearly
  all of its cost is reading features and embedding leads. Workers compute those per partition
  (`prepare_batch`), and the client places the prepared articles in input order. The stories are
  therefore exactly those of a single-process run over the same input.

Partitions are submitted with a bounded number in flight, so the client holds a few partitions,
never the corpus, and a slow worker does not make results pile up. Each worker runs a partition
through the local executor (executor.py), so both executors run the same code on an article;
`DaskExecutor` is the protocol's face of this module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from newsprism.model import Analysis, Article
from newsprism.scale.executor import LocalExecutor
from newsprism.stories.cluster import BATCH, Prepared, StoryClusterer, prepare_batch

T = TypeVar("T")

ANALYSIS_PARTITION = 64
"""Articles per analysis task: large enough that scheduling costs little, small enough to balance."""


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where to run: an existing scheduler by address, else a local cluster of `workers` processes."""

    scheduler: str | None = None
    workers: int | None = None
    in_flight_per_worker: int = 2


@contextmanager
def dask_client(options: DaskOptions) -> Iterator[Any]:
    """A distributed Client for `options`; a local cluster it starts is closed on exit.

    Local workers are processes with one thread each: spaCy and the rule-based readers hold
    the GIL, so threads would not run them in parallel.
    """
    from distributed import Client, LocalCluster

    if options.scheduler:
        client = Client(options.scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    workers = options.workers or max(1, os.cpu_count() or 1)
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _analyze_partition(articles: list[Article]) -> list[Analysis]:
    return list(LocalExecutor().analyze(articles))


def _prepare_partition(articles: list[Article]) -> list[Prepared]:
    from newsprism.stories.embed import embed_leads

    return prepare_batch([(a, None) for a in articles], embed_leads)


def _ordered_map(client: Any, function: Any, partitions: Iterable[list[T]], in_flight: int) -> Iterator[Any]:
    """Submit partitions with at most `in_flight` pending and yield their results in order."""
    pending: list[Any] = []
    for partition in partitions:
        pending.append(client.submit(function, partition, pure=False))
        if len(pending) >= in_flight:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def _partitions(items: Iterable[T], size: int) -> Iterator[list[T]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def _in_flight(client: Any, options: DaskOptions) -> int:
    workers = len(client.scheduler_info().get("workers", {})) or 1
    return max(2, workers * options.in_flight_per_worker)


def analyze_distributed(
    articles: Iterable[Article], client: Any, options: DaskOptions | None = None
) -> Iterator[Analysis]:
    """Analyses of `articles`, in input order, computed on the client's workers."""
    options = options or DaskOptions()
    in_flight = _in_flight(client, options)
    for results in _ordered_map(
        client, _analyze_partition, _partitions(articles, ANALYSIS_PARTITION), in_flight
    ):
        yield from results


def cluster_distributed(
    articles: Iterable[Article],
    client: Any,
    clusterer: StoryClusterer | None = None,
    options: DaskOptions | None = None,
) -> StoryClusterer:
    """Place `articles` in stories with their features prepared on the workers.

    Partitions are cut at `BATCH`, the single-process batch, so the encoder sees the same
    batches either way. Returns the clusterer, refined, for its assignments and notes.
    """
    options = options or DaskOptions()
    clusterer = clusterer or StoryClusterer()
    in_flight = _in_flight(client, options)
    for prepared in _ordered_map(client, _prepare_partition, _partitions(articles, BATCH), in_flight):
        for _ in clusterer.add_prepared(prepared):
            pass
    clusterer.refine()
    return clusterer


def _analyze_and_prepare_partition(articles: list[Article]) -> tuple[list[Analysis], list[Prepared]]:
    return LocalExecutor().analyze_and_prepare(articles)


def analyze_and_prepare(
    articles: Sequence[Article], client: Any, options: DaskOptions | None = None
) -> tuple[list[Analysis], list[Prepared]]:
    """Analyses and placement data of one ingest batch, computed on the workers in partitions.

    The analysis partitions are small (ANALYSIS_PARTITION) to spread the work; placement data is
    prepared with each partition's analyses, which is what the single-process ingest does too.
    """
    options = options or DaskOptions()
    analyses: list[Analysis] = []
    prepared: list[Prepared] = []
    partitions = _partitions(articles, ANALYSIS_PARTITION)
    for part_analyses, part_prepared in _ordered_map(
        client, _analyze_and_prepare_partition, partitions, _in_flight(client, options)
    ):
        analyses.extend(part_analyses)
        prepared.extend(part_prepared)
    return analyses, prepared


@dataclass(frozen=True, slots=True)
class DaskExecutor:
    """The executor protocol (executor.py) over the workers of a Dask `client`."""

    client: Any
    options: DaskOptions = field(default_factory=DaskOptions)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        return analyze_distributed(articles, self.client, self.options)

    def cluster(self, articles: Iterable[Article], clusterer: StoryClusterer | None = None) -> StoryClusterer:
        return cluster_distributed(articles, self.client, clusterer, self.options)

    def analyze_and_prepare(self, batch: Sequence[Article]) -> tuple[list[Analysis], list[Prepared]]:
        return analyze_and_prepare(batch, self.client, self.options)


@contextmanager
def dask_executor(options: DaskOptions) -> Iterator[DaskExecutor]:
    """A `DaskExecutor` on the client `options` name; a local cluster it starts is closed on exit."""
    with dask_client(options) as client:
        yield DaskExecutor(client, options)
