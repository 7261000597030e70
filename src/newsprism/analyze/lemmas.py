"""Word lists looked up by lemma, so a reader lists "attend" once, not attend, attends, attended
and attending.

The lemmatizer is right for nearly every form a reader meets. Where it leaves a verb inflected
("snubbed", "boycotts"), cuts one short ("miss" -> "mis") or keeps a participle it reads as an
adjective ("retired", "ousted"), the crude stem of lang/lexicon meets the stem of the listed
lemma instead; only verbs and adjectives get that second look, because a noun's stem meets
listed verbs it has nothing to do with ("attendees" -> "attend"). Closed-class words
(auxiliaries, negations, adverbs) are matched by lemma or as written, since the lemmatizer maps
some adverbs onto adjectives ("longer" -> "long").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

from spacy.tokens import Token

from newsprism.lang.lexicon import stem

V = TypeVar("V")


class LemmaTable(Generic[V]):
    """A mapping from lemmas to values, looked up with a token."""

    def __init__(self, entries: Mapping[str, V]) -> None:
        self._by_lemma = dict(entries)
        self._by_stem = {stem(lemma): value for lemma, value in entries.items()}

    def get(self, token: Token) -> V | None:
        """The value of the token's lemma; for a verb or an adjective whose lemma is not listed,
        of its stem."""
        lemma = token.lemma_.lower()
        if lemma in self._by_lemma:
            return self._by_lemma[lemma]
        if token.pos_ in ("VERB", "ADJ"):
            return self._by_stem.get(stem(lemma))
        return None

    def __contains__(self, token: Token) -> bool:
        return self.get(token) is not None


def lemma_set(words: Iterable[str]) -> LemmaTable[bool]:
    """A LemmaTable that only says whether a token's lemma is listed."""
    return LemmaTable(dict.fromkeys(words, True))


def is_one_of(token: Token, words: frozenset[str]) -> bool:
    """Whether a closed-class token is listed, by its lemma or as written ("won't" -> "will",
    "longer" as written), with typographic apostrophes read as plain ones ("n’t")."""
    lemma, form = token.lemma_.lower(), token.lower_
    if "’" in form:
        lemma, form = lemma.replace("’", "'"), form.replace("’", "'")
    return lemma in words or form in words
