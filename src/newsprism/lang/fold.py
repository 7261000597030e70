"""The one diacritic fold: "Erdoğan", "Erdogan" and "ERDOGAN" meet.

Name keys (lang/names.py), content words (lang/lexicon.py) and story placement all compare
words across outlets that write them with and without diacritics, so they fold the same way.
NFKD alone leaves letters such as "ł", "ø" and "ß" untouched, so those are mapped first. It also
splits letters that are letters of their own, not letters with a mark: Cyrillic "й" is not "и"
with a breve to drop ("Зеленский" must not become "Зеленскии"), nor Ukrainian "ї" an "і"; those
are kept whole. Russian "ё" does fold to "е", as Russian print itself writes it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

# Letters NFKD does not decompose into a base letter plus a combining mark.
_LETTER_FOLDS = str.maketrans(
    dict(zip("łŁøØđĐıþð", ["l", "L", "o", "O", "d", "D", "i", "th", "d"], strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
)
# Letters NFKD would decompose but that are letters of their own: set aside as private-use
# characters around the decomposition, then put back.
_KEPT = "йЙїЇ"
_PRIVATE = "".join(chr(0xE000 + i) for i in range(len(_KEPT)))
_HIDE = str.maketrans(_KEPT, _PRIVATE)
_SHOW = str.maketrans(_PRIVATE, _KEPT)
# A decomposed "й" (и + breve) is one too: NFC composes it before it is set aside.
_KEPT_RE = re.compile("[йЙїЇ]|[иИіІ][\u0306\u0308]")


@cache
def _combining_marks() -> dict[int, None]:
    """Every code point with a nonzero canonical combining class, to delete with `str.translate`:
    the same test as `unicodedata.combining` per character, done in one C pass instead of a
    Python loop over every character of an article (912 code points, built once in ~0.05 s)."""
    return dict.fromkeys((cp for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))), None)


def fold_diacritics(text: str) -> str:
    """ "Erdoğan" -> "Erdogan", case kept: decompose, drop combining marks, fold the letters NFKD keeps.

    Plain ASCII, most of what an English corpus asks, has nothing to fold and is returned at once:
    this runs for every word a story is placed and compared by."""
    if text.isascii():
        return text
    hidden = text.translate(_LETTER_FOLDS)
    if not _KEPT_RE.search(hidden):
        return unicodedata.normalize("NFKD", hidden).translate(_combining_marks())
    hidden = unicodedata.normalize("NFC", hidden).translate(_HIDE)
    return unicodedata.normalize("NFKD", hidden).translate(_combining_marks()).translate(_SHOW)


def fold(text: str) -> str:
    """Lower-cased and without diacritics: the form words are compared in."""
    return fold_diacritics(text).lower()
