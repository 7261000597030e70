"""A story's source graph on its page: who cites whom, copies, and independent sources per fact,
read from the stored comparison (version 3), and left out for a comparison stored before it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.web.sources import source_graph

STORY_ID = "ferry-2025"
# The ferry story of conftest.py: A is the Millbrook Gazette ("gazette"), B the Valley Courier ("courier").
COURIER_SENTENCE_1 = "Port official Tomas Vidal said 60 passengers were stranded overnight."


def with_sources(data: dict[str, Any]) -> dict[str, Any]:
    """The comparison with who cites whom filled in as version 3 stores it."""
    data = copy.deepcopy(data)
    data["version"] = "3"
    data["citations"] = [
        {
            "article": "courier",
            "outlet": "Associated Press",
            "kind": "told",
            "sentence": 1,
            "text": "told AP",
        },
        {"article": "courier", "outlet": "Reuters", "kind": "credit", "sentence": None, "text": "Reuters"},
        {
            "article": "gazette",
            "outlet": "<script>alert(9)</script>",
            "kind": "reports",
            "sentence": 0,
            "text": "x",
        },
    ]
    data["copies"] = [{"article": "courier", "original": "gazette", "similarity": 0.934}]
    corroborated = [f for f in data["facts"] if f["status"] == "corroborated"]
    assert corroborated, "the ferry story has a corroborated fact"
    for fact in data["facts"]:
        fact["sources"] = ["Associated Press", "Millbrook Gazette"]
    corroborated[0]["sources"] = ["Associated Press"]
    return data


def without_sources(data: dict[str, Any]) -> dict[str, Any]:
    """The comparison as version 2 stored it: none of the new fields."""
    data = copy.deepcopy(data)
    data["version"] = "2"
    data.pop("citations", None)
    data.pop("copies", None)
    for fact in data["facts"]:
        fact.pop("sources", None)
    return data


def section(page: str) -> str:
    start = page.index('<section class="card" id="sources"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def page_of(store: Any, make_client: Any) -> Any:
    def render(data: dict[str, Any]) -> str:
        store.comparisons[STORY_ID] = data
        response = make_client().get(f"/stories/{STORY_ID}")
        assert response.status_code == 200
        return str(response.text)

    return render


def test_the_story_page_shows_who_cites_whom(page_of: Any, comparison_data: dict[str, Any]) -> None:
    page = page_of(with_sources(comparison_data))
    assert page.count('id="sources"') == 1 and 'id="side-by-side"' in page
    assert '<a href="#sources">Who cites whom</a>' in page
    found = section(page)
    assert '<h2 id="sources-title">Who cites whom</h2>' in found
    # The table: the outlet, whom it cites, how, and the sentence (linked to it in its column).
    assert (
        '<td><a class="chip" href="#src-B">B</a> Valley Courier</td><td class="cited">Associated Press</td>'
        '<td><span class="tag">was told</span></td>'
    ) in found
    assert f'<a class="ref" href="#B-s1">B §1</a> {COURIER_SENTENCE_1}' in found
    # A credit line has no sentence: its words are shown.
    assert '<span class="tag">credit line</span></td>\n        <td class="ctx">Reuters</td>' in found


def test_the_graph_has_a_row_per_outlet_with_arrows_to_what_it_rests_on(
    page_of: Any, comparison_data: dict[str, Any]
) -> None:
    found = section(page_of(with_sources(comparison_data)))
    graph = found[found.index('<ul class="cite-graph"') : found.index("<h3>Citations</h3>")]
    rows = graph.split('<li class="cite-row">')[1:]
    assert len(rows) == 2
    gazette, courier = rows
    assert 'href="/outlets/Millbrook%20Gazette">Millbrook Gazette</a>' in gazette
    assert (
        '<span class="how">reports</span> <span class="node cited">&lt;script&gt;alert(9)&lt;/script&gt;'
        in gazette
    )
    assert 'href="/outlets/Valley%20Courier">Valley Courier</a>' in courier
    for how, target in [
        ("was told", "Associated Press"),
        ("credit line", "Reuters"),
        ("copies", "Millbrook Gazette"),
    ]:
        assert f'<span class="arrow" aria-hidden="true">→</span> <span class="how">{how}</span> ' in courier
        assert f'<span class="node cited">{target}</span>' in courier


def test_copies_and_independent_sources_are_spelt_out(page_of: Any, comparison_data: dict[str, Any]) -> None:
    found = section(page_of(with_sources(comparison_data)))
    assert "Valley Courier is a copy of" in found and "Millbrook Gazette (93% the same words)" in found
    assert "2 outlets, one independent source: all rest on Associated Press" in found
    assert "<h3>Independent sources behind each fact</h3>" in found


def test_markup_in_a_cited_name_is_shown_as_text(page_of: Any, comparison_data: dict[str, Any]) -> None:
    page = page_of(with_sources(comparison_data))
    assert "<script>alert(9)" not in page and "&lt;script&gt;alert(9)&lt;/script&gt;" in page


def test_a_comparison_stored_before_sources_has_no_such_section(
    page_of: Any, comparison_data: dict[str, Any]
) -> None:
    page = page_of(without_sources(comparison_data))
    assert 'id="sources"' not in page and "Who cites whom" not in page
    assert 'class="s corroborated"' in page  # the rest of the page is as before


def test_a_story_that_cites_and_copies_nothing_says_so(page_of: Any, comparison_data: dict[str, Any]) -> None:
    data = without_sources(comparison_data)
    data.update(version="3", citations=[], copies=[])
    found = section(page_of(data))
    assert "No article names another outlet as its source, and none copies another." in found
    assert found.count("names no source") == 2 and "<h3>Citations</h3>" not in found


def test_the_api_serves_the_stored_fields_as_they_are(
    store: Any, client: TestClient, comparison_data: dict[str, Any]
) -> None:
    data = with_sources(comparison_data)
    store.comparisons[STORY_ID] = data
    body = client.get(f"/api/v1/stories/{STORY_ID}/comparison").json()
    assert body["citations"] == data["citations"] and body["copies"] == data["copies"]


def test_entries_of_an_unexpected_shape_are_skipped(comparison_data: dict[str, Any]) -> None:
    data = with_sources(comparison_data)
    data["citations"] += [
        {"article": "nobody", "outlet": "AP", "kind": "told", "sentence": 0},
        {"article": "courier", "outlet": 7, "kind": "told", "sentence": 0},
        {"article": ["courier"], "outlet": "AP"},
        {"article": "courier", "outlet": "AFP", "kind": None, "sentence": 99, "text": "AFP said"},
        {"article": "courier", "outlet": "dpa", "kind": "told", "sentence": True, "text": "dpa"},
        "not a citation",
    ]
    data["copies"] += [
        {"article": "gazette", "original": "nobody", "similarity": 0.9},
        {"article": "gazette", "original": "courier", "similarity": 1.7},
        {"article": "gazette", "original": "courier", "similarity": True},
    ]
    data["facts"].append({"id": "odd", "status": "corroborated", "sources": "AP", "mentions": 3})
    data["facts"].append(
        {"id": "odder", "status": "corroborated", "sources": ["AP"], "mentions": [{"article": []}]}
    )
    graph = source_graph(data)
    assert graph is not None
    extra = [(c.cited, c.how, c.sentence, c.text) for c in graph.citations[3:]]
    assert extra == [("AFP", "cites", None, "AFP said"), ("dpa", "was told", None, "dpa")]
    assert [(c.copy.id, c.original.id, c.percent) for c in graph.copies] == [
        ("courier", "gazette", 93),
        ("gazette", "courier", None),
        ("gazette", "courier", None),
    ]
    assert [c.fact for c in graph.corroborations] == [
        f["id"] for f in data["facts"] if f["status"] == "corroborated"
    ][:1]


def test_no_fields_means_no_graph_and_any_field_means_one() -> None:
    articles = [{"id": "a", "source": None, "sentences": []}]
    assert source_graph({"articles": articles, "facts": [{"id": "f", "status": "corroborated"}]}) is None
    only_facts = source_graph({"articles": articles, "facts": [{"id": "f", "sources": []}]})
    assert only_facts is not None and [row.outlet for row in only_facts.rows] == [
        "a"
    ]  # an id stands for its outlet
    assert source_graph({"articles": articles, "copies": []}) is not None
    assert source_graph({"citations": None}) is not None
