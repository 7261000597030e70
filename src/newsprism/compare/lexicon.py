"""Content words of a sentence, reduced to comparable stems.

Alignment needs to know when two sentences share their content words ("captured" / "capture",
"pirates" / "pirate") without a second spaCy pass over every sentence of a story; a stopword
list and a light suffix stripper are enough for that, and cost microseconds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "tells",
        "according",
        "reported",
        "reports",
        "report",
        "reporting",
        "added",
        "adds",
        "stated",
        "noted",
        "mr",
        "mrs",
        "ms",
        "one",
        "two",
        "also",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "today",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "weeks",
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "time",
        "new",
        "news",
        "people",
        "percent",
        "per",
        "cent",
        "s",
        "t",
        "ll",
        "ve",
        "re",
        "d",
        "m",
    ]
)

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


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so "Erdoğan" and "Erdogan" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


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
