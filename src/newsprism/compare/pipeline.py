"""Story -> Comparison: analyze each article once, align sentences into facts, read the differences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from newsprism.analyze.events import EVENT_CLASSES
from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import ActorIndex, fold_actors
from newsprism.compare.align import AlignConfig, SentenceRef, cluster_sentences
from newsprism.compare.brief import build_brief
from newsprism.compare.discrepancies import find_discrepancies
from newsprism.compare.embed import embed
from newsprism.compare.framing import find_framing, parse_role
from newsprism.compare.lexicon import fold
from newsprism.compare.timeline import build_timeline
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


def align_facts(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    actor_index: ActorIndex,
    config: AlignConfig | None = None,
) -> list[Fact]:
    """Every sentence of every article placed in exactly one fact, facts in reading order;
    `actor_index` (from `fold_actors`) folds each outlet's names for the event triples."""
    refs: list[SentenceRef] = []
    for i, analysis in enumerate(analyses):
        anchors = sentence_anchors(analysis)
        events = sentence_events(analysis, actor_index)
        refs.extend(
            SentenceRef(
                article=i,
                sentence=s.index,
                text=s.text,
                anchors=frozenset(anchors.get(s.index, ())),
                events=frozenset(events.get(s.index, ())),
            )
            for s in analysis.sentences
        )
    vectors = embed([r.text for r in refs])
    groups = cluster_sentences(refs, vectors, config)
    facts = []
    for number, group in enumerate(groups, start=1):
        mentions = [
            FactMention(article=articles[refs[p].article].id, sentence=refs[p].sentence, text=refs[p].text)
            for p in group
        ]
        sources = {m.article for m in mentions}
        facts.append(
            Fact(
                id=f"f{number}",
                status="corroborated" if len(sources) > 1 else "single_source",
                mentions=mentions,
            )
        )
    return facts


_LEADERS = "leader|president|prime minister|chancellor|premier"
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
    config: AlignConfig | None = None,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
) -> Comparison:
    """Compare the articles of one story. `analyses`, when given, must be in the same order."""
    articles = list(articles)
    if analyses is None:
        stream: Iterable[Article] = progress(articles) if progress else articles
        analyses = list(analyze(stream))
    analyses = list(analyses)
    by_id = {a.id: a for a in analyses}
    actors, actor_index = fold_actors(analyses)
    facts = align_facts(articles, analyses, actor_index, config)
    discrepancies = find_discrepancies(facts, by_id, actors, actor_index)
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
        framing=find_framing(facts, by_id, actors, actor_index),
        timeline=build_timeline(analyses),
        brief=build_brief(facts, discrepancies, articles),
        notes=notes,
    )
