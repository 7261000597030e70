"""The Dask executor gives what the local one gives: the same analyses, the same stories."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from newsprism.model import Article
from newsprism.scale import DaskExecutor, DaskOptions, LocalExecutor
from newsprism.scale.dask_runner import dask_client

ROOT = Path(__file__).resolve().parents[2]


def bench_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client():
    with dask_client(DaskOptions(workers=2)) as c:
        yield c


def test_local_cluster_has_two_single_threaded_workers(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert all(w["nthreads"] == 1 for w in workers.values())


def test_distributed_analysis_matches_a_single_process(client):
    articles = [
        Article(
            id=f"a{i}",
            title=f"Council vote {i}",
            text=(
                f"Mayor Elin Brask{i} said on Tuesday that the council of Harwick approved {100 + i} new "
                f'homes. "This is a good day," Brask{i} told the Harwick Gazette.'
            ),
            published="2024-04-02",
        )
        for i in range(150)
    ]
    local = [asdict(a) for a in LocalExecutor().analyze(articles)]
    remote = [asdict(a) for a in DaskExecutor(client).analyze(articles)]
    assert remote == local


def test_distributed_clustering_gives_the_same_stories_on_1000_articles(client):
    corpus = bench_corpus()
    articles = [a for a, _ in corpus.story_corpus(1000, seed=5)]
    single = LocalExecutor().cluster(articles)
    distributed = DaskExecutor(client).cluster(articles)
    assert list(distributed.assignments()) == list(single.assignments())
    assert len({a.story for a in single.assignments()}) > 100


def test_ingest_on_dask_stores_the_same_stories_as_one_process(client, tmp_path):
    from newsprism.store.db import open_store
    from newsprism.store.workflow import ingest_articles

    articles = [a for a, _ in bench_corpus().story_corpus(120, seed=8)]
    groupings = []
    for name, executor in (("one.db", LocalExecutor()), ("dask.db", DaskExecutor(client))):
        with open_store(str(tmp_path / name)) as store:
            report = ingest_articles(store, articles, executor=executor)
            assert report.added == len(articles)
            groups = [
                sorted(a.id for a in store.story_articles(summary.id))
                for summary in store.list_stories(limit=1000)
            ]
            groupings.append(sorted(groups))
    assert groupings[0] == groupings[1]
    assert len(groupings[0]) > 10


def test_an_ingest_batch_is_analyzed_and_prepared_on_dask_as_in_one_process(client):
    articles = [a for a, _ in bench_corpus().story_corpus(70, seed=3)]
    local_analyses, local_prepared = LocalExecutor().analyze_and_prepare(articles)
    analyses, prepared = DaskExecutor(client).analyze_and_prepare(articles)
    assert [asdict(a) for a in analyses] == [asdict(a) for a in local_analyses]
    assert [(a.id, p) for a, p, _ in prepared] == [(a.id, p) for a, p, _ in local_prepared]
    for (_, _, vector), (_, _, local_vector) in zip(prepared, local_prepared, strict=True):
        assert vector.dtype == local_vector.dtype
        assert np.allclose(vector, local_vector, atol=1e-2)
