"""Shared fixtures: the NLP pipeline, loaded once per test session, and a hand-made story.

The story (three outlets on one invented accident) is built by hand rather than by the compare
stage, so that the renderer and codec tests pin rendering and the JSON forms alone, and every
status, discrepancy, quote and timeline case is present on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.lang.nlp import load_nlp
from newsprism.model import (
    Analysis,
    Article,
    BriefSentence,
    Comparison,
    CopyOf,
    Discrepancy,
    DiscrepancyValue,
    Fact,
    FactMention,
    FramingDifference,
    Role,
    Sentence,
    StoryCitation,
    StoryEntity,
    StoryQuote,
    TimelineEntry,
    WordingVariant,
)

SEEDS = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


HERALD = [
    "A cargo crane struck the Harbor Bridge on Monday night, forcing the city to close it to traffic.",
    "Mayor Ana Ortiz said the bridge would stay shut for two weeks.",
    "“We will not reopen it until engineers are satisfied,” Ortiz said.",
    "Three workers were hurt in the accident.",
    "The port authority blamed a faulty winch.",
]
LEDGER = [
    "The Harbour Bridge was closed on Monday night after a cargo crane hit its central span.",
    "Five workers were injured, according to the fire service.",
    "City officials said repairs could take a month.",
    "Port chief Liam Chen said the crane operator had followed every rule.",
]
WIRE = [
    "A crane collided with the Harbor Bridge late on Monday, city officials said.",
    "Commuters face long detours while the bridge is closed.",
    "The bridge last closed in 2019 for repainting.",
]


def analysis_of(article_id: str, sentences: list[str]) -> tuple[str, Analysis]:
    """The article text and an Analysis whose sentence offsets point into it."""
    parts, start, text = [], 0, ""
    for index, sentence in enumerate(sentences):
        parts.append(Sentence(index=index, text=sentence, start=start, end=start + len(sentence)))
        text += sentence + " "
        start = len(text)
    return text.rstrip(), Analysis(id=article_id, language="en", sentences=parts)


def mention(article: str, sentences: list[str], index: int) -> FactMention:
    return FactMention(article=article, sentence=index, text=sentences[index])


def build_comparison() -> Comparison:
    texts = {"herald-17": HERALD, "ledger.bridge": LEDGER, "wire/0042": WIRE}
    articles, analyses = [], []
    meta = {
        "herald-17": (
            "Crane strikes Harbor Bridge, closing it for repairs",
            "Coastal Herald",
            "2024-03-12T09:30:00Z",
        ),
        "ledger.bridge": ("Harbour Bridge shut after crane accident", "Daily Ledger", "2024-03-12"),
        "wire/0042": ("Harbor Bridge crash: what we know", "Metro Wire", None),
    }
    for article_id, sentences in texts.items():
        text, analysis = analysis_of(article_id, sentences)
        title, source, published = meta[article_id]
        articles.append(
            Article(
                id=article_id,
                text=text,
                title=title,
                source=source,
                published=published,
                url=f"https://news.example/{article_id}",
                path=f"{article_id}.txt",
            )
        )
        analyses.append(analysis)
    a, b, c = "herald-17", "ledger.bridge", "wire/0042"
    facts = [
        Fact(
            "f1",
            "corroborated",
            [mention(a, HERALD, 0), mention(b, LEDGER, 0), mention(c, WIRE, 0)],
            sources=["Coastal Herald", "Metro Wire"],
        ),
        Fact("f2", "disputed", [mention(a, HERALD, 3), mention(b, LEDGER, 1)]),
        Fact("f3", "disputed", [mention(a, HERALD, 1), mention(b, LEDGER, 2)]),
        Fact("f4", "single_source", [mention(a, HERALD, 4)]),
        Fact("f5", "single_source", [mention(b, LEDGER, 3)]),
        Fact("f6", "single_source", [mention(c, WIRE, 1)]),
        Fact("f7", "single_source", [mention(a, HERALD, 2)]),
        Fact("f8", "single_source", [mention(c, WIRE, 2)]),
    ]
    return Comparison(
        articles=articles,
        analyses=analyses,
        facts=facts,
        entities=[
            StoryEntity("e1", "Harbor Bridge", "FAC", ["Harbor Bridge", "Harbour Bridge"], [], [a, b, c]),
            StoryEntity("e2", "Ana Ortiz", "PERSON", ["Ortiz"], [Role("Mayor", 1, 0, 5, a)], [a]),
            StoryEntity("e3", "Liam Chen", "PERSON", [], [Role("Port chief", 3, 0, 10, b)], [b]),
        ],
        quotes=[
            StoryQuote(
                "Ortiz", "e2", "We will not reopen it until engineers are satisfied", True, a, 2, 1, 52
            ),
            StoryQuote(
                "Ana Ortiz", "e2", "the bridge would stay shut for two weeks", False, a, 1, 21, 61, "said"
            ),
            StoryQuote(
                "Liam Chen", "e3", "the crane operator had followed every rule", False, b, 3, 26, 68, "said"
            ),
            StoryQuote("City officials", None, "repairs could take a month", False, b, 2, 20, 46),
        ],
        discrepancies=[
            Discrepancy(
                "number",
                "workers injured",
                [DiscrepancyValue("three", a, 3, HERALD[3]), DiscrepancyValue("five", b, 1, LEDGER[1])],
                fact="f2",
            ),
            Discrepancy(
                "duration",
                "time the bridge stays closed",
                [
                    DiscrepancyValue("two weeks", a, 1, HERALD[1]),
                    DiscrepancyValue("a month", b, 2, LEDGER[2]),
                ],
                fact="f3",
            ),
        ],
        framing=[
            FramingDifference(
                "spelling",
                "Harbor Bridge",
                [WordingVariant(a, "Harbor Bridge", 0), WordingVariant(b, "Harbour Bridge", 0)],
            )
        ],
        timeline=[
            TimelineEntry("2024-03-11", "day", "Monday night", a, 0, "past"),
            TimelineEntry("2024-03-11", "day", "Monday night", b, 0, "past"),
            TimelineEntry("2019", "year", "in 2019", c, 2, "past"),
            TimelineEntry("2024-03-11", "day", "late on Monday", c, 0),
        ],
        brief=[
            BriefSentence(
                "A cargo crane struck the Harbor Bridge on Monday night; the bridge is closed.",
                [a, b, c],
                ["f1"],
                ["Coastal Herald", "Metro Wire"],
            ),
            BriefSentence(
                "The outlets disagree on how many workers were hurt: three or five.", [a, b], ["f2"]
            ),
        ],
        # The Daily Ledger relays the wire in its lead; the wire's own copy credits nobody.
        citations=[StoryCitation(b, "Metro Wire", "reports", 0, "Metro Wire")],
        copies=[CopyOf(c, a, 0.35)],
    )


@pytest.fixture
def comparison() -> Comparison:
    """A fresh copy per test, so a test may edit it (e.g. to plant hostile markup)."""
    return build_comparison()
