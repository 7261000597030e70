"""Where the costly work runs, behind one protocol: this process, or Dask workers (dask_runner.py).

The commands and the ingest workflow take an `Executor` and never ask which one they hold, so a
run on a cluster is the same program as a run on one machine. An executor spreads only the work
that does not depend on order: analysing an article, reading its placement features, embedding
its lead. Placing articles in stories is sequential by nature (an article joins what came before
it), so it stays in the caller's process, in input order, and every executor gives the same
stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsprism.analyze.pipeline import analyze
from newsprism.model import Analysis, Article
from newsprism.stories.cluster import Prepared, StoryClusterer, place_all, prepare_batch
from newsprism.stories.embed import embed_leads


class Executor(Protocol):
    """What `analyze`, `cluster` and `ingest` need done, wherever it is done."""

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """The analyses of `articles`, in input order."""
        ...

    def cluster(self, articles: Iterable[Article], clusterer: StoryClusterer | None = None) -> StoryClusterer:
        """`clusterer` (a new one by default) with `articles` placed in order, refined once at the end."""
        ...

    def analyze_and_prepare(self, batch: Sequence[Article]) -> tuple[list[Analysis], list[Prepared]]:
        """One ingest batch's analyses, and its placement data prepared with those analyses."""
        ...


@dataclass(frozen=True, slots=True)
class LocalExecutor:
    """Everything in this process; the models are loaded once and kept for the next call."""

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        return analyze(articles)

    def cluster(self, articles: Iterable[Article], clusterer: StoryClusterer | None = None) -> StoryClusterer:
        return place_all(articles, clusterer)

    def analyze_and_prepare(self, batch: Sequence[Article]) -> tuple[list[Analysis], list[Prepared]]:
        analyses = list(analyze(batch))
        return analyses, prepare_batch(list(zip(batch, analyses, strict=True)), embed_leads)
