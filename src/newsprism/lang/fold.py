"""The one diacritic fold: "Erdoğan", "Erdogan" and "ERDOGAN" meet.

Name keys (lang/names.py), content words (lang/lexicon.py) and story placement all compare
words across outlets that write them with and without diacritics, so they fold the same way.
NFKD alone leaves letters such as "ł", "ø" and "ß" untouched, so those are mapped first.
"""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose into a base letter plus a combining mark.
_LETTER_FOLDS = str.maketrans(
    dict(zip("łŁøØđĐıþð", ["l", "L", "o", "O", "d", "D", "i", "th", "d"], strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
)


def fold_diacritics(text: str) -> str:
    """ "Erdoğan" -> "Erdogan", case kept: decompose, drop combining marks, fold the letters NFKD keeps."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-cased and without diacritics: the form words are compared in."""
    return fold_diacritics(text).lower()
