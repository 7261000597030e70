"""The local executor: the reference the Dask executor is held to, over the library's own stages."""

from __future__ import annotations

from dataclasses import asdict, replace

from newsprism.analyze.pipeline import analyze
from newsprism.model import Article
from newsprism.scale import LocalExecutor
from newsprism.stories.cluster import cluster_assignments

BRIDGE = Article(
    id="bridge",
    title="Harbour bridge to close for repairs",
    text="The city council of Port Alder voted on Monday to close the old harbour bridge for six weeks "
    "of repairs. Mayor Ana Lopez said the work would start on 3 March.",
    source="Coast Courier",
    published="2025-02-24",
)
BRIDGE_AGAIN = Article(
    id="bridge-again",
    title="Port Alder shuts harbour bridge for six weeks",
    text="Councillors in Port Alder decided on Monday to shut the ageing harbour bridge for six weeks of "
    'repair work from 3 March. "We cannot wait any longer," Mayor Ana López said.',
    source="Alder Herald",
    published="2025-02-24",
)
FIRE = Article(
    id="fire",
    title="Wildfire forces evacuation of Pinecrest",
    text="About 2,000 residents of Pinecrest were told to leave their homes on Monday as a wildfire spread "
    "through the dry hills east of the town, the county fire service said.",
    source="Valley News",
    published="2025-02-24",
)


def test_local_clustering_is_cluster_assignments_and_keeps_the_notes() -> None:
    articles = [BRIDGE, FIRE, BRIDGE_AGAIN, replace(FIRE, text="Another text under a repeated id.")]
    clusterer = LocalExecutor().cluster(articles)
    assert list(clusterer.assignments()) == list(cluster_assignments(articles))
    assert clusterer.notes == ["fire: id repeated; the first article with this id was kept"]
    stories = {a.id: a.story for a in clusterer.assignments()}
    assert stories["bridge"] == stories["bridge-again"] != stories["fire"]


def test_an_ingest_batch_gets_its_analyses_and_placement_data_in_input_order() -> None:
    batch = [FIRE, BRIDGE, BRIDGE_AGAIN]
    analyses, prepared = LocalExecutor().analyze_and_prepare(batch)
    assert [asdict(a) for a in analyses] == [asdict(a) for a in analyze(batch)]
    assert [article.id for article, _, _ in prepared] == ["fire", "bridge", "bridge-again"]
    assert all(vector.shape == (384,) for _, _, vector in prepared)
