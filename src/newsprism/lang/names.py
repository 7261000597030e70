"""Name normalisation: the identity key that lets "Erdoğan", "Erdogan's" and "Recep Tayyip Erdogan"
meet, without spaCy.

Outlets spell one actor many ways: with or without diacritics, a possessive, a leading "the" or a
middle initial, in an older transliteration ("Kiev") or another script ("Путин"), with a familiar
given name ("Chuck"), or by surname alone. `name_key` removes all but the last difference;
`shortening_roots` resolves the last once all the names of an article or a story are known.
Both are pure string functions, so the story-level folding (compare/actors.py) uses exactly the
rules the article-level extraction does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from newsprism.lang.data import load_table
from newsprism.lang.fold import fold, fold_diacritics
from newsprism.lang.translit import transliterate

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_DROPPED = frozenset({"the"})
# Transliterations of Slavic adjectival endings: "Zelenskiy", "Zelenskyy", "Zelenskyi",
# "Zelenskij" and "Zelenskii" are one "Zelensky"; "Dmitriy" and "Navalnyy" end in "-y" too.
# English names do not end so, which keeps the fold from touching them.
_SLAVIC_SKY = re.compile(r"sk(?:iy|yy|yi|ij|ii|yj)$")
_SLAVIC_Y = re.compile(r"(?<=[a-z]{3})(?:iy|yy)$")
# How much more often one full name must be mentioned than its namesakes together before a bare
# surname shared by them is taken to mean it.
DOMINANCE = 3


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Variant keys mapped to their preferred key, and the entity type each known name denotes."""

    whole: dict[str, str]
    words: dict[str, str]
    types: dict[str, str]
    given: dict[str, str]


def strip_possessive(text: str) -> str:
    """ "Russia's" / "Kremlin’s" / "Reuters'" -> the bare name; curly apostrophes count too."""
    straight = text.strip().translate(_APOSTROPHES)
    return _POSSESSIVE.sub("", straight).rstrip()


def plain_key(name: str) -> str:
    """The key before variant spellings are mapped: lower case, ASCII (Cyrillic transliterated,
    lang/translit.py), no possessive, "the" or middle initial."""
    text = fold(transliterate(strip_possessive(name)))
    # Apostrophes and dots join ("O'Brien" -> "obrien", "U.S." -> "us"); other marks split words.
    text = text.replace("'", "").replace(".", "")
    words = _NON_WORD.sub(" ", text).split()
    while len(words) > 1 and words[0] in _LEADING_DROPPED:
        words = words[1:]
    if len(words) >= 3 and len(words[0]) > 1 and len(words[-1]) > 1:
        # Middle initials come and go between house styles: "Michael J. Morell" = "Michael Morell".
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load variants.json once; see its `about` for what belongs there."""
    raw = load_table("variants.json")
    whole: dict[str, str] = {}
    words: dict[str, str] = {}
    types: dict[str, str] = {}
    for group in raw["groups"]:
        keys = [plain_key(name) for name in group["names"]]
        preferred = keys[0]
        types[preferred] = group["type"]
        for key in keys:
            whole[key] = preferred
            # Only person names map word by word: "un" must not rewrite "Kim Jong Un".
            if group["type"] == "PERSON" and " " not in key:
                words[key] = preferred
    for place in raw["places"]:
        types.setdefault(plain_key(place), "GPE")
    given = {short: formal for formal, shorts in raw["nicknames"].items() for short in shorts}
    return Gazetteer(whole=whole, words=words, types=types, given=given)


def slavic_ending(word: str) -> str:
    """ "zelenskiy" / "zelenskyy" / "zelenskyi" -> "zelensky"; "dmitriy" -> "dmitry"; other
    words as they are."""
    if not word.endswith(("y", "i", "j")):
        return word
    return _SLAVIC_Y.sub("y", _SLAVIC_SKY.sub("sky", word))


def _spelling_key(key: str) -> str:
    """Map variant spellings of a plain key to the gazetteer's preferred spelling."""
    gaz = gazetteer()
    if key in gaz.whole:
        return gaz.whole[key]
    key = " ".join(slavic_ending(word) for word in key.split())
    if key in gaz.whole:
        return gaz.whole[key]
    key = " ".join(gaz.words.get(word, word) for word in key.split())
    return gaz.whole.get(key, key)


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """The identity of a name across spellings: "Recep Tayyip Erdoğan" -> "recep tayyip erdogan".

    Diacritics folded, Cyrillic transliterated ("Путин" -> "putin"), possessive and a leading
    "the" dropped, punctuation removed, the transliterations of Slavic "-ский"/"-ий" endings
    folded ("Zelenskiy" -> "zelensky", `slavic_ending`), variant spellings from variants.json
    mapped to one preferred spelling ("Kiev" -> "kyiv"), and the
    familiar form of a given name that opens a longer name mapped to the formal one
    ("Chuck Grassley" -> "charles grassley"), since outlets differ in which they print.
    """
    key = _spelling_key(plain_key(name))
    words = key.split()
    if len(words) >= 2 and words[0] in gazetteer().given:
        key = " ".join([gazetteer().given[words[0]], *words[1:]])
    return key


# How a name sounds, in the few letters every Latin spelling of it keeps: spellings that differ by
# language ("Zelenski", "Selenskyj", "Poutine") and Russian renderings of foreign names
# ("Трамп" -> "tramp", "Макрон" -> "makron") reduce to one skeleton. Longest spellings first.
_SOUND_CLASSES = (
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "k"),
    ("kh", "h"),
    ("ts", "s"),
    ("tz", "s"),
    ("ph", "f"),
    ("ck", "k"),
    ("th", "t"),
    ("gh", "g"),
    ("dh", "d"),
    ("x", "ks"),
    ("z", "s"),
    ("c", "k"),
    ("q", "k"),
    ("w", "v"),
    ("j", "y"),
)
_SOUNDLESS = re.compile(r"[aeiouyh]")
_REPEATED = re.compile(r"(.)\1+")
MIN_SKELETON = 3
"""Consonants a skeleton must keep to be matched at all: "Li" and "Lee" are not evidence."""


def sound_skeleton(key: str) -> str | None:
    """A name key's consonant skeleton ("zelensky", "selensky", "zelenski" -> "slnsk"; "tramp",
    "trump" -> "trmp"), or None when a word keeps fewer than MIN_SKELETON consonants in all.

    Far too coarse to tell names apart in general ("Nathan" and "Netanyahu" meet): it is asked
    only whether two spellings that articles in different languages give are one name
    (compare/actors.py), never to fold names within one language.
    """
    words = []
    for word in key.split():
        for spelled, sound in _SOUND_CLASSES:
            word = word.replace(spelled, sound)
        words.append(_REPEATED.sub(r"\1", _SOUNDLESS.sub("", word)))
    skeleton = " ".join(w for w in words if w)
    return skeleton if len(skeleton.replace(" ", "")) >= MIN_SKELETON else None


def known_type(key: str) -> str | None:
    """The entity type the gazetteer gives a key ("kyiv" -> "GPE"), or None when it is not listed."""
    return gazetteer().types.get(key)


def is_preferred_spelling(name: str) -> bool:
    """True unless the gazetteer lists `name` as a variant spelling ("Kiev" of "Kyiv").

    Familiar given names are not variants: "Bill Clinton" is as good a name as "William Clinton".
    """
    key = plain_key(name)
    return _spelling_key(key) == key


def has_diacritics(text: str) -> bool:
    return fold_diacritics(text) != text


def is_shortening(short: str, full: str) -> bool:
    """True when key `short` is a shortened form of key `full`.

    A single word may be any word of the longer name ("putin" of "vladimir putin", "lula" of
    "luiz inacio lula da silva"); a longer short form must keep the words in order and end on
    the same last word ("lula da silva").
    """
    short_words, full_words = short.split(), full.split()
    if not short_words or len(short_words) >= len(full_words):
        return False
    if len(short_words) == 1:
        return short_words[0] in full_words
    if short_words[-1] != full_words[-1]:
        return False
    it = iter(full_words)
    return all(word in it for word in short_words)


def shortening_roots(
    keys: Iterable[str], suffix_only: bool = False, weights: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Map each key that shortens exactly one longer name to that name's key.

    Longer names are settled first, so "putin" reaches "vladimir vladimirovich putin" through
    "vladimir putin". A short form that fits two different people ("trump" beside "donald trump"
    and "melania trump") stays alone unless exactly one of them ends in it, or, given `weights`
    (mentions per key), one of them is named at least DOMINANCE times as often as all the
    others together: news writes a bare "Obama" for the Obama it keeps naming. With `suffix_only`
    (organisations) only a trailing run of two or more words counts: "red sox" -> "boston red sox".
    """
    ordered = sorted(set(keys), key=lambda k: (-len(k.split()), k))
    # Index names by word so each short form is only compared with names that share its words.
    by_word: dict[str, list[str]] = {}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while key in parent:
            key = parent[key]
        return key

    weight = {key: (weights or {}).get(key, 1) for key in ordered}
    for key in ordered:
        words = key.split()
        match = _is_suffix if suffix_only else is_shortening
        hits = [k for k in by_word.get(words[-1], ()) if match(key, k)] if words else []
        roots = {root(k) for k in hits}
        if len(roots) > 1:
            roots = {root(k) for k in hits if k.split()[-1] == words[-1]}
        if len(roots) > 1 and weights is not None:
            top = max(roots, key=lambda r: weight[r])
            if weight[top] >= DOMINANCE * sum(weight[r] for r in roots if r != top):
                roots = {top}
        if len(roots) == 1:
            parent[key] = roots.pop()
            weight[parent[key]] += weight[key]
        for word in set(words):
            by_word.setdefault(word, []).append(key)
    return {key: root(key) for key in parent}


def _is_suffix(short: str, full: str) -> bool:
    short_words, full_words = short.split(), full.split()
    return 2 <= len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words


def canonical_name(counts: dict[str, int]) -> str:
    """Pick the display name among the surface forms of one actor (`counts`, in reading order).

    The most complete form wins (most words: "Vladimir Putin" over "Putin"); then the
    gazetteer's preferred spelling ("Kyiv" over "Kiev"); then the most frequent form; then the
    form with diacritics, which is the name as its bearer writes it ("Erdoğan" over "Erdogan");
    then the first seen.
    """
    order = {text: i for i, text in enumerate(counts)}
    return max(
        counts,
        key=lambda text: (
            len(plain_key(text).split()),
            is_preferred_spelling(text),
            counts[text],
            has_diacritics(text),
            -order[text],
        ),
    )


def slugify(name: str) -> str:
    """A readable id for a name: "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan"."""
    return "-".join(plain_key(name).split()) or "entity"
