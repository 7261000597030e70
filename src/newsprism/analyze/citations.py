"""Other outlets an article names as its source: "told Reuters", "the Guardian reports".

Rewrites of wire copy are the commonest reason two outlets agree, so the comparison has to
know when an article leans on another newsroom. A citation needs two things at once: a cue
in the parse (a speech verb whose listener is the outlet, "according to", a reporting verb
whose subject is the outlet) and a name that is a newsroom, not a person or a ministry
("according to his aides" cites no outlet). A name counts as a newsroom when it is on the
outlet registry (lang/outlets.py) or carries a word newsrooms name themselves with (Times, Post,
News, ...) and no word of a post ("Press Secretary").

Names are normalised so that citations from different articles meet: a listed outlet takes
its house spelling ("the Guardian" -> "The Guardian", "AP" -> "Associated Press"); any other
name keeps its words as written, minus a leading "the" ("the Kyiv Post" -> "Kyiv Post").
`text`, `start` and `end` point at the mention as written, a lowercase "the" left out.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.offices import POST_WORDS
from newsprism.lang.outlets import GENERIC_MEDIA_WORDS, KNOWN_OUTLETS, MEDIA_WORDS, outlet_key, outlet_name
from newsprism.model import Citation

Kind = Literal["reports", "told", "according_to", "credit"]

TELL_VERBS = {"tell", "inform", "brief", "assure", "confide"}
# Heads whose "to"/"with"/"on" object is the listener: "said in a statement to AFP".
SPEECH_HEADS = {
    "say",
    "speak",
    "talk",
    "statement",
    "interview",
    "comment",
    "remark",
    "explain",
    "confirm",
    "write",
    "tell",
    "describe",
    "reveal",
    "admit",
    "insist",
    "appear",
    "appearance",
    "letter",
    "message",
    "email",
    "announce",
    "deny",
    "declare",
    "add",
    "note",
    "respond",
    "reply",
}
REPORT_VERBS = {
    "report",
    "say",
    "write",
    "reveal",
    "publish",
    "quote",
    "cite",
    "learn",
    "obtain",
    "see",
    "review",
    "confirm",
    "disclose",
    "broadcast",
    "air",
    "uncover",
    "find",
    "note",
    "add",
    "estimate",
    "calculate",
    "tally",
    "break",
    "post",
    "tweet",
    "state",
    "claim",
    "show",
}
# Nouns an outlet modifies when it is the source: "a Reuters tally", "CNN's interview". Staff
# nouns ("a Post reporter") are left out: a newsroom's people are often in the story, not its source.
REPORT_NOUNS = {
    "report",
    "reporting",
    "investigation",
    "analysis",
    "tally",
    "count",
    "poll",
    "survey",
    "story",
    "article",
    "footage",
    "interview",
    "editorial",
    "documentary",
    "calculation",
    "estimate",
    "review",
}
LISTENER_NOUNS = {"interview", "statement", "comment", "remark", "letter", "message", "email"}
_NAME_LABELS = {"ORG", "PERSON", "GPE", "WORK_OF_ART", "NORP", "PRODUCT", "FAC", "LOC"}


def _name_spans(doc: Doc, tok: Token, ent_of: dict[int, Span]) -> list[Span]:
    """The proper name `tok` belongs to; joint names ("NBC News/Wall Street Journal") split in two."""
    ent = ent_of.get(tok.i)
    if ent is not None and ent.label_ in _NAME_LABELS:
        start, end = ent.start, ent.end
    elif tok.pos_ == "PROPN" or (tok.text[:1].isupper() and outlet_key(tok.text) in KNOWN_OUTLETS):
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in ent_of:
            start -= 1
    else:
        return []
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].pos_ == "DET" and doc[start].text != "The":
        start += 1  # "the", "this": grammar; a capital "The" may be part of the name
    if start == end:
        return []
    whole = doc[start:end]
    if outlet_key(whole.text) in KNOWN_OUTLETS:
        return [whole]  # "Agence France-Presse" is one name, whatever its hyphen
    pieces, piece = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text in ("/", "-"):
            if i > piece:
                pieces.append(doc[piece:i])
            piece = i + 1
    outlets = [p for p in pieces if _is_outlet(p)]
    return outlets if len(pieces) > 1 and outlets else [whole]


def _is_outlet(span: Span) -> bool:
    """Listed, or a capitalised name with a newsroom word that is not a title or a bare noun."""
    if outlet_key(span.text) in KNOWN_OUTLETS:
        return True
    words = [t for t in span if t.text[:1].isupper()]
    if not words or any(t.lower_ in POST_WORDS for t in span):
        return False
    named = [t for t in words if t.lower_ != "the"]
    if len(named) == 1 and named[0].lower_ in GENERIC_MEDIA_WORDS:
        return False  # "Newspaper says ..." in a headline names no one
    return any(t.lower_ in MEDIA_WORDS for t in words)


def _outlets_at(doc: Doc, tok: Token, ent_of: dict[int, Span]) -> list[Span]:
    """Outlet names at `tok`, or held by it ("CNN's Jake Tapper", "a Reuters report")."""
    found = [s for s in _name_spans(doc, tok, ent_of) if _is_outlet(s)]
    if found:
        return found
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "nmod"):
            found += [s for s in _name_spans(doc, child, ent_of) if _is_outlet(s)]
    if not found and tok.lemma_.lower() in REPORT_NOUNS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "in", "on"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found += [s for s in _name_spans(doc, obj, ent_of) if _is_outlet(s)]
    return found


def _cues(tok: Token) -> list[tuple[Token, Kind]]:
    """The tokens a cue at `tok` points to as possible outlets, with the kind of citation."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    out: list[tuple[Token, Kind]] = []
    if low == "according":
        for prep in tok.children:
            if prep.lower_ == "to":
                out += [(c, "according_to") for c in prep.children if c.dep_ == "pobj"]
    elif tok.dep_ == "prep" and low in ("to", "with", "on") and tok.head.lemma_.lower() in SPEECH_HEADS:
        out += [(c, "told") for c in tok.children if c.dep_ == "pobj"]
    elif tok.pos_ == "VERB" and lemma in TELL_VERBS:
        out += [(c, "told") for c in tok.children if c.dep_ in ("dobj", "dative", "iobj")]
    elif tok.pos_ == "VERB" and lemma in REPORT_VERBS:
        for child in tok.children:
            if child.dep_ == "nsubj":
                out.append((child, "reports"))
            elif child.dep_ == "agent":
                out += [(c, "reports") for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "dobj" and lemma in ("report", "cite", "quote"):
                out.append((child, "reports"))  # "..., reports the Guardian"; "citing the BBC"
    elif tok.pos_ == "NOUN" and lemma in REPORT_NOUNS:
        kind: Kind = "told" if lemma in LISTENER_NOUNS else "reports"
        out += [(c, kind) for c in tok.children if c.dep_ in ("poss", "compound", "nmod")]
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "in"):
                out += [(c, kind) for c in prep.children if c.dep_ == "pobj"]
    return out


def extract_citations(doc: Doc, sentences: SentenceIndex, credits: list[str]) -> list[Citation]:
    """Outlets the article cites, in reading order, then those credited in its trailer lines."""
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    out: list[Citation] = []
    seen: set[tuple[str, int | None]] = set()
    for tok in doc:
        for target, kind in _cues(tok):
            # "told The Moscow Times and the Financial Times": each conjunct is a listener too.
            spans = [s for t in (target, *target.conjuncts) for s in _outlets_at(doc, t, ent_of)]
            for span in spans:
                outlet = outlet_name(span.text)
                sentence = sentences.of_char(span.start_char)
                if (outlet, sentence) in seen:
                    continue
                seen.add((outlet, sentence))
                out.append(
                    Citation(
                        outlet=outlet,
                        text=span.text,
                        sentence=sentence,
                        start=span.start_char,
                        end=span.end_char,
                        kind=kind,
                    )
                )
    out.sort(key=lambda c: c.start or 0)
    for credit in credits:
        outlet = outlet_name(credit)
        if outlet and (outlet, None) not in seen:
            seen.add((outlet, None))
            out.append(Citation(outlet, credit, sentence=None, start=None, end=None, kind="credit"))
    return out
