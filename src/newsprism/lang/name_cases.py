"""Names written in another case, read back to the nominative: "Путина" -> "Путин".

Russian and Ukrainian decline names: one article writes "Путин", "Путина", "Путину" and
"Путиным" of one man, and a name key made of each would be four actors. Most case endings are
ambiguous on their own, though: "Захарова" is a woman's name in the nominative as often as a
man's in the genitive, "Пекина" is a city's, "Мария" is no "Марий". So an ending is only undone
on evidence (`NominativeReader`), the strongest first:

1. the nominative it gives is written in the same text ("Путин" beside "Путина");
2. the gazetteer knows the name the nominative spells (lang/names.py: "Шойгу", "Киев");
3. the ending shows the case by itself ("Зеленского", "Путиным", "Захаровой": `sure` in
   languages.json), or the words before the name ask for that case ("по словам Пескова");
4. two different endings of one gender in the text lead to the same nominative ("Трампу",
   "Трампом"); a masculine ending "-а" or "-я" does not count, since it is also a woman's name in
   the nominative ("Захарова", "Мария"), nor "-у" after "-ов"/"-ин", a woman's accusative
   ("Захарову").

With no evidence the form stays as written. A given name or patronymic before a surname takes the
surname's case ("Владимира Путина" -> "Владимир Путин"). German and Dutch only add a genitive
"-s" ("Putins", "Poetins"), undone when the bare name is written in the text or known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsprism.lang.languages import LanguageWords, NameCase
from newsprism.lang.names import known_type, name_key
from newsprism.lang.translit import has_cyrillic, transliterate

_VOWELS = frozenset("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
_VELARS_SIBILANTS = frozenset("гкхжшчщГКХЖШЧЩ")
_NOT_CONSONANTS = _VOWELS | frozenset("йьъЙЬЪ'’ʼ")
_FEMININE_LOOKALIKES = ("ов", "ев", "ёв", "ин", "ын")
MIN_STEM = 2


def _fits(stem: str, case: NameCase) -> bool:
    if len(stem) < MIN_STEM or not has_cyrillic(stem[-1]):
        return False
    last = stem[-1]
    if case.after == "C":
        return last not in _NOT_CONSONANTS
    if case.after == "V":
        return last in _VOWELS
    if case.after == "K":
        return last in _VELARS_SIBILANTS
    return True


def _feminine_lookalike(form: str, nominative: str) -> bool:
    """A masculine oblique form that is also a woman's name as written: "Захарова", "Захарову",
    "Мария"."""
    low = form.lower()
    return low.endswith(("а", "я")) or (
        low.endswith("у") and nominative.lower().endswith(_FEMININE_LOOKALIKES)
    )


def nominatives(word: str, cases: Sequence[NameCase]) -> list[tuple[str, NameCase]]:
    """Every nominative an ending of `word` could come from, with the case ending it undoes."""
    low = word.lower()
    out = []
    for case in cases:
        if low.endswith(case.ending):
            stem = word[: len(word) - len(case.ending)]
            if _fits(stem, case):
                out.append((stem + case.nominative, case))
    return out


class NominativeReader:
    """Reads the names of one text back to the nominative, on the evidence of the whole text.

    `seen` is every capitalised word of the text as written; it is both the evidence of rule 1
    and the forms rule 4 compares.
    """

    def __init__(self, words: LanguageWords, seen: Iterable[str]) -> None:
        self.words = words
        self.seen = frozenset(seen)
        self._known: dict[str, bool] = {}
        forms: dict[tuple[str, str], set[str]] = {}
        if words.name_cases:
            for form in self.seen:
                for nominative, case in nominatives(form, words.name_cases):
                    if case.gender != "m" or not _feminine_lookalike(form, nominative):
                        forms.setdefault((nominative, case.gender), set()).add(case.ending)
        self._agreeing = {key for key, endings in forms.items() if len(endings) >= 2}

    def confirm(self, nominatives: Iterable[str]) -> None:
        """Count names read on other evidence (a speaker after "по словам") as written in the
        text: "Єрмак" from "За словами Єрмака" settles "Єрмаком" too."""
        self.seen = self.seen | frozenset(nominatives)

    def known(self, name: str) -> bool:
        if name not in self._known:
            self._known[name] = known_type(name_key(transliterate(name, self.words.code))) is not None
        return self._known[name]

    def read(self, run: Sequence[str], case_hint: str | None = None) -> list[str]:
        """The nominative of a name written as the words `run` ("Владимира", "Путина")."""
        if not run:
            return []
        last, case = self._word(run[-1], case_hint)
        if case is None:
            return [self._genitive_s(w) for w in run[:-1]] + [self._genitive_s(last)]
        return [self._agree(word, case) for word in run[:-1]] + [last]

    def _word(self, word: str, case_hint: str | None) -> tuple[str, NameCase | None]:
        best: tuple[int, int, str, NameCase] | None = None
        for nominative, case in nominatives(word, self.words.name_cases):
            if nominative in self.seen:
                score = 4
            elif self.known(nominative):
                score = 3
            elif case.sure or (case_hint is not None and case_hint in case.cases):
                score = 2
            elif (nominative, case.gender) in self._agreeing:
                score = 1
            else:
                continue
            if best is None or (score, len(case.ending)) > best[:2]:
                best = (score, len(case.ending), nominative, case)
        return (word, None) if best is None else (best[2], best[3])

    def _agree(self, word: str, surname: NameCase) -> str:
        """A given name or patronymic in the case (and gender) its surname was found in."""
        options = [
            (nominative in self.seen, len(case.ending), nominative)
            for nominative, case in nominatives(word, self.words.name_cases)
            if case.gender == surname.gender and case.cases & surname.cases
        ]
        return max(options)[2] if options else word

    def _genitive_s(self, word: str) -> str:
        if not self.words.genitive_s or len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
            return word
        bare = word[:-1]
        return bare if bare in self.seen or self.known(bare) else word
