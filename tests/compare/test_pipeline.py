"""compare(): the stages composed, in order, on articles written for the test."""

from __future__ import annotations

import pytest

from newsprism.compare.pipeline import ONE_ARTICLE_NOTE, compare
from newsprism.model import Article

pytestmark = pytest.mark.slow


def test_one_article_is_its_own_analysis_with_a_note() -> None:
    article = Article(id="a", text="The council voted on Monday to close the harbour bridge.", source="A")
    result = compare([article])
    assert result.notes == [ONE_ARTICLE_NOTE]
    assert [a.id for a in result.analyses] == ["a"]
    assert all(f.status == "single_source" for f in result.facts)


def test_a_fact_two_outlets_give_different_figures_for_is_disputed() -> None:
    articles = [
        Article(id="a", text="The blast at the harbour killed 12 people on Monday, police said.", source="A"),
        Article(id="b", text="The blast at the harbour killed 15 people on Monday, police said.", source="B"),
    ]
    result = compare(articles)
    assert [d.kind for d in result.discrepancies] == ["number"]
    disputed = [f for f in result.facts if f.status == "disputed"]
    assert [f.id for f in disputed] == [result.discrepancies[0].fact]
    assert {v.value for v in result.discrepancies[0].values} == {"12", "15"}
