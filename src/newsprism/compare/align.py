"""Claims -> links -> facts: which sentences of different outlets state the same thing.

Links first: every pair of sentences of two different articles is weighed by the learned model
of compare/links.py, many-to-many, so one sentence may be linked to several sentences of another
outlet, and to sentences of several outlets, each for a claim of its own.

Then facts, from the links alone, without chaining: a fact grows from its strongest link, and a
sentence joins it only when it is linked to (at the claim level) every mention of the other
outlets already in it, or (at the event level) to the share `LinkModel.density` of them. A
sentence that states two claims joins two facts; two facts never merge through one sentence they
share. So a fact's mentions are, pair by pair, claims the model judged the same, and a brief
citing them cites only outlets that state what it says.

Each mention keeps the part of its sentence (a clause or a quotation) closest in meaning to the
fact's other mentions, so a report can show which words state the claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.compare.config import DEFAULT_ALIGN, AlignConfig
from newsprism.compare.links import LinkModel
from newsprism.compare.signals import PairBlock, StorySignals, ranks, story_pair_features


@dataclass(frozen=True, slots=True)
class Link:
    """Two sentences (positions in `StorySignals.sentences`) that state the same claim."""

    first: int
    second: int
    probability: float


def block_ranks(block: PairBlock, probability: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each weighed pair's rank by probability among the other article's sentences, from each
    side (0: the sentence's best match there)."""
    dense = np.full((len(block.rows), len(block.cols)), -1.0)
    dense[block.ii, block.jj] = probability
    return ranks(dense)[block.ii, block.jj], ranks(dense.T).T[block.ii, block.jj]


def article_pairs(signals: StorySignals) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Rows of every pair of articles that both have sentences, each pair once."""
    articles = sorted({s.article for s in signals.sentences})
    rows = {a: signals.rows_of(a) for a in articles}
    for n, a in enumerate(articles):
        for b in articles[n + 1 :]:
            yield rows[a], rows[b]


def find_links(signals: StorySignals, model: LinkModel, config: AlignConfig = DEFAULT_ALIGN) -> list[Link]:
    """Every link between sentences of different articles, strongest first; `config` bounds the
    pairs weighed between long articles."""
    links: list[Link] = []
    for block in story_pair_features(signals, list(article_pairs(signals)), config):
        rows, cols = block.rows, block.cols
        probability = model.probabilities(block.features)
        rank_ab, rank_ba = block_ranks(block, probability)
        for k in np.flatnonzero(model.decide(probability, rank_ab, rank_ba)):
            links.append(Link(int(rows[block.ii[k]]), int(cols[block.jj[k]]), float(probability[k])))
    links.sort(key=lambda link: (-link.probability, link.first, link.second))
    return links


def group_links(article: Sequence[int], links: list[Link], density: float = 1.0) -> list[list[int]]:
    """Facts from links, strongest link first; see the module docstring for the rule.

    `article` gives each sentence position's article. A fact is a list of sentence positions;
    facts may share sentences, and none is a subset of another.
    """
    linked = {(link.first, link.second) for link in links} | {(link.second, link.first) for link in links}
    facts: list[list[int]] = []
    member_of: dict[int, list[int]] = {}

    def fits(candidate: int, fact: list[int]) -> bool:
        others = [m for m in fact if article[m] != article[candidate]]
        hits = sum((candidate, m) in linked for m in others)
        return bool(others) and hits >= max(1.0, density * len(others) - 1e-9)

    for link in links:
        placed = False
        for one, other in ((link.first, link.second), (link.second, link.first)):
            for index in member_of.get(one, []):
                fact = facts[index]
                if other in fact:
                    placed = True
                elif fits(other, fact):
                    fact.append(other)
                    member_of.setdefault(other, []).append(index)
                    placed = True
            if placed:
                break
        if not placed:
            member_of.setdefault(link.first, []).append(len(facts))
            member_of.setdefault(link.second, []).append(len(facts))
            facts.append([link.first, link.second])
    unique = sorted({tuple(sorted(f)) for f in facts}, key=lambda f: (len(f), f), reverse=True)
    kept: list[set[int]] = []
    for members in unique:
        if not any(set(members) <= bigger for bigger in kept):
            kept.append(set(members))
    return [sorted(f) for f in kept]


def stating_part(signals: StorySignals, member: int, fact: list[int]) -> tuple[int, int]:
    """The character span of the part of a mention's sentence (the sentence itself, a clause or
    a quotation) closest in meaning to the fact's mentions in other articles."""
    spans = signals.part_spans[member]
    others = [m for m in fact if signals.sentences[m].article != signals.sentences[member].article]
    if len(spans) == 1 or not others:
        return spans[0]
    target = signals.vectors[others].mean(axis=0)
    scores = signals.part_vectors[member] @ target
    return spans[int(np.argmax(scores))]
