"""The details that tell one happening from another of its kind: where, when, who, how old.

Two shootings in one city share their vocabulary, their kind of event and their town; what
differs is the street or the venue, the day it happened, the people named and their ages. A
report of the same shooting three days later adds details but does not contradict these, so
story placement (stories/) compares them: agreement ties two reports together, disagreement
on a detail both give tells two events apart.

The reader is plain string work over the title and the text, cheap enough for story placement
to run on articles that were never analysed, and the analysis emits what it reads so that the
stored workflow reads an article once:

- `places`: streets ("the 4500 block of South Halsted Street" -> "halsted street"), named
  venues ("Word Tabernacle Church"), and named parts of town ("the Englewood neighborhood");
- `day`: the day the event happened, resolved against the publication day from the first
  time the text names one: "Monday night", "yesterday", "early Sunday", "Jan. 5" (the
  publication day is when it was reported, which for a follow-up is weeks later);
- `people`: surnames of people the text names as taking part ("identified as Jane Roe",
  "John Doe, 19,", "Jane Roe was shot"), not officials who speak for every event of a town;
- `ages`: "a 19-year-old", "Jane Roe, 19,", "aged 19".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.analyze.outlet_text import reported_text, title_without_outlet
from newsprism.lang.data import mapping, words
from newsprism.lang.dates import MONTHS, WEEKDAYS
from newsprism.lang.fold import fold
from newsprism.lang.numbers import WORD_VALUES
from newsprism.model import EventDetails

_FILE = "places.json"
STREET_SUFFIXES: dict[str, str] = mapping(_FILE, "street_suffixes")
VENUE_NOUNS = words(_FILE, "venue_nouns")
AREA_NOUNS = words(_FILE, "area_nouns")
NOT_VENUES = words(_FILE, "not_venues")
PERSON_CUES = words(_FILE, "person_cues")
PERSON_VERBS = words(_FILE, "person_verbs")
NAME_SUFFIXES = words(_FILE, "name_suffixes")
NOT_AGE_UNITS = words(_FILE, "not_age_units")

READ_CHARS = 6000
"""Characters of text read: the details of an event are told in its first paragraphs."""
DAY_CHARS = 700
"""How far into the text the event's day is looked for: the title and the lead say when."""
MAX_AGE = 99

_CAP = r"[A-Z][a-zA-Z'’.-]*"
_NAME_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z]+)?"
_DIRECTION = (
    r"(?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|N|S|E|W|NE|NW|SE|SW)\.?\s+)?"
)
_STREET = re.compile(
    rf"\b{_DIRECTION}((?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))(?:\s+{_CAP}){{0,2}})\s+"
    rf"((?i:{'|'.join(sorted(STREET_SUFFIXES, key=len, reverse=True))}))\b\.?"
)
_ROUTE = re.compile(r"\b(Interstate|I|Highway|Route|U\.?S\.?|State Road|SR|County Road)[\s-]?(\d{1,3})\b")
_VENUE = re.compile(
    rf"\b((?:{_CAP}\s+){{1,3}})((?i:{'|'.join(sorted(VENUE_NOUNS, key=len, reverse=True))}))\b"
)
_AREA = re.compile(
    rf"\bthe\s+((?:{_CAP}\s+){{1,3}})({'|'.join(sorted(AREA_NOUNS, key=len, reverse=True))})\b"
)
_AGE_WORDS = "|".join(sorted((w for w, v in WORD_VALUES.items() if 0 < v < 20), key=len, reverse=True))
_AGE = re.compile(
    rf"\b(\d{{1,2}}|(?i:{_AGE_WORDS}))[\s-]+(?i:year|yr)s?[\s-]+(?i:old)\b|\b(?i:aged?)\s+(\d{{1,2}})\b|"
    rf"(?:\b{_NAME_WORD}|\b(?i:boy|girl|man|woman|teen|toddler|child|baby)),\s+(\d{{1,2}})[,.;)](?!\d)"
)
_PERSON_WITH_AGE = re.compile(
    rf"\b({_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}),\s+(?:age\s+)?\d{{1,2}}\b(?![.,]\d)"
    rf"(?!\s*(?:%|(?i:{'|'.join(sorted(NOT_AGE_UNITS, key=len, reverse=True))})\b))"
)
_FULL_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}"
_PERSON_AFTER_CUE = re.compile(
    rf"\b(?i:{'|'.join(sorted(PERSON_CUES, key=len, reverse=True))}),?\s+({_FULL_NAME})"
)
_LISTED = re.compile(r"\bsuch\s+$", re.IGNORECASE)
_PERSON_BEFORE_VERB = re.compile(
    rf"\b({_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}})\s+(?:was|is|had been|has been|were)?\s*"
    rf"(?:{'|'.join(sorted(PERSON_VERBS, key=len, reverse=True))})\b"
)
_NOT_PERSON_WORDS = words(_FILE, "not_person_words") | frozenset(WEEKDAYS) | frozenset(MONTHS)

_MONTH = rf"(?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*\.?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
_WHEN = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY})\b|\b(?P<yesterday>yesterday)\b|\b(?P<lastnight>last night|overnight)\b|"
    rf"\b(?P<today>today|this morning|tonight|this afternoon|this evening|earlier today)\b|"
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").replace(".", " ").split())


def read_places(text: str) -> list[str]:
    """Streets, routes, venues and named parts of town, folded, in order of first mention."""
    found: list[str] = []
    for m in _STREET.finditer(text):
        name = m.group(1)
        if not name[0].isupper() and not name[0].isdigit():
            continue
        words_ = name.split()
        if any(_key(w) in _NOT_PERSON_WORDS - {"north", "south", "east", "west"} for w in words_[:1]):
            words_ = words_[1:]
        if not words_:
            continue
        found.append(f"{_key(' '.join(words_))} {STREET_SUFFIXES[m.group(2).lower().rstrip('.')]}")
    for m in _ROUTE.finditer(text):
        found.append(f"route {m.group(2)}")
    for m in _VENUE.finditer(text):
        name = m.group(1).split()
        if not name[0][0].isupper() or not m.group(2)[0].isupper():
            continue
        while name and _key(name[0]) in ("the", "a", "at", "in", "of", "near"):
            name = name[1:]
        key = _key(" ".join([*name, m.group(2)]))
        if name and not any(key.endswith(v) for v in NOT_VENUES) and not key.startswith(("police", "county")):
            found.append(key)
    for m in _AREA.finditer(text):
        found.append(_key(m.group(1)))
    return list(dict.fromkeys(found))


def read_ages(text: str) -> list[int]:
    """Ages of the people in the report, in order of first mention."""
    ages: list[int] = []
    for m in _AGE.finditer(text):
        raw = next(g for g in m.groups() if g)
        value = int(raw) if raw.isdigit() else int(WORD_VALUES.get(raw.lower(), 0))
        if 0 < value <= MAX_AGE:
            ages.append(value)
    return list(dict.fromkeys(ages))


def _surname(name: str) -> str | None:
    parts = [p for p in name.replace(".", " ").split() if len(p) > 1]
    while parts and _key(parts[-1]) in NAME_SUFFIXES:
        parts.pop()  # "Cornell McKennelly II", "John Roe Jr.": the surname comes before
    if len(parts) < 2 or any(_key(p) in _NOT_PERSON_WORDS for p in parts):
        return None
    return _key(parts[-1])


def read_people(text: str) -> list[str]:
    """Surnames of the people the report names as taking part, in order of first mention."""
    found: list[tuple[int, str]] = []
    for pattern in (_PERSON_WITH_AGE, _PERSON_AFTER_CUE, _PERSON_BEFORE_VERB):
        for m in pattern.finditer(text):
            if pattern is _PERSON_AFTER_CUE and _LISTED.search(text, max(0, m.start() - 8), m.start()):
                continue  # "such as Internet Explorer": an example, not someone who took part
            surname = _surname(m.group(1))
            if surname:
                found.append((m.start(), surname))
    return list(dict.fromkeys(s for _, s in sorted(found)))


def _weekday_before(published: date, weekday: int) -> date:
    """The last `weekday` on or before the publication day: news reports what has happened."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def read_event_day(text: str, published: date | None) -> date | None:
    """The day the event happened: the first day the title or lead names, resolved against the
    publication day; None when the text names none, or names only weekdays and is undated."""
    for m in _WHEN.finditer(text[:DAY_CHARS]):
        if m.group("month"):
            month = MONTHS.get(next((n for n in MONTHS if n.startswith(m.group("month")[:3].lower())), ""), 0)
            year = int(m.group("year")) if m.group("year") else (published.year if published else None)
            if not month or year is None:
                continue
            try:
                day = date(year, month, int(m.group("day")))
            except ValueError:
                continue
            if published and not m.group("year") and day > published + timedelta(days=1):
                day = day.replace(year=year - 1) if not (day.month == 2 and day.day == 29) else day
            return day
        if published is None:
            continue
        if m.group("weekday"):
            return _weekday_before(published, WEEKDAYS[m.group("weekday").lower()])
        if m.group("yesterday") or m.group("lastnight"):
            return published - timedelta(days=1)
        if m.group("today"):
            return published
    return None


def read_details(
    title: str | None, text: str, published: date | None, *, body: str | None = None
) -> EventDetails:
    """Where, when, who and how old, from an article's title and text (outlet furniture left out;
    `body`, when given, is the text already read without it)."""
    body = body[:READ_CHARS] if body is not None else reported_text(text[:READ_CHARS])
    full = f"{title_without_outlet(title or '')}.\n{body}"
    day = read_event_day(full, published)
    return EventDetails(
        day=day.isoformat() if day else None,
        places=read_places(full),
        people=read_people(full),
        ages=read_ages(full),
    )
