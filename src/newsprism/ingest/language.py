"""An article's language when the input names none (lang/language_id.py decides).

When the text is too short or too mixed to tell, the answer is "en", the pipeline's default:
an article is never left without a language, and a user who knows better says so with
`--language` or the input's own `language` field.
"""

from __future__ import annotations

from newsprism.lang.language_id import identify_language

DEFAULT_LANGUAGE = "en"


def guess_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language of `text`; "en" when the evidence is thin."""
    found = identify_language(text)
    return found[0] if found else DEFAULT_LANGUAGE
