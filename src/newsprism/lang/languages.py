"""The words of the languages newsprism reads lightly, from languages.json.

A language without a parser here (lang/nlp.py has only an English one) can still be read by
rules where its calendar words, quotation marks, reporting verbs and number conventions are
known: analyze/light*.py applies these tables, one `LanguageWords` per language, and nothing
in them is guessed from English. The languages listed in languages.json are LIGHT_LANGUAGES;
every other language without a parser is split into sentences only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from newsprism.lang.data import load_table

_FILE = "languages.json"

WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f])+"
    r"(?:(?:[-‐]|(?<=[\u0400-\u04FF])['’ʼ](?=[\u0400-\u04FF]))(?:[^\W\d_]|[\u0300-\u036f])+)*"
    r"|\d+"
)
"""A word (letters, joined by hyphens, and inside Cyrillic words by the Ukrainian apostrophe) or
a run of digits. Other apostrophes split words, so "l’Ucraina" is "l" and "Ucraina" and
"aujourd'hui" is two words, as its phrase in languages.json is."""
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})

Phrase = tuple[str, ...]


def normal(word: str) -> str:
    """A word as the tables write it: lower case, straight apostrophes."""
    return word.lower().translate(_APOSTROPHES)


def phrase(text: str) -> Phrase:
    """The words of a phrase in the tables' form: "aujourd'hui" -> ("aujourd", "hui")."""
    return tuple(normal(m.group()) for m in WORD.finditer(text))


@dataclass(frozen=True, slots=True)
class NameCase:
    """One case ending of a Russian or Ukrainian name: `ending` replaced by `nominative` gives
    the nominative ("Путина" -> "Путин"); `sure` when the ending shows the case by itself;
    `after`: "C" a consonant must precede the ending, "V" a vowel, "K" a velar or sibilant."""

    ending: str
    nominative: str
    gender: str
    cases: frozenset[str]
    sure: bool
    after: str


@dataclass(frozen=True, slots=True)
class LanguageWords:
    """What the light analysis knows of one language; see languages.json's `about` for each field."""

    code: str
    weekdays: dict[str, int]
    weekday_parts: dict[str, str]
    months: dict[str, int]
    relative_days: dict[Phrase, int]
    not_relative_after: dict[str, frozenset[str]]
    lowercase_only: frozenset[str]
    date_joiners: frozenset[str]
    ordinal_marks: frozenset[str]
    period_words: frozenset[str]
    year_words: frozenset[str]
    next_words: frozenset[str]
    last_words: frozenset[str]
    future_words: frozenset[str]
    future_endings: tuple[str, ...]
    clause_words: frozenset[str]
    quote_pairs: tuple[tuple[str, str], ...]
    cues: tuple[Phrase, ...]
    genitive_cues: frozenset[Phrase]
    scales: dict[Phrase, float]
    space_groups: bool
    locatives: frozenset[str]
    connectors: frozenset[str]
    names: Literal["capitalised", "marked"]
    genitive_s: bool
    name_cases: tuple[NameCase, ...]
    person_endings: tuple[str, ...]

    @property
    def longest_cue(self) -> int:
        return max((len(c) for c in self.cues), default=1)

    def weekday(self, word: str) -> tuple[int, str | None] | None:
        """(weekday number, part of day) of a word in `normal` form: "mittwoch" -> (2, None),
        "mittwochabend" -> (2, "evening"); None for any other word."""
        if word in self.weekdays:
            return self.weekdays[word], None
        for part, name in self.weekday_parts.items():
            if word.endswith(part) and word[: -len(part)] in self.weekdays:
                return self.weekdays[word[: -len(part)]], name
        return None

    def calendar_word(self, word: str) -> bool:
        """A weekday, month or day word ("Mittwoch", "Mai", "Hoy"), never a name however capitalised."""
        return (
            word in self.months
            or (word,) in self.relative_days
            or word in self.next_words
            or word in self.last_words
            or self.weekday(word) is not None
        )


def base_language(language: str | None) -> str:
    """ "es-MX" -> "es"; None -> ""."""
    return (language or "").split("-")[0].lower()


@cache
def _raw() -> dict[str, Any]:
    return load_table(_FILE)


LIGHT_LANGUAGES = frozenset(_raw()["languages"])
"""Languages read lightly: sentences, names, dates, figures and quotations, by rules."""


def light_language(language: str | None) -> bool:
    """Whether an article in `language` gets the light analysis (analyze/light.py)."""
    return base_language(language) in LIGHT_LANGUAGES


@cache
def language_words(language: str) -> LanguageWords:
    """The tables of a light language ("es", "ru", ...); KeyError for any other."""
    code = base_language(language)
    raw: dict[str, Any] = _raw()["languages"][code]
    shared = [tuple(pair) for pair in _raw()["shared"]["quote_pairs"]]

    def words(field: str) -> frozenset[str]:
        return frozenset(normal(w) for w in raw.get(field, []))

    def phrases(field: str) -> dict[Phrase, Any]:
        return {phrase(text): value for text, value in raw.get(field, {}).items()}

    return LanguageWords(
        code=code,
        weekdays={normal(w): int(n) for w, n in raw["weekdays"].items()},
        weekday_parts=dict(raw.get("weekday_parts", {})),
        months={normal(w): int(n) for w, n in raw["months"].items()},
        relative_days={k: int(v) for k, v in phrases("relative_days").items()},
        not_relative_after={
            normal(w): frozenset(after) for w, after in raw.get("not_relative_after", {}).items()
        },
        lowercase_only=words("lowercase_only"),
        date_joiners=words("date_joiners"),
        ordinal_marks=words("ordinal_marks"),
        period_words=words("period_words"),
        year_words=words("year_words"),
        next_words=words("next_words"),
        last_words=words("last_words"),
        future_words=words("future_words"),
        future_endings=tuple(raw.get("future_endings", [])),
        clause_words=words("clause_words"),
        quote_pairs=tuple((a, b) for a, b in [*raw["quote_pairs"], *shared]),
        cues=tuple(sorted({phrase(c) for c in raw["cues"]}, key=len, reverse=True)),
        genitive_cues=frozenset(phrase(c) for c in raw.get("genitive_cues", [])),
        scales={k: float(v) for k, v in phrases("scales").items()},
        space_groups=bool(raw.get("space_groups", False)),
        locatives=words("locatives"),
        connectors=words("connectors"),
        names="marked" if raw.get("names") == "marked" else "capitalised",
        genitive_s=bool(raw.get("genitive_s", False)),
        name_cases=tuple(
            NameCase(ending, nominative, gender, frozenset(cases.split()), bool(sure), after)
            for ending, nominative, gender, cases, sure, after in raw.get("name_cases", [])
        ),
        person_endings=tuple(raw.get("person_endings", [])),
    )


@cache
def month_words() -> dict[str, int]:
    """Every light language's month words ("marzo", "мая", "maart") -> month number, where the
    languages agree on the number: what a dateline in any of them is read with."""
    found: dict[str, set[int]] = {}
    for code in sorted(LIGHT_LANGUAGES):
        for word, month in language_words(code).months.items():
            found.setdefault(word, set()).add(month)
    return {word: next(iter(months)) for word, months in found.items() if len(months) == 1}
