"""Whether two written forms are one name spelled two ways ("Kiev" / "Kyiv", "Erdogan" /
"Erdoğan").

Two rules ask it: the framing comparison reports an actor that outlets spell differently, and
the discrepancy rules check whether an outlet names someone anywhere, however spelled, before
saying it left them out (story_view.py). One test, here, keeps them agreeing on what a
respelling is; `CompareConfig` says how close a respelling must be.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.lang.fold import fold_diacritics
from newsprism.lang.names import name_key, plain_key


def is_spelling_variant(a: str, b: str, config: CompareConfig = DEFAULT_CONFIG) -> bool:
    """Two written forms of one name that differ in spelling, not in length or abbreviation.

    Word by word, the shorter form's words must each match a word of the longer one, at least one
    of them only up to diacritics or a close respelling ("Kiev" / "Kyiv", "Zelensky" /
    "Zelenskyy"). Forms of one length the gazetteer lists as variants ("Burma" / "Myanmar")
    count too.
    """
    if plain_key(a) == plain_key(b) and fold_diacritics(a) == a and fold_diacritics(b) == b:
        return False  # case, dots or a possessive only: "US" / "U.S."
    if _is_abbreviation(a) or _is_abbreviation(b):
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    changed = False
    for word in words_a:
        if any(word.lower() == other.lower() for other in words_b):
            continue
        if not any(respelled(word, other, config) for other in words_b):
            break
        changed = True
    else:
        if changed:
            return True
    # One name for another, word for word ("Burma" / "Myanmar"); "America" for "United States"
    # is a shorter name, not another spelling.
    key_a, key_b = plain_key(a).split(), plain_key(b).split()
    return len(key_a) == len(key_b) and name_key(a) == name_key(b) and not set(key_a) & set(key_b)


def respelled(a: str, b: str, config: CompareConfig = DEFAULT_CONFIG) -> bool:
    """One word written two ways: up to diacritics, or a close respelling (`respelling_ratio`) of
    a word of `respelling_min_letters` letters or more with the same first letter ("Kiev" /
    "Kyiv", "Priebus" / "Preibus")."""
    fa, fb = fold_diacritics(a).lower(), fold_diacritics(b).lower()
    if fa == fb:
        return True
    shortest = config.respelling_min_letters
    if len(fa) < shortest or len(fb) < shortest or fa[0] != fb[0]:
        return False
    return SequenceMatcher(None, fa, fb).ratio() >= config.respelling_ratio


def _is_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or "." in form)
