"""What kind of figure each number is, read off the words around it.

Two outlets' figures contradict each other only when they count the same thing in the same way:
"12 killed" and "30 injured" are two counts, "a 61-year-old man" is no count at all, "two other
victims" is part of one, and "the plan would cut $800 billion" is a possibility, not a fact. The
number reader (numbers.py) gives the value, its unit and its noun; this reader adds what the
neighbouring words say, once, so that the comparison only compares (compare/quantities.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.data import word_set
from newsprism.lang.dates import MONTH_ABBREV, MONTHS
from newsprism.model import NumberRef

WINDOW_CHARS = 60  # how far on each side the words that qualify a number are read
WINDOW_WORDS = 6  # and how many of them
NOUN_WORDS = 5  # words after a number within which its noun stands

# What happened to what a number counts, by the lemma of a word near it ...
OUTCOME_LEMMAS = {"die": "dead", "dead": "dead", "toll": "dead", "hurt": "injured"}
# ... or by how a word near it begins ("killed", "injuries", "hospitalised", "evacuees").
OUTCOME_STEMS = {
    "kill": "dead", "death": "dead", "fatal": "dead", "injur": "injured", "wound": "injured",
    "hospital": "injured", "missing": "missing", "arrest": "arrested", "detain": "arrested",
    "evacuat": "evacuated", "displac": "evacuated", "rescu": "rescued", "surviv": "rescued",
}  # fmt: skip
NOT_COUNTED = frozenset({"time", *MONTHS, *MONTH_ABBREV})
"""Nouns a number never counts: a month ("May 14") or "time" ("five times")."""
PARTIAL = word_set("other more another additional further remaining extra")
"""Words that make a number part of a larger count ("two other victims", "12 more")."""
HYPOTHETICAL = word_set("would could might may")
"""Words before a figure that make it a possibility: a fact and a forecast are two claims."""
NOT_A_COUNT_AFTER = frozenset({"times", "p", "a"})  # "five times", "5 p.m.", "3 a.m."
_FILLER = frozenset({"of", "the", "a", "an", "and", "-", ",", "'", "s", "'s", "’s"})
_MODEL_NAME = re.compile(r"\b[A-Z]{2,4}\s?-?\s?$")  # "AK 47", "MH-17"
_AGE = re.compile(r"years?\s*-?\s*old", re.IGNORECASE)
_LETTERS = re.compile(r"[a-z]+")


def read_quantities(doc: Doc, sentences: SentenceIndex, numbers: list[NumberRef]) -> list[NumberRef]:
    """The numbers again, each with what kind of figure it is (`standalone`) and, for a count in
    its own right, what its neighbours say of it (`outcomes`, `modifiers`, `modality`)."""
    return [_read(doc, sentences, n) for n in numbers]


def _read(doc: Doc, sentences: SentenceIndex, n: NumberRef) -> NumberRef:
    if n.sentence >= len(sentences):
        return replace(n, standalone=False)
    sent = sentences.spans[n.sentence]
    before = _words(
        doc[sent.start : max(sent.start, sentences.token_from(n.start))], n.start - WINDOW_CHARS, n.start
    )
    before = before[-WINDOW_WORDS:]
    after = _words(doc[max(sent.start, sentences.token_from(n.end)) : sent.end], n.end, n.end + WINDOW_CHARS)
    after = after[:WINDOW_WORDS]
    if not _standalone(n, sent, before, after):
        return replace(n, standalone=False)
    words = [t.lower_ for t in after]
    noun = next(
        (i for i, w in enumerate(words[:NOUN_WORDS]) if n.counts and w.startswith(n.counts[:4])), None
    )
    modifiers = set(words[:noun]) - _FILLER if noun else set()
    return replace(
        n,
        standalone=True,
        outcomes=sorted(_outcomes([*before, *after])),
        modifiers=sorted(modifiers),
        modality="hedged" if any(t.lower_ in HYPOTHETICAL for t in before) else "asserted",
    )


def _words(span: Span, lo: int, hi: int) -> list[Token]:
    """The tokens of `span` that start within characters [lo, hi)."""
    return [t for t in span if not t.is_space and lo <= t.idx < hi]


def _standalone(n: NumberRef, sent: Span, before: list[Token], after: list[Token]) -> bool:
    """Whether a number is a count or amount in its own right: not an age ("61-year-old"), a
    multiplier ("five times"), a clock time ("0800", "5 p.m."), a figure broken by re-tokenised
    copy ("15, 800"), a model name ("F-16", "AK 47") or part of a larger count ("two other
    victims", "12 more")."""
    if _AGE.search(n.text) or ", " in n.text or n.text[:1] == "0" or (n.counts or "") in NOT_COUNTED:
        return False
    rel = n.start - sent.start_char
    if _MODEL_NAME.search(sent.text[max(0, rel - 8) : max(0, rel)]):
        return False
    first = _LETTERS.match(after[0].lower_) if after else None
    if first is not None and first.group() in NOT_A_COUNT_AFTER:
        return False
    return not (before and before[-1].lower_ in PARTIAL) and not (after and after[0].lower_ in PARTIAL)


def _outcomes(tokens: list[Token]) -> set[str]:
    """What the words around a number say happened to what it counts: killed, injured, missing ..."""
    found: set[str] = set()
    for token in tokens:
        word = token.lower_
        found.update(kind for stem, kind in OUTCOME_STEMS.items() if word.startswith(stem))
        lemma = token.lemma_.lower()
        if lemma in OUTCOME_LEMMAS:
            found.add(OUTCOME_LEMMAS[lemma])
    return found
