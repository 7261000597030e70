"""Story -> Comparison: analyze each article once, align sentences into facts, read the differences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import ActorIndex, fold_actors
from newsprism.compare.align import find_links, group_links, stating_part
from newsprism.compare.brief import build_brief
from newsprism.compare.config import DEFAULT_ALIGN, DEFAULT_CONFIG, AlignConfig, CompareConfig
from newsprism.compare.discrepancies import find_discrepancies
from newsprism.compare.framing import find_framing, parse_role
from newsprism.compare.links import LinkModel, load_model
from newsprism.compare.signals import StorySignals, build_signals
from newsprism.compare.timeline import build_timeline
from newsprism.lang.events import EVENT_CLASSES
from newsprism.lang.fold import fold
from newsprism.lang.offices import LEADER_TITLES
from newsprism.model import (
    Analysis,
    Article,
    Comparison,
    Fact,
    FactMention,
    StoryEntity,
    StoryQuote,
)

ONE_ARTICLE_NOTE = (
    "Only one article was given: one article is not a story, so this is its analysis, "
    "with nothing to corroborate or contradict."
)


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


_LEADERS = "|".join(LEADER_TITLES)
_TITLE = re.compile(rf"^the (?:([a-z]+) )?({_LEADERS})$")
# "Vice President X" is not "the president"; nor is a former one.
_HEAD_OF_STATE = re.compile(rf"(?<!vice )(?<!deputy )(?<!former )\b({_LEADERS})\b")


def _plain(text: str) -> str:
    """Folded and without dots, so "U.S. President" and "the US president" compare."""
    return fold(text).replace(".", "")


def described_actor(speaker: str, actors: Sequence[StoryEntity]) -> StoryEntity | None:
    """The actor a descriptive speaker stands for: "the Ukrainian leader" is the one person some
    outlet of the story calls "Ukrainian President ...", "the president" the one person any
    outlet calls a president; None unless exactly one fits.

    Reporters name a leader once and then describe them; the article alone cannot say which
    leader is Ukrainian, but the roles the outlets give together often can.
    """
    match = _TITLE.match(_plain(speaker))
    if match is None:
        return _titled_actor(speaker, actors)
    country, title = match.groups()

    def fits(role: str) -> bool:
        # "leader" is any head of government; "president" must be called a president.
        said = [m.group(1) for m in _HEAD_OF_STATE.finditer(role)]
        if not (said if title == "leader" else title in said):
            return False
        return country is None or country in role.split()

    return _the_one(actors, lambda role: fits(_plain(role)))


_DESCRIBED = re.compile(r"^the (?:([a-z]+) )?([a-z]+)$")


def _titled_actor(speaker: str, actors: Sequence[StoryEntity]) -> StoryEntity | None:
    """ "the congressman", "the Democratic senator", "the spokesman": the one person whose role,
    in some outlet, is that office (abbreviations and synonyms folded: "Rep." is a congressman),
    with the qualifier among its words; None unless exactly one fits."""
    match = _DESCRIBED.match(_plain(speaker))
    if match is None:
        return None
    qualifier, title = match.groups()
    wanted = parse_role(title)
    if wanted is None:
        return None

    def fits(role: str) -> bool:
        parts = parse_role(role)
        words = _plain(role).split()
        if parts is None or parts.head != wanted.head or parts.former or parts.ranks or "prime" in words:
            return False  # a former or deputy one is not "the senator", a prime minister not "the minister"
        return qualifier is None or qualifier in words

    return _the_one(actors, fits)


def _the_one(actors: Sequence[StoryEntity], fits: Callable[[str], bool]) -> StoryEntity | None:
    """The only person with a role that fits; None for nobody, and for two or more."""
    found = [a for a in actors if a.type == "PERSON" and any(fits(r.role) for r in a.roles)]
    return found[0] if len(found) == 1 else None


def story_quotes(
    analyses: Sequence[Analysis], actors: Sequence[StoryEntity], actor_index: ActorIndex
) -> list[StoryQuote]:
    """Quotes of all articles, each speaker mapped to the story-level actor where one is known."""
    names = {a.id: a.name for a in actors}
    out = []
    for analysis in analyses:
        for q in analysis.quotes:
            entity = actor_index.get((analysis.id, q.speaker_entity)) if q.speaker_entity else None
            if entity is None and q.speaker:
                described = described_actor(q.speaker, actors)
                entity = described.id if described else None
            out.append(
                StoryQuote(
                    speaker=names.get(entity, q.speaker) if entity else q.speaker,
                    speaker_entity=entity,
                    text=q.text,
                    direct=q.direct,
                    article=analysis.id,
                    sentence=q.sentence,
                    start=q.start,
                    end=q.end,
                    cue=q.cue,
                )
            )
    return out


def compare(
    articles: Sequence[Article],
    analyses: Sequence[Analysis] | None = None,
    *,
    config: CompareConfig = DEFAULT_CONFIG,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
) -> Comparison:
    """Compare the articles of one story. `analyses`, when given, must be in the same order;
    `config` holds the alignment (`config.align.granularity`: "claim", sentences that state the
    same claim are one fact, or "event", sentences about the same happening are) and every
    threshold of the rules after it (see `CompareConfig`)."""
    articles = list(articles)
    if analyses is None:
        stream: Iterable[Article] = progress(articles) if progress else articles
        analyses = list(analyze(stream))
    analyses = list(analyses)
    by_id = {a.id: a for a in analyses}
    actors, actor_index = fold_actors(analyses)
    model = load_model(config.align.granularity)
    facts = align_facts(articles, analyses, actor_index, model, config.align)
    discrepancies = find_discrepancies(facts, by_id, actors, actor_index, config)
    disputed = {d.fact for d in discrepancies if d.fact}
    for fact in facts:
        if fact.id in disputed and fact.status == "corroborated":
            fact.status = "disputed"
    notes = [ONE_ARTICLE_NOTE] if len(articles) == 1 else []
    return Comparison(
        articles=articles,
        analyses=analyses,
        facts=facts,
        entities=actors,
        quotes=story_quotes(analyses, actors, actor_index),
        discrepancies=discrepancies,
        framing=find_framing(facts, by_id, actors, actor_index, config),
        timeline=build_timeline(analyses),
        brief=build_brief(facts, discrepancies, articles, model.trust, config),
        notes=notes,
    )
