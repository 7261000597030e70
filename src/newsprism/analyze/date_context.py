"""What each date dates, read off the words around it, and the dates that are not the story's.

Two outlets that give "Thursday" and "Friday" disagree only when both date the same happening:
"talks open on Thursday" against "talks open on Friday" is a disagreement, "criticised on
Friday" against "pressed on Sunday" is two events. The words on each side of a date say which
happening it dates, so the reader keeps them with the date (`words_before`, `words_after`, as
written: the comparison decides how many it weighs). It also marks the dates that say nothing
about when the happening was: a date inside a quotation is the speaker's ("today" in a quote),
one in a publication line is the outlet's ("Posted November 12, 2011"), and one that counts from
another time of the story ("the next day") is only as good as that time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from newsprism.analyze.quotemarks import quoted_spans
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import DateRef

CONTEXT_WORDS = 8
"""Words kept on each side of a date; the comparison weighs at most this many."""
PUBLICATION_CUES = frozenset({"posted", "published", "updated", "filed", "posted:", "published:", "updated:"})
_ANAPHORIC = re.compile(r"\b(next|following|previous|same|that|earlier|later|before|after)\b", re.IGNORECASE)


def read_date_context(doc: Doc, sentences: SentenceIndex, dates: list[DateRef]) -> list[DateRef]:
    """The dates again, each with the words around it and what kind of date it is."""
    cache: dict[int, tuple[str, int, bool, list[tuple[int, int]]]] = {}
    out = []
    for ref in dates:
        if ref.sentence >= len(sentences):
            out.append(ref)
            continue
        if ref.sentence not in cache:
            span = sentences.spans[ref.sentence]
            text = span.text
            dateline = bool(PUBLICATION_CUES & set(text.lower().split()))
            quoted = quoted_spans(text)
            cache[ref.sentence] = (text, span.start_char, dateline, quoted)
        text, base, dateline, quoted = cache[ref.sentence]
        rel_start, rel_end = max(0, ref.start - base), max(0, ref.end - base)
        out.append(
            replace(
                ref,
                words_before=text[:rel_start].split()[-CONTEXT_WORDS:],
                words_after=text[rel_end:].split()[:CONTEXT_WORDS],
                anaphoric=_ANAPHORIC.search(ref.text) is not None,
                quoted=any(s <= rel_start < e for s, e in quoted),
                dateline=dateline,
            )
        )
    return out
