"""Content words of a sentence, reduced to comparable stems.

Alignment needs to know when two sentences share their content words ("captured" / "capture",
"pirates" / "pirate") without a second spaCy pass over every sentence of a story, and story
placement needs the same of whole articles; a stopword list and a light suffix stripper are
enough for that, and cost microseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.lang.data import words
from newsprism.lang.dates import WEEKDAYS
from newsprism.lang.fold import fold

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOPWORDS = words("stopwords.json", "stopwords") | frozenset(WEEKDAYS)
"""Words two sentences may share without sharing content (stopwords.json, and the weekdays)."""

_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ers", "er"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stem: one suffix off a long enough word, then a final silent "e"."""
    base = word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stopp" -> "stop"
            break
    if len(base) > 4 and base.endswith("e"):
        base = base[:-1]  # "capture" and "captured" meet at "captur"
    return base


def content_stems(text: str) -> frozenset[str]:
    """The stems of a sentence's content words (no stopwords, no bare numbers)."""
    out = set()
    for match in WORD.finditer(fold(text)):
        word = match.group().replace("’", "'").split("'")[0]
        if len(word) < 3 or word in STOPWORDS or word.isdigit():
            continue
        out.add(stem(word))
    return frozenset(out)
