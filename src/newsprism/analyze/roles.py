"""The titles and roles an outlet gives each actor, read off the dependency parse.

Outlets differ less in who they name than in how they label them: one says "presidential aide",
another "former culture minister". Those labels are facts to compare, so each becomes a `Role`
with its offsets. Four shapes cover most news prose, all read from the parse already made:

- a title before the name: "Deputy Defense Minister Alexander Fomin", "Trump's envoy Steve Witkoff"
- an appositive after it: "Igor Kostyukov, the head of Russia's military intelligence service,"
- an appositive before it: "Russia's foreign minister, Sergei Lavrov,"
- a copula: "Lavrov is the longest-serving minister"
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.entities import headline_sentences
from newsprism.analyze.lemmas import lemma_set
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.offices import HONORIFICS, LEAVING_VERBS, LEFT_POST, is_title_word
from newsprism.model import Entity, Role

ROLE_TYPES = frozenset({"PERSON", "ORG"})
MAX_ROLE_TOKENS = 10
# Dependents of a name that make up a title before it ("Turkish President", "Trump's envoy").
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nn"})
# Dependents after which an appositive stops being a label and becomes a clause.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj", "punct"})
_LEADING_JUNK = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})
_COPULA_SUBJECTS = frozenset({"who", "which", "that"})
_APPOSITIVE_OPENERS = frozenset({",", "(", "—", "–", "-"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_LEAVING = lemma_set(w for w in LEAVING_VERBS if " " not in w)
_LEAVING_PHRASES = frozenset(w for w in LEAVING_VERBS if " " in w)  # "step down"


def attach_roles(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> None:
    """Fill `entity.roles` for the people and organisations in `entities`.

    One role text is kept once per entity (its first occurrence). Headlines are skipped: their
    Title Case parse reads verbs as titles.
    """
    headlines = headline_sentences(sentences)
    person_tokens = _person_tokens(doc, entities)
    leaving: dict[int, bool] = {}
    for entity in entities:
        if entity.type not in ROLE_TYPES:
            continue
        seen = {_normal(role.role) for role in entity.roles}
        for mention in entity.mentions:
            if mention.sentence in headlines:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for start, end in _candidates(doc, span, entity.type):
                role = _finish(doc, start, end, person_tokens, sentences)
                if (
                    role is not None
                    and _normal(role.role) not in seen
                    and _normal(role.role) != _normal(entity.name)
                ):
                    seen.add(_normal(role.role))
                    if role.sentence not in leaving:
                        leaving[role.sentence] = tells_of_leaving(sentences.spans[role.sentence])
                    role.leaving = leaving[role.sentence]
                    entity.roles.append(role)


def tells_of_leaving(sent: Span) -> bool:
    """Whether a sentence tells of someone leaving a post ("fired", "the ousted president",
    "stepped down"), by the lemmas of its verbs and participles. Nouns never do ("a fire"), nor
    does a verb's base form: "called on him to resign", "should step down" ask for an exit, they
    do not report one."""
    tokens = [t for t in sent if not t.is_space]
    for i, token in enumerate(tokens):
        if token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VB":
            continue
        following = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if token in _LEAVING or f"{token.lemma_.lower()} {following}" in _LEAVING_PHRASES:
            return True
    return False


def _person_tokens(doc: Doc, entities: list[Entity]) -> set[int]:
    """Token indices inside person mentions: a role may name another person only as an owner or
    an object ("Trump's envoy", "aide to X"), never as its head."""
    out: set[int] = set()
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


# LEFT_POST: words before a title that say its holder left the post ("recently resigned party
# director"). The parser often reads them as the sentence's verb, so they are picked up by position.


def _with_left_post(doc: Doc, start: int, sent_start: int) -> int:
    """Widen a title to the word saying its holder left the post, and its adverb ("recently"),
    when they open the noun phrase: after a comma, a determiner or the sentence start, not
    after a subject ("the team fired coach Bob Smith" gives "coach")."""
    if start - 1 < sent_start or doc[start - 1].lower_ not in LEFT_POST:
        return start
    wider = start - 1
    if wider - 1 >= sent_start and doc[wider - 1].pos_ == "ADV":
        wider -= 1
    opens = wider == sent_start or doc[wider - 1].is_punct or doc[wider - 1].pos_ == "DET"
    return wider if opens else start


def _candidates(doc: Doc, span: Span, kind: str) -> Iterator[tuple[int, int]]:
    if kind == "PERSON":
        for start, end in _title_before(doc, span):
            yield _with_left_post(doc, start, span.sent.start), end
    yield from _appositive_after(doc, span)
    yield from _appositive_before(doc, span)
    yield from _copular(span)


def _title_before(doc: Doc, span: Span) -> Iterator[tuple[int, int]]:
    """Pre-modifiers of the name that end right where it starts: "presidential aide" Medinsky."""
    children = [
        child for token in span for child in token.lefts if child.i < span.start and child.dep_ in _TITLE_DEPS
    ]
    sent_start = span.sent.start
    if children:
        covered = {t.i for child in children for t in child.subtree}
        start = span.start
        while start - 1 >= sent_start and start - 1 in covered:
            start -= 1
        if start < span.start:
            yield _of_title(doc, span, start, sent_start), span.start
            return
    # The parser sometimes hangs the title elsewhere; fall back to a run of title words.
    start = span.start
    while start - 1 >= sent_start and _is_title_run_token(doc[start - 1]):
        start -= 1
    if start < span.start and any(is_title_word(t.text) for t in doc[start : span.start]):
        yield start, span.start


def _of_title(doc: Doc, span: Span, start: int, sent_start: int) -> int:
    """Widen "National Intelligence" to "Director of National Intelligence" (the parser hangs the
    name under "of")."""
    of = span.root.head
    if (
        span.root.dep_ == "pobj"
        and of.lower_ == "of"
        and of.i == start - 1
        and of.head.i == start - 2
        and of.head.i >= sent_start
        and is_title_word(of.head.text)
    ):
        return max(sent_start, of.head.left_edge.i)
    return start


def _is_title_run_token(token: Token) -> bool:
    return is_title_word(token.text) or (token.is_title and token.pos_ in ("PROPN", "ADJ"))


def _appositive_after(doc: Doc, span: Span) -> Iterator[tuple[int, int]]:
    """ "Medinsky, Russia's former culture minister," -> the appositive noun phrase."""
    if span.end >= len(doc) or doc[span.end].text not in _APPOSITIVE_OPENERS:
        return
    for child in span.root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > span.end:
            yield child.left_edge.i, _phrase_end(child)


def _appositive_before(doc: Doc, span: Span) -> Iterator[tuple[int, int]]:
    """ "Russia's foreign minister, Sergei Lavrov," -> the noun phrase the name stands in for."""
    node = span.root
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head  # "its top diplomats, Yuri Ushakov and Sergei Lavrov"
    head = node.head
    if node.dep_ != "appos" or head.i >= node.i or head.pos_ != "NOUN":
        return
    end = node.left_edge.i
    if doc[end - 1].text not in _APPOSITIVE_OPENERS:
        return  # "The company Mr. Grimm formed": no comma, so a clause, not an appositive
    while end > head.i and doc[end - 1].is_punct:
        end -= 1
    if end == head.i + 1 or all(t.dep_ not in _CLAUSE_DEPS for t in doc[head.i + 1 : end]):
        yield head.left_edge.i, end


def _copular(span: Span) -> Iterator[tuple[int, int]]:
    """ "X is the Y" and "X, who is the Y" -> Y."""
    root = span.root
    verbs = []
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        verbs.append(root.head)
    verbs.extend(
        child
        for child in root.rights
        if child.dep_ == "relcl"
        and child.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ in _COPULA_SUBJECTS for c in child.lefts)
    )
    for verb in verbs:
        for attr in verb.rights:
            if attr.dep_ != "attr" or attr.pos_ != "NOUN":
                continue
            end = _phrase_end(attr)
            if end - attr.left_edge.i <= 2 and any(c.dep_ in ("relcl", "acl") for c in attr.rights):
                continue  # "the reason they came": the clause, not the noun, says what X is
            yield attr.left_edge.i, end


def _phrase_end(head: Token) -> int:
    """End of `head`'s noun phrase, before any clause, list or comma that follows it."""
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _CLAUSE_DEPS and child.i > head.i:
            end = min(end, child.left_edge.i)
    return end


def _finish(doc: Doc, start: int, end: int, person_tokens: set[int], sentences: SentenceIndex) -> Role | None:
    """Trim a candidate to a clean label, or None when it is not one."""
    sent = doc[start].sent
    end = min(end, sent.end)
    while start < end and (
        doc[start].lower_ in _LEADING_JUNK
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].dep_ == "cc"
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # keep a closed parenthesis: "military intelligence (GRU)"
        end -= 1
    end = _balance_parenthesis(doc, start, end)
    tokens = doc[start:end]
    if not 0 < len(tokens) <= MAX_ROLE_TOKENS:
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") and t.i not in person_tokens for t in tokens):
        return None
    if tokens[-1].tag_ == "POS":
        return None  # "MSNBC's" names an employer, not a role
    if all(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return None  # "Mr." is a form of address, not a role
    if any(t.tag_ in _FINITE_TAGS and t.lower_ not in LEFT_POST for t in tokens):
        return None  # a clause, not a label ("resigned" in "recently resigned director" is a label)
    for t in tokens:
        # Another person may appear only as an owner or an object ("Trump's envoy", "head of X");
        # as the head of the phrase it is a second name in a list the parser misread.
        if t.i in person_tokens and not _is_dependent_name(t, start, end):
            return None
    start_char, end_char = tokens.start_char, tokens.end_char
    return Role(
        role=tokens.text,  # never doc.text, which rebuilds the whole article per call
        sentence=sentences.of_char(start_char),
        start=start_char,
        end=end_char,
    )


def _balance_parenthesis(doc: Doc, start: int, end: int) -> int:
    """Close "intelligence (GRU" with the ")" the parser hung elsewhere, or cut at the "("."""
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if not opened or any(t.text == ")" for t in doc[opened[-1] : end]):
        return end
    if end < len(doc) and doc[end].text == ")":
        return end + 1
    cut = opened[-1]
    while cut > start and doc[cut - 1].is_punct:
        cut -= 1
    return cut


def _is_dependent_name(token: Token, start: int, end: int) -> bool:
    """True when the name holding `token` hangs in the role as an owner or a prepositional object."""
    while token.dep_ in ("compound", "flat") and start <= token.head.i < end and token.head.pos_ == "PROPN":
        token = token.head
    return token.dep_ in ("poss", "pobj")


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())
