"""Direct quotations in a language without a parser: its quotation marks, and a speaker where a
reporting verb of the language and a name stand beside the quotation.

Each language pairs its own marks (languages.json: « » and „ “ in Russian, „ “ and ‚ ‘ in German,
“ ” in Dutch...), so a German closing “ is never read as a Spanish opening one. Marks are paired
line by line in one pass; a quotation still open at the end of its line closes there, the print
convention for quotations that run over paragraphs. A closing ’ followed by a letter is an
apostrophe ("l’Ucraina"), not a mark.

Only a quotation with a reporting word beside it is emitted: right after it, joined by a comma or
a dash ("», — заявил Песков", "”, dijo Sánchez", "“, sagte Peskow"), or right before it, joined
by a colon or a comma ("Песков заявил: «", "По словам Пескова, «"). Russian and French set names
of companies and newspapers in guillemets as well («Газпром»), and without a parser nothing else
tells a quotation from such a name. The speaker is the name next to the reporting word, on either
side, a few lower-case words (a title: "сказал журналистам пресс-секретарь президента Дмитрий
Песков") allowed between; a reporting word with no name beside it ("говорится в заявлении",
"a-t-il déclaré") gives a quotation with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from newsprism.analyze.light_names import MAX_NAME_WORDS, LightEntities, NameWords, Slot
from newsprism.analyze.light_words import CLAUSE_BREAKS, PhraseIndex, Word, between, joined, phrase_at
from newsprism.lang.languages import LanguageWords
from newsprism.model import Quote

CUE_REACH = 3
"""Words between a quotation and its reporting word at most ("», — также заявил")."""
TITLE_REACH = 4
"""Lower-case words between a reporting word and the name after it ("сказал журналистам
пресс-секретарь президента Дмитрий Песков")."""
NAME_BEFORE_REACH = 2
"""Words between a name and the reporting word after it ("Песков также заявил")."""
_LINE = re.compile(r"[^\n]+")
_AMBIGUOUS = frozenset("\"'‘’‚")
_SENTENCE_END = frozenset(".!?\n")
_TRAILING = ",;:—–-"
_JOINTS = frozenset(",—–-")


@dataclass(frozen=True, slots=True)
class Marked:
    """Text between paired marks: the marks sit at [open, inner) and [inner_end, close)."""

    open: int
    inner: int
    inner_end: int
    close: int


@dataclass(slots=True)
class Attribution:
    """A quotation with the word indices [cue_start, cue_end) of its reporting word, and where its
    speaker's name should be."""

    mark: Marked
    cue_start: int
    cue_end: int
    slot: Slot | None


@cache
def _mark_pattern(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(marks) + "]")


def scan_marks(text: str, pairs: Sequence[tuple[str, str]]) -> list[Marked]:
    """Pair the quotation marks of `pairs` line by line, in one pass over the text."""
    closers: dict[str, frozenset[str]] = {}
    for a, b in pairs:
        closers[a] = closers.get(a, frozenset()) | {b}
    pattern = _mark_pattern("".join(sorted(set(closers) | {b for _, b in pairs})))
    out: list[Marked] = []
    for line in _LINE.finditer(text):
        lo, hi = line.span()
        opener: str | None = None
        depth = start = 0
        for m in pattern.finditer(text, lo, hi):
            p, c = m.start(), m.group()
            prev = text[p - 1] if p > lo else " "
            nxt = text[p + 1] if p + 1 < hi else " "
            if opener is None:
                if c in closers and _opens(c, prev, nxt):
                    opener, depth, start = c, 1, p
            elif c in closers[opener] and _closes(c, prev, nxt):
                depth -= 1
                if not depth:
                    out.append(Marked(start, start + 1, p, p + 1))
                    opener = None
            elif c == opener and _opens(c, prev, nxt):
                depth += 1  # « « nested » »
        if opener is not None:
            end = hi
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            out.append(Marked(start, start + 1, end, end))
    return [m for m in out if text[m.inner : m.inner_end].strip()]


def _opens(c: str, prev: str, nxt: str) -> bool:
    if prev.isalnum():
        return False
    return not (c in _AMBIGUOUS and nxt.isspace())


def _closes(c: str, prev: str, nxt: str) -> bool:
    if c in _AMBIGUOUS:
        return not prev.isspace() and not nxt.isalnum()
    return True


def inner_span(text: str, mark: Marked) -> tuple[int, int]:
    """The quoted words without the spaces and the trailing comma or dash that join them to their frame."""
    a, b = mark.inner, mark.inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _TRAILING):
        b -= 1
    return a, b


class Attributor:
    """Finds each quotation's reporting word and the words of its speaker's name."""

    def __init__(
        self, text: str, words: Sequence[Word], lang: LanguageWords, names: NameWords, cues: PhraseIndex
    ):
        self.text = text
        self.words = words
        self.lang = lang
        self.names = names
        self.cues = cues
        self.starts = [w.start for w in words]

    def attribute(self, marks: Sequence[Marked]) -> list[Attribution]:
        out = []
        for n, mark in enumerate(marks):
            limit = marks[n + 1].open if n + 1 < len(marks) else len(self.text)
            floor = marks[n - 1].close if n else 0
            found = self._after(mark, limit) or self._before(mark, floor)
            if found is not None:
                out.append(found)
        return out

    def _after(self, mark: Marked, limit: int) -> Attribution | None:
        """ "«...», — заявил Песков": a reporting word just after the closing mark, which a comma
        or a dash joins to it (or the quotation's own "!", "?" or "…")."""
        joint = self.text[mark.close : mark.close + 4].lstrip(" \u00a0")
        inner = self.text[mark.inner : mark.inner_end].rstrip()
        if not (joint[:1] in _JOINTS or inner[-1:] in _JOINTS or inner[-1:] in "!?…"):
            return None  # "компания «Газпром» сократила...": a name in marks
        a = bisect_left(self.starts, mark.close)
        for k in range(a, min(a + CUE_REACH, len(self.words))):
            if self.words[k].start >= limit or _SENTENCE_END.intersection(
                self.text[mark.close : self.words[k].start]
            ):
                return None
            cue = phrase_at(self.words, k, self.cues)
            if cue is not None:
                end = k + len(cue)
                slot = self._name_after(end, limit) or self._name_before(k, a)
                return Attribution(mark, k, end, self._hinted(slot, cue))
        return None

    def _before(self, mark: Marked, floor: int) -> Attribution | None:
        """ "Песков заявил: «...»", "По словам Пескова, «...»": a reporting word just before it."""
        b = bisect_left(self.starts, mark.open)
        for k in range(b - 1, max(b - 1 - CUE_REACH - self.lang.longest_cue, -1), -1):
            if self.words[k].start < floor:
                return None
            cue = phrase_at(self.words, k, self.cues)
            if cue is None or k + len(cue) > b:
                continue
            gap = self.text[self.words[k + len(cue) - 1].end : mark.open]
            if _SENTENCE_END.intersection(gap) or b - (k + len(cue)) > CUE_REACH:
                return None
            if b and not _JOINTS.union(":").intersection(self.text[self.words[b - 1].end : mark.open]):
                return None  # "сообщила газета «Коммерсантъ»": a colon or a comma opens a quotation
            slot = self._name_before(k, floor_word=bisect_left(self.starts, floor)) or self._name_after(
                k + len(cue), mark.open
            )
            return Attribution(mark, k, k + len(cue), self._hinted(slot, cue))
        return None

    def _hinted(self, slot: Slot | None, cue: tuple[str, ...]) -> Slot | None:
        if slot is not None and cue in self.lang.genitive_cues:
            slot.case_hint = "gen"
        return slot

    def _name_after(self, i: int, limit: int) -> Slot | None:
        """The run of name words starting within TITLE_REACH lower-case words after word i."""
        for k in range(i, min(i + TITLE_REACH + 1, len(self.words))):
            w = self.words[k]
            if w.start >= limit or (
                k > i and CLAUSE_BREAKS.intersection(between(self.text, self.words[k - 1], w))
            ):
                return None
            if k == i and CLAUSE_BREAKS.intersection(self.text[self.words[i - 1].end : w.start] if i else ""):
                return None
            if self.names.is_name(w):
                return Slot(k, self._run_end(k))
            if w.capital and w.text.lower() not in self.lang.connectors:
                return None  # a capitalised connector opens a surname: "aldus De Jonge"
        return None

    def _name_before(self, cue: int, floor_word: int) -> Slot | None:
        """The run of name words ending within NAME_BEFORE_REACH words before word `cue`."""
        for k in range(cue - 1, max(cue - 2 - NAME_BEFORE_REACH, floor_word - 1, -1), -1):
            if CLAUSE_BREAKS.intersection(between(self.text, self.words[k], self.words[k + 1])):
                return None
            if self.names.is_name(self.words[k]):
                start = self._run_start(k)
                end = self._run_end(start)
                return Slot(start, end) if end > k else None
        return None

    def _run_end(self, i: int) -> int:
        return self.names.run_end(self.text, self.words, i, limit=MAX_NAME_WORDS + 1)

    def _run_start(self, k: int) -> int:
        """The first word of the run of name words that word k ends, stepping over connectors."""
        start, steps = k, 0
        while start > 0 and steps <= MAX_NAME_WORDS:
            j = start - 1
            while j >= 0 and start - j <= 2 and self.words[j].text in self.lang.connectors:
                j -= 1
            if j < 0 or not self.names.is_name(self.words[j]) or not joined(self.text, self.words, j, j + 1):
                break
            if any(not joined(self.text, self.words, x, x + 1) for x in range(j, start)):
                break
            start, steps = j, steps + 1
        return start


def build_quotes(
    text: str,
    words: Sequence[Word],
    attributions: Sequence[Attribution],
    found: LightEntities,
    sentence_of: Callable[[int], int],
    article: str,
) -> list[Quote]:
    """The Quote of each attributed quotation, its speaker the entity named in its slot."""
    by_start: dict[int, list[tuple[int, str]]] = {}
    for (start, end), entity_id in found.by_span.items():
        by_start.setdefault(start, []).append((end, entity_id))
    names = {e.id: e.name for e in found.entities}
    quotes = []
    for at in attributions:
        a, b = inner_span(text, at.mark)
        speaker_id = None
        if at.slot is not None:
            lo, hi = words[at.slot.start].start, words[at.slot.end - 1].end
            inside = [
                (w.start, entity_id)
                for w in words[at.slot.start : at.slot.end]
                for end, entity_id in by_start.get(w.start, ())
                if lo <= w.start and end <= hi
            ]
            speaker_id = max(inside)[1] if inside else None
        quotes.append(
            Quote(
                speaker=names[speaker_id] if speaker_id else None,
                speaker_entity=speaker_id,
                text=text[a:b],
                direct=True,
                sentence=sentence_of(a),
                start=a,
                end=b,
                cue=text[words[at.cue_start].start : words[at.cue_end - 1].end],
                article=article,
            )
        )
    return quotes
