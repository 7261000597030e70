"""Quotation marks, paired from the text alone.

Kept apart from the parse on purpose: the parser often mangles long quotations, so where a quotation
starts and stops is read off the characters, and the attribution logic in `analyze/quotes.py` then
asks these spans what the parse says around them. Malformed punctuation never raises: an unclosed
quotation closes at the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„«»]")
_LINE = re.compile(r"[^\n]+")
_CONTINUED = re.compile(r"\s*(?:''|``|[\"“„«‘'])")
_SINGLE_CLOSE = re.compile(r"[.,!?…][’'](?=\s|$)")
_OPENERS = frozenset({"“", "„", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
_BEFORE_OPEN = frozenset("([{—–-/")
_SENTENCE_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


@dataclass(slots=True)
class Quotation:
    """Text between paired quotation marks: the marks sit at [open, inner) and [inner_end, close)."""

    open: int
    inner: int
    inner_end: int
    close: int
    closed: bool


def scan_quotations(text: str) -> list[Quotation]:
    """Pair quotation marks paragraph by paragraph.

    Marks are read by what surrounds them, not by their glyph alone, because outlets mix curly and
    straight marks and sometimes type a closing mark where an opening one belongs. A quotation
    still open when its line ends is closed there: that is the print convention for quotations
    running over several paragraphs, and the graceful reading of a mark never closed.
    """
    out: list[Quotation] = []
    for line in _LINE.finditer(text):
        lo, hi = line.span()
        depth, start, inner = 0, -1, -1
        for m in _MARK.finditer(text, lo, hi):
            mark, p, q = m.group(), m.start(), m.end()
            prev = text[p - 1] if p > lo else " "
            nxt = text[q] if q < hi else " "
            opens = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
            closes = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
            if mark in _OPENERS:
                is_open = not (depth and closes and not opens)
            elif mark in _CLOSERS:
                is_open = not depth and opens and not closes
            else:
                is_open = not depth or (opens and not closes)
            if is_open:
                if not depth:
                    start, inner = p, q
                depth += 1
            elif depth:
                depth -= 1
                if not depth and text[inner:p].strip():
                    out.append(Quotation(start, inner, p, q, True))
        if depth and text[inner:hi].strip():
            end = hi
            while text[end - 1].isspace():
                end -= 1
            typo = None if _CONTINUED.match(text, hi) else _SINGLE_CLOSE.search(text, inner, hi)
            if typo:
                # Not the multi-paragraph convention: a mistyped closing mark may still show
                # where the speaker stopped ('... StopGunViolence.’ Schumer was ...').
                out.append(Quotation(start, inner, typo.start() + 1, typo.end(), True))
            else:
                out.append(Quotation(start, inner, end, end, False))
    return out


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of a sentence between double quotation marks, curly or straight, an
    unclosed one running to the sentence's end: the cheap reading a rule over one sentence needs
    ("today" in a quote is the speaker's day), where `scan_quotations` pairs the marks of a whole
    article."""
    return [(m.start(), m.end()) for m in _SENTENCE_QUOTED.finditer(sentence)]


def opens_clause(text: str, q: Quotation) -> bool:
    """Whether a quotation starts its sentence or follows a break ('He said: "', '— "'), rather
    than finishing a clause ('Paul suggested that Rubio was "...')."""
    before = text[text.rfind("\n", 0, q.open) + 1 : q.open].rstrip()
    return not before or before[-1] in ":,;.!?—–-(“”\"'"


def completes_sentence(text: str, q: Quotation) -> bool:
    """Whether a quotation ends its sentence (so it is not a fragment inside a clause)."""
    inner = text[q.inner : q.inner_end].rstrip()
    rest = text[q.close : q.close + 3].lstrip(" ")
    return not q.closed or inner[-1:] in ".!?" or not rest or rest[0] in '.!?\n“"'


def inner_span(text: str, q: Quotation) -> tuple[int, int]:
    """Char span of the quoted words without the spaces and the trailing comma or dash that only
    join the quotation to its frame ('"We will win," he said')."""
    a, b = q.inner, q.inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b
