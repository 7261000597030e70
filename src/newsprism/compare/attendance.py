"""Who takes part: lists of participants that differ, and outlets that say an actor attends
against outlets that say it does not.

Analysis reads both off the parse (analyze/lists.py, analyze/attendance.py); this module only
compares what it emitted. A list of people counts when its sentence is about taking part and the
names follow each other closely enough (`list_gap_words`). An attendance claim counts only when
it is plain: a hedge ("could travel") or a condition ("if Putin shows up") makes it no claim at
all. Unlike other values, attendance claims may meet across facts, when they use the same verb
about the same destination or event.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.story_view import StoryView, Where
from newsprism.lang.lexicon import content_stems
from newsprism.model import Discrepancy, DiscrepancyValue, Fact

# Participants -------------------------------------------------------------------------------


def participant_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig = DEFAULT_CONFIG
) -> list[Discrepancy]:
    """A sentence listing people ("Fomin, Galuzin and Kostyukov") against a parallel sentence
    listing people too, where one article never names, anywhere, someone the other lists; the
    lists must be long enough to be lists (`min_listed`, `min_listed_other`)."""
    values: dict[Where, DiscrepancyValue] = {}
    for a, b in pairs:
        if not (_about_taking_part(a, story) and _about_taking_part(b, story)):
            continue  # "previous hosts Stewart, DeGeneres, Rock": examples, not who takes part
        gap = config.list_gap_words
        people_a, people_b = listed_people(a, story, gap), listed_people(b, story, gap)
        longer, shorter = max(len(people_a), len(people_b)), min(len(people_a), len(people_b))
        if longer < config.min_listed or shorter < config.min_listed_other:
            continue
        names_a = [story.names.get(p, p) for p in people_a]
        names_b = [story.names.get(p, p) for p in people_b]
        # Only full names count as missing: a lone capitalised word tagged as a person is too
        # often a site, a title or a nickname ("Twitter", "Sgt").
        missing = [n for n in names_a if " " in n and not story.names_person(b[0], n)]
        missing += [n for n in names_b if " " in n and not story.names_person(a[0], n)]
        if missing:
            values.setdefault(a, story.value(", ".join(names_a), a))
            values.setdefault(b, story.value(", ".join(names_b), b))
    if not values:
        return []
    return [Discrepancy("attendance", "participants", list(values.values()), fact.id)]


def _about_taking_part(where: Where, story: StoryView) -> bool:
    return any(listed.taking_part for listed in story.lists.get(where, []))


def listed_people(where: Where, story: StoryView, gap_words: int) -> list[str]:
    """The actors of the longest run of people a sentence lists, a run allowing at most
    `gap_words` words between two names (a title or an aside: "Fomin, Deputy Foreign Minister
    Galuzin and"); an actor named twice in a run counts once."""
    best: dict[str, None] = {}
    for listed in story.lists.get(where, []):
        run: dict[str, None] = {}
        for n, entity in enumerate(listed.entities):
            if n and listed.gaps[n - 1] > gap_words:
                run = {}
            run[story.actor(where[0], entity)] = None
            if len(run) > len(best):
                best = dict(run)
    return list(best)


# Attendance claims --------------------------------------------------------------------------


@dataclass(slots=True)
class _Claim:
    actor: str
    where: Where
    lemma: str
    positive: bool
    phrase: str
    target: frozenset[str]


def _claims(story: StoryView) -> list[_Claim]:
    """The story's plain attendance claims, sentence by sentence in the order the story's
    mentions were indexed, each sentence's in reading order."""
    out = []
    for where in story.mentions:
        for ref in story.attendance.get(where, []):
            if ref.modality == "asserted":
                actor = story.actor(where[0], ref.entity)
                out.append(
                    _Claim(actor, where, ref.lemma, not ref.negated, ref.text, content_stems(ref.target))
                )
    return out


def attendance_conflicts(story: StoryView) -> list[Discrepancy]:
    """One article says an actor takes part, another that it does not: in one fact, or with the
    same verb and the same destination or event anywhere in the story."""
    by_actor: dict[str, list[_Claim]] = {}
    for claim in _claims(story):
        by_actor.setdefault(claim.actor, []).append(claim)
    out = []
    for actor, claims in by_actor.items():
        values: dict[Where, DiscrepancyValue] = {}
        facts: set[str | None] = set()
        for n, a in enumerate(claims):
            for b in claims[n + 1 :]:
                if a.where[0] == b.where[0] or a.positive == b.positive:
                    continue
                shared = set(story.facts_of.get(a.where, [])) & set(story.facts_of.get(b.where, []))
                same_event = a.lemma == b.lemma and (bool(a.target & b.target) or not (a.target or b.target))
                if not shared and not same_event:
                    continue
                facts.add(min(shared) if shared else None)
                for c in (a, b):
                    values.setdefault(c.where, story.value(c.phrase, c.where))
        if values:
            fact = next(iter(facts)) if len(facts) == 1 else None
            subject = f"{story.names.get(actor, actor)} attending"
            out.append(Discrepancy("attendance", subject, list(values.values()), fact))
    return out
