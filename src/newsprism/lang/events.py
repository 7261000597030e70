"""Event words, from events.json: predicates folded into event classes, nouns into kinds.

The event reader (analyze/events.py) turns "the talks collapsed" and "the failed negotiations"
into one triple, (fail, theme, talks); the aligner (compare) asks whether a predicate is of a
listed class. Both read the classes here.
"""

from __future__ import annotations

from newsprism.lang.data import load_table

_FILE = "events.json"


def _by_word(table: str) -> dict[str, str]:
    """{class: [word, ...]} in events.json -> {word: class}."""
    classes: dict[str, list[str]] = load_table(_FILE)[table]["map"]
    return {word: name for name, words in classes.items() for word in words}


EVENT_CLASSES = _by_word("event_classes")
"""Predicate lemma ("verb_particle" for phrasal ones) -> the class of happening it reports."""
NOUN_KINDS = _by_word("noun_kinds")
"""Noun lemma -> the kind of thing it names, for nouns news uses interchangeably."""
