"""Numbers an article states, with their value, unit and what they count.

Outlets disagree most visibly on numbers ("at least 12 dead" against "15 dead"), so the
comparison needs each number as a value it can compare, the unit it is measured in and the
thing it counts. All of that is read off the parse spaCy already made: the entity labels
(CARDINAL, MONEY, PERCENT, QUANTITY) find most numbers, `like_num` catches the rest, and the
dependency tree says which noun a number modifies. Numbers that belong to dates ("May 14",
"2019"), to names ("World War II", "G7") or to identifiers (phone numbers) are left out; the
date reader owns the first kind and the others are not quantities.

`unit` is what the number is measured in (a currency code, "%", "km", "magnitude", a time unit,
"people" for head counts); `counts` is the lemma of the noun it quantifies ("30-day ceasefire"
-> unit "day", counts "ceasefire"); `qualifier` keeps "at least", "about" and the like.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    ONE_WORD_HEDGES,
    PEOPLE_NOUNS,
    SCALES,
    TWO_WORD_HEDGES,
    VAGUE_SCALES,
    WORD_VALUES,
)
from newsprism.model import NumberRef

# Entities whose digits are part of a name, not a quantity ("Apollo 11", "World War II", "G7").
NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "EVENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
    "NORP",
    "LANGUAGE",
    "ORDINAL",
}
ID_CUES = {"no", "no.", "#", "nr", "flight", "route", "code", "phone", "id", "am", "fm"}
# Verbs whose prepositional complement is a new level of their subject ("the toll rose to 40").
LEVEL_VERBS = {
    "rise",
    "climb",
    "fall",
    "drop",
    "stand",
    "reach",
    "increase",
    "decrease",
    "jump",
    "grow",
    "surge",
    "soar",
    "decline",
    "hit",
    "top",
    "exceed",
}
MODIFIER_DEPS = ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod")
_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.IGNORECASE)
_ID_LIKE = re.compile(r"\d[-/.]\d+[-/.]\d|^\+\d|\d{7,}")


def looks_like_year(tok: Token) -> bool:
    """Whether a four-digit token names a year rather than counting something.

    News style writes years bare and counts of a thousand or more with a comma ("2,000 troops"),
    so a bare 1800-2100 is a year unless money, a unit or a plural noun without a determiner
    ("sent 2000 troops") says it counts.
    """
    text = tok.text
    if len(text) != 4 or not text.isdigit() or not 1800 <= int(text) <= 2100:
        return False
    if tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
        return False
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text.lower() in CURRENCY_SYMBOLS:
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lemma_.lower() in MEASURE_UNITS:
        return False
    if tok.ent_type_ == "DATE":
        return True
    head = tok.head
    if tok.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS"):
        return any(c.dep_ in ("det", "poss") for c in head.children)
    return True


def word_value(text: str) -> float | None:
    """The value of one number token: digits ("1,200", "1.5", "5bn") or a number word."""
    low = text.lower().replace("−", "-")
    if low in WORD_VALUES:
        return WORD_VALUES[low]
    if low in SCALES and low not in ("m", "b", "k"):
        return SCALES[low]
    if _DIGITS.match(low) and any(ch.isdigit() for ch in low):
        return float(low.replace(",", ""))
    suffixed = _SUFFIXED.match(low)
    if suffixed:
        return float(suffixed.group(1)) * SCALES[suffixed.group(2).lower()]
    return None


def parse_value(words: list[str]) -> float | None:
    """Combine number words and digits into one value ("two hundred thirty", "1.5 million").

    Scales multiply what came before them; a hundred scales only the group it closes so that
    "two hundred thousand" is 200,000.
    """
    total, current, seen = 0.0, 0.0, False
    for word in words:
        low = word.lower()
        if low in ("and", "-", "a", "an") and seen:
            continue
        if low in SCALES and seen and low not in ("k", "m", "b"):
            scale = SCALES[low]
            if scale < 1000:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            continue
        value = word_value(word)
        if value is None:
            continue
        current += value
        seen = True
    return total + current if seen else None


def _numeric(tok: Token) -> bool:
    low = tok.lower_
    if low in ("a", "an", "half"):
        return False
    return (
        tok.like_num
        or low in WORD_VALUES
        or low in SCALES
        or low in VAGUE_SCALES
        or bool(_SUFFIXED.match(low))
    )


def _core(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the number itself within [start, end): currency, digits, scale words."""
    idx = [i for i in range(start, end) if _numeric(doc[i])]
    if not idx:
        return None
    first, last = idx[0], idx[-1]
    while first > 0 and (
        doc[first - 1].text.lower() in CURRENCY_SYMBOLS
        or (first > start and doc[first - 1].lower_ in ("a", "an"))  # "a million" inside the entity
    ):
        first -= 1
    if first > 0 and doc[first - 1].lower_ == "half" and doc[first].lower_ in ("a", "an"):
        first -= 1  # "half a million"
    return first, last + 1


def _qualifier(doc: Doc, first: int) -> str | None:
    """An approximation marker right before the number ("at least", "about")."""
    if first >= 2:
        pair = f"{doc[first - 2].lower_} {doc[first - 1].lower_}"
        if pair in TWO_WORD_HEDGES:
            return pair
    if first >= 1 and doc[first - 1].lower_ in ONE_WORD_HEDGES:
        return doc[first - 1].lower_
    return None


def _unit_after(doc: Doc, last: int) -> tuple[str | None, int]:
    """A unit word right after the number ("12 km", "30-day", "5 per cent"); the unit and new end."""
    i = last + 1 if last + 1 < len(doc) and doc[last].text == "-" else last
    if i >= len(doc):
        return None, last
    tok, nxt = doc[i], doc[i + 1] if i + 1 < len(doc) else None
    lemma = tok.lemma_.lower()
    if nxt is not None and (lemma, nxt.lemma_.lower()) in (("per", "cent"), ("percentage", "point")):
        return ("%" if lemma == "per" else "percentage point"), i + 2
    if lemma in MEASURE_UNITS:
        end = i + 1
        if lemma == "year" and end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "old":
            end += 2  # "a 21-year-old student": an age
        return MEASURE_UNITS[lemma], end
    if lemma in CURRENCY_WORDS:
        if lemma == "pound" and tok.ent_type_ != "MONEY":
            return "lb", i + 1
        return CURRENCY_WORDS[lemma], i + 1
    return None, last


def _counted(root: Token) -> str | None:
    """The lemma of what a number counts, read from the tree around its root token."""
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):
        # "a 5.6 magnitude earthquake": the unit modifies the thing counted
        if head.lemma_.lower() in MEASURE_UNITS and head.dep_ in ("compound", "amod", "nmod"):
            head = head.head
        if head.lemma_.lower() not in MEASURE_UNITS and head.i != root.i:
            return head.lemma_.lower()
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0].lemma_.lower()
    verb = None
    if root.dep_ == "pobj" and head.lower_ in ("to", "at", "from", "by") and head.head.lemma_ in LEVEL_VERBS:
        verb = head.head
    elif root.dep_ == "attr":
        verb = head  # "the toll was 40"
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return subjects[0].lemma_.lower()
    return None


def _hyphen_digits(doc: Doc, hyphen: int, step: int) -> bool:
    """Whether a glued hyphen at `hyphen` joins the number to more digits: "555-123-4567", "3-2"."""
    other = hyphen + step
    if not (0 <= hyphen < len(doc) and 0 <= other < len(doc)) or doc[hyphen].text not in ("-", "–"):
        return False
    before = doc[hyphen - 1] if step > 0 else doc[other]
    return not before.whitespace_ and not doc[hyphen].whitespace_ and doc[other].text[:1].isdigit()


def _is_identifier(doc: Doc, first: int, last: int) -> bool:
    """Phone numbers, flight numbers, radio frequencies: digits that name, not count."""
    text = doc[first:last].text
    if _ID_LIKE.search(text) or "/" in text:
        return True
    if first > 0:
        prev = doc[first - 1]
        if prev.text == "." and first > 1:
            prev = doc[first - 2]  # "No. 10" split as "No", "."
        if prev.lower_ in ID_CUES and (prev.lower_ not in ("am", "fm") or prev.is_upper):
            return True
    return _hyphen_digits(doc, first - 1, -1) or _hyphen_digits(doc, last, 1)


def _not_a_quantity(tok: Token) -> bool:
    """Digits that belong to names, years or clock times."""
    if tok.ent_type_ in NAME_LABELS or ":" in tok.text:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm") and nxt.text != "AM":
        return True
    return looks_like_year(tok)


def _date_holds_quantity(ent: Span) -> bool:
    """A DATE/TIME entity whose number is an amount: a stretch ("30-day", "three years") or a
    spaCy slip ("rose to 40 overnight"), rather than part of a point in time ("May 14", "2 p.m.")."""
    if any(t.lower_ == "ago" or t.pos_ == "PROPN" or looks_like_year(t) or ":" in t.text for t in ent):
        return False
    if any(t.lower_.rstrip(".") in ("a.m", "p.m", "am", "pm") for t in ent):
        return False
    return any(_numeric(t) and not t.lower_.endswith(("st", "nd", "rd", "th")) for t in ent)


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") or (
            ent.label_ in ("DATE", "TIME") and _date_holds_quantity(ent)
        ):
            spans.append((ent.start, ent.end))
            covered.update(range(ent.start, ent.end))
    i = 0
    while i < len(doc):
        # spaCy leaves some numbers outside any entity ("a .290 hitter", "a hundred billion
        # dollars"): a number with the scale words after it is one number, with its "a".
        tok = doc[i]
        if i in covered or tok.ent_type_ in ("DATE", "TIME") or not (tok.like_num and tok.pos_ == "NUM"):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in covered and doc[end].lower_ in SCALES:
            end += 1  # "hundred billion": scale words close the number they follow
        start = i - 1 if i > 0 and doc[i - 1].lower_ in ("a", "an") and tok.lower_ in SCALES else i
        spans.append((start, end))
        i = end
    spans.sort()
    return spans


def _plus_after(doc: Doc, end: int) -> bool:
    """ "three-plus", "three - plus", "20+": a lower bound written after the number."""
    i = end + 1 if end < len(doc) and doc[end].text == "-" else end
    if i >= len(doc) or doc[i].lower_ not in ("plus", "+"):
        return False
    return i + 1 >= len(doc) or not doc[i + 1].like_num  # "two plus two" is arithmetic


def _read(doc: Doc, first: int, last: int, sentences: SentenceIndex) -> NumberRef | None:
    """One number at tokens [first, last), or None when it is not a quantity after all."""
    if any(_not_a_quantity(doc[i]) for i in range(first, last) if doc[i].like_num):
        return None
    if _is_identifier(doc, first, last):
        return None
    if doc[first].lower_ == "one" and last - first == 1 and doc[first].dep_ != "nummod":
        return None  # "one of them", "the one who": a pronoun, not a count
    vague = last - first == 1 and doc[first].lower_ in VAGUE_SCALES
    value = VAGUE_SCALES[doc[first].lower_] if vague else parse_value([t.text for t in doc[first:last]])
    if value is None:
        return None
    symbol = next((t.text.lower() for t in doc[first:last] if t.text.lower() in CURRENCY_SYMBOLS), None)
    unit, end = (CURRENCY_SYMBOLS[symbol], last) if symbol else _unit_after(doc, last)
    if unit is None and first > 0 and doc[first - 1].lower_ == "magnitude":
        unit = "magnitude"  # "a magnitude 6.1 quake"
    qualifier = _qualifier(doc, first) or (doc[first].lower_ if vague else None)
    if qualifier is None and _plus_after(doc, end):
        qualifier = "more than"  # "three-plus seasons", "20-plus years"
    span = doc[first:end]
    counts = _counted(span.root)
    if unit is None and counts in PEOPLE_NOUNS:
        unit = "people"
    return NumberRef(
        text=span.text,
        value=value,
        unit=unit,
        counts=counts,
        sentence=sentences.of_char(span.start_char),
        start=span.start_char,
        end=span.end_char,
        qualifier=qualifier,
    )


def extract_numbers(doc: Doc, sentences: SentenceIndex) -> list[NumberRef]:
    """Every quantity in the article, in reading order, with value, unit, counted noun and qualifier."""
    out: list[NumberRef] = []
    seen: set[int] = set()
    for start, end in _candidates(doc):
        bounds = _core(doc, start, end)
        if bounds is None or bounds[0] in seen:
            continue
        ref = _read(doc, bounds[0], bounds[1], sentences)
        if ref is not None:
            seen.add(bounds[0])
            out.append(ref)
    return out
