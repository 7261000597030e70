"""Dates in a language without a parser, resolved against the publication day with its own words.

The expressions read are the ones news dates a happening with: a relative day ("вчера", "ayer",
"aujourd'hui"), a weekday ("в среду", "el miércoles", "Mittwochabend"), a day of a month with or
without its year ("14 мая 2025 года", "el 14 de mayo", "14. Mai"), a month with its year or after
a word that puts it in time ("en mayo", "в мае"), a year after such a word or before a year word
("в 2022 году"), and a date in figures ("14.05.2025").

Without a parser there is no verb tense to ask, so the direction of a weekday or of a month
written without its year follows news usage, which mostly reports what happened: a weekday is the
most recent such day up to the publication day itself (which, as in the English reader, counts
both ways), unless a word next to it looks ahead ("el próximo miércoles", "в следующую среду") or back
("mercredi dernier"), or a future verb stands in its clause ("состоится в пятницу", "viajará el
viernes": languages.json's future words and endings; a clause is cut at a comma or at a word that
opens another, so "disse na quarta-feira que vai viajar" still looks back). With no publication
date a relative expression keeps its text with `date` None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from newsprism.analyze.light_words import PhraseIndex, Word, clause, index_phrases, joined, phrase_at
from newsprism.lang.dates import MONTHS, clamped_date, weekday_date
from newsprism.lang.languages import LanguageWords
from newsprism.model import DatePrecision, DateRef, Tense

Direction = Literal["past", "future"]
FUTURE_REACH = 5
"""Words on each side of a date, within its clause, read for a future verb."""
MIN_YEAR, MAX_YEAR = 1800, 2100
_NUMERIC = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])")
_ABBREVIATED = re.compile(r"(?<![\w-])(\d{1,2})-([^\W\d_]{3,10})\.?-(\d{4}|\d{2})(?![\w-])")
"""A day, an abbreviated month and a year joined by hyphens ("01-Mar-08"), as wire and
database datelines write it in any language."""
_SLACK = timedelta(days=2)


class DateReader:
    """Reads the dates of one article's words."""

    def __init__(self, text: str, lang: LanguageWords, published: date | None) -> None:
        self.text = text
        self.lang = lang
        self.pub = published
        self.relative: PhraseIndex = index_phrases(lang.relative_days)

    def read(self, sentences: Sequence[Sequence[Word]]) -> list[DateRef]:
        out = self._numeric(sentences)
        taken = {(r.start) for r in out}
        for words in sentences:
            i = 0
            while i < len(words):
                if words[i].start in taken:
                    i += 1
                    continue
                ref, i = self._at(words, i)
                if ref is not None:
                    out.append(ref)
        out.sort(key=lambda r: r.start)
        return out

    def _numeric(self, sentences: Sequence[Sequence[Word]]) -> list[DateRef]:
        """ "14.05.2025", "14/05/2025": day, month, year, as the languages read here write them."""
        out = []
        for words in sentences:
            if not words:
                continue
            lo, hi = words[0].start, words[-1].end
            for m in _NUMERIC.finditer(self.text, lo, hi):
                day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
                try:
                    iso = date(year, month, day)
                except ValueError:
                    continue
                out.append(self._ref(m.start(), m.end(), iso.isoformat(), "day", None, words[0].sentence))
            for m in _ABBREVIATED.finditer(self.text, lo, hi):
                named = self._month_named(m.group(2).lower())
                if named is None:
                    continue
                try:
                    iso = date(self._full_year(m.group(3)), named, int(m.group(1)))
                except ValueError:
                    continue
                out.append(self._ref(m.start(), m.end(), iso.isoformat(), "day", None, words[0].sentence))
        return out

    def _month_named(self, word: str) -> int | None:
        """A month written in full or by its first letters, in the language or in English
        (datelines abbreviate months the English way in every language: "Mar", "Oct")."""
        if word in self.lang.months:
            return self.lang.months[word]
        found = {n for name, n in (*self.lang.months.items(), *MONTHS.items()) if name.startswith(word)}
        return found.pop() if len(found) == 1 else None

    def _full_year(self, written: str) -> int:
        """A year of two figures in the century that puts it nearest the publication year (else
        the POSIX reading: 69-99 are 1900s, 00-68 2000s)."""
        year = int(written)
        if len(written) == 4:
            return year
        if self.pub is not None:
            near = self.pub.year
            return min((1900 + year, 2000 + year, 2100 + year), key=lambda y: abs(y - near))
        return 1900 + year if year >= 69 else 2000 + year

    def _at(self, words: Sequence[Word], i: int) -> tuple[DateRef | None, int]:
        """The date that starts at word i, if any, and the index to read on from."""
        w = words[i]
        rel = phrase_at(words, i, self.relative)
        if rel is not None and self._is_relative(words, i, rel):
            end = i + len(rel)
            days = self.lang.relative_days[rel]
            iso = (self.pub + timedelta(days=days)).isoformat() if self.pub else None
            return self._ref(w.start, words[end - 1].end, iso, "day", None, w.sentence), end
        weekday = self.lang.weekday(w.norm)
        if weekday is not None:
            return self._weekday(words, i, *weekday)
        if w.digits and len(w.text) <= 2 and 1 <= int(w.text) <= 31:
            ref, end = self._day_month(words, i)
            if ref is not None:
                return ref, end
        if w.norm in self.lang.months:
            return self._month(words, i)
        if self._is_year(w) and (self._period_before(words, i) or self._year_word_at(words, i + 1)):
            end = i + 2 if self._year_word_at(words, i + 1) else i + 1
            return self._ref(w.start, words[end - 1].end, w.text, "year", None, w.sentence), end
        return None, i + 1

    def _is_relative(self, words: Sequence[Word], i: int, rel: tuple[str, ...]) -> bool:
        w = words[i]
        if rel[0] in self.lang.lowercase_only and w.capital and not w.first:
            return False  # German "Morgen" is the morning; "morgen" is tomorrow
        blockers = self.lang.not_relative_after.get(rel[0], frozenset())
        return not (i > 0 and words[i - 1].norm in blockers and joined(self.text, words, i - 1, i))

    def _weekday(
        self, words: Sequence[Word], i: int, weekday: int, part: str | None
    ) -> tuple[DateRef | None, int]:
        start, end = i, i + 1
        deictic: str | None = None
        if i > 0 and joined(self.text, words, i - 1, i):
            if words[i - 1].norm in self.lang.next_words:
                deictic, start = "next", i - 1
            elif words[i - 1].norm in self.lang.last_words:
                deictic, start = "last", i - 1
        if deictic is None and joined(self.text, words, i, i + 1):
            if words[i + 1].norm in self.lang.last_words:
                deictic, end = "last", i + 2  # "mercredi dernier", "el miércoles pasado"
            elif words[i + 1].norm in self.lang.next_words:
                deictic, end = "next", i + 2
        direction = self._direction(words, i)
        iso = weekday_date(self.pub, weekday, direction, deictic).isoformat() if self.pub else None
        return self._ref(
            words[start].start, words[end - 1].end, iso, "day", direction, words[i].sentence, part
        ), end

    def _day_month(self, words: Sequence[Word], i: int) -> tuple[DateRef | None, int]:
        """ "14 мая 2025 года", "14 de mayo de 2025", "14. Mai", "1er mai"."""
        k = i + 1
        if k < len(words) and words[k].norm in self.lang.ordinal_marks and words[k].start == words[i].end:
            k += 1
        k = self._skip_joiners(words, k)
        if k >= len(words) or words[k].norm not in self.lang.months or not self._near(words, i, k):
            return None, i + 1
        day, month = int(words[i].text), self.lang.months[words[k].norm]
        end, year = self._year_after(words, k)
        if year is None:
            direction = self._direction(words, k)
            year = _year_for(self.pub, month, day, direction) if self.pub else None
            iso = clamped_date(year, month, day).isoformat() if year else None
            return self._ref(
                words[i].start, words[end - 1].end, iso, "day", direction, words[i].sentence
            ), end
        iso = clamped_date(year, month, day).isoformat()
        return self._ref(words[i].start, words[end - 1].end, iso, "day", None, words[i].sentence), end

    def _month(self, words: Sequence[Word], i: int) -> tuple[DateRef | None, int]:
        """ "mayo de 2025", "en mayo", "в мае"; a month name alone is too often a word of its own."""
        month = self.lang.months[words[i].norm]
        end, year = self._year_after(words, i)
        if year is not None:
            return self._ref(
                words[i].start, words[end - 1].end, f"{year}-{month:02d}", "month", None, words[i].sentence
            ), end
        if not self._period_before(words, i):
            return None, i + 1
        direction = self._direction(words, i)
        year = _year_for(self.pub, month, None, direction) if self.pub else None
        iso = f"{year}-{month:02d}" if year else None
        return self._ref(words[i].start, words[i].end, iso, "month", direction, words[i].sentence), i + 1

    def _year_after(self, words: Sequence[Word], k: int) -> tuple[int, int | None]:
        """(end, year) of a year written after word k ("мая 2025 года"), or (k + 1, None)."""
        y = self._skip_joiners(words, k + 1)
        if y < len(words) and self._is_year(words[y]) and self._near(words, k, y):
            end = y + 2 if self._year_word_at(words, y + 1) else y + 1
            return end, int(words[y].text)
        return k + 1, None

    def _skip_joiners(self, words: Sequence[Word], k: int) -> int:
        while k < len(words) and words[k].norm in self.lang.date_joiners:
            k += 1
        return k

    def _near(self, words: Sequence[Word], i: int, k: int) -> bool:
        """Words i..k written as one expression: only spaces, a comma or a day's dot between."""
        return all(not self.text[words[x].end : words[x + 1].start].strip(" \u00a0.,") for x in range(i, k))

    def _is_year(self, w: Word) -> bool:
        return w.digits and len(w.text) == 4 and MIN_YEAR <= int(w.text) <= MAX_YEAR

    def _year_word_at(self, words: Sequence[Word], k: int) -> bool:
        return k < len(words) and words[k].norm in self.lang.year_words and joined(self.text, words, k - 1, k)

    def _period_before(self, words: Sequence[Word], i: int) -> bool:
        return i > 0 and words[i - 1].norm in self.lang.period_words and joined(self.text, words, i - 1, i)

    def _direction(self, words: Sequence[Word], i: int) -> Direction:
        lo, hi = clause(self.text, words, i, FUTURE_REACH, self.lang.clause_words)
        for w in words[lo:hi]:
            if w.norm in self.lang.future_words or (
                len(w.norm) >= 5
                and self.lang.future_endings
                and w.norm.endswith(tuple(self.lang.future_endings))
            ):
                return "future"
        return "past"

    def _ref(
        self,
        start: int,
        end: int,
        iso: str | None,
        precision: DatePrecision,
        direction: Direction | None,
        sentence: int,
        part: str | None = None,
    ) -> DateRef:
        return DateRef(
            text=self.text[start:end],
            date=iso,
            precision=precision,
            tense=_tense(iso, precision, self.pub, direction),
            sentence=sentence,
            start=start,
            end=end,
            part_of_day=part,
        )


def _year_for(pub: date | None, month: int, day: int | None, direction: Direction) -> int | None:
    """The year of a month (and day) written without one: the latest not after publication (two
    days' slack for a time stamp in UTC), or the first not before it when the date looks ahead."""
    if pub is None:
        return None
    years = [pub.year - 1, pub.year, pub.year + 1]
    if direction == "future":
        return min(y for y in years if clamped_date(y, month, day or 31) >= pub - _SLACK)
    return max(y for y in years if clamped_date(y, month, day or 1) <= pub + _SLACK)


def _tense(iso: str | None, precision: DatePrecision, pub: date | None, direction: Direction | None) -> Tense:
    """The date's side of publication where both are known, else the direction it was read in."""
    if iso is not None and pub is not None:
        here = {"month": pub.isoformat()[:7], "year": str(pub.year)}.get(precision, pub.isoformat())
        mine = iso[: len(here)]
        return "past" if mine < here else "future" if mine > here else "present"
    return direction or "present"
