"""Where outlets give different values for the same thing: a number, a date, a place, who takes
part, or an actor's role.

Every rule stays quiet when unsure, because a false "the outlets disagree" costs a reader more
than a missed one (and the comparison marks a fact with a discrepancy as disputed). Values are
compared only between different articles, and only between parallel sentences of one fact: the
alignment decided they report one happening, and their shared words say they tell the same part
of it. Roles belong to an actor rather than a fact, and attendance claims may also meet across
facts. A value of one sentence conflicts only when it matches none of the other sentence's
comparable values and the other has such an unmatched value too: "rose from 12 to 15" against
"15" is agreement.
Approximations ("about 30", "at least 12") and precision ("2022" / "March 2022") widen what
counts as agreement. Spelling variants ("Kiev" / "Kyiv") never reach these rules: the actors are
folded before, so both spellings are one actor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from newsprism.analyze.names import name_key, plain_key
from newsprism.compare.framing import RoleParts, parse_role, respelled, roles_conflict, story_name_words
from newsprism.compare.lexicon import content_stems
from newsprism.compare.timeline import date_period
from newsprism.model import (
    Analysis,
    DateRef,
    Discrepancy,
    DiscrepancyValue,
    Fact,
    NumberRef,
    Sentence,
    StoryEntity,
)

T = TypeVar("T")
Where = tuple[str, int]  # (article id, sentence index)

# Relative half-widths of the values a number is consistent with. Two exact figures may differ
# by rounding (2% in all); a hedged one ("about 30") by much more.
EXACT, APPROX = 0.01, 0.12
AT_LEAST = frozenset({"at least", "more than", "over", "just over", "upwards of"})
AT_MOST = frozenset({"at most", "less than", "fewer than", "under", "up to", "as many", "as much"})
BELOW = frozenset({"nearly", "almost", "just under", "close to"})
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
# Stems that say what a count of people is a count of: "12 killed" and "30 injured" in one fact
# are two figures, not a disagreement.
CASUALTY_WORDS = {"die": "dead", "died": "dead", "dies": "dead", "dying": "dead", "dead": "dead",
                  "toll": "dead", "hurt": "injured"}
CASUALTY_STEMS = {
    "kill": "dead", "death": "dead", "fatal": "dead", "injur": "injured", "wound": "injured",
    "hospital": "injured", "missing": "missing", "arrest": "arrested", "detain": "arrested",
    "evacuat": "evacuated", "displac": "evacuated", "rescu": "rescued", "surviv": "rescued",
}
NOT_COUNTED = frozenset(
    {"time", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)
# Words that make a number part of a larger count ("two other victims", "12 more").
PARTIAL = frozenset({"other", "more", "another", "additional", "further", "remaining", "extra"})
_FILLER = frozenset({"of", "the", "a", "an", "and", "-", ",", "'", "s"})
_MODEL_NAME = re.compile(r"\b[A-Z]{2,4}\s?-?\s?$")
_AGE = re.compile(r"years?\s*-?\s*old", re.IGNORECASE)
DATE_CONTEXT = 3  # words each side of a date that say what it dates
_ANAPHORIC = re.compile(r"\b(next|following|previous|same|that|earlier|later|before|after)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_GRAIN = {"time": "day"}  # a clock time is compared as its day: time zones differ between outlets
PUBLICATION_CUES = frozenset({"posted", "published", "updated", "filed", "posted:", "published:", "updated:"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
LOCATIVES = frozenset({"in", "at", "to", "near", "outside", "inside", "into"})
# Words that may follow a place that is itself the object of "in"/"at"/"to"; any other lower-case
# word makes the place a modifier ("a Seattle woman").
PLACE_FOLLOWERS = frozenset(
    {"and", "or", "but", "on", "in", "at", "for", "to", "with", "by", "from", "of", "after", "before",
     "during", "since", "until", "when", "where", "which", "who", "that", "as", "while", "if", "than",
     "will", "would", "was", "were", "is", "are", "has", "have", "had", "did", "does", "do", "could",
     "should", "may", "might", "said", "says", "told", "earlier", "later", "last", "this", "next",
     "early", "late", "yesterday", "today", "tomorrow", "tonight"}
)
CLAIM_TYPES = frozenset({"PERSON", "ORG", "GPE"})
# When two sentences of one fact are close enough to compare their values (see _parallel_pairs).
MIN_WORDS, MIN_SHARED, MIN_OVERLAP = 3, 3, 0.4
LIST_GAP_WORDS = 6  # words a list may put between two names: a title, an age, a home town
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[^\sA-Za-z]")


@dataclass(slots=True)
class _Story:
    """Lookups over the story's analyses, built once per call."""

    sentences: dict[Where, Sentence] = field(default_factory=dict)
    numbers: dict[Where, list[NumberRef]] = field(default_factory=dict)
    dates: dict[Where, list[DateRef]] = field(default_factory=dict)
    # (actor id, type, start, end) of every entity mention, per sentence, in reading order
    mentions: dict[Where, list[tuple[str, str, int, int]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    _words: dict[str, set[str]] = field(default_factory=dict)  # article -> its words, name-keyed
    facts_of: dict[Where, list[str]] = field(default_factory=dict)
    places_together: set[frozenset[str]] = field(default_factory=set)
    _stems: dict[Where, frozenset[str]] = field(default_factory=dict)

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
        return surname in known or any(w[:1] == surname[:1] and respelled(surname, w) for w in known)

    def names_place(self, article: str, name: str) -> bool:
        words = plain_key(name).split()
        return bool(words) and all(w in self.words(article) for w in words)

    def words(self, article: str) -> set[str]:
        """An article's words as name keys, read on first need (few stories ever ask)."""
        if article not in self._words:
            texts = [s.text for (art, _), s in self.sentences.items() if art == article]
            self._words[article] = set(plain_key(" ".join(texts)).split())
        return self._words[article]

    def text(self, where: Where) -> str:
        sentence = self.sentences.get(where)
        return sentence.text if sentence else ""

    def value(self, value: str, where: Where) -> DiscrepancyValue:
        return DiscrepancyValue(value=value, article=where[0], sentence=where[1], text=self.text(where))


def find_discrepancies(
    facts: Sequence[Fact],
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
) -> list[Discrepancy]:
    """Numbers, dates, places and participants that differ inside a fact, attendance claims of
    opposite polarity, and incompatible roles of one actor, each value with its sentence."""
    story = _build(facts, analyses, actors, actor_index)
    out: list[Discrepancy] = []
    for fact in facts:
        pairs = _parallel_pairs(fact, story)
        if not pairs:
            continue
        out.extend(_number_conflicts(fact, pairs, story))
        out.extend(_date_conflicts(fact, pairs, story))
        out.extend(_place_conflicts(fact, pairs, story))
        out.extend(_participant_conflicts(fact, pairs, story))
    out.extend(_attendance_conflicts(story))
    out.extend(_role_conflicts(analyses, actors, story))
    return out


def _build(
    facts: Sequence[Fact],
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
) -> _Story:
    story = _Story(names={a.id: a.name for a in actors})
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
            for m in entity.mentions:
                found = story.mentions.setdefault((article, m.sentence), [])
                found.append((actor, entity.type, m.start, m.end))
    for found in story.mentions.values():
        found.sort(key=lambda item: item[2])
        places = sorted({actor for actor, kind, _, _ in found if kind in PLACE_TYPES})
        story.places_together.update(frozenset((a, b)) for n, a in enumerate(places) for b in places[n + 1 :])
    for fact in facts:
        for mention in fact.mentions:
            story.facts_of.setdefault((mention.article, mention.sentence), []).append(fact.id)
    return story


def _mutual_conflicts(
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


def _parallel_pairs(fact: Fact, story: _Story) -> list[tuple[Where, Where]]:
    """Sentence pairs of different articles in one fact that say the same thing closely enough
    for their values to be compared.

    A fact may hold several sentences of one article; only pairs sharing most of their content
    words are compared then (MIN_SHARED stems, at least MIN_OVERLAP of the shorter sentence).
    A fact with one sentence per article needs one shared word: the alignment already paired them.
    Datelines and bylines ("Published November 11, 2011") carry almost no words besides their
    date and are never compared: every outlet publishes on its own day.
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
    out = []
    for n, a in enumerate(wheres):
        for b in wheres[n + 1 :]:
            sa, sb = stems[a], stems[b]
            if a[0] == b[0] or len(sa) < MIN_WORDS or len(sb) < MIN_WORDS:
                continue
            shared = len(sa & sb)
            close = shared >= MIN_SHARED and shared >= MIN_OVERLAP * min(len(sa), len(sb))
            if close or (one_each and shared):
                out.append((a, b))
    return out


def _compare_pairs(
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
        found = _mutual_conflicts(first, second, comparable, consistent) if first and second else []
        lonely = list({id(v): v for pair in found for _, v in pair}.values())
        if found and not (doubt and doubt([x for _, x in first], [y for _, y in second], lonely)):
            out.extend(found)
    return out


def _collect(
    kind: str, fact: str | None, pairs: list[tuple[str, DiscrepancyValue, DiscrepancyValue]]
) -> list[Discrepancy]:
    """One discrepancy per subject, each value once."""
    by_subject: dict[str, dict[tuple[str, int, str], DiscrepancyValue]] = {}
    for subject, a, b in pairs:
        values = by_subject.setdefault(subject, {})
        for v in (a, b):
            values.setdefault((v.article, v.sentence, v.value), v)
    return [Discrepancy(kind, subject, list(values.values()), fact) for subject, values in by_subject.items()]


# Numbers ------------------------------------------------------------------------------------


def number_interval(n: NumberRef) -> tuple[float, float]:
    """The values a stated number is consistent with, given its qualifier."""
    v, q = abs(n.value), (n.qualifier or "").lower()
    if q in VAGUE or n.text.lower() in VAGUE:
        return v, v * 100
    if q in AT_LEAST:
        return v, math.inf
    if q in AT_MOST:
        return 0.0, v
    if q in BELOW:
        return v * (1 - APPROX), v
    width = EXACT if not q else APPROX
    return v * (1 - width), v * (1 + width)


def numbers_consistent(a: NumberRef, b: NumberRef) -> bool:
    lo_a, hi_a = number_interval(a)
    lo_b, hi_b = number_interval(b)
    return lo_a <= hi_b and lo_b <= hi_a


def numbers_comparable(a: NumberRef, b: NumberRef) -> bool:
    """Whether two numbers count the same thing: the same counted noun in the same unit or,
    where neither names a noun, the same unit."""
    same_unit = a.unit == b.unit or {a.unit, b.unit} <= {None, "people"}
    if a.counts and b.counts:
        return _singular(a.counts) == _singular(b.counts) and same_unit
    # A sum that names no noun beside one that does is often another sum ("$750,000 in
    # campaign money" / "a $43,000 watch"), so only two bare figures compare by unit.
    return not a.counts and not b.counts and bool(a.unit) and a.unit == b.unit


def _singular(noun: str) -> str:
    """The tagger lemmatises a capitalised "Rifles" as a name; fold it onto "rifle" by hand."""
    low = noun.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") and len(low) > 3 else low


class _Count(NamedTuple):
    """A number with what its sentence says about it: the casualty kind of the words around it
    ("killed", "injured") and the words between it and its noun ("3 machine guns")."""

    ref: NumberRef
    kinds: frozenset[str]
    modifiers: frozenset[str]


def _counts_in(where: Where, story: _Story) -> list[_Count]:
    sentence = story.sentences.get(where)
    if sentence is None:
        return []
    out = []
    for n in story.numbers.get(where, []):
        rel_start, rel_end = n.start - sentence.start, n.end - sentence.start
        before = _WORDS.findall(sentence.text[max(0, rel_start - 60) : max(0, rel_start)].lower())[-6:]
        after = _WORDS.findall(sentence.text[max(0, rel_end) : rel_end + 60].lower())[:6]
        # Ages ("a 61-year-old man"), multipliers ("five times"), clock times and the broken
        # figures of re-tokenised copy ("15, 800") count nothing another outlet could contradict.
        if _AGE.search(n.text) or ", " in n.text or n.text[:1] == "0" or (n.counts or "") in NOT_COUNTED:
            continue
        if _MODEL_NAME.search(sentence.text[max(0, rel_start - 8) : max(0, rel_start)]):
            continue  # the 47 of "AK 47", the 16 of "F-16": a name, not a count
        if after[:1] in (["times"], ["p"], ["a"]) or PARTIAL & {*before[-1:], *after[:1]}:
            continue  # "12 more", "another 12", "two other victims": part of a count, not the count
        noun = next((i for i, w in enumerate(after[:5]) if n.counts and w.startswith(n.counts[:4])), None)
        modifiers = frozenset(after[:noun]) if noun else frozenset()
        out.append(_Count(n, _casualty_kinds([*before, *after]), modifiers - _FILLER))
    return out


def _number_conflicts(fact: Fact, pairs: list[tuple[Where, Where]], story: _Story) -> list[Discrepancy]:
    def comparable(a: _Count, b: _Count) -> bool:
        return (
            numbers_comparable(a.ref, b.ref)
            and not (a.kinds and b.kinds and not a.kinds & b.kinds)
            and not (a.modifiers and b.modifiers and not a.modifiers & b.modifiers)
        )

    def doubt(first: list[_Count], second: list[_Count], lonely: list[_Count]) -> bool:
        """Two sentences that agree on none of the figures they share, with three or more figures
        left unmatched, describe different things ("six rifles, 12 magazines" against "14 rifles,
        31 magazines so far"); parts that add up to the other's whole are no disagreement ("12
        Somali and 11 Yemeni" against "23 pirates")."""
        agree = any(comparable(x, y) and consistent(x, y) for x in first for y in second)
        if not agree and len(lonely) >= 3:
            return True
        # A figure the other sentence also states, whatever it counts there, is shared ("six
        # arrests Wednesday, compared to 47 the night before" / "47 arrests overnight").
        ids_first = {id(c) for c in first}
        values = ({c.ref.value for c in first}, {c.ref.value for c in second})
        if any(c.ref.value in values[id(c) in ids_first] for c in lonely):
            return True
        total = sum(c.ref.value for c in lonely)
        return any(abs(2 * c.ref.value - total) <= EXACT * total for c in lonely)

    def consistent(a: _Count, b: _Count) -> bool:
        return numbers_consistent(a.ref, b.ref)

    conflicts = _compare_pairs(pairs, lambda w: _counts_in(w, story), comparable, consistent, doubt)
    found = [
        (_subject(x.ref, y.ref), story.value(_number_text(x.ref), wx),
         story.value(_number_text(y.ref), wy))
        for (wx, x), (wy, y) in conflicts
    ]
    return _collect("number", fact.id, found)


def _subject(a: NumberRef, b: NumberRef) -> str:
    counts = a.counts or b.counts
    return _singular(counts) if counts else a.unit or "number"


def _number_text(n: NumberRef) -> str:
    q = n.qualifier
    return f"{q} {n.text}" if q and not n.text.lower().startswith(q.lower()) else n.text


def _casualty_kinds(words: list[str]) -> frozenset[str]:
    """What the words around a number say it counts: killed, injured, missing, ..."""
    kinds: set[str] = set()
    for word in words:
        kinds.update(k for stem, k in CASUALTY_STEMS.items() if word.startswith(stem))
        if word in CASUALTY_WORDS:
            kinds.add(CASUALTY_WORDS[word])
    return frozenset(kinds)


# Dates --------------------------------------------------------------------------------------


def dates_consistent(a: DateRef, b: DateRef) -> bool:
    """Whether two dates can name the same time: their periods overlap ("2022" holds "March 2022")."""
    pa, pb = date_period(a.date or ""), date_period(b.date or "")
    return pa is None or pb is None or (pa[0] < pb[1] and pb[0] < pa[1])


class _Dated(NamedTuple):
    """A resolved date with the content stems of the words around it (what it dates)."""

    ref: DateRef
    context: frozenset[str]


def _dated_in(where: Where, story: _Story) -> list[_Dated]:
    sentence = story.sentences.get(where)
    if sentence is None or PUBLICATION_CUES & set(sentence.text.lower().split()):
        return []  # "posted on Wednesday, September 18": when the outlet wrote, not what happened
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
    out = []
    for ref in story.dates.get(where, []):
        rel_start, rel_end = ref.start - sentence.start, ref.end - sentence.start
        if ref.date is None or _ANAPHORIC.search(ref.text) or any(s <= rel_start < e for s, e in quoted):
            continue  # "the next day" counts from the story, "today" in a quote from the speaker
        # Lower-case words only: the names around a date say who, not what happened then.
        words = [*sentence.text[: max(0, rel_start)].split()[-DATE_CONTEXT:],
                 *sentence.text[max(0, rel_end) :].split()[:DATE_CONTEXT]]
        out.append(_Dated(ref, content_stems(" ".join(w for w in words if w[:1].islower()))))
    return out


def _date_conflicts(fact: Fact, pairs: list[tuple[Where, Where]], story: _Story) -> list[Discrepancy]:
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

    conflicts = _compare_pairs(pairs, lambda w: _dated_in(w, story), comparable, consistent)
    found = [
        ("date", story.value(x.ref.text, wx), story.value(y.ref.text, wy)) for (wx, x), (wy, y) in conflicts
    ]
    return _collect("date", fact.id, found)


# Places -------------------------------------------------------------------------------------


def _place_conflicts(fact: Fact, pairs: list[tuple[Where, Where]], story: _Story) -> list[Discrepancy]:
    """Two parallel sentences each place the happening in exactly one place of one kind (after
    "in", "at", "to"), the places differ, neither article names the other's place anywhere, and
    the two never share a sentence in the story: a city and its country nest, and naming both
    somewhere is the cheap sign of it."""
    found = []
    for a, b in pairs:
        pa, pb = _placed(a, story), _placed(b, story)
        if len(pa) != 1 or len(pb) != 1:
            continue
        (place_a, type_a), (place_b, type_b) = pa.popitem(), pb.popitem()
        if type_a != type_b:
            continue  # a road and a city, a park and a country: one may hold the other
        name_a, name_b = story.names.get(place_a, place_a), story.names.get(place_b, place_b)
        if place_a == place_b or story.names_place(b[0], name_a) or story.names_place(a[0], name_b):
            continue
        if frozenset((place_a, place_b)) in story.places_together:
            continue
        found.append(("place", story.value(name_a, a), story.value(name_b, b)))
    return _collect("place", fact.id, found)


def _placed(where: Where, story: _Story) -> dict[str, str]:
    """The places (and their types) a sentence puts something in: place names right after a
    locative preposition."""
    sentence = story.sentences.get(where)
    if sentence is None:
        return {}
    out = {}
    for actor, kind, start, end in story.mentions.get(where, []):
        if kind not in PLACE_TYPES:
            continue
        before = sentence.text[: max(0, start - sentence.start)].lower().split()
        while before and before[-1] in ("the", "a"):
            before.pop()
        after = _NEXT_WORD.match(sentence.text, max(0, end - sentence.start))
        if after and after.group(1).islower() and after.group(1) not in PLACE_FOLLOWERS:
            continue  # "to a Seattle woman", "in Istanbul talks": the place qualifies a noun
        if before and before[-1] in LOCATIVES:
            out[actor] = kind
    return out


def _participant_conflicts(fact: Fact, pairs: list[tuple[Where, Where]], story: _Story) -> list[Discrepancy]:
    """A sentence listing people ("Fomin, Galuzin and Kostyukov") against a parallel sentence
    listing people too, where one article never names, anywhere, someone the other lists."""
    values: dict[Where, DiscrepancyValue] = {}
    for a, b in pairs:
        people_a, people_b = _listed_people(a, story), _listed_people(b, story)
        if max(len(people_a), len(people_b)) < 3 or min(len(people_a), len(people_b)) < 2:
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


def _listed_people(where: Where, story: _Story) -> list[str]:
    """The longest run of people a sentence lists: person names joined by commas or "and", with
    at most a short title or aside between them ("Fomin, Deputy Foreign Minister Galuzin and")."""
    sentence = story.sentences.get(where)
    if sentence is None:
        return []
    best: dict[str, None] = {}
    run: dict[str, None] = {}
    last_end = None
    for actor, kind, start, end in story.mentions.get(where, []):
        if kind != "PERSON" or (last_end is not None and start < last_end):
            continue
        gap = "" if last_end is None else sentence.text[last_end - sentence.start : start - sentence.start]
        joined = len(gap.split()) <= LIST_GAP_WORDS and ("," in gap or " and " in f" {gap} ")
        if last_end is not None and not joined:
            run = {}
        run[actor] = None
        last_end = end
        if len(run) > len(best):
            best = dict(run)
    return list(best)


# Attendance claims --------------------------------------------------------------------------

ATTEND_VERBS = {
    **dict.fromkeys(("attend", "attends", "attended", "attending"), "attend"),
    **dict.fromkeys(("participate", "participates", "participated", "participating"), "attend"),
    **dict.fromkeys(("join", "joins", "joined", "joining"), "attend"),
    **dict.fromkeys(("travel", "travels", "traveled", "travelled", "traveling", "travelling"), "travel"),
    **dict.fromkeys(("go", "goes", "went", "going", "gone"), "travel"),
    **dict.fromkeys(("come", "comes", "came", "coming"), "travel"),
    **dict.fromkeys(("visit", "visits", "visited", "visiting"), "travel"),
}
# Verbs that say the actor stays away; they read as a negated "attend".
AVOID_VERBS = {
    w: "attend"
    for w in ("skip", "skips", "skipped", "skipping", "miss", "misses", "missed", "boycott",
              "boycotts", "boycotted", "boycotting", "snub", "snubs", "snubbed", "shun", "shuns", "shunned")
    # "missing" is left out: "three people are missing" is no absence from an event.
}
PARTICLE_VERBS = {"take": "part", "takes": "part", "took": "part", "taking": "part", "taken": "part",
                  "show": "up", "shows": "up", "showed": "up", "shown": "up", "turn": "up", "turned": "up"}
NEGATIONS = frozenset({"not", "never", "no", "cannot", "neither", "nor"})
NEGATING_CONTROLLERS = frozenset({"declined", "declines", "refused", "refuses", "refusing", "declining"})
AUXILIARIES = frozenset(
    {"will", "would", "shall", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
     "do", "does", "did", "also", "still", "now", "then", "himself", "herself", "itself", "themselves",
     "personally", "either", "to", "plans", "planned", "plan", "intends", "intended", "decided", "agreed",
     "set", "due", "scheduled", "expected", "longer", "already", "eventually", "later", "soon", "ultimately",
     "definitely", "certainly", "all", "both"}
)
# Hedges that make the sentence no claim at all: "would consider traveling", "if Putin shows up".
UNCERTAIN = frozenset(
    {"may", "might", "could", "should", "can", "likely", "unlikely", "consider", "considering", "considered",
     "contemplate", "contemplating", "ready", "want", "wants", "wanted", "hope", "hopes", "hoped", "wish",
     "possibly", "perhaps", "maybe", "only", "if", "whether", "probably"}
)
IRREALIS_BEFORE = frozenset(
    {"if", "unless", "whether", "hope", "hopes", "hoped", "hoping", "urged", "urge", "urges", "asked",
     "invited", "invite", "challenged", "pressed", "pressure", "want", "wants", "wanted", "wish", "demanded",
     "should", "once", "until", "would"}
)
_BE = frozenset({"be", "been", "being", "is", "are", "was", "were"})
# Particles that turn go/come into something other than a trip: "go ahead", "came under fire".
_NOT_TRAVEL = frozenset(
    {"ahead", "on", "through", "back", "beyond", "wrong", "missing", "under", "out", "up", "down", "as",
     "from", "after", "about", "off", "against", "along", "over", "forward", "together", "true", "close"}
)


@dataclass(slots=True)
class _Claim:
    actor: str
    where: Where
    lemma: str
    positive: bool
    phrase: str
    target: frozenset[str]


def read_claim(tail: str) -> tuple[str, bool, str, str] | None:
    """Read "will not travel to Istanbul" off the text that follows an actor's name.

    Returns (lemma, positive, the verb phrase as written, the words after the verb), or None when
    the words after the name are no plain claim of taking part (a hedge, another verb, a clause).
    """
    tokens = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(tail)]
    i = 0
    if tokens and tokens[0][0] == ",":  # skip an appositive: "Trump, currently on a trip, would ..."
        close = next((k for k in range(1, min(len(tokens), 30)) if tokens[k][0] == ","), None)
        if close is None:
            return None
        i = close + 1
    negations, start = 0, None
    for _ in range(9):
        if i >= len(tokens):
            return None
        word = tokens[i][0].lower().replace("’", "'")
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        start = tokens[i][1] if start is None else start
        if word in UNCERTAIN:
            return None
        end, lemma = i, ATTEND_VERBS.get(word) or AVOID_VERBS.get(word)
        if word in PARTICLE_VERBS and nxt == PARTICLE_VERBS[word]:
            end, lemma = i + 1, "attend"
        if word == "going" and nxt == "to":
            lemma = None  # "is going to attend": read on
        if lemma is not None:
            if word == "joined" and i > 0 and tokens[i - 1][0].lower() in _BE:
                return None  # "will be joined by": the actor is joined, not joining
            if lemma == "travel" and nxt in _NOT_TRAVEL:
                return None
            positive = (negations % 2 == 0) != (word in AVOID_VERBS)
            rest = " ".join(t for t, _, _ in tokens[end + 1 : end + 7] if t.isalpha())
            return lemma, positive, tail[start : tokens[end][2]], rest
        if word in NEGATIONS or word in NEGATING_CONTROLLERS or word.endswith("n't"):
            negations += 1
        elif word not in AUXILIARIES and word != "going":
            return None
        i += 1
    return None


def _claims(story: _Story) -> list[_Claim]:
    out = []
    for where, found in story.mentions.items():
        sentence = story.sentences.get(where)
        if sentence is None:
            continue
        for actor, kind, m_start, m_end in found:
            if kind not in CLAIM_TYPES:
                continue
            rel_start, rel_end = m_start - sentence.start, m_end - sentence.start
            before = {w.lower() for w in _WORDS.findall(sentence.text[: max(0, rel_start)])[-5:]}
            if before & IRREALIS_BEFORE:
                continue
            read = read_claim(sentence.text[max(0, rel_end) :])
            if read is not None:
                lemma, positive, phrase, rest = read
                out.append(_Claim(actor, where, lemma, positive, phrase, content_stems(rest)))
    return out


def _attendance_conflicts(story: _Story) -> list[Discrepancy]:
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


# Roles --------------------------------------------------------------------------------------


def _role_conflicts(
    analyses: Mapping[str, Analysis], actors: Sequence[StoryEntity], story: _Story
) -> list[Discrepancy]:
    """Roles of one actor that one person cannot hold at once, given by different outlets."""
    ignore = story_name_words(analyses.values())
    out = []
    for actor in actors:
        per_article: dict[str, list[tuple[Where, tuple[str, RoleParts]]]] = {}
        for role in actor.roles:
            parts = parse_role(role.role, ignore)
            if parts is not None and role.article:
                where = (role.article, role.sentence)
                per_article.setdefault(role.article, []).append((where, (role.role, parts)))
        arts = list(per_article)
        pairs = []
        for n, a in enumerate(arts):
            for b in arts[n + 1 :]:
                pairs.extend(
                    _mutual_conflicts(
                        per_article[a],
                        per_article[b],
                        lambda x, y: x[1].head == y[1].head,
                        lambda x, y: not roles_conflict(x[1], y[1]),
                    )
                )
        found = [(actor.name, story.value(ra[0], wa), story.value(rb[0], wb)) for (wa, ra), (wb, rb) in pairs]
        out.extend(_collect("role", None, found))
    return out
