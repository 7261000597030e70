"""The lookups and the conflict test that every discrepancy rule shares.

The rules for numbers, dates, places, participants, attendance and roles live in their own
modules, but all of them read the same story the same way: a sentence is addressed by (article
id, sentence index), its values (the references analysis emitted: figures, dates, places, lists
of people, attendance claims) are looked up once per story, and two sentences conflict only
when each holds a value that no comparable value of the other agrees with ("rose from 12 to 15"
against "15" is agreement). Keeping that in one place keeps the rules agreeing on what a
conflict is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from newsprism.analyze.entities import PLACE_LABELS
from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.spelling import respelled
from newsprism.lang.lexicon import content_stems
from newsprism.lang.names import name_key, plain_key
from newsprism.model import (
    Analysis,
    AttendanceRef,
    DateRef,
    Discrepancy,
    DiscrepancyValue,
    Fact,
    ListRef,
    NumberRef,
    PlaceRef,
    Sentence,
    StoryEntity,
)

T = TypeVar("T")
Where = tuple[str, int]  # (article id, sentence index)


@dataclass(slots=True)
class StoryView:
    """Lookups over the story's analyses, built once per call."""

    sentences: dict[Where, Sentence] = field(default_factory=dict)
    numbers: dict[Where, list[NumberRef]] = field(default_factory=dict)
    dates: dict[Where, list[DateRef]] = field(default_factory=dict)
    # (actor id, type, start, end) of every entity mention, per sentence, in reading order
    mentions: dict[Where, list[tuple[str, str, int, int]]] = field(default_factory=dict)
    attendance: dict[Where, list[AttendanceRef]] = field(default_factory=dict)
    lists: dict[Where, list[ListRef]] = field(default_factory=dict)
    places: dict[Where, list[PlaceRef]] = field(default_factory=dict)
    # (article id, entity id) -> the story actor it folds into, and the entity's type
    actor_of: dict[tuple[str, str], str] = field(default_factory=dict)
    type_of: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    _words: dict[str, set[str]] = field(default_factory=dict)  # article -> its words, name-keyed
    facts_of: dict[Where, list[str]] = field(default_factory=dict)
    places_together: set[frozenset[str]] = field(default_factory=set)
    _stems: dict[Where, frozenset[str]] = field(default_factory=dict)
    config: CompareConfig = DEFAULT_CONFIG  # the thresholds the rules read, respelling among them

    def stems(self, where: Where) -> frozenset[str]:
        """Content stems of a sentence, its dates cut out (so a dateline has next to none)."""
        if where not in self._stems:
            sentence = self.sentences.get(where)
            text = sentence.text if sentence else ""
            for ref in sorted(self.dates.get(where, []), key=lambda d: -d.start):
                if sentence is not None:
                    lo, hi = ref.start - sentence.start, ref.end - sentence.start
                    text = text[: max(0, lo)] + " " + text[max(0, hi) :]
            self._stems[where] = content_stems(text)
        return self._stems[where]

    def names_person(self, article: str, name: str) -> bool:
        """Whether an article names someone anywhere, by surname, however spelled: cheap, and
        blind to how the entity reader split or typed the name there."""
        words = plain_key(name).split()
        if not words:
            return False
        surname, known = words[-1], self.words(article)
        return surname in known or any(
            w[:1] == surname[:1] and respelled(surname, w, self.config) for w in known
        )

    def names_place(self, article: str, name: str) -> bool:
        words = plain_key(name).split()
        return bool(words) and all(w in self.words(article) for w in words)

    def words(self, article: str) -> set[str]:
        """An article's words as name keys, read on first need (few stories ever ask)."""
        if article not in self._words:
            texts = [s.text for (art, _), s in self.sentences.items() if art == article]
            self._words[article] = set(plain_key(" ".join(texts)).split())
        return self._words[article]

    def actor(self, article: str, entity: str) -> str:
        """The story actor an entity of an article folds into; an entity it does not know stands
        for itself."""
        return self.actor_of.get((article, entity), entity)

    def text(self, where: Where) -> str:
        sentence = self.sentences.get(where)
        return sentence.text if sentence else ""

    def value(self, value: str, where: Where) -> DiscrepancyValue:
        return DiscrepancyValue(value=value, article=where[0], sentence=where[1], text=self.text(where))


def build_story_view(
    facts: Sequence[Fact],
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
    config: CompareConfig = DEFAULT_CONFIG,
) -> StoryView:
    """Index the story once, so that each rule looks values up by sentence instead of scanning
    every analysis again."""
    story = StoryView(names={a.id: a.name for a in actors}, config=config)
    for article, analysis in analyses.items():
        for sentence in analysis.sentences:
            story.sentences[(article, sentence.index)] = sentence
        for number in analysis.numbers:
            story.numbers.setdefault((article, number.sentence), []).append(number)
        for ref in analysis.dates:
            story.dates.setdefault((article, ref.sentence), []).append(ref)
        for entity in analysis.entities:
            # Without a folded actor an entity still meets its namesakes by key.
            actor = actor_index.get((article, entity.id)) or "key:" + name_key(entity.key or entity.name)
            story.names.setdefault(actor, entity.name)
            story.actor_of[(article, entity.id)] = actor
            story.type_of[(article, entity.id)] = entity.type
            for m in entity.mentions:
                found = story.mentions.setdefault((article, m.sentence), [])
                found.append((actor, entity.type, m.start, m.end))
        for claim in analysis.attendance:
            story.attendance.setdefault((article, claim.sentence), []).append(claim)
        for listed in analysis.lists:
            story.lists.setdefault((article, listed.sentence), []).append(listed)
        for place in analysis.places:
            story.places.setdefault((article, place.sentence), []).append(place)
    for found in story.mentions.values():
        found.sort(key=lambda item: item[2])
        places = sorted({actor for actor, kind, _, _ in found if kind in PLACE_LABELS})
        story.places_together.update(frozenset((a, b)) for n, a in enumerate(places) for b in places[n + 1 :])
    for fact in facts:
        for mention in fact.mentions:
            story.facts_of.setdefault((mention.article, mention.sentence), []).append(fact.id)
    return story


def mutual_conflicts(
    first: list[tuple[Where, T]],
    second: list[tuple[Where, T]],
    comparable: Callable[[T, T], bool],
    consistent: Callable[[T, T], bool],
) -> list[tuple[tuple[Where, T], tuple[Where, T]]]:
    """Pairs of comparable, inconsistent values, kept only when each side has a value that no
    comparable value of the other side agrees with."""

    def unmatched(mine: list[tuple[Where, T]], theirs: list[tuple[Where, T]]) -> list[tuple[Where, T]]:
        out = []
        for item in mine:
            peers = [other for other in theirs if comparable(item[1], other[1])]
            if peers and not any(consistent(item[1], other[1]) for other in peers):
                out.append(item)
        return out

    lonely_first, lonely_second = unmatched(first, second), unmatched(second, first)
    return [
        (a, b)
        for a in lonely_first
        for b in lonely_second
        if comparable(a[1], b[1]) and not consistent(a[1], b[1])
    ]


def compare_pairs(
    pairs: list[tuple[Where, Where]],
    items: Callable[[Where], list[T]],
    comparable: Callable[[T, T], bool],
    consistent: Callable[[T, T], bool],
    doubt: Callable[[list[T], list[T], list[T]], bool] | None = None,
) -> list[tuple[tuple[Where, T], tuple[Where, T]]]:
    """Conflicting values of parallel sentences; `doubt(first, second, lonely)` may set aside a
    sentence pair whose conflicts are better explained otherwise."""
    out = []
    cache: dict[Where, list[T]] = {}
    for a, b in pairs:
        for where in (a, b):
            if where not in cache:
                cache[where] = items(where)
        first, second = [(a, x) for x in cache[a]], [(b, y) for y in cache[b]]
        found = mutual_conflicts(first, second, comparable, consistent) if first and second else []
        lonely = list({id(v): v for pair in found for _, v in pair}.values())
        if found and not (doubt and doubt([x for _, x in first], [y for _, y in second], lonely)):
            out.extend(found)
    return out


def collect(
    kind: str, fact: str | None, pairs: list[tuple[str, DiscrepancyValue, DiscrepancyValue]]
) -> list[Discrepancy]:
    """One discrepancy per subject, each value once."""
    by_subject: dict[str, dict[tuple[str, int, str], DiscrepancyValue]] = {}
    for subject, a, b in pairs:
        values = by_subject.setdefault(subject, {})
        for v in (a, b):
            values.setdefault((v.article, v.sentence, v.value), v)
    return [Discrepancy(kind, subject, list(values.values()), fact) for subject, values in by_subject.items()]
