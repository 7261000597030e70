"""A story's source graph, read from its stored comparison JSON: who cites whom, what is a copy,
and how many independent sources stand behind each corroborated fact.

Read from the stored dict itself, not from the report view: a comparison stored before version 3
has none of these fields, and the page then simply leaves the section out. The dict was written
by newsprism, but an archive outlives versions, so anything of an unexpected shape is skipped
rather than trusted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.render.view import CITATION_HOW, letter_label


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article of the story as a reader finds it on the page: its letter, and its outlet as
    the archive names it (source, else the article's id: `store.story_rows.outlet_of_article`)."""

    id: str
    label: str
    outlet: str


@dataclass(frozen=True, slots=True)
class CitationRow:
    article: ArticleRef
    cited: str
    how: str
    sentence: int | None
    text: str
    """The citing sentence when the comparison names it, else the words that cite."""

    @property
    def anchor(self) -> str | None:
        """The sentence's id in the side-by-side columns."""
        return None if self.sentence is None else f"{self.article.label}-s{self.sentence}"


@dataclass(frozen=True, slots=True)
class CopyRow:
    copy: ArticleRef
    original: ArticleRef
    percent: int | None
    """How much of the copy's wording is the original's, in per cent; None when not stated."""


@dataclass(frozen=True, slots=True)
class Edge:
    target: str
    how: str


@dataclass(frozen=True, slots=True)
class GraphRow:
    """One outlet of the story and what it rests on: the outlets it cites, the articles it copies."""

    outlet: str
    labels: list[str]
    edges: list[Edge]


@dataclass(frozen=True, slots=True)
class Corroboration:
    fact: str
    text: str
    outlets: int
    sources: list[str]

    @property
    def summary(self) -> str:
        """'4 outlets, 2 independent: AP and Reuters'; one source is said to be the only one."""
        count = f"{self.outlets} {'outlet' if self.outlets == 1 else 'outlets'}"
        if len(self.sources) == 1:
            return f"{count}, one independent source: all rest on {self.sources[0]}"
        return f"{count}, {len(self.sources)} independent: {_and(self.sources)}"


@dataclass(frozen=True, slots=True)
class SourceGraph:
    rows: list[GraphRow] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)
    copies: list[CopyRow] = field(default_factory=list)
    corroborations: list[Corroboration] = field(default_factory=list)


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _index(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _rows(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    rows = data.get(name)
    return [row for row in rows if isinstance(row, Mapping)] if isinstance(rows, list) else []


def _has_sources(data: Mapping[str, Any]) -> bool:
    return any(isinstance(f.get("sources"), list) for f in _rows(data, "facts"))


def source_graph(data: Mapping[str, Any]) -> SourceGraph | None:
    """The story's source graph, or None for a comparison stored before sources were recorded."""
    if "citations" not in data and "copies" not in data and not _has_sources(data):
        return None
    refs: dict[str, ArticleRef] = {}
    sentences: dict[str, dict[int, str]] = {}
    for position, article in enumerate(_rows(data, "articles")):
        article_id = _text(article.get("id"))
        if article_id is None or article_id in refs:
            continue
        outlet = _text(article.get("source")) or article_id
        refs[article_id] = ArticleRef(article_id, letter_label(position), outlet)
        sentences[article_id] = {
            index: text
            for s in _rows(article, "sentences")
            if (index := _index(s.get("index"))) is not None and (text := _text(s.get("text"))) is not None
        }
    citations = []
    for c in _rows(data, "citations"):
        citing, cited = refs.get(_text(c.get("article")) or ""), _text(c.get("outlet"))
        if citing is None or cited is None:
            continue
        sentence = _index(c.get("sentence"))
        said = sentences[citing.id].get(sentence) if sentence is not None else None
        if said is None:
            sentence = None
        kind = c.get("kind")
        how = CITATION_HOW.get(kind, kind) if isinstance(kind, str) and kind else "cites"
        citations.append(CitationRow(citing, cited, how, sentence, said or _text(c.get("text")) or ""))
    copies = []
    for c in _rows(data, "copies"):
        copy, original = refs.get(_text(c.get("article")) or ""), refs.get(_text(c.get("original")) or "")
        if copy is None or original is None:
            continue
        similarity = c.get("similarity")
        percent = (
            round(similarity * 100)
            if isinstance(similarity, int | float)
            and not isinstance(similarity, bool)
            and 0 <= similarity <= 1
            else None
        )
        copies.append(CopyRow(copy, original, percent))
    return SourceGraph(
        _graph_rows(list(refs.values()), citations, copies), citations, copies, _corroborations(data, refs)
    )


def _graph_rows(
    refs: list[ArticleRef], citations: list[CitationRow], copies: list[CopyRow]
) -> list[GraphRow]:
    """One row per outlet of the story, in the order the story lists its articles."""
    labels: dict[str, list[str]] = {}
    edges: dict[str, list[Edge]] = {}
    for ref in refs:
        labels.setdefault(ref.outlet, []).append(ref.label)
        edges.setdefault(ref.outlet, [])
    for c in citations:
        edge = Edge(c.cited, c.how)
        if edge not in edges[c.article.outlet]:
            edges[c.article.outlet].append(edge)
    for copy in copies:
        edge = Edge(copy.original.outlet, "copies")
        if edge not in edges[copy.copy.outlet]:
            edges[copy.copy.outlet].append(edge)
    return [GraphRow(outlet, labels[outlet], edges[outlet]) for outlet in labels]


def _corroborations(data: Mapping[str, Any], refs: Mapping[str, ArticleRef]) -> list[Corroboration]:
    found = []
    for fact in _rows(data, "facts"):
        sources = fact.get("sources")
        if fact.get("status") != "corroborated" or not isinstance(sources, list):
            continue
        names = [s for s in dict.fromkeys(sources) if isinstance(s, str) and s]
        mentions = _rows(fact, "mentions")
        outlets = {ref.outlet for m in mentions if (ref := refs.get(_text(m.get("article")) or ""))}
        if not names or not outlets:
            continue
        text = next((t for m in mentions if (t := _text(m.get("text")))), "")
        found.append(Corroboration(str(fact.get("id", "")), text, len(outlets), names))
    return found
