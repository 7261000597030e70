"""The words of a text read lightly, each with its offsets: what the light readers walk over.

Without a parser the light readers (analyze/light*.py) see a sentence as its words and the
characters between them; a word is what lang/languages.py's WORD matches (letters joined by
hyphens, or digits), so that a phrase of languages.json and the words of the text split alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.lang.languages import WORD, Phrase, normal
from newsprism.model import Sentence

CLAUSE_BREAKS = frozenset('.,;:!?«»„“”"‚‘’‹›「」『』()[]—–')
"""Characters that end the stretch of words a rule reads around a word (a date's verb, a
quotation's reporting verb): a comma or a quotation mark starts another clause."""


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    norm: str
    start: int
    end: int
    sentence: int
    first: bool
    """First word of its sentence, or first after a colon, a dash or an opening quotation mark:
    capitalised there for the position, not for being a name."""

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def digits(self) -> bool:
        return self.text.isdigit()


_OPENINGS = frozenset(':—–«„“‚‘‹「『"')


def sentence_words(text: str, sentences: Sequence[Sentence]) -> list[list[Word]]:
    """The words of each sentence, in order."""
    out: list[list[Word]] = []
    for s in sentences:
        words: list[Word] = []
        prev_end = s.start
        for m in WORD.finditer(text, s.start, s.end):
            between = text[prev_end : m.start()]
            first = not words or any(ch in _OPENINGS for ch in between)
            words.append(Word(m.group(), normal(m.group()), m.start(), m.end(), s.index, first))
            prev_end = m.end()
        out.append(words)
    return out


def between(text: str, a: Word, b: Word) -> str:
    """The characters between two words of one text."""
    return text[a.end : b.start]


def joined(text: str, words: Sequence[Word], i: int, j: int) -> bool:
    """Whether words i and j (i < j) are only spaces apart, no punctuation between them."""
    return j < len(words) and not text[words[i].end : words[j].start].strip()


PhraseIndex = dict[str, tuple[Phrase, ...]]


def index_phrases(phrases: Iterable[Phrase]) -> PhraseIndex:
    """Phrases by their first word, longest first, for `phrase_at`."""
    index: dict[str, list[Phrase]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        if p:
            index.setdefault(p[0], []).append(p)
    return {first: tuple(group) for first, group in index.items()}


def phrase_at(words: Sequence[Word], i: int, phrases: PhraseIndex) -> Phrase | None:
    """The longest phrase of `phrases` whose words start at word i, or None."""
    for p in phrases.get(words[i].norm, ()):
        if i + len(p) <= len(words) and all(words[i + k].norm == p[k] for k in range(1, len(p))):
            return p
    return None


def clause(
    text: str, words: Sequence[Word], i: int, reach: int, openers: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """Word indices [lo, hi) around word i, at most `reach` words each side, not crossing a
    clause break (CLAUSE_BREAKS) nor a word that opens another clause (`openers`: "que", "что")."""
    lo = i
    while (
        lo > 0
        and i - lo < reach
        and words[lo].norm not in openers
        and not CLAUSE_BREAKS.intersection(between(text, words[lo - 1], words[lo]))
    ):
        lo -= 1
    hi = i + 1
    while (
        hi < len(words)
        and hi - i <= reach
        and words[hi].norm not in openers
        and not CLAUSE_BREAKS.intersection(between(text, words[hi - 1], words[hi]))
    ):
        hi += 1
    return lo, hi
