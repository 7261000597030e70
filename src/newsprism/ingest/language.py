"""A cheap guess at an article's language, used only when the input names none.

The analyzers are English-only, so the guess exists to label (and let a caller skip) other
languages, not to be right about every text: counting a handful of function words over the
first few thousand characters separates the major European languages well, costs
microseconds, and needs no model. When unsure it answers "en", the pipeline's default.
"""

from __future__ import annotations

import re

_SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_MIN_HITS = 5
_MIN_LEAD = 1.5  # the winner must beat the runner-up by this factor


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Frequent words that are rare in the other listed languages; words two of them share
# ("a", "de", "en") are left out.
# fmt: off
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to that with for it on are by this have from has were"),
    "de": _words("der die das und ist nicht mit sich auf für dem ein eine wird auch"),
    "fr": _words("les et est dans une pour qui pas sur avec du au aux été sont"),
    "es": _words("el los las y pero más fue está sus este entre también"),
    "it": _words("che di della per sono non gli nel alla anche è più"),
    "pt": _words("os uma não com foi são ao pelo pela em às"),
    "nl": _words("het een van dat niet met voor zijn op aan ook bij werd"),
}
# fmt: on


def guess_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language of `text`; "en" when the evidence is thin."""
    sample = text[:_SAMPLE_CHARS]
    words = [word.lower() for word in _WORD.findall(sample)]
    if not words:
        return "en"
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > 0.5 * sum(len(word) for word in words):
        return "ru"
    scores = sorted(
        ((sum(1 for word in words if word in stopwords), code) for code, stopwords in _STOPWORDS.items()),
        reverse=True,
    )
    (best, code), (runner_up, _) = scores[0], scores[1]
    if best >= _MIN_HITS and best >= _MIN_LEAD * runner_up:
        return code
    return "en"
