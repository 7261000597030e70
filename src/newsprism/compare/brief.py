"""A few sentences a reader can trust: each one taken from the articles and citing its sources.

The brief is extractive on purpose. Generated prose could state something no outlet wrote;
a chosen sentence, with the facts and articles behind it, cannot. It opens with what most
outlets report, then says where they differ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.model import Article, BriefSentence, Discrepancy, Fact


def _label(article: Article) -> str:
    return article.source or article.title or article.id


# A whole quotation, or the opening of one that runs on into the next sentence.
_BARE_QUOTE = re.compile(r"""\s*["“][^"“”]*(["”]\s*[.!?]?)?\s*""")


def bare_quotation(text: str) -> bool:
    """A sentence that is nothing but a quotation: without its speaker, a brief cannot use it."""
    return _BARE_QUOTE.fullmatch(text) is not None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def prose(text: str) -> bool:
    """A sentence of running prose: five words or more, three of them lower-case. A dateline
    ("Monday, March 3, 2025"), a byline or a Title Case headline says no claim of its own."""
    words = _WORD.findall(text)
    return len(words) >= 5 and sum(w[0].islower() for w in words) >= 3


def _representative(fact: Fact) -> tuple[str, str] | None:
    """The mention that best stands for a fact: the earliest in its article, then the shortest,
    skipping a bare quotation whose speaker is in another sentence and anything that is not
    prose; None if that is all."""
    usable = [m for m in fact.mentions if prose(m.text) and not bare_quotation(m.text)]
    if not usable:
        return None
    best = min(usable, key=lambda m: (m.sentence, len(m.text)))
    return best.article, best.text


def prominence(fact: Fact, lead_decay: float = DEFAULT_CONFIG.lead_decay) -> float:
    """How much the outlets make of a fact: each outlet counts, the more the nearer its lead.

    News is written top-down, so an outlet's first sentences carry what it judges most
    important; a fact in two leads outranks a detail three outlets mention lower down.
    Each outlet adds 1 / (1 + position / lead_decay): 1 for a lead, 0.5 `lead_decay` sentences in.
    """
    first: dict[str, int] = {}
    for m in fact.mentions:
        first[m.article] = min(first.get(m.article, m.sentence), m.sentence)
    return sum(1.0 / (1.0 + position / lead_decay) for position in first.values())


def _differences(
    discrepancies: Sequence[Discrepancy], articles: Mapping[str, Article], limit: int
) -> list[BriefSentence]:
    out: list[BriefSentence] = []
    for disc in discrepancies[:limit]:
        parts = []
        sources: list[str] = []
        for value in disc.values:
            if value.article in sources:
                continue
            sources.append(value.article)
            parts.append(f"{_label(articles[value.article])} gives {value.value}")
        text = f"Outlets differ on {disc.subject} ({disc.kind}): " + "; ".join(parts) + "."
        out.append(BriefSentence(text=text, sources=sources, facts=[disc.fact] if disc.fact else []))
    return out


def build_brief(
    facts: Sequence[Fact],
    discrepancies: Sequence[Discrepancy],
    articles: Sequence[Article],
    trust: float = 0.0,
    config: CompareConfig = DEFAULT_CONFIG,
) -> list[BriefSentence]:
    """Up to `config.brief_agreed` corroborated facts, those resting on the most independent
    sources first (`Fact.sources`), then the most prominent (see `prominence`), then up to
    `config.brief_differences` differences.

    A fact stands in the brief only when its weakest link between outlets reaches `trust`: a
    brief sentence cites every outlet of its fact, so one doubtful link would make it cite an
    outlet that does not say what the sentence says. Every mention of such a fact is linked to
    every other outlet's, so each outlet cited states the claim itself.
    """
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    corroborated = [f for f in facts if f.status != "single_source"]
    shared = [f for f in corroborated if (f.confidence if f.confidence is not None else 1.0) >= trust]

    brief: list[BriefSentence] = []
    ranked = sorted(
        shared,
        key=lambda f: (
            -len(f.sources),
            -prominence(f, config.lead_decay),
            min(m.sentence for m in f.mentions),
        ),
    )
    for fact in ranked:
        chosen = _representative(fact)
        if chosen is None:
            continue
        sources = sorted({m.article for m in fact.mentions}, key=order.__getitem__)
        brief.append(
            BriefSentence(text=chosen[1], sources=sources, facts=[fact.id], independent=list(fact.sources))
        )
        if len(brief) == config.brief_agreed:
            break
    if not corroborated and facts:
        # Nothing shared (one article, or outlets that agree on nothing): lead with each lead.
        for article in articles[: config.brief_agreed]:
            lead = next((f for f in facts if any(m.article == article.id for m in f.mentions)), None)
            if lead is not None:
                mention = next(m for m in lead.mentions if m.article == article.id)
                brief.append(BriefSentence(text=mention.text, sources=[article.id], facts=[lead.id]))
    brief.extend(_differences(discrepancies, by_id, config.brief_differences))
    return brief
