"""Figures that differ between outlets: when two stated numbers count the same thing and cannot
be the same value.

Approximations ("about 30", "at least 12") widen what counts as agreement, and a number is only
compared with one that counts the same noun, in the same unit, with the same outcome: "12
killed" and "30 injured" in one fact are two figures, not a disagreement. Ages, model names
("F-16") and parts of a larger count ("two other victims") are never compared at all. What kind
of figure a number is, analysis read off the words around it (analyze/quantities.py); this
module compares the figures it marked standalone.
"""

from __future__ import annotations

import math

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.story_view import StoryView, Where, collect, compare_pairs
from newsprism.lang.numbers import VAGUE_SCALES
from newsprism.model import Discrepancy, Fact, NumberRef

AT_LEAST = frozenset({"at least", "more than", "over", "just over", "upwards of"})
AT_MOST = frozenset({"at most", "less than", "fewer than", "under", "up to", "as many", "as much"})
BELOW = frozenset({"nearly", "almost", "just under", "close to"})
VAGUE = frozenset(VAGUE_SCALES)


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


def _counts_in(where: Where, story: StoryView) -> list[NumberRef]:
    """The sentence's figures that count something in their own right (analysis marked ages,
    multipliers, model names and parts of a larger count as not standalone)."""
    return [n for n in story.numbers.get(where, []) if n.standalone]


def number_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig = DEFAULT_CONFIG
) -> list[Discrepancy]:
    """Figures of parallel sentences that count the same thing and cannot be equal; a sentence
    pair is set aside when its figures look like different counts rather than a disagreement."""

    def comparable(a: NumberRef, b: NumberRef) -> bool:
        small, large = sorted((abs(a.value), abs(b.value)))
        return (
            # Two figures for one count that far apart are two counts ("30 yards" in one game,
            # "1,250 yards" in a season): outlets that disagree on a figure disagree by a few,
            # or a few times, not by an order of magnitude.
            large <= config.max_figure_ratio * small
            and a.modality == b.modality  # a fact and a forecast are two claims
            and numbers_comparable(a, b)
            and not (a.outcomes and b.outcomes and not set(a.outcomes) & set(b.outcomes))
            and not (a.modifiers and b.modifiers and not set(a.modifiers) & set(b.modifiers))
        )

    def doubt(first: list[NumberRef], second: list[NumberRef], lonely: list[NumberRef]) -> bool:
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
        values = ({c.value for c in first}, {c.value for c in second})
        if any(c.value in values[id(c) in ids_first] for c in lonely):
            return True
        total = sum(c.value for c in lonely)
        return any(abs(2 * c.value - total) <= config.exact_tolerance * total for c in lonely)

    def consistent(a: NumberRef, b: NumberRef) -> bool:
        return numbers_consistent(a, b, config)

    conflicts = compare_pairs(pairs, lambda w: _counts_in(w, story), comparable, consistent, doubt)
    found = [
        (_subject(x, y), story.value(_number_text(x), wx), story.value(_number_text(y), wy))
        for (wx, x), (wy, y) in conflicts
    ]
    return collect("number", fact.id, found)


def _subject(a: NumberRef, b: NumberRef) -> str:
    counts = a.counts or b.counts
    return _singular(counts) if counts else a.unit or "number"


def _number_text(n: NumberRef) -> str:
    q = n.qualifier
    return f"{q} {n.text}" if q and not n.text.lower().startswith(q.lower()) else n.text
