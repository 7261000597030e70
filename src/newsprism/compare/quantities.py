"""Figures that differ between outlets: when two stated numbers count the same thing and cannot
be the same value.

Approximations ("about 30", "at least 12") widen what counts as agreement, and a number is only
compared with one that counts the same noun, in the same unit, next to the same casualty word:
"12 killed" and "30 injured" in one fact are two figures, not a disagreement. Ages, model names
("F-16") and parts of a larger count ("two other victims") are never compared at all.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.story_view import WORDS, StoryView, Where, collect, compare_pairs
from newsprism.lang.dates import MONTH_ABBREV, MONTHS
from newsprism.lang.numbers import VAGUE_SCALES
from newsprism.model import Discrepancy, Fact, NumberRef

AT_LEAST = frozenset({"at least", "more than", "over", "just over", "upwards of"})
AT_MOST = frozenset({"at most", "less than", "fewer than", "under", "up to", "as many", "as much"})
BELOW = frozenset({"nearly", "almost", "just under", "close to"})
VAGUE = frozenset(VAGUE_SCALES)
# Stems that say what a count of people is a count of: "12 killed" and "30 injured" in one fact
# are two figures, not a disagreement.
# fmt: off
CASUALTY_WORDS = {"die": "dead", "died": "dead", "dies": "dead", "dying": "dead", "dead": "dead",
                  "toll": "dead", "hurt": "injured"}
CASUALTY_STEMS = {
    "kill": "dead", "death": "dead", "fatal": "dead", "injur": "injured", "wound": "injured",
    "hospital": "injured", "missing": "missing", "arrest": "arrested", "detain": "arrested",
    "evacuat": "evacuated", "displac": "evacuated", "rescu": "rescued", "surviv": "rescued",
}
# fmt: on
# Nouns a number never counts: a month ("May 14") or "time" ("five times").
NOT_COUNTED = frozenset({"time", *MONTHS, *MONTH_ABBREV})
# Words that make a number part of a larger count ("two other victims", "12 more").
PARTIAL = frozenset({"other", "more", "another", "additional", "further", "remaining", "extra"})
_FILLER = frozenset({"of", "the", "a", "an", "and", "-", ",", "'", "s"})
_MODEL_NAME = re.compile(r"\b[A-Z]{2,4}\s?-?\s?$")
_AGE = re.compile(r"years?\s*-?\s*old", re.IGNORECASE)


def number_interval(n: NumberRef, config: CompareConfig = DEFAULT_CONFIG) -> tuple[float, float]:
    """The values a stated number is consistent with, given its qualifier: an exact figure may
    differ by rounding (`exact_tolerance` each way), a hedged one ("about 30") by much more
    (`approx_tolerance`)."""
    exact, approx = config.exact_tolerance, config.approx_tolerance
    v, q = abs(n.value), (n.qualifier or "").lower()
    if q in VAGUE or n.text.lower() in VAGUE:
        return v, v * 100
    if q in AT_LEAST:
        return v, math.inf
    if q in AT_MOST:
        return 0.0, v
    if q in BELOW:
        return v * (1 - approx), v
    width = exact if not q else approx
    return v * (1 - width), v * (1 + width)


def numbers_consistent(a: NumberRef, b: NumberRef, config: CompareConfig = DEFAULT_CONFIG) -> bool:
    """Whether two figures can be the same value: their intervals overlap."""
    lo_a, hi_a = number_interval(a, config)
    lo_b, hi_b = number_interval(b, config)
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
    ("killed", "injured"), the words between it and its noun ("3 machine guns"), and whether it
    is put as a possibility ("the plan would cut $800 billion") rather than as a fact."""

    ref: NumberRef
    kinds: frozenset[str]
    modifiers: frozenset[str]
    hypothetical: bool = False


# Words before a figure that make it a possibility: a fact and a forecast are two claims.
HYPOTHETICAL = frozenset({"would", "could", "might", "may"})


def _counts_in(where: Where, story: StoryView) -> list[_Count]:
    sentence = story.sentences.get(where)
    if sentence is None:
        return []
    out = []
    for n in story.numbers.get(where, []):
        rel_start, rel_end = n.start - sentence.start, n.end - sentence.start
        before = WORDS.findall(sentence.text[max(0, rel_start - 60) : max(0, rel_start)].lower())[-6:]
        after = WORDS.findall(sentence.text[max(0, rel_end) : rel_end + 60].lower())[:6]
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
        hypothetical = bool(HYPOTHETICAL & set(before))
        out.append(_Count(n, _casualty_kinds([*before, *after]), modifiers - _FILLER, hypothetical))
    return out


def number_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig = DEFAULT_CONFIG
) -> list[Discrepancy]:
    """Figures of parallel sentences that count the same thing and cannot be equal; a sentence
    pair is set aside when its figures look like different counts rather than a disagreement."""

    def comparable(a: _Count, b: _Count) -> bool:
        small, large = sorted((abs(a.ref.value), abs(b.ref.value)))
        return (
            # Two figures for one count that far apart are two counts ("30 yards" in one game,
            # "1,250 yards" in a season): outlets that disagree on a figure disagree by a few,
            # or a few times, not by an order of magnitude.
            large <= config.max_figure_ratio * small
            and a.hypothetical == b.hypothetical
            and numbers_comparable(a.ref, b.ref)
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
        return any(abs(2 * c.ref.value - total) <= config.exact_tolerance * total for c in lonely)

    def consistent(a: _Count, b: _Count) -> bool:
        return numbers_consistent(a.ref, b.ref, config)

    conflicts = compare_pairs(pairs, lambda w: _counts_in(w, story), comparable, consistent, doubt)
    found = [
        (_subject(x.ref, y.ref), story.value(_number_text(x.ref), wx), story.value(_number_text(y.ref), wy))
        for (wx, x), (wy, y) in conflicts
    ]
    return collect("number", fact.id, found)


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
