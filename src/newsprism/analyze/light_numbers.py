"""Figures written in digits in a language without a parser, read with that language's conventions.

Every light language writes a decimal comma and groups thousands with a dot or a space, plain
or (narrow) no-break: "2,5" is two and a half, "1.000" and "1 000" are a thousand (languages.json's
`space_groups` says where a plain space groups). A figure that does not fit the convention
("1.5", "14.30" as a clock time) is not read rather than read wrongly, nor is one glued to letters
or a hyphen ("G7", "Су-27", "25-летний", "1er"), a clock time ("14:30"), a figure of a date (the
date reader has it), or a bare year ("2022"). A scale word after the figure multiplies it, as the
English reader does ("1,5 миллиона" is 1,500,000, its text "1,5 миллиона").

What a figure counts and its unit are not read: without a parser nothing says which noun it
belongs to. So `unit`, `counts` and `standalone` stay None, and the comparison, which compares
standalone figures only, lists these without setting them against other outlets' figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache

from newsprism.analyze.light_words import PhraseIndex, Word, index_phrases, joined, phrase_at
from newsprism.lang.languages import LanguageWords
from newsprism.model import DateRef, NumberRef

_NARROW_SPACES = "\u00a0\u202f\u2009"
_ID_MARKS = frozenset("№#")


@cache
def _pattern(space_groups: bool) -> re.Pattern[str]:
    groups = "." + _NARROW_SPACES + (" " if space_groups else "")
    sep = "[" + re.escape(groups) + "]"
    return re.compile(
        rf"(?<![\w.,:/-])(?:\d{{1,3}}(?:{sep}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)(?!\w|[:/]|[.,]\d|-[^\W\d_])"
    )


def parse_figure(text: str) -> float:
    """ "1.000,5" / "1 000,5" -> 1000.5: group marks dropped, the decimal comma read as a point."""
    plain = text.replace(".", "").replace(" ", "")
    for space in _NARROW_SPACES:
        plain = plain.replace(space, "")
    return float(plain.replace(",", "."))


class NumberReader:
    """Reads the figures of one article."""

    def __init__(self, text: str, lang: LanguageWords, words: Sequence[Word]) -> None:
        self.text = text
        self.lang = lang
        self.words = words
        self.starts = [w.start for w in words]
        self.scales: PhraseIndex = index_phrases(lang.scales)

    def read(self, dates: Sequence[DateRef], sentence_of: Callable[[int], int]) -> list[NumberRef]:
        spans = sorted((d.start, d.end) for d in dates)
        starts = [s for s, _ in spans]
        out = []
        for m in _pattern(self.lang.space_groups).finditer(self.text):
            a, b = m.span()
            k = bisect_right(starts, a) - 1
            if k >= 0 and spans[k][0] <= a < spans[k][1]:
                continue  # a day or a year of a date
            figure = m.group()
            if figure.isdigit() and len(figure) == 4 and 1800 <= int(figure) <= 2100:
                continue  # a year, as news writes years: bare
            if self.text[max(0, a - 2) : a].strip()[-1:] in _ID_MARKS:
                continue  # "№ 5": a name, not a count
            value = parse_figure(figure)
            end, scale = self._scale_after(b)
            out.append(
                NumberRef(
                    text=self.text[a:end],
                    value=value * scale,
                    unit=None,
                    counts=None,
                    sentence=sentence_of(a),
                    start=a,
                    end=end,
                )
            )
        return out

    def _scale_after(self, end: int) -> tuple[int, float]:
        """The end and factor of a scale word right after a figure ("миллиона", "mil millones")."""
        k = bisect_left(self.starts, end)
        if k >= len(self.words) or self.text[end : self.words[k].start].strip(" " + _NARROW_SPACES):
            return end, 1.0
        scale = phrase_at(self.words, k, self.scales)
        if scale is None or not all(
            joined(self.text, self.words, x, x + 1) for x in range(k, k + len(scale) - 1)
        ):
            return end, 1.0
        return self.words[k + len(scale) - 1].end, self.lang.scales[scale]
