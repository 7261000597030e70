"""Where outlets give different values for the same thing: a number, a date, a place, who takes
part, or an actor's role.

Every rule stays quiet when unsure, because a false "the outlets disagree" costs a reader more
than a missed one (and the comparison marks a fact with a discrepancy as disputed). Values are
compared only between different articles, and only between parallel sentences of one fact: the
alignment decided they report one happening, and their shared words say they tell the same part
of it. Roles belong to an actor rather than a fact, and attendance claims may also meet across
facts. A value of one sentence conflicts only when it matches none of the other sentence's
comparable values and the other has such an unmatched value too (see `story_view`).
Precision ("2022" / "March 2022") widens what counts as agreement. Spelling variants ("Kiev" /
"Kyiv") never reach these rules: the actors are folded before, so both spellings are one actor.

This module holds the entry point, the choice of parallel sentences and the date, place and
role rules; figures are compared in `quantities`, participants and attendance in `attendance`.
Every rule compares what analysis read (the references of the Analysis: what each date dates,
where a sentence places something, which roles are given in a sentence telling of a post's
end); none reads a sentence again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from newsprism.compare.attendance import attendance_conflicts, participant_conflicts
from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.offices import RoleParts, parse_role, roles_conflict, story_name_words
from newsprism.compare.quantities import (
    number_conflicts,
    number_interval,
    numbers_comparable,
    numbers_consistent,
)
from newsprism.compare.story_view import (
    StoryView,
    Where,
    build_story_view,
    collect,
    compare_pairs,
    mutual_conflicts,
)
from newsprism.lang.dates import WEEKDAYS, date_period
from newsprism.lang.lexicon import content_stems
from newsprism.model import Analysis, DateRef, Discrepancy, Fact, StoryEntity

# The helpers other code may reach through this module, wherever they now live.
__all__ = [
    "dates_consistent",
    "find_discrepancies",
    "number_interval",
    "numbers_comparable",
    "numbers_consistent",
]

_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")
_GRAIN = {"time": "day"}  # a clock time is compared as its day: time zones differ between outlets


def find_discrepancies(
    facts: Sequence[Fact],
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
    config: CompareConfig = DEFAULT_CONFIG,
) -> list[Discrepancy]:
    """Numbers, dates, places and participants that differ inside a fact, attendance claims of
    opposite polarity, and incompatible roles of one actor, each value with its sentence;
    `config` holds the thresholds (see `CompareConfig`)."""
    story = build_story_view(facts, analyses, actors, actor_index, config)
    out: list[Discrepancy] = []
    for fact in facts:
        pairs = _parallel_pairs(fact, story, config)
        if not pairs:
            continue
        out.extend(number_conflicts(fact, pairs, story, config))
        out.extend(_date_conflicts(fact, pairs, story, config))
        out.extend(_place_conflicts(fact, pairs, story, config))
        out.extend(participant_conflicts(fact, pairs, story, config))
    out.extend(attendance_conflicts(story))
    out.extend(_role_conflicts(analyses, actors, story))
    # A sentence may be a mention of two facts (it states two claims); a difference found through
    # both is one difference.
    seen: set[tuple[str, str, frozenset[tuple[str, int, str]]]] = set()
    unique = []
    for disc in out:
        key = (disc.kind, disc.subject, frozenset((v.article, v.sentence, v.value) for v in disc.values))
        if key not in seen:
            seen.add(key)
            unique.append(disc)
    return unique


def _parallel_pairs(fact: Fact, story: StoryView, config: CompareConfig) -> list[tuple[Where, Where]]:
    """Sentence pairs of different articles in one fact that say the same thing closely enough
    for their values to be compared.

    A fact may hold several sentences of one article; only pairs sharing most of their content
    words are compared then (`parallel_min_shared` stems, at least `parallel_min_overlap` of the
    shorter sentence).
    A fact with one sentence per article needs one shared word: the alignment already paired them.
    Datelines and bylines ("Published November 11, 2011") carry almost no words besides their
    date and are never compared: every outlet publishes on its own day. Nor is a sentence whose
    values belong to other subjects or an earlier period (`Sentence.borrowed_values`).
    """
    groups: dict[str, list[int]] = {}
    for mention in fact.mentions:
        indices = groups.setdefault(mention.article, [])
        if mention.sentence not in indices:
            indices.append(mention.sentence)
    if len(groups) < 2:
        return []
    one_each = all(len(indices) == 1 for indices in groups.values())
    wheres = [(art, i) for art, indices in groups.items() for i in indices]
    stems = {w: story.stems(w) for w in wheres}
    own = {w: not ((s := story.sentences.get(w)) and s.borrowed_values) for w in wheres}
    min_words, min_shared, min_overlap = (
        config.parallel_min_words,
        config.parallel_min_shared,
        config.parallel_min_overlap,
    )
    out = []
    for n, a in enumerate(wheres):
        for b in wheres[n + 1 :]:
            sa, sb = stems[a], stems[b]
            if a[0] == b[0] or len(sa) < min_words or len(sb) < min_words or not (own[a] and own[b]):
                continue
            shared = len(sa & sb)
            close = shared >= min_shared and shared >= min_overlap * min(len(sa), len(sb))
            if close or (one_each and shared):
                out.append((a, b))
    return out


# Dates --------------------------------------------------------------------------------------


def dates_consistent(a: DateRef, b: DateRef) -> bool:
    """Whether two dates can name the same time: their periods overlap ("2022" holds "March 2022")."""
    pa, pb = date_period(a.date or ""), date_period(b.date or "")
    return pa is None or pb is None or (pa[0] < pb[1] and pb[0] < pa[1])


class _Dated(NamedTuple):
    """A resolved date with the content stems of the words around it (what it dates)."""

    ref: DateRef
    context: frozenset[str]


def _dated_in(where: Where, story: StoryView, context: int) -> list[_Dated]:
    """The sentence's dates that date its happening, each with the content stems of the
    lower-case words around it (`context` on each side: the names around a date say who, not
    what happened then)."""
    refs = story.dates.get(where, [])
    if any(ref.dateline for ref in refs):
        return []  # "posted on Wednesday, September 18": when the outlet wrote, not what happened
    out = []
    for ref in refs:
        if ref.date is None or ref.anaphoric or ref.quoted:
            continue  # "the next day" counts from the story, "today" in a quote from the speaker
        words = [*ref.words_before[-context:], *ref.words_after[:context]]
        out.append(_Dated(ref, content_stems(" ".join(w for w in words if w[:1].islower()))))
    return out


def _date_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig
) -> list[Discrepancy]:
    def comparable(a: _Dated, b: _Dated) -> bool:
        """Dates of one precision (or a day against a month), on the same side of publication,
        next to the same words: "talks open on Thursday" / "talks open on Friday" compare;
        "criticised on Friday" / "pressed on Sunday" are two events; "last week" against
        "September", or two bare years ("hosted in 2007", "to host in 2014"), are background."""
        same_time = a.ref.tense == b.ref.tense or "present" in (a.ref.tense, b.ref.tense)
        grains = {_GRAIN.get(d.ref.precision, d.ref.precision) for d in (a, b)}
        close = grains in ({"day"}, {"month"}, {"week"}, {"day", "month"})
        return same_time and close and bool(a.context & b.context)

    def consistent(a: _Dated, b: _Dated) -> bool:
        # Both say "Friday": any difference is how each was anchored, not what the outlets said.
        same_words = _WEEKDAY.findall(a.ref.text.lower()) == _WEEKDAY.findall(b.ref.text.lower()) != []
        return same_words or dates_consistent(a.ref, b.ref)

    context = config.date_context_words
    conflicts = compare_pairs(pairs, lambda w: _dated_in(w, story, context), comparable, consistent)
    found = [
        ("date", story.value(x.ref.text, wx), story.value(y.ref.text, wy)) for (wx, x), (wy, y) in conflicts
    ]
    return collect("date", fact.id, found)


# Places -------------------------------------------------------------------------------------


def _place_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig
) -> list[Discrepancy]:
    """Two parallel sentences each place the happening in exactly one place of one kind (after
    "in", "at", "to"), after words that share a stem (the same happening is placed), the places
    differ, neither article names the other's place anywhere, and the two never share a sentence
    in the story: a city and its country nest, and naming both somewhere is the cheap sign of it."""
    found = []
    for a, b in pairs:
        pa, pb = _placed(a, story, config.place_context_words), _placed(b, story, config.place_context_words)
        if len(pa) != 1 or len(pb) != 1:
            continue
        (place_a, (type_a, context_a)), (place_b, (type_b, context_b)) = pa.popitem(), pb.popitem()
        if type_a != type_b:
            continue  # a road and a city, a park and a country: one may hold the other
        if not context_a & context_b:
            continue  # "detained in Headingley" / "a cup defeat at Leeds": two happenings
        name_a, name_b = story.names.get(place_a, place_a), story.names.get(place_b, place_b)
        if place_a == place_b or story.names_place(b[0], name_a) or story.names_place(a[0], name_b):
            continue
        if frozenset((place_a, place_b)) in story.places_together:
            continue
        found.append(("place", story.value(name_a, a), story.value(name_b, b)))
    return collect("place", fact.id, found)


def _placed(where: Where, story: StoryView, context: int) -> dict[str, tuple[str, frozenset[str]]]:
    """The places a sentence puts something in, by actor, each with its type and the content
    stems of the lower-case words just before the preposition (`context` of them): what happened
    there ("came down", "was arrested")."""
    out = {}
    for place in story.places.get(where, []):
        key = (where[0], place.entity)
        words = [w.lower() for w in place.words_before[-context:]] if context > 0 else []
        out[story.actor(*key)] = (
            story.type_of.get(key, ""),
            content_stems(" ".join(w for w in words if w[:1].islower())),
        )
    return out


# Roles --------------------------------------------------------------------------------------


def _role_conflicts(
    analyses: Mapping[str, Analysis], actors: Sequence[StoryEntity], story: StoryView
) -> list[Discrepancy]:
    """Roles of one actor that one person cannot hold at once, given by different outlets."""
    ignore = story_name_words(analyses.values())
    out = []
    for actor in actors:
        per_article: dict[str, list[tuple[Where, tuple[str, RoleParts]]]] = {}
        for role in actor.roles:
            parts = parse_role(role.role, ignore)
            if parts is not None and role.article:
                if role.leaving:
                    # "the club fired president Ed Moss": a post as it was when he left it,
                    # neither current nor plainly former; the sentence tells the change itself.
                    continue
                where = (role.article, role.sentence)
                per_article.setdefault(role.article, []).append((where, (role.role, parts)))
        arts = list(per_article)
        pairs = []
        for n, a in enumerate(arts):
            for b in arts[n + 1 :]:
                pairs.extend(
                    mutual_conflicts(
                        per_article[a],
                        per_article[b],
                        lambda x, y: x[1].head == y[1].head,
                        lambda x, y: not roles_conflict(x[1], y[1]),
                    )
                )
        found = [(actor.name, story.value(ra[0], wa), story.value(rb[0], wb)) for (wa, ra), (wb, rb) in pairs]
        out.extend(collect("role", None, found))
    return out
