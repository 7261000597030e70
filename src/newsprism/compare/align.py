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

from newsprism.compare.actors import ActorIndex
from newsprism.compare.config import DEFAULT_ALIGN, AlignConfig
from newsprism.compare.crosslingual import crosslingual_block, decide, load_crosslingual, split_pairs
from newsprism.compare.links import LinkModel, load_model
from newsprism.compare.second_look import look_again
from newsprism.compare.signals import StorySignals, block_ranks, build_signals, story_pair_features
from newsprism.lang.events import EVENT_CLASSES
from newsprism.model import Analysis, Article, Fact, FactMention


@dataclass(frozen=True, slots=True)
class Link:
    """Two sentences (positions in `StorySignals.sentences`) that state the same claim."""

    first: int
    second: int
    probability: float


def article_pairs(signals: StorySignals) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Rows of every pair of articles that both have sentences, each pair once."""
    articles = sorted({s.article for s in signals.sentences})
    rows = {a: signals.rows_of(a) for a in articles}
    for n, a in enumerate(articles):
        for b in articles[n + 1 :]:
            yield rows[a], rows[b]


def find_links(
    signals: StorySignals,
    model: LinkModel,
    config: AlignConfig = DEFAULT_ALIGN,
    crosslingual: LinkModel | None = None,
) -> list[Link]:
    """Every link between sentences of different articles, strongest first; `config` bounds the
    pairs weighed between long articles. Two English articles are weighed by `model`; two
    articles in different languages, or in a language other than English, by `crosslingual`
    (by default the shipped model of compare/crosslingual.py). Where `model` has a second look,
    the likeliest pairs are weighed again by it (compare/second_look.py)."""
    links: list[Link] = []
    english, crossing = split_pairs(signals, list(article_pairs(signals)))
    blocks = story_pair_features(signals, english, config)
    probabilities = [model.probabilities(block.features) for block in blocks]
    if model.second is not None:
        probabilities = look_again(signals, blocks, probabilities, model.second, config.second_looks)
    for block, probability in zip(blocks, probabilities, strict=True):
        rows, cols = block.rows, block.cols
        rank_ab, rank_ba = block_ranks(block, probability)
        for k in np.flatnonzero(model.decide(probability, rank_ab, rank_ba)):
            links.append(Link(int(rows[block.ii[k]]), int(cols[block.jj[k]]), float(probability[k])))
    if crossing:
        crosslingual = crosslingual or load_crosslingual()
        for rows, cols in crossing:
            xblock = crosslingual_block(signals, rows, cols)
            probability, linked = decide(crosslingual, xblock)
            for k in np.flatnonzero(linked):
                links.append(Link(int(rows[xblock.ii[k]]), int(cols[xblock.jj[k]]), float(probability[k])))
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


# From a story's analyses to its facts -------------------------------------------------------------


def sentence_anchors(analysis: Analysis) -> dict[int, set[str]]:
    """Per sentence, the resolved dates and figures the analysis found in it.

    Actors are left out on purpose: names are already content words of the sentence (folded
    for diacritics), and adding them again made the main actors, who are everywhere in a
    story, weigh more than the specific details that tell one fact from another (ECB+ dev).
    """
    anchors: dict[int, set[str]] = {}
    for ref in analysis.dates:
        if ref.date:
            anchors.setdefault(ref.sentence, set()).add(f"@date:{ref.date}")
    for number in analysis.numbers:
        anchors.setdefault(number.sentence, set()).add(f"@num:{number.value:g}")
    return anchors


_EVENT_CLASS_NAMES = frozenset(EVENT_CLASSES.values())


def sentence_events(analysis: Analysis, actor_index: ActorIndex) -> dict[int, set[tuple[str, str, str]]]:
    """Per sentence, its (event class, role, argument) triples, with the article's entities
    replaced by the story-level actors they fold into, so "Erdogan" in one outlet and
    "Recep Tayyip Erdoğan" in another are one argument. A predicate of a listed event class
    also gives (class, "class", ""): the sentence tells of that kind of happening."""

    def story_key(key: str) -> str:
        if key.startswith("entity:"):
            actor = actor_index.get((analysis.id, key.removeprefix("entity:")))
            return f"actor:{actor}" if actor else key + "@" + analysis.id
        return key

    triples: dict[int, set[tuple[str, str, str]]] = {}
    for event in analysis.events:
        found = triples.setdefault(event.sentence, set())
        if event.agent:
            found.add((event.frame, "agent", story_key(event.agent)))
        found.update((event.frame, "theme", story_key(theme)) for theme in event.themes)
        if event.frame in _EVENT_CLASS_NAMES:
            found.add((event.frame, "class", ""))
    return triples


def story_signals(analyses: Sequence[Analysis], actor_index: ActorIndex) -> StorySignals:
    """What the aligner reads off each sentence of the story, embedded once."""
    return build_signals(
        analyses,
        actor_index,
        [sentence_anchors(a) for a in analyses],
        [sentence_events(a, actor_index) for a in analyses],
    )


def align_facts(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    actor_index: ActorIndex,
    model: LinkModel | None = None,
    config: AlignConfig = DEFAULT_ALIGN,
) -> list[Fact]:
    """Facts in reading order of their first mention: each claim that several outlets state
    (linked by `model`, by default the shipped one of `config.granularity`), then every sentence
    no link reaches as a fact of its own outlet. `actor_index` (from `fold_actors`) folds each
    outlet's names for the event triples and the shared actors."""
    model = model or load_model(config.granularity)
    signals = story_signals(analyses, actor_index)
    links = find_links(signals, model, config)
    probability = {(k.first, k.second): k.probability for k in links}
    probability.update({(k.second, k.first): k.probability for k in links})
    groups = group_links([s.article for s in signals.sentences], links, model.density)
    covered = {m for group in groups for m in group}
    groups.extend([pos] for pos in range(len(signals.sentences)) if pos not in covered)
    sents = signals.sentences

    def first(group: list[int]) -> tuple[int, int]:
        return min((sents[p].article, sents[p].sentence) for p in group)

    facts = []
    for number, group in enumerate(sorted(groups, key=first), start=1):
        mentions = []
        for pos in sorted(group, key=lambda p: (sents[p].article, sents[p].sentence)):
            start, end = stating_part(signals, pos, group)
            mentions.append(
                FactMention(
                    article=articles[sents[pos].article].id,
                    sentence=sents[pos].sentence,
                    text=sents[pos].text,
                    start=start,
                    end=end,
                )
            )
        # The weakest link between two outlets' mentions; a pair left unlinked counts as 0.
        cross = [
            probability.get((p, q), 0.0) for p in group for q in group if sents[p].article < sents[q].article
        ]
        facts.append(
            Fact(
                id=f"f{number}",
                status="corroborated" if len({m.article for m in mentions}) > 1 else "single_source",
                mentions=mentions,
                confidence=round(min(cross), 3) if cross else None,
            )
        )
    return facts
