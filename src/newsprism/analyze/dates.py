"""Temporal expressions, resolved to calendar dates against the publication date.

A timeline across outlets needs "late Wednesday", "on Tuesday" and "14 May" turned into days.
spaCy's DATE and TIME entities find the expressions; a small resolver over their tokens reads
the parts (weekday, month, day, year, "last"/"next", "ago", part of day); the parse decides
which way a bare weekday points, from the tense of the verb that governs it: "said on Tuesday"
looks back, "will meet on Thursday" and "scheduled for Thursday" look forward. The publication
day itself counts both ways, so "Wednesday" in an article of a Wednesday is that Wednesday,
whether the verb is past or future. Where the grammar gives no tense (a date hanging off "a
meeting", "according to a report Tuesday") the nearer weekday wins.

Durations ("a 30-day ceasefire", "for three years") are not points in time and are skipped;
the number reader reports them. With no publication date, explicit dates still resolve and
relative ones keep their text, precision and tense with `date` None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Token

from newsprism.analyze.numbers import looks_like_year, parse_value
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.dates import (
    DEICTICS,
    MERIDIEM,
    MONTH_ABBREV,
    MONTHS,
    OTHER_UNITS,
    PARTS_OF_DAY,
    QUALIFIERS,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAY_ABBREV,
    WEEKDAYS,
    clamped_date,
    weekday_date,
)
from newsprism.model import DatePrecision, DateRef, Tense

# Words whose complement is planned: "scheduled for Thursday", "due on Friday".
PLAN_WORDS = {"schedule", "slate", "expect", "plan", "due", "set", "upcoming", "intend"}
# Controllers of an infinitive that put it ahead of the report: "plans to visit on Friday".
FUTURE_CONTROLLERS = PLAN_WORDS | {
    "hope",
    "want",
    "aim",
    "seek",
    "agree",
    "decide",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "prepare",
    "propose",
    "offer",
    "invite",
    "urge",
    "ask",
    "go",
    "wish",
    "like",
    "try",
}
# Events that can lie on either side of the report: "a meeting on Thursday".
EVENT_NOUNS = {
    "talk",
    "talks",
    "meeting",
    "summit",
    "visit",
    "trip",
    "travel",
    "conference",
    "vote",
    "election",
    "referendum",
    "hearing",
    "trial",
    "session",
    "negotiation",
    "ceasefire",
    "deadline",
    "debate",
    "ceremony",
    "match",
    "game",
    "launch",
    "rally",
    "parade",
    "strike",
    "protest",
    "arrival",
    "departure",
    "call",
    "speech",
    "address",
    "announcement",
}
# A past verb announcing such an event leaves its date free: "confirmed their travel on Friday".
ANNOUNCE_VERBS = {"confirm", "announce", "schedule", "plan", "set", "propose", "call", "arrange", "unveil"}
# Prepositions that put their object at the verb's time: "during a press conference early Sunday".
TEMPORAL_PREPS = {"during", "at", "in", "after", "before", "since", "until", "following", "amid"}
GOVERNOR_CLIMB = 12
"""Heads climbed from a date to the word that gives it a direction (a verb, a plan word, an event
noun): deeper than a news sentence's tree goes, so the bound only keeps the walk finite."""
_LEADERS = QUALIFIERS | {"last", "next", "this"}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CLOCK = re.compile(r"^(\d{1,2})(?::\s?(\d{2}))?$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")

Direction = Literal["past", "present", "future", "nearest"]


@dataclass(slots=True)
class _Parts:
    """What the tokens of one expression say, before any calendar arithmetic."""

    start: int
    end: int
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    iso: date | None = None
    rel_day: int | None = None
    deictic: str | None = None
    unit: str | None = None
    amount: float | None = None
    ago: bool = False
    hour: int | None = None
    minute: int = 0
    qualifiers: list[str] = field(default_factory=list)
    duration: bool = False
    shift: int | None = None  # days from the date told just before ("the next day": +1)

    def has_day(self) -> bool:
        return any(x is not None for x in (self.iso, self.weekday, self.rel_day, self.day))

    def only_time(self) -> bool:
        """A clock time or part of day with no day of its own ("3 p.m.", "evening")."""
        undated = self.month is None and self.year is None and self.unit is None and not self.has_day()
        return undated and (self.hour is not None or any(q in PARTS_OF_DAY for q in self.qualifiers))


def _read(doc: Doc, start: int, end: int) -> _Parts:
    """Read the calendar parts of tokens [start, end); nothing here knows the publication date."""
    p = _Parts(start, end)
    iso = _ISO.search(doc[start:end].text)
    if iso:
        try:
            p.iso = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            return p
        except ValueError:
            pass
    numbers: list[str] = []
    day_text = ""
    for tok in doc[start:end]:
        low, capital = tok.lower_.rstrip("."), tok.text[:1].isupper()
        clock = _CLOCK.match(tok.text)
        day_number = _DAY_NUMBER.match(low)
        if low in WEEKDAYS or (capital and low in WEEKDAY_ABBREV):
            p.weekday = WEEKDAYS.get(low, WEEKDAY_ABBREV.get(low))
        elif low in MONTHS or (capital and low in MONTH_ABBREV):
            p.month = MONTHS.get(low, MONTH_ABBREV.get(low))
        elif low in RELATIVE_DAYS:
            p.rel_day = RELATIVE_DAYS[low]
            if low == "tonight":
                p.qualifiers.append("night")
        elif low in MERIDIEM and p.hour is not None:
            if low.startswith("p") and p.hour < 12:
                p.hour += 12
            elif low.startswith("a") and p.hour == 12:
                p.hour = 0
        elif looks_like_year(tok) and p.year is None:
            p.year = int(tok.text)
        elif clock and (clock.group(2) or _meridiem_at(doc, tok.i + 1, end)):
            p.hour, p.minute = int(clock.group(1)), int(clock.group(2) or 0)
        elif day_number and 1 <= int(day_number.group(1)) <= 31 and p.day is None:
            p.day, day_text = int(day_number.group(1)), tok.text
        elif tok.like_num and (tok.tag_ == "CD" or tok.text[:1].isdigit()):
            numbers.append(tok.text)  # ordinal words ("the third quarter") are no amounts
        elif low in ("a", "an") and tok.i + 1 < end and doc[tok.i + 1].lemma_.lower() in UNITS:
            numbers.append("1")  # "a week ago"
        elif low == "ago":
            p.ago = True
        elif low in DEICTICS:
            p.deictic = low
        elif low in PARTS_OF_DAY or low in QUALIFIERS:
            p.qualifiers.append("mid" if low == "middle" else low)
        elif tok.lemma_.lower() in UNITS:
            p.unit = tok.lemma_.lower()
        elif tok.lemma_.lower() in OTHER_UNITS:
            p.unit = "other"
    if p.day is not None and p.month is None:
        numbers.append(day_text)  # "30-day", "three days": an amount, not a day of the month
        p.day = None
    if numbers:
        p.amount = parse_value(numbers)
        p.duration = not p.ago
    if p.deictic in ("past", "coming") and p.unit is not None:
        p.duration = True  # "the past week": a stretch ending now, not a calendar week
    p.shift = _anaphoric_shift(doc, p)
    if p.shift is not None:
        p.duration, p.deictic = False, None
    return p


# Nouns that make "the Sept. 11 attacks" the name of an event rather than a day this year.
_NAMED_EVENTS = frozenset(
    {
        "attack",
        "bombing",
        "massacre",
        "riot",
        "rioter",
        "shooting",
        "uprising",
        "survivor",
        "victim",
        "family",
        "anniversary",
        "memorial",
        "commission",
        "responder",
        "hijacker",
    }
)


def _names_an_event(doc: Doc, p: _Parts) -> bool:
    """A day and month without a year that modify an event noun ("the Sept. 11 attacks",
    "Sept. 11 survivors"): the year is history the article does not state, and the nearest
    Sept. 11 to publication would be a wrong date. "The May 14 announcement" still resolves."""
    if p.day is None or p.month is None or p.year is not None:
        return False
    root = doc[p.start : p.end].root
    head = root.head
    return (
        root.dep_ in ("nmod", "compound", "amod")
        and head.i >= p.end
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _NAMED_EVENTS
    )


_LATER = frozenset({"next", "following", "after", "later"})
_EARLIER = frozenset({"previous", "preceding", "before", "earlier", "prior"})


def _anaphoric_shift(doc: Doc, p: _Parts) -> int | None:
    """Days from the story's last told day for "the next day", "the day before", "two days
    later", "the same day": they count from the narrative, not from the publication date, so
    "The next day, she resigned" after "on Friday" is Saturday whenever the piece ran."""
    if p.unit != "day" or p.ago or p.weekday is not None or p.month is not None:
        return None
    words = {t.lower_ for t in doc[p.start : p.end]}
    if p.end < len(doc):
        words.add(doc[p.end].lower_)  # "the day before" may end before "before"
    definite = "the" in words
    if definite and "same" in words:
        return 0
    sign = 1 if words & _LATER else -1 if words & _EARLIER else 0
    if not sign:
        return None
    counted = bool(words & {"later", "earlier", "before", "after"})
    if p.amount is not None and counted:
        return sign * int(p.amount)
    return sign if definite else None


def _meridiem_at(doc: Doc, i: int, end: int) -> bool:
    return i < end and doc[i].lower_.rstrip(".") in MERIDIEM


def _verb_direction(verb: Token) -> Direction | None:
    """Which way a verb points in time, or None to keep climbing the tree."""
    lemma = verb.lemma_.lower()
    if lemma in PLAN_WORDS and verb.tag_ in ("VBN", "JJ"):
        return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo", "would", "'d"}:
        return "future"  # "would" reports a plan: still ahead of the report
    if any(a.tag_ == "MD" for a in auxes):
        return "past" if "have" in words and verb.tag_ == "VBN" else "future"
    if any(a.tag_ == "TO" for a in auxes):
        # "plans to visit on Friday", "an interview to be shown on Tuesday"
        head = verb.head
        if head is not verb and (head.lemma_.lower() in FUTURE_CONTROLLERS or head.pos_ == "NOUN"):
            return "future"
        return "future" if "be" in words and verb.tag_ == "VBN" else None
    if words & {"have", "has", "had", "'ve", "did", "was", "were"}:
        return "past"
    if words & {"is", "are", "am", "'s", "'re", "does", "do"}:
        return "present"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ not in ("xcomp", "conj")):
        announces = lemma in ANNOUNCE_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS for c in verb.children
        )
        return "nearest" if announces else "past"
    return "present" if verb.tag_ in ("VBZ", "VBP") else None


def _direction(doc: Doc, p: _Parts) -> Direction | None:
    """The direction the grammar gives an expression: climb from it to the verb that governs it."""
    tok = doc[p.start : p.end].root
    for _ in range(GOVERNOR_CLIMB):
        if not p.start <= tok.i < p.end:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according":
                return "nearest"  # "according to a report Tuesday": the source's time
            if tok.pos_ in ("VERB", "AUX"):
                found = _verb_direction(tok)
                if found is not None:
                    return found
            elif tok.pos_ == "ADJ" and lemma in PLAN_WORDS:
                return "future"
            elif (
                tok.pos_ in ("NOUN", "PROPN")
                and lemma in EVENT_NOUNS
                and not (tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS)
            ):
                return "nearest"
        if tok.head is tok:
            break
        tok = tok.head
    return None


def _year_for(pub: date, p: _Parts, direction: Direction | None) -> int:
    """The year of a month (and day) written without one, on the side the tense points to.

    A weekday written with the day ("Monday, Sept. 5") settles it when one candidate year
    matches. Two days of slack allow for a timestamp in UTC a day off the local date.
    """
    assert p.month is not None
    years = [pub.year - 1, pub.year, pub.year + 1]
    if p.day is not None and p.weekday is not None:
        matching = [y for y in years if clamped_date(y, p.month, p.day).weekday() == p.weekday]
        if len(matching) == 1:
            return matching[0]
    first = {y: clamped_date(y, p.month, p.day or 1) for y in years}
    last = {y: clamped_date(y, p.month, p.day or 31) for y in years}
    slack = timedelta(days=2)
    if direction == "past":
        return max(y for y in years if first[y] <= pub + slack)
    if direction == "future":
        return min(y for y in years if last[y] >= pub - slack)
    return min(
        years,
        key=lambda y: (
            0 if first[y] <= pub <= last[y] else min(abs((first[y] - pub).days), abs((last[y] - pub).days))
        ),
    )


def _month_start(year: int, month: int, shift: int = 0) -> date:
    total = year * 12 + month - 1 + shift
    return date(total // 12, total % 12 + 1, 1)


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


Resolved = tuple[str | None, DatePrecision]


def _resolve(p: _Parts, pub: date | None, direction: Direction | None) -> Resolved | None:
    """ISO date and precision, (None, precision) when it cannot be anchored, None for no date."""
    if p.iso is not None:
        return p.iso.isoformat(), "day"
    if p.month is not None:
        precision: DatePrecision = "day" if p.day is not None else "month"
        if p.year is not None:
            year = p.year
        elif pub is None:
            return None, precision
        elif p.deictic in ("last", "next"):
            step = -1 if p.deictic == "last" else 1  # "last March": the March before this month
            d = _month_start(pub.year, pub.month, step)
            while d.month != p.month:
                d = _month_start(d.year, d.month, step)
            return f"{d.year}-{d.month:02d}", "month"
        else:
            year = _year_for(pub, p, direction)
        if p.day is not None:
            return clamped_date(year, p.month, p.day).isoformat(), "day"
        return f"{year}-{p.month:02d}", "month"
    if p.year is not None:
        return str(p.year), "year"
    if p.weekday is not None:
        return (weekday_date(pub, p.weekday, direction, p.deictic).isoformat() if pub else None), "day"
    if p.rel_day is not None:
        return ((pub + timedelta(days=p.rel_day)).isoformat() if pub else None), "day"
    if p.unit is None and p.deictic in ("last", "this") and any(q in PARTS_OF_DAY for q in p.qualifiers):
        shift = -1 if p.deictic == "last" else 0  # "last night", "this morning"
        return ((pub + timedelta(days=shift)).isoformat() if pub else None), "day"
    if p.unit == "weekend" and p.amount is None:
        return (_weekend(pub, p.deictic, direction) if pub else None), "week"
    if p.unit in UNITS and (p.ago or (p.deictic and p.amount is None)):
        return _relative_unit(p, pub)
    return None


def _weekend(pub: date, deictic: str | None, direction: Direction | None) -> str:
    """The ISO week of the weekend meant: "over the weekend" looks back, "this weekend" ahead."""
    back = pub - timedelta(days=(pub.weekday() - 5) % 7)
    ahead = pub + timedelta(days=(5 - pub.weekday()) % 7)
    if deictic == "last":
        saturday = back if back < pub - timedelta(days=1) else back - timedelta(weeks=1)
    elif deictic == "next":
        saturday = ahead if ahead > pub else ahead + timedelta(weeks=1)
    elif deictic == "this":
        saturday = back if direction == "past" else ahead
    else:
        saturday = ahead if direction == "future" else back
    return _iso_week(saturday)


def _relative_unit(p: _Parts, pub: date | None) -> Resolved:
    """ "last week", "next month", "earlier this year", "two weeks ago"."""
    precision: DatePrecision = "day" if p.unit == "day" else p.unit  # type: ignore[assignment]
    if pub is None:
        return None, precision
    step = -1 if p.ago or p.deictic == "last" else 1 if p.deictic == "next" else 0
    count = int(p.amount or 1) * step
    if p.unit == "day":
        return (pub + timedelta(days=count)).isoformat(), "day"
    if p.unit == "week":
        return _iso_week(pub + timedelta(weeks=count)), "week"
    if p.unit == "month":
        d = _month_start(pub.year, pub.month, count)
        return f"{d.year}-{d.month:02d}", "month"
    return str(pub.year + count), "year"


def _spans(doc: Doc) -> list[tuple[int, int]]:
    """Candidate expressions: DATE/TIME entities, plus weekdays, relative days and years spaCy missed."""
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    covered = {i for s, e in spans for i in range(s, e)}
    for tok in doc:
        if tok.i in covered or tok.ent_type_ not in ("", "CARDINAL"):
            continue
        if (tok.lower_ in WEEKDAYS and tok.text[:1].isupper()) or tok.lower_ in RELATIVE_DAYS:
            spans.append((tok.i, tok.i + 1))
        elif tok.like_num and tok.dep_ in ("nummod", "compound", "pobj") and looks_like_year(tok):
            spans.append((tok.i, tok.i + 1))  # "the failed 2022 negotiations"
        elif (
            tok.lower_ == "day"
            and tok.i >= 2
            and doc[tok.i - 1].lower_ in ("following", "previous", "preceding")
            and doc[tok.i - 2].lower_ == "the"
        ):
            spans.append((tok.i - 2, tok.i + 1))  # spaCy rarely tags "the following day"
    out = []
    for start, end in sorted(spans):
        # spaCy leaves "late" before, or "evening" after, a weekday outside the entity now and then
        if start > 0 and doc[start - 1].lower_ in _LEADERS and start - 1 not in covered:
            start -= 1
        if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY and end not in covered:
            end += 1
        if not _is_title(doc, start, end):
            out.append((start, end))
    return out


def _is_title(doc: Doc, start: int, end: int) -> bool:
    """ "Today" in "the Today show": a capitalised relative day inside a sentence is a name."""
    tok = doc[start]
    capitalised = tok.text[:1].isupper() and not tok.is_sent_start
    return end - start == 1 and tok.lower_ in RELATIVE_DAYS and capitalised


def _merge(parts: list[_Parts]) -> list[_Parts]:
    """Join a bare time or part of day to the day next to it: "3 p.m. on Wednesday"."""
    out: list[_Parts] = []
    for p in parts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and p.start - prev.end <= 1
            and ((prev.has_day() and p.only_time()) or (prev.only_time() and p.has_day()))
        ):
            day, time = (prev, p) if prev.has_day() else (p, prev)
            day.hour = day.hour if day.hour is not None else time.hour
            day.minute = day.minute or time.minute
            day.qualifiers = prev.qualifiers + p.qualifiers
            day.start, day.end = prev.start, p.end
            out[-1] = day
        else:
            out.append(p)
    return out


def _borrow_years(doc: Doc, parts: list[_Parts]) -> None:
    """ "March and April 2022": a month without a year takes the year of the month it is joined to."""
    with_year = [q for q in parts if q.year is not None and q.month is not None]
    by_token = {i: q for q in with_year for i in range(q.start, q.end)}
    for p in parts:
        if by_token and p.month is not None and p.year is None:
            years = [by_token[c.i].year for c in doc[p.start : p.end].root.conjuncts if c.i in by_token]
            p.year = years[0] if years else None


def _tense(
    direction: Direction | None, iso: str | None, precision: DatePrecision, pub: date | None, absolute: bool
) -> Tense:
    """The date's side of publication when a written year fixes it; else the grammar's tense;
    else (no clear tense) the resolved date's side."""
    side: Tense | None = None
    if iso is not None and pub is not None:
        here = {"week": _iso_week(pub), "month": pub.isoformat()[:7], "year": str(pub.year)}.get(
            precision, pub.isoformat()
        )
        mine = iso[: len(here)]
        side = "past" if mine < here else "future" if mine > here else "present"
        if absolute and side != "present":
            return side
    if direction == "past" or direction == "future":
        return direction
    return side or "present"


def extract_dates(doc: Doc, sentences: SentenceIndex, published: date | None) -> list[DateRef]:
    """Every point in time the article names, resolved where the publication date allows."""
    parts = _merge([p for p in (_read(doc, s, e) for s, e in _spans(doc)) if not p.duration])
    _borrow_years(doc, parts)
    out: list[DateRef] = []
    told: tuple[int, date] | None = None  # the sentence and day of the last day told
    for p in parts:
        direction = _direction(doc, p)
        sentence = sentences.of_char(doc[p.start].idx)
        resolved: Resolved | None
        if _names_an_event(doc, p):
            resolved = (None, "day")
        elif p.shift is not None:
            # Counted from the day told within the last two sentences; else unknown, not guessed.
            near = told is not None and sentence - told[0] <= 2
            resolved = ((told[1] + timedelta(days=p.shift)).isoformat() if near and told else None, "day")
        else:
            resolved = _resolve(p, published, direction)
        iso: str | None = None
        precision: DatePrecision = "time"
        if resolved is not None:
            iso, precision = resolved
        elif not p.only_time() or p.hour is None:
            continue  # a duration or a vague phrase ("recent years"): no point in time
        tense = _tense(direction, iso, precision, published, p.iso is not None or p.year is not None)
        if iso is not None and precision == "day":
            told = (sentence, date.fromisoformat(iso))
        if p.hour is not None and precision == "day":
            iso, precision = (f"{iso}T{p.hour:02d}:{p.minute:02d}" if iso else None), "time"
        span = doc[p.start : p.end]
        out.append(
            DateRef(
                text=span.text,
                date=iso,
                precision=precision,
                tense=tense,
                sentence=sentence,
                start=span.start_char,
                end=span.end_char,
                part_of_day=" ".join(dict.fromkeys(p.qualifiers)) or None,
            )
        )
    return out
