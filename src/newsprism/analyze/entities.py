"""Named entities of one article, folded into one `Entity` per real actor.

spaCy's small model gives spans, not actors: "Putin", "Vladimir Putin" and "Putin Skips" (a
Title-Case headline) are three spans of one man, and "Kyiv" is sometimes a PERSON. This module
cleans each span (titles, possessives, headline verbs), settles one type per name by the votes of
all its mentions and a few cheap signals (the gazetteer, a locative preposition, a surname of a
known person), then folds surname-only mentions into the unique full name they shorten.
Everything works on the parse already made, in time linear in the number of tokens.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.data import word_set
from newsprism.lang.names import canonical_name, known_type, name_key, shortening_roots
from newsprism.lang.offices import PORTFOLIO_WORDS, is_title_word
from newsprism.model import Entity, Mention

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# When votes tie, the more specific reading wins: a name seen as a place and a person at equal
# rates is more often a place the model misread (it over-predicts PERSON for foreign words).
_TIE_ORDER = ("GPE", "LOC", "PERSON", "ORG", "FAC", "NORP")
# "in X", "near X": a person is rarely the object of these; a city often is.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "across", "outside", "inside", "throughout", "toward", "towards"}
)
# ...unless the preposition hangs on a word that takes people ("confidence in X").
_PERSON_TAKING_HEADS = word_set("confidence trust faith interest belief role stake look")
# "to X" and "from X" are locative only after a word of motion ("flew to", "fled from").
_MOTION_PREPS = frozenset({"to", "from"})
_MOTION_HEADS = word_set(
    "travel go fly come return head move way trip route visit flee arrive journey drive sail "
    "deploy relocate evacuate march advance withdraw retreat escape depart bus ship airlift deport"
)
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
# Parts of speech that never begin a name; the model's spans sometimes swallow one.
_NOT_NAME_POS = frozenset(
    {"ADV", "CCONJ", "SCONJ", "ADP", "DET", "PRON", "VERB", "AUX", "INTJ", "PART", "PUNCT", "SPACE"}
)
_HEADLINE_MIN_WORDS = 3
_HEADLINE_LOWER_WORDS = word_set("with from into onto over upon amid than that after")


@dataclass(slots=True)
class _Span:
    """A cleaned NER span and the type its context votes for."""

    start: int
    end: int
    label: str
    vote: str
    key: str
    text: str
    start_char: int
    end_char: int
    locative: bool = False


def extract_entities(doc: Doc, sentences: SentenceIndex) -> list[Entity]:
    """One Entity per actor named in `doc`, with ids "e0", "e1", ... in order of first mention."""
    headlines = headline_sentences(sentences)
    raw = [ent for ent in doc.ents if ent.label_ in KEPT_LABELS]
    known = _known_keys(raw, headlines, sentences)
    lower_words = _lower_words(doc) if headlines else frozenset()
    spans: list[_Span] = []
    for ent in raw:
        in_headline = sentences.of_span(ent) in headlines
        span = _clean(doc, ent, known if in_headline else None, lower_words)
        if span is not None:
            spans.append(span)
    spans.extend(_missed_places(doc))
    spans.extend(_missed_surnames(doc, spans))
    spans.sort(key=lambda s: s.start)
    types = _resolve_types(spans)
    return _build(spans, types, sentences)


def headline_sentences(sentences: SentenceIndex) -> set[int]:
    """Sentences in Title Case, where the tagger reads verbs as names ("Putin Skips").

    A headline has at least three long words, writes none of them in lower case except the short
    prepositions some house styles keep lower, and does not end with a full stop; a body sentence
    dense with names ("Deputy Foreign Minister Mikhail Galuzin ... will attend.") fails the last two.
    """
    out = set()
    for i, sent in enumerate(sentences.spans):
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        if len(words) < _HEADLINE_MIN_WORDS or sent[-1].text == "." or sent.text.rstrip().endswith("."):
            continue
        if all(not t.is_lower or t.lower_ in _HEADLINE_LOWER_WORDS for t in words):
            out.add(i)
    return out


def _lower_words(doc: Doc) -> frozenset[str]:
    """Words the body writes in lower case: in a headline, such a word is not part of a name."""
    return frozenset(t.lower_ for t in doc if t.is_lower and t.is_alpha)


def _known_keys(raw: list[Span], headlines: set[int], sentences: SentenceIndex) -> set[str]:
    """Keys of names the body (not a headline) uses, plus the surnames of full person names."""
    known: set[str] = set()
    for ent in raw:
        if sentences.of_span(ent) in headlines:
            continue
        key = name_key(ent.text)
        known.add(key)
        if ent.label_ == "PERSON" and " " in key:
            known.add(key.split()[-1])
    return known


def _clean(doc: Doc, ent: Span, headline_known: set[str] | None, lower_words: frozenset[str]) -> _Span | None:
    """Trim a span to the name itself; None when nothing name-like is left.

    `headline_known` is given only for spans in a headline: there a span is cut back to the
    longest prefix the body also names ("Putin Skips" -> "Putin"), or stripped of trailing words
    the body writes in lower case.
    """
    start, end = ent.start, ent.end
    while start < end and (doc[start].pos_ in _NOT_NAME_POS or doc[start].lower_ in ("the", "a", "an")):
        start += 1  # "the", and the "Plus" of a sentence-initial "Plus Obama"
    if ent.label_ == "PERSON":
        # "Obama’s State (of the Union)": a person's name ends at its possessive.
        end = next((t.i for t in doc[start:end] if t.text in _POSSESSIVE_TOKENS), end)
        # "President Putin": the title becomes a role (roles.py reads it from the parse).
        while end - start > 1 and (is_title_word(doc[start].text) or _is_title_adjective(doc, start, end)):
            start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _POSSESSIVE_TOKENS
    ):
        end -= 1
    while end - start > 1 and doc[end - 1].pos_ in ("VERB", "AUX"):
        end -= 1
    if headline_known is not None:
        start, end = _trim_headline(doc, start, end, headline_known, lower_words)
    if start >= end or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    words = {t.lower_ for t in doc[start:end]}
    if ent.label_ != "PERSON" and ent.label_ != "NORP" and words <= PORTFOLIO_WORDS:
        return None  # "Defense" of "Deputy Defense Minister": part of a title, not an actor
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    text = doc[start:end].text  # never doc.text, which rebuilds the whole article per call
    for mark in _POSSESSIVE_TOKENS:
        if text.endswith(mark) and len(text) > len(mark):
            text, end_char = text[: -len(mark)], end_char - len(mark)
            break
    key = name_key(text)
    if not key:
        return None
    locative = _is_locative(doc, doc[start], end)
    vote = _vote(doc, ent.label_, start, end, locative)
    return _Span(start, end, ent.label_, vote, key, text, start_char, end_char, locative)


def _is_title_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "Turkish" in a span "Turkish President Erdogan": an adjective before a title word."""
    return doc[start].pos_ == "ADJ" and start + 1 < end and is_title_word(doc[start + 1].text)


def _trim_headline(
    doc: Doc, start: int, end: int, known: set[str], lower_words: frozenset[str]
) -> tuple[int, int]:
    if name_key(doc[start:end].text) in known:
        return start, end
    for cut in range(end - 1, start, -1):
        if name_key(doc[start:cut].text) in known:
            return start, cut
    while end - start > 1 and doc[end - 1].lower_ in lower_words:
        end -= 1
    while end - start > 1 and doc[start].lower_ in lower_words:
        start += 1
    return start, end


def _vote(doc: Doc, label: str, start: int, end: int, locative: bool) -> str:
    """The type this mention argues for, which may differ from the model's label."""
    if label in ("ORG", "GPE", "LOC") and end - start == 1 and doc[start].tag_ == "JJ":
        return "NORP"  # "Ukrainian" tagged GPE
    if label == "PERSON" and end - start == 1 and locative:
        return "GPE"  # "fled from Sumy"
    return label


def _is_locative(doc: Doc, token: Token, end: int) -> bool:
    if end < len(doc) and doc[end].text in _POSSESSIVE_TOKENS:
        return False
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "in Tbilisi and Yerevan": the preposition governs the first conjunct
    if token.dep_ != "pobj":
        return False
    prep = token.head
    head = prep.head.lemma_.lower()
    if prep.lower_ in _LOCATIVE_PREPS:
        # The parser may hang "in" on the verb of "lost confidence in X": check the word before too.
        before = doc[prep.i - 1].lemma_.lower() if prep.i else ""
        return head not in _PERSON_TAKING_HEADS and before not in _PERSON_TAKING_HEADS
    return prep.lower_ in _MOTION_PREPS and head in _MOTION_HEADS


def _missed_places(doc: Doc) -> list[_Span]:
    """Single-word places from the gazetteer that the model left untagged ("flew to Kyiv")."""
    out = []
    for token in doc:
        if token.ent_iob_ != "O" or token.pos_ != "PROPN" or not token.is_title:
            continue
        if _is_name_word(doc, token.i - 1) or _is_name_word(doc, token.i + 1):
            continue  # part of a longer name the model missed ("Kyiv Post")
        key = name_key(token.text)
        kind = known_type(key)
        if kind in PLACE_LABELS:
            end_char = token.idx + len(token)
            out.append(_Span(token.i, token.i + 1, kind, kind, key, token.text, token.idx, end_char, True))
    return out


def _missed_surnames(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """Surnames of people the article names in full, where the model left them untagged:
    "Dana Orkin" once, then "Orkin said" a dozen times with "Orkin" read as a plain word."""
    surnames = {
        span.text.split()[-1]
        for span in spans
        if span.vote == "PERSON" and len(span.text.split()) > 1 and span.text.split()[-1].istitle()
    }
    out = []
    for token in doc:
        if token.ent_iob_ != "O" or token.text not in surnames:
            continue
        # Mid-sentence, the capital says it is the name; at a sentence start, the tagger, the
        # subject position or a comma after it ("Orkin, though, told") must say so.
        comma_after = token.i + 1 < len(doc) and doc[token.i + 1].text == ","
        if token.is_sent_start and not (
            token.pos_ == "PROPN" or token.dep_ in ("nsubj", "nsubjpass") or comma_after
        ):
            continue
        if _is_name_word(doc, token.i - 1) or _is_name_word(doc, token.i + 1):
            continue  # part of a longer name the model missed
        if token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN":
            continue  # "Young voters": a word that modifies a noun, not the person
        end_char = token.idx + len(token)
        key = name_key(token.text)
        out.append(_Span(token.i, token.i + 1, "PERSON", "PERSON", key, token.text, token.idx, end_char))
    return out


def _is_name_word(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title


def _resolve_types(spans: list[_Span]) -> dict[str, str]:
    """One type per key, by the votes of its mentions corrected by what else the article names."""
    votes: dict[str, Counter[str]] = {}
    placed: Counter[str] = Counter()  # mentions of a key that sit where places sit ("in X")
    for span in spans:
        votes.setdefault(span.key, Counter())[span.vote] += 1
        placed[span.key] += span.locative
    majority = {key: _majority(counter) for key, counter in votes.items()}
    full_people = [key for key, kind in majority.items() if kind == "PERSON" and " " in key]
    surnames = {key.split()[-1] for key in full_people}
    name_words = {word for key in full_people for word in key.split()}
    types = {}
    for key, counter in votes.items():
        gazetteer_type = known_type(key)
        people = counter["PERSON"] + counter["ORG"]
        unplaced = not placed[key] and gazetteer_type not in PLACE_LABELS and majority[key] != "NORP"
        if key in surnames and (unplaced or people >= placed[key]):
            types[key] = "PERSON"  # "Trump" tagged ORG where "Donald Trump" is named
        elif key in name_words and (
            people >= counter.total() - people or (unplaced and counter.total() == 1)
        ):
            types[key] = "PERSON"  # "Malia" tagged GPE once beside "Malia Obama"
        elif gazetteer_type and majority[key] != "NORP":
            types[key] = gazetteer_type  # "Kiev" tagged PERSON
        elif majority[key] == "PERSON" and placed[key] and key not in name_words and " " not in key:
            types[key] = "GPE"  # "Yerevan rejected it ... talks in Yerevan": one "in" outweighs the tags
        else:
            types[key] = majority[key]
    return types


def _majority(counter: Counter[str]) -> str:
    return max(counter, key=lambda label: (counter[label], -_TIE_ORDER.index(label)))


def _build(spans: list[_Span], types: dict[str, str], sentences: SentenceIndex) -> list[Entity]:
    weights = Counter(span.key for span in spans)
    roots: dict[str, str] = {}
    for kind, suffix_only in (("PERSON", False), ("ORG", True)):
        keys = [k for k, t in types.items() if t == kind]
        roots.update(shortening_roots(keys, suffix_only=suffix_only, weights=weights))
    groups: dict[str, list[_Span]] = {}
    for span in spans:
        groups.setdefault(roots.get(span.key, span.key), []).append(span)
    entities = []
    for i, (key, members) in enumerate(groups.items()):
        counts = Counter(span.text for span in members)
        entities.append(
            Entity(
                id=f"e{i}",
                name=canonical_name(dict(counts)),
                type=types[key],
                key=key,
                aliases=list(counts),
                mentions=[
                    Mention(s.text, s.start_char, s.end_char, sentences.of_char(s.start_char))
                    for s in members
                ],
            )
        )
    return entities
