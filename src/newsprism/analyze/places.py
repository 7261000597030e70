"""Where a sentence puts what it tells: a place name right after a preposition of place.

"The plane came down near Mombasa" and "came down in Nairobi" place one happening in two places;
"a Seattle woman" or "the Istanbul talks" place nothing, the name only qualifies a noun. The
reader keeps each placing with the words before its preposition, which say what happened there
("came down"), so that the comparison can tell one happening placed twice from two happenings
(compare/discrepancies.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsprism.analyze.entities import PLACE_LABELS
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.data import word_set
from newsprism.model import Entity, PlaceRef

CONTEXT_WORDS = 8
"""Words kept before the preposition; the comparison weighs at most this many."""
LOCATIVES = word_set("in at to near outside inside into")
PLACE_FOLLOWERS = word_set(
    """and or but on in at for to with by from of after before during since until when where which
    who that as while if than will would was were is are has have had did does do could should may
    might said says told earlier later last this next early late yesterday today tomorrow tonight"""
)
"""Words that may follow a place that is itself the object of "in"/"at"/"to"; any other
lower-case word makes the place a modifier ("a Seattle woman")."""
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def extract_places(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[PlaceRef]:
    """Every place name a sentence puts something in, in reading order."""
    out: list[PlaceRef] = []
    texts: dict[int, tuple[str, int]] = {}
    for entity in entities:
        if entity.type not in PLACE_LABELS:
            continue
        for mention in entity.mentions:
            if mention.sentence >= len(sentences):
                continue
            if mention.sentence not in texts:
                span = sentences.spans[mention.sentence]
                texts[mention.sentence] = (span.text, span.start_char)
            text, base = texts[mention.sentence]
            before = text[: max(0, mention.start - base)].split()
            while before and before[-1].lower() in ("the", "a"):
                before.pop()
            after = _NEXT_WORD.match(text, max(0, mention.end - base))
            if after and after.group(1).islower() and after.group(1) not in PLACE_FOLLOWERS:
                continue  # "to a Seattle woman", "in Istanbul talks": the place qualifies a noun
            if before and before[-1].lower() in LOCATIVES:
                words = before[-1 - CONTEXT_WORDS : -1]
                out.append(
                    PlaceRef(
                        entity.id, before[-1].lower(), words, mention.sentence, mention.start, mention.end
                    )
                )
    out.sort(key=lambda p: p.start)
    return out
