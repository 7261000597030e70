"""Cyrillic to Latin, so that "Путин" and "Putin" can have one name key.

Name keys are ASCII (lang/names.py): a name written in Cyrillic must be transliterated before it
can meet the English press's spelling of it. Russian follows a simplified BGN/PCGN table ("ж" ->
"zh", "щ" -> "shch", "ы" -> "y", soft and hard signs dropped, "е" -> "ye" only at the start of a
word, so "Киев" gives "Kiev", the spelling the gazetteer already knows). Ukrainian follows the
official national table of 2010, the one Ukraine itself writes its names in ("Київ" -> "Kyiv",
"Зеленський" -> "Zelenskyi", "Володимир" -> "Volodymyr"): "и" is "y", "г" is "h", and "є", "ї",
"й", "ю", "я" are "ye", "yi", "y", "yu", "ya" at the start of a word and "ie", "i", "i", "iu",
"ia" inside it. A word is read as Ukrainian when the text is Ukrainian or when the word has a
letter only Ukrainian has (і, ї, є, ґ). Everything that is not Cyrillic passes through unchanged.
"""

from __future__ import annotations

import re

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian and Belarusian letters met inside a Russian text keep a reading too.
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}  # fmt: skip
_UKRAINIAN = _RUSSIAN | {"г": "h", "и": "y", "ї": "i", "є": "ie", "й": "i", "ю": "iu", "я": "ia", "щ": "shch"}
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN_ONLY = frozenset("іїєґ")
_HUSHING = frozenset("жчшщ")
_APOSTROPHES = "'’ʼ"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[\u0400-\u04FF]+(?:['’ʼ][\u0400-\u04FF]+)*")


def has_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None


def transliterate(text: str, language: str | None = None) -> str:
    """ "Владимир Путин" -> "Vladimir Putin"; "Зеленський" -> "Zelenskyi"; Latin text unchanged.

    `language` ("ru", "uk", or None for Russian unless a word shows Ukrainian letters) picks the
    table. Capitals are kept: a capital letter gives a capitalised group ("Ж" -> "Zh"), a word in
    capitals a word in capitals ("НАТО" -> "NATO").
    """
    ukrainian = (language or "").split("-")[0].lower() == "uk"
    return _WORD.sub(lambda m: _word(m.group(), ukrainian), text) if has_cyrillic(text) else text


def _word(word: str, ukrainian: bool) -> str:
    lower = word.lower()
    ukrainian = ukrainian or not _UKRAINIAN_ONLY.isdisjoint(lower)
    table = _UKRAINIAN if ukrainian else _RUSSIAN
    out: list[str] = []
    prev = ""
    for i, (ch, low) in enumerate(zip(word, lower, strict=True)):
        if low in _APOSTROPHES:
            continue  # the Ukrainian apostrophe only marks a separate sound: "п'ять" -> "piat"
        if i == 0 and ukrainian and low in _UKRAINIAN_INITIAL:
            latin = _UKRAINIAN_INITIAL[low]
        elif i == 0 and not ukrainian and low == "е":
            latin = "ye"  # "Ельцин" -> "Yeltsin"
        elif low == "ё" and prev in _HUSHING:
            latin = "e"  # "Горбачёв" -> "Gorbachev", as the press writes it
        elif ukrainian and low == "г" and prev == "з":
            latin = "gh"  # "зг" is "zgh", not the "zh" of "ж"
        else:
            latin = table.get(low, ch)
        out.append(latin.capitalize() if ch != low else latin)
        prev = low
    result = "".join(out)
    return result.upper() if len(word) > 1 and word.isupper() else result
