"""Who cites whom inside a story, which reports are copies, and how many sources are independent.

Three outlets agreeing is strong evidence only when they found it out separately. Most agreement
in real news is one agency's copy, rewritten: a fact four outlets state may rest on one report.
This module reads what analysis already found (the outlets each article cites, and how) and what
the words show (an article that repeats another's text), and counts for every fact the sources
behind it rather than the outlets that print it.

The independence rule, per fact:
- a copy counts as its original (a wire copy and the agency's own story are one report);
- a mention whose sentence cites an outlet ("..., Reuters reported") rests on that outlet;
- otherwise a mention rests on what its article credits as a whole: a credit line
  ("Reporting contributed by Reuters", "(AP)") or an attribution in the article's first
  sentence ("..., the Guardian reports"), because a rewrite names its source once, up front;
- otherwise on the article's own outlet.
Sources joined by a mention (an outlet relaying one other outlet) are one source; the count is
the number of groups left. A mention crediting two outlets at once rests on both, and so joins
neither to the outlet printing it. This undercounts rather than overcounts: a credit line may
cover only part of an article, and the report says "rests on" rather than "copied from".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsprism.lang.outlets import WIRE_AGENCIES, outlet_key, outlet_name
from newsprism.model import Analysis, Article, CopyOf, Fact, StoryCitation
from newsprism.stories.dedup import DEFAULT_THRESHOLD, body_words, find_duplicates

SHINGLE = 5
"""Words per shingle for the similarity a report shows beside a copy."""

_WIRE_KEYS = frozenset(outlet_key(outlet_name(name)) for name in WIRE_AGENCIES)


def own_outlet(article: Article) -> str:
    """The outlet an article is from, in the house spelling; an article whose outlet is not
    known is its own outlet, named by its id (a file's name)."""
    return outlet_name(article.source) if article.source else article.id


def story_citations(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[StoryCitation]:
    """Every citation of another outlet, in article then reading order. An outlet naming itself
    ("told The Moscow Times" in The Moscow Times) cites no other source and is left out."""
    by_id = {a.id: a for a in analyses}
    out: list[StoryCitation] = []
    for article in articles:
        analysis = by_id.get(article.id)
        if analysis is None:
            continue
        own = outlet_key(own_outlet(article))
        for citation in analysis.citations:
            if outlet_key(citation.outlet) == own:
                continue
            out.append(
                StoryCitation(
                    article=article.id,
                    outlet=citation.outlet,
                    kind=citation.kind,
                    sentence=citation.sentence,
                    text=citation.text,
                )
            )
    return out


def _shingles(text: str) -> set[tuple[str, ...]]:
    """Word shingles of the text as the duplicate index reads it: without site furniture."""
    words = body_words(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def find_copies(articles: Sequence[Article], threshold: float = DEFAULT_THRESHOLD) -> list[CopyOf]:
    """Articles that copy an earlier one of the story, by the same test the story index uses
    (stories/dedup.py). Earliest published first, so the original is the one that came first;
    articles without a date keep their given order after the dated ones."""
    order = sorted(
        range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i)
    )
    by_id: dict[str, Article] = {}
    for i in order:  # an id given twice is one article to the story index; its earliest text stands
        by_id.setdefault(articles[i].id, articles[i])
    ordered = list(by_id.values())
    out = []
    for article_id, original in find_duplicates(ordered, threshold):
        if original is None:
            continue
        a, b = _shingles(by_id[article_id].text), _shingles(by_id[original].text)
        out.append(CopyOf(article_id, original, round(len(a & b) / max(1, len(a | b)), 3)))
    return out


class _Groups:
    """Union-find over source names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _display(names: Iterable[str], cited: set[str]) -> str:
    """A group's name: a wire agency in it, else an outlet someone cites, else the first name."""
    return min(names, key=lambda n: (outlet_key(n) not in _WIRE_KEYS, n not in cited, n.casefold()))


def attach_sources(
    facts: Sequence[Fact],
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    copies: Sequence[CopyOf],
) -> None:
    """Set every fact's `sources`: the independent sources behind it (see the module docstring)."""
    original = {c.article: c.original for c in copies}
    articles_by_id: Mapping[str, Article] = {a.id: a for a in articles}
    in_sentence: dict[tuple[str, int], set[str]] = {}
    basis: dict[str, set[str]] = {}
    for analysis in analyses:
        article = articles_by_id.get(analysis.id)
        if article is None:
            continue
        own = outlet_key(own_outlet(article))
        first = min((s.index for s in analysis.sentences), default=0)
        for citation in analysis.citations:
            if outlet_key(citation.outlet) == own:
                continue
            if citation.sentence is not None:
                in_sentence.setdefault((analysis.id, citation.sentence), set()).add(citation.outlet)
            if citation.sentence is None or citation.sentence == first:
                basis.setdefault(analysis.id, set()).add(citation.outlet)
    for fact in facts:
        groups = _Groups()
        names: set[str] = set()
        cited: set[str] = set()
        for mention in fact.mentions:
            article_id = original.get(mention.article, mention.article)
            article = articles_by_id.get(article_id)
            own = own_outlet(article) if article else article_id
            rests_on = in_sentence.get((mention.article, mention.sentence)) or basis.get(mention.article)
            if not rests_on:
                names.add(own)
                groups.find(own)
                continue
            names.update(rests_on)
            cited.update(rests_on)
            for name in rests_on:
                groups.find(name)
            if len(rests_on) == 1:
                groups.join(own, next(iter(rests_on)))
        members: dict[str, list[str]] = {}
        for name in names:
            members.setdefault(groups.find(name), []).append(name)
        # Outlets only joined through a relay (the rewrite itself) are not sources of their own.
        fact.sources = sorted((_display(group, cited) for group in members.values()), key=str.casefold)
