"""Who cites whom, copies, and independent sources, on stories written for these tests."""

from __future__ import annotations

import pytest

from newsprism.analyze.pipeline import analyze
from newsprism.compare.pipeline import compare
from newsprism.compare.sources import attach_sources, find_copies, own_outlet, story_citations
from newsprism.model import Article, Fact, FactMention

AP_TEXT = (
    "MILLBROOK, Ohio (AP) — A fire destroyed the Millbrook public library early Saturday, "
    "fire chief Dana Reyes said. No one was injured in the blaze. The fire started in the basement "
    "at about 3 a.m. and burned for four hours before crews brought it under control. The library "
    "held about 40,000 books and a collection of county records dating to 1850. Reyes said the "
    "cause of the fire was under investigation and that the building could not be saved."
)


def _story() -> list[Article]:
    return [
        Article(
            "ap-1", AP_TEXT, title="Fire destroys Ohio library", source="AP", published="2025-03-01T08:00:00Z"
        ),
        # A wire copy: the same words under another outlet's name, an hour later.
        Article(
            "portal-1",
            AP_TEXT + " Check back for updates.",
            title="Fire destroys Ohio library",
            source="Yahoo News",
            published="2025-03-01T09:00:00Z",
        ),
        Article(
            "ledger-1",
            "A fire destroyed the public library in Millbrook, Ohio, early Saturday, the Associated Press "
            "reported. Nobody was hurt. Firefighters fought the blaze for four hours. The library had "
            "about 40,000 books.",
            source="Columbus Ledger",
            published="2025-03-01T10:00:00Z",
        ),
        Article(
            "valley-1",
            "The Millbrook public library was destroyed by fire on Saturday morning, according to the AP. "
            "No injuries were reported. The building held roughly 40,000 books.",
            source="Valley Times",
            published="2025-03-01T11:00:00Z",
        ),
        Article(
            "river-1",
            "Fire tore through the Millbrook library early Saturday and destroyed it, AP reported. "
            "No one was injured.",
            source="River Post",
            published="2025-03-01T12:00:00Z",
        ),
        # Its own reporter at the scene: no agency named.
        Article(
            "gazette-1",
            "Our reporter watched as fire destroyed the Millbrook public library early Saturday. Fire "
            "chief Dana Reyes said no one was injured. Neighbours said the smoke could be seen for miles.",
            source="Millbrook Gazette",
            published="2025-03-01T13:00:00Z",
        ),
    ]


@pytest.fixture(scope="module")
def story() -> tuple[list[Article], list]:
    articles = _story()
    return articles, list(analyze(articles))


def _lead_fact(articles: list[Article]) -> Fact:
    """The fire destroying the library, as each article states it in its first sentence."""
    return Fact(
        "f1",
        "corroborated",
        [FactMention(a.id, 0, "") for a in articles],
    )


@pytest.mark.slow
def test_an_agency_story_its_copy_three_rewrites_and_one_own_report_are_two_sources(story) -> None:
    articles, analyses = story
    copies = find_copies(articles)
    assert [(c.article, c.original) for c in copies] == [("portal-1", "ap-1")]
    assert copies[0].similarity > 0.9
    fact = _lead_fact(articles)
    attach_sources([fact], articles, analyses, copies)
    assert fact.sources == ["Associated Press", "Millbrook Gazette"]


@pytest.mark.slow
def test_a_fact_only_the_agency_and_its_rewrites_state_rests_on_the_agency_alone(story) -> None:
    articles, analyses = story
    relays = [a for a in articles if a.id != "gazette-1"]
    fact = _lead_fact(relays)
    attach_sources([fact], articles, analyses, find_copies(articles))
    assert fact.sources == ["Associated Press"]


@pytest.mark.slow
def test_the_compared_story_counts_independent_sources_and_shows_the_copy(story) -> None:
    articles, analyses = story
    comparison = compare(articles, analyses)
    assert [(c.article, c.original) for c in comparison.copies] == [("portal-1", "ap-1")]
    cited = {(c.article, c.outlet, c.kind) for c in comparison.citations}
    assert {
        ("ledger-1", "Associated Press", "reports"),
        ("valley-1", "Associated Press", "according_to"),
    } <= cited
    assert ("river-1", "Associated Press", "reports") in cited
    assert not any(c.article == "gazette-1" for c in comparison.citations)
    destroyed = [
        f
        for f in comparison.facts
        if {m.article for m in f.mentions} >= {"ap-1", "gazette-1", "ledger-1"}
        and any(m.sentence == 0 for m in f.mentions)
    ]
    assert destroyed, "the lead fact should be linked across the agency, a rewrite and the own report"
    assert destroyed[0].sources == ["Associated Press", "Millbrook Gazette"]
    # The brief puts the facts with the most independent sources first.
    counts = [
        len(next(f for f in comparison.facts if f.id == b.facts[0]).sources)
        for b in comparison.brief
        if b.facts
    ]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.slow
def test_an_outlet_naming_itself_or_a_person_cites_no_other_source() -> None:
    articles = [
        Article(
            "mt-1",
            "Officials told The Moscow Times on Tuesday that the talks would go ahead. "
            "According to his aides, the minister will attend. The ministry said the date was fixed.",
            source="The Moscow Times",
        )
    ]
    analyses = list(analyze(articles))
    assert story_citations(articles, analyses) == []


def test_a_citation_loop_counts_once_and_an_unknown_outlet_is_its_article() -> None:
    # Two outlets each attributing the claim to the other: one source, whichever it is.
    from newsprism.model import Analysis, Citation, Sentence

    def one(article_id: str, source: str | None, cites: str) -> tuple[Article, Analysis]:
        text = f"The bridge will close on Monday, {cites} reported."
        analysis = Analysis(
            id=article_id,
            language="en",
            sentences=[Sentence(0, text, 0, len(text))],
            citations=[Citation(cites, cites, 0, 33, 33 + len(cites), "reports")],
        )
        return Article(article_id, text, source=source), analysis

    (a, x), (b, y) = one("a", "North Star", "South Daily"), one("b", "South Daily", "North Star")
    fact = Fact("f", "corroborated", [FactMention("a", 0, ""), FactMention("b", 0, "")])
    attach_sources([fact], [a, b], [x, y], [])
    assert len(fact.sources) == 1
    (c, z) = one("c", None, "North Star")
    assert own_outlet(c) == "c"
    fact = Fact("g", "corroborated", [FactMention("b", 0, ""), FactMention("c", 0, "")])
    attach_sources([fact], [b, c], [y, z], [])
    assert len(fact.sources) == 1


def test_copies_are_found_among_articles_given_with_a_repeated_id() -> None:
    text = "The harbour bridge will close for six weeks of repairs from Monday, the council said. " * 3
    articles = [
        Article("a", text, published="2025-01-01"),
        Article(
            "a",
            "Something else entirely about a fire in the hills east of town today.",
            published="2025-01-02",
        ),
        Article("b", text + " Ferries will run.", published="2025-01-03"),
    ]
    assert [(c.article, c.original) for c in find_copies(articles)] == [("b", "a")]
