"""A few sentences a reader can trust: each one taken from the articles and citing its sources.

The brief is extractive on purpose. Generated prose could state something no outlet wrote;
a chosen sentence, with the facts and articles behind it, cannot. It opens with what most
outlets report, then says where they differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.model import Article, BriefSentence, Discrepancy, Fact

MAX_AGREED = 4
MAX_DIFFERENCES = 2


def _label(article: Article) -> str:
    return article.source or article.title or article.id


def _representative(fact: Fact) -> tuple[str, str]:
    """The mention that best stands for a fact: the earliest in its article, then the shortest."""
    best = min(fact.mentions, key=lambda m: (m.sentence, len(m.text)))
    return best.article, best.text


def _differences(
    discrepancies: Sequence[Discrepancy], articles: Mapping[str, Article]
) -> list[BriefSentence]:
    out: list[BriefSentence] = []
    for disc in discrepancies[:MAX_DIFFERENCES]:
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
    facts: Sequence[Fact], discrepancies: Sequence[Discrepancy], articles: Sequence[Article]
) -> list[BriefSentence]:
    """Up to four corroborated facts, widest agreement first, then up to two differences."""
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    shared = [f for f in facts if f.status != "single_source"]

    def reach(fact: Fact) -> tuple[int, int]:
        n_articles = len({m.article for m in fact.mentions})
        first = min(m.sentence for m in fact.mentions)
        return (-n_articles, first)

    brief: list[BriefSentence] = []
    for fact in sorted(shared, key=reach)[:MAX_AGREED]:
        _, text = _representative(fact)
        sources = sorted({m.article for m in fact.mentions}, key=order.__getitem__)
        brief.append(BriefSentence(text=text, sources=sources, facts=[fact.id]))
    if not brief and facts:
        # Nothing shared (one article, or outlets that agree on nothing): lead with each lead.
        for article in articles[:MAX_AGREED]:
            lead = next((f for f in facts if any(m.article == article.id for m in f.mentions)), None)
            if lead is not None:
                mention = next(m for m in lead.mentions if m.article == article.id)
                brief.append(BriefSentence(text=mention.text, sources=[article.id], facts=[lead.id]))
    brief.extend(_differences(discrepancies, by_id))
    return brief
