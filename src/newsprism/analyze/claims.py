"""The parts of a sentence that each state a claim of their own: its clauses.

A news sentence often carries two or three claims: "X, who led the failed round, will head the
delegation, the ministry said" states that X led the round and that X will head the delegation.
Another outlet may state only one of them, in a sentence of its own. Comparing whole sentences
dilutes that match with everything the longer sentence also says; comparing its clauses finds it,
and tells a reader which part of the sentence is the shared claim.

The clauses are read off the dependency parse, once, here: a finite or reported clause (the main
one, a coordinated one with its own verb, the content of a reporting verb, an adverbial one), a
relative clause together with the noun it describes ("X, who led the failed round"), where the
subject carries such a clause, the predicate without it ("will head the delegation"), and a
clause without the adverbial clause that opens or closes it ("X invited Y to talks", of "X
invited Y to talks after Z called for them"). Quotations
are parts too, but the quote reader already gives their spans (`Analysis.quotes`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import ClaimRef

CLAUSE_HEADS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})
"""Dependency labels whose verb heads a clause that can state a claim alone."""

MIN_WORDS = 4
"""A part shorter than this ("he said") states no claim a reader could check."""

MAX_PARTS = 8
"""Parts kept per sentence: a run-on sentence of the parser's making must not flood the aligner."""


def _gap(token: Token) -> bool:
    """Punctuation or white space: never the edge of a claim, never one of its words."""
    return bool(token.is_punct or token.is_space)


def _words(span: Span) -> int:
    return sum(1 for token in span if not _gap(token))


def _clause(verb: Token) -> Span:
    """The clause a verb heads: its subtree; a relative clause keeps the noun it describes, a
    coordinated verb leaves out the conjunction that joins it, a subordinate one its "after" or
    "because"."""
    doc = verb.doc
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if verb.dep_ == "relcl":
        start = verb.head.left_edge.i
    elif verb.dep_ == "conj":
        own = [c.left_edge.i for c in verb.children if c.dep_ not in ("cc", "punct")]
        start = min([*own, verb.i])
    while start < verb.i and doc[start].dep_ == "mark" and doc[start].head.i == verb.i:
        start += 1  # "after the ministry announced ...": the claim starts at "the ministry"
    while end > start + 1 and _gap(doc[end - 1]):
        end -= 1  # a trailing comma or full stop is not part of the claim
    return doc[start:end]


def _predicate(verb: Token, clause: Span) -> Span | None:
    """What a clause says of a subject that carries a claim of its own ("X, who led the talks,
    will head the delegation": "will head the delegation"), so that the second claim has a part
    without the first."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.dep_ in ("relcl", "appos") for t in child.subtree):
            start = child.right_edge.i + 1
            while start < clause.end and _gap(verb.doc[start]):
                start += 1
            return verb.doc[start : clause.end] if start < clause.end else None
    return None


def _without_adverbial(verb: Token, clause: Span) -> Span | None:
    """The clause without an adverbial clause at its start or end ("X invited Y to talks after Z
    called for them": "X invited Y to talks"), which states a claim of its own."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ != "advcl":
            continue
        if child.right_edge.i + 1 >= clause.end:  # it closes the clause
            end = child.left_edge.i
            while end > clause.start and _gap(doc[end - 1]):
                end -= 1
            return doc[clause.start : end] if end > clause.start else None
        if child.left_edge.i <= clause.start:  # it opens the clause
            start = child.right_edge.i + 1
            while start < clause.end and _gap(doc[start]):
                start += 1
            return doc[start : clause.end] if start < clause.end else None
    return None


def extract_claims(doc: Doc, sentences: SentenceIndex) -> list[ClaimRef]:
    """Clauses of every sentence that say less than the whole sentence, in reading order."""
    out: list[ClaimRef] = []
    for index, sentence in enumerate(sentences.spans):
        whole = _words(sentence)
        seen: set[tuple[int, int]] = set()
        parts: list[ClaimRef] = []
        for token in sentence:
            if token.dep_ not in CLAUSE_HEADS or token.pos_ not in ("VERB", "AUX"):
                continue
            clause = _clause(token)
            if clause.start < sentence.start or clause.end > sentence.end:
                continue  # the parser hung it across a sentence boundary
            for span in (clause, _predicate(token, clause), _without_adverbial(token, clause)):
                if span is None:
                    continue
                words = _words(span)
                key = (span.start_char, span.end_char)
                if words < MIN_WORDS or words >= whole or key in seen:
                    continue
                seen.add(key)
                parts.append(
                    ClaimRef(sentence=index, start=span.start_char, end=span.end_char, kind="clause")
                )
        parts.sort(key=lambda c: (c.start, -c.end))
        out.extend(parts[:MAX_PARTS])
    return out
