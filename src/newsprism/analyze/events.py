"""Who did what to what: each clause's predicate with its agent and what it acts on.

Two outlets rarely report one happening in the same words: "the talks collapsed" and "the
failed negotiations", "the mayor called for a summit" and "the summit the mayor announced".
Sentence embeddings see the topic they share, not that the same thing happened to the same
thing; the content words differ. Reading the predicate and its arguments off the parse, and
folding predicates into event classes and nouns into kinds (`EVENT_CLASSES` and `NOUN_KINDS`,
lang/events.json), turns both phrasings into one comparable triple, (fail, theme, talks), that
the aligner can match (compare/align.py).

The classes are general English for what news reports happen (proposals, failures, arrests,
appointments, attacks, rises and falls ...), not words of any one story. A predicate outside
them stands for itself, so "seized a tanker" still matches "seized the tanker".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.data import word_set
from newsprism.lang.events import EVENT_CLASSES, NOUN_KINDS
from newsprism.lang.fold import fold_diacritics
from newsprism.model import Entity, EventRef

UNACCUSATIVE = frozenset({"fail", "die", "travel", "rise", "fall"})
"""Classes whose grammatical subject undergoes the event ("the talks failed"): it is the theme,
as in "the failed talks", not an agent."""

LIGHT = word_set(
    """be have do make get take give include represent remain continue begin start want need seem
    become say tell add write note report state declare explain mention indicate tweet post reply
    respond ask believe think know find show claim describe accord"""
)
"""Predicates that say too little on their own to tell one happening from another (and reporting
verbs, whose content, not the verb, is the fact)."""

_RELATIVE = frozenset({"which", "that", "who", "whom"})
_NOT_ARGUMENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_SUBJECT = frozenset({"nsubj"})
_OBJECT = frozenset({"dobj", "nsubjpass", "attr"})


class _Arguments:
    """Argument keys for tokens: the article's entity id where the token is part of a name,
    else the noun's kind or its folded lemma."""

    def __init__(self, entities: list[Entity]) -> None:
        self._spans = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)

    def _entity(self, token: Token) -> str | None:
        for start, end, entity_id in self._spans:
            if start <= token.idx < end:
                return entity_id
            if start > token.idx:
                break
        return None

    def key(self, token: Token) -> str | None:
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head  # "the talks, which X announced": the talks
        if token.pos_ == "PRON" or token.ent_type_ in _NOT_ARGUMENTS:
            return None
        entity = self._entity(token)
        if entity is not None:
            return f"entity:{entity}"
        lemma = fold_diacritics(token.lemma_.lower())
        if not lemma.isalpha():
            return None
        return NOUN_KINDS.get(lemma, lemma)


def _predicate(verb: Token) -> str | None:
    """The verb's event class, or its lemma; None for light and reporting verbs."""
    lemma = verb.lemma_.lower()
    if lemma in LIGHT:
        return None
    for child in verb.children:
        if child.dep_ in ("prt", "prep"):
            phrasal = f"{lemma}_{child.lower_}"
            if phrasal in EVENT_CLASSES:
                return EVENT_CLASSES[phrasal]
    return EVENT_CLASSES.get(lemma, lemma)


def _modified(adjective: Token) -> Token:
    """The noun an attributive modifier describes, past the compounds the parser may hang it on
    ("the failed Istanbul round": round)."""
    head = adjective.head
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    return head


def _verb_event(verb: Token, frame: str, args: _Arguments) -> tuple[str | None, set[str]]:
    agent: str | None = None
    themes: set[str] = set()
    for child in verb.children:
        if child.dep_ in _SUBJECT:
            key = args.key(child)
            if key and frame in UNACCUSATIVE:
                themes.add(key)
            elif key:
                agent = key
        elif child.dep_ in _OBJECT:
            if key := args.key(child):
                themes.add(key)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and verb.tag_ == "VBN"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (key := args.key(obj)):
                    agent = key
        elif child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and (key := args.key(obj)):
                    themes.add(key)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and (key := args.key(verb.head)):
        themes.add(key)  # "negotiations modeled on ...", "talks stalled over ...": the noun undergoes it
    return agent, themes


def extract_events(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[EventRef]:
    """Every predicate with at least one argument, in reading order."""
    args = _Arguments(entities)
    out: list[EventRef] = []
    for token in doc:
        if token.dep_ == "amod" and token.pos_ in ("ADJ", "VERB"):
            frame = EVENT_CLASSES.get(token.lemma_.lower()) or EVENT_CLASSES.get(token.lower_)
            if frame is None:
                continue  # only a listed event ("failed", "unsuccessful") makes a modifier an event
            key = args.key(_modified(token))
            agent, themes = None, {key} if key else set()
        elif token.pos_ == "VERB":
            frame = _predicate(token)
            if frame is None:
                continue
            agent, themes = _verb_event(token, frame, args)
        else:
            continue
        if agent is None and not themes:
            continue
        out.append(
            EventRef(
                trigger=token.text,
                frame=frame,
                agent=agent,
                themes=sorted(themes),
                sentence=sentences.of_char(token.idx),
                start=token.idx,
                end=token.idx + len(token.text),
                negated=token.pos_ == "VERB" and any(child.dep_ == "neg" for child in token.children),
            )
        )
    return out
