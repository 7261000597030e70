"""Long runs of punctuation broken up before spaCy's rule-based tokenizer sees them.

spaCy's tokenizer strips prefix and suffix punctuation off a token one mark at a time, and its
time grows much faster than the length of a token that is all marks: 20,000 "«" in a row take it
half a minute, 200 KB of them never finish. News has no such tokens, but a hostile or broken
input can, so the sentence splitters of the languages without a parser (analyze/light.py,
`sentences_only`) read a copy of the text with a space in every RUN characters of such a run:
the copy has the text's length, so every offset still points into the text.
"""

from __future__ import annotations

import re

RUN = 32
_RUN = re.compile(rf"[^\w\s]{{{RUN}}}")


def break_punctuation_runs(text: str) -> str:
    """The text, with the last mark of every RUN marks in a row made a space; same length."""
    return _RUN.sub(lambda m: m.group()[:-1] + " ", text)
