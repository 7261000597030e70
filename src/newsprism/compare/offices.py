"""Roles read as offices: whether "deputy foreign minister" and "deputy defense minister" are one
post, or two that one person cannot hold at once.

The role strings come from analysis (analyze/roles.py) as the outlets wrote them; reading them as
offices happens here, in the comparison, because it is a comparison: a role's specifics are the
words that tell its office from another, and which words those are depends on the whole story.
The story's place and organisation names (`story_name_words`) never count as specifics, so
"Kremlin aide" and "presidential aide" agree; no single article can know that. The office
vocabulary itself (titles, ranks, spellings) is lang/offices.json, shared with analysis.

Used by the role discrepancies, the label differences of framing, and the actors that a
descriptive speaker ("the senator") stands for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsprism.lang.fold import fold_diacritics
from newsprism.lang.loaded_words import loaded_words
from newsprism.lang.offices import (
    DESCRIPTORS,
    EXCLUSIVE_HEADS,
    FORMER_WORDS,
    GENERIC_BODIES,
    NOT_OFFICES,
    PORTFOLIO_WORDS,
    SUBORDINATE_RANKS,
    TITLE_SPELLINGS,
)
from newsprism.model import Analysis

_ROLE_STOP = frozenset({"the", "a", "an", "and", "his", "her", "its", "their", "our", "who", "is", "was"})
_ROLE_SPLITS = frozenset({"of", "for", "to", "at", "in", "on", "with"})
_ROLE_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class RoleParts:
    """A role read as an office: its head noun and the words that say which office it is.

    "Russia's former deputy foreign minister" -> head "minister", specifics {"foreign"},
    ranks {"deputy"}, former True.
    """

    head: str
    specifics: frozenset[str]
    ranks: frozenset[str]
    former: bool
    names: frozenset[str] = frozenset()  # the story's names in the role: "Celtics" coach


def parse_role(text: str, ignore: frozenset[str] = frozenset()) -> RoleParts | None:
    """Read a role's head and specifics; `ignore` holds words that never count as specifics
    (the story's place and organisation names: "Kremlin aide" and "presidential aide" agree).

    Spelling variants (Defence/Defense), dots (U.S.), possessors ("Russia's") and descriptive
    words ("longtime", "ultra-conservative") are normalised away so that only what defines the
    office remains.
    """
    # An appositive after a comma is another label ("chairman of X, the team's owner").
    clean = _PARENS.sub(" ", fold_diacritics(text).translate({0x2019: "'", 0x2018: "'"}).lower())
    clean = clean.split(",")[0]
    words = [TITLE_SPELLINGS.get(w, w) for w in _ROLE_TOKEN.findall(clean.replace(".", ""))]
    split: list[str] = []
    for word in words:
        prefix, _, rest = word.partition("-")
        if rest and prefix in SUBORDINATE_RANKS | FORMER_WORDS:
            split.extend([prefix, TITLE_SPELLINGS.get(rest, rest)])  # "vice-president", "ex-minister"
        else:
            split.append(word)
    cut = next((i for i, w in enumerate(split) if w in _ROLE_SPLITS and i > 0), len(split))
    before, after = [w for w in split[:cut] if w not in _ROLE_STOP], split[cut + 1 :]
    if not before:
        return None
    head, modifiers = before[-1], before[:-1]
    if head == "old" or any(ch.isdigit() for ch in head):
        return None  # "36-year-old", "59 - year - old": an age, not a role
    if head in NOT_OFFICES:
        return None  # "a 54-year-old Ottawa man": who someone is, not a post they hold
    bare = [w.removesuffix("'s").rstrip("'") for w in split]
    specifics = {
        w
        for w in (*modifiers, *after)
        if w not in _ROLE_STOP
        and w not in _ROLE_SPLITS
        and not w.endswith("'s")
        and not w.endswith("'")
        and w not in DESCRIPTORS
        and w not in loaded_words()
        and w not in SUBORDINATE_RANKS
        and w not in FORMER_WORDS
        and w not in GENERIC_BODIES
        and ("-" not in w)
        and (w not in ignore or w in PORTFOLIO_WORDS)
        and not w.isdigit()
    }
    return RoleParts(
        head=head,
        specifics=frozenset(specifics),
        ranks=frozenset(w for w in modifiers if w in SUBORDINATE_RANKS),
        former=any(w in FORMER_WORDS for w in modifiers),
        names=frozenset(w for w in bare if w in ignore and w not in PORTFOLIO_WORDS),
    )


def roles_conflict(a: RoleParts, b: RoleParts) -> bool:
    """Whether one person cannot hold both roles at once: same head and a different office
    ("deputy foreign minister" / "deputy defense minister"), a different rank ("deputy
    minister" / "minister") or one of them former. Different heads are complementary labels."""
    if a.head != b.head:
        return False
    if a.names and b.names and not a.names & b.names:
        return False  # "former Celtics coach" and "Sixers coach": two posts, both true
    if a.former != b.former:
        return True
    if a.head not in EXCLUSIVE_HEADS:
        return False
    if a.ranks != b.ranks:
        return True
    return bool(a.specifics and b.specifics and not a.specifics & b.specifics)


def story_name_words(analyses: Iterable[Analysis]) -> frozenset[str]:
    """Lower-cased words of every place, group and organisation name in the story."""
    forms = {
        form
        for analysis in analyses
        for entity in analysis.entities
        if entity.type != "PERSON"
        for form in (entity.name, *entity.aliases, *(m.text for m in entity.mentions))
    }
    folded = (fold_diacritics(form).lower().replace(".", "") for form in forms)
    return frozenset(w for form in folded for w in _ROLE_TOKEN.findall(form))
