"""What places an article in a story, read cheaply enough for a corpus of 100,000 articles.

A full analysis (parse, quotes, dates in context) costs a spaCy parse an article; placing
articles must cost far less, so this module reads three things with plain string work and keeps
them compact:

- `terms`: the article's content words (lower-cased, diacritics folded, crudely stemmed) with
  sublinear counts, the bag a tf-idf comparison needs;
- `names`: capitalised words inside sentences (people, places, organisations, teams), where two
  similar events usually differ ("Klitschko beats Rahman" / "Klitschko beats Thompson");
- `dates`: the calendar days the article is about: its publication day when known, else the
  absolute dates written in its first lines (a dateline such as "May 2, 2013"), so that
  undated feeds and archives still have a time.

- `details`: what tells this event from another of its kind (the day it happened, streets and
  venues, people, ages: analyze/details.py), and `outlet`, the site that published it, whose
  own furniture (title suffix, widget lines: analyze/outlet_text.py) is left out of all of the
  above so that two reports of one station do not look alike for being the station's.

When the caller already holds an `Analysis` (the stored workflow analyses every article), its
resolved dates, entity names and details are used instead of reading them again. The
features are a `model.Placement`; the archive stores them through `newsprism.codec`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from contextlib import suppress
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from newsprism.analyze.details import read_details
from newsprism.analyze.outlet_text import reported_text, title_without_outlet
from newsprism.lang.dates import MONTHS, WEEKDAYS, published_day
from newsprism.lang.fold import fold
from newsprism.lang.languages import month_words
from newsprism.lang.lexicon import STOPWORDS, stem
from newsprism.lang.translit import has_cyrillic, transliterate
from newsprism.model import Analysis, Article, Placement

LEAD_WORDS = 80
"""Words of title and lead that make an article's vector: enough for the what, who and where."""
DATELINE_CHARS = 400
"""How far into the text a written date still dates the article (a dateline, a first sentence)."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\"”])\s+|\n+")
# A month is read by its first three letters, so "Sept.", "Sep" and "September" are one.
_MONTHS = {name[:3]: number for name, number in MONTHS.items()}
_MONTH = rf"({'|'.join(_MONTHS)})[a-z]*\.?"
_YEAR = r"((?:19|20)\d\d)"
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
_ISO = re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b")
_NUMERIC = re.compile(rf"\b(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}\b")
# "01-Mar-08", "20-Sep-2008": the day-month-year stamp of archives and some wire datelines.
_STAMP = re.compile(rf"\b(\d{{1,2}})-{_MONTH}-((?:19|20)?\d\d)\b", re.IGNORECASE)
_NOT_NAMES_TEXT = (
    "the a an in on at for and but or if it he she they we i you this that these those his her "
    "their our its mr mrs ms dr after before when while as by from with of to according there here "
    "what who"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split()) | frozenset(WEEKDAYS) | frozenset(MONTHS)


_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/", re.IGNORECASE)


def outlet_of(article: Article) -> str | None:
    """The site that published the article: its web address's host (inside an archive's
    address when archived), else its source's name; None when neither is known."""
    if article.url:
        host = urlsplit(_ARCHIVED.sub("", article.url.strip())).hostname
        if host:
            return host.removeprefix("www.")
    return fold(article.source) if article.source else None


def lead_text(article: Article, body: str | None = None) -> str:
    """Title and the first LEAD_WORDS words of the text, without the outlet's furniture: what
    the article vector is made of. `body`: the text already read without its furniture."""
    start = body[: 40 * LEAD_WORDS] if body is not None else reported_text(article.text[: 40 * LEAD_WORDS])
    words = start.split()[:LEAD_WORDS]
    title = title_without_outlet(article.title or "")
    return f"{title}\n{' '.join(words)}" if title else " ".join(words)


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(count): a word said ten times is not ten times the evidence."""
    return {term: 1.0 + math.log(n) for term, n in counts.items()}


def content_terms(text: str) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(fold(text)):
        word = match.group().replace("’", "'").split("'")[0].strip("-")
        if len(word) >= 3 and word not in STOPWORDS:
            counts[stem(word)] += 1
    return sublinear(counts)


def proper_names(text: str) -> dict[str, float]:
    """Capitalised words that do not open a sentence, folded: a cheap, fast stand-in for NER.

    The sentence's first word is skipped (capitalised by grammar, not by being a name), and so
    are all-capital headlines, where every word looks like a name.
    """
    counts: Counter[str] = Counter()
    for sentence in _SENTENCE_SPLIT.split(text):
        letters = [c for c in sentence if c.isalpha()]
        if letters and sum(map(str.isupper, letters)) > 0.6 * len(letters):
            continue
        for position, match in enumerate(_WORD.finditer(sentence)):
            word = match.group().replace("’", "'").split("'")[0]
            if position == 0 or len(word) < 2 or not word[0].isupper():
                continue
            key = fold(transliterate(word)) if has_cyrillic(word) else fold(word)
            if key not in _NOT_NAMES:
                counts[key] += 1
    return sublinear(counts)


_FOREIGN_HINT = re.compile(r"\d\.?\s+(?:de\s+)?[^\W\d_]", re.UNICODE)


@cache
def _foreign_dmy() -> re.Pattern[str]:
    """Day, month and year in the languages read lightly: "1 de marzo de 2008", "14 мая 2025",
    "1. März 2008", "5 maart 2008" (lang/languages.py's month words)."""
    names = "|".join(sorted((re.escape(w) for w in month_words()), key=len, reverse=True))
    return re.compile(
        rf"\b(\d{{1,2}})\.?(?:º|er)?\s+(?:de\s+)?({names})\.?,?\s+(?:de\s+|del\s+)?{_YEAR}\b",
        re.IGNORECASE | re.UNICODE,
    )


def written_dates(text: str) -> list[date]:
    """Absolute calendar dates written in `text`, in order of appearance."""
    found: list[tuple[int, date]] = []

    def keep(pos: int, year: str, month: int, day: str) -> None:
        with suppress(ValueError):  # "February 30"
            found.append((pos, date(int(year), month, int(day))))

    for m in _MDY.finditer(text):
        keep(m.start(), m.group(3), _MONTHS[m.group(1).lower()[:3]], m.group(2))
    for m in _DMY.finditer(text):
        keep(m.start(), m.group(3), _MONTHS[m.group(2).lower()[:3]], m.group(1))
    for m in _ISO.finditer(text):
        keep(m.start(), m.group(1), int(m.group(2)), m.group(3))
    for m in _STAMP.finditer(text):
        year = m.group(3)
        if len(year) == 2:  # a two-digit year past 50 is last century's
            year = f"{19 if int(year) > 50 else 20}{year}"
        keep(m.start(), year, _MONTHS[m.group(2).lower()[:3]], m.group(1))
    if not text.isascii() or _FOREIGN_HINT.search(text):
        months = month_words()
        for m in _foreign_dmy().finditer(text):
            keep(m.start(), m.group(3), months[m.group(2).lower()], m.group(1))
    for m in _NUMERIC.finditer(text):
        # Month first, as US outlets write it; an impossible month falls back to day first.
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (first, second) if first <= 12 else (second, first)
        keep(m.start(), m.group(3), month, str(day))
    return [d for _, d in sorted(set(found))]


def placement(article: Article, analysis: Analysis | None = None) -> Placement:
    """Read an article's placement features; `analysis`, when given, adds its resolved dates."""
    body = reported_text(article.text)  # read once: the furniture rules run on every line
    full = f"{title_without_outlet(article.title or '')}\n{body}"
    dates = written_dates(full[:DATELINE_CHARS])
    published = published_day(article)
    details = analysis.details if analysis is not None else None
    if details is None or not (details.day or details.places or details.people or details.ages):
        details = read_details(article.title, article.text, published, body=body)
    names = proper_names(full)
    if analysis is not None:
        for ref in analysis.dates:
            if ref.date and ref.precision == "day" and ref.tense != "future":
                try:
                    dates.append(date.fromisoformat(ref.date))
                except ValueError:
                    continue
        for entity in analysis.entities:
            names.setdefault(fold(entity.name), 1.0 + math.log(max(1, len(entity.mentions))))
    return Placement(
        id=article.id,
        lead=lead_text(article, body),
        terms=content_terms(full),
        names=names,
        dates=dates,
        published=published,
        details=details,
        outlet=outlet_of(article),
    )
