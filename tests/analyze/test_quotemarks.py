"""Quotation marks paired from the characters alone, whatever the glyphs and however malformed."""

from __future__ import annotations

from newsprism.analyze.quotemarks import (
    completes_sentence,
    inner_span,
    opens_clause,
    quoted_spans,
    scan_quotations,
)


def inner(text: str) -> list[str]:
    return [text[slice(*inner_span(text, q))] for q in scan_quotations(text)]


def test_curly_straight_and_guillemet_quotations_pair() -> None:
    text = '“We will win,” he said. She said "no" twice. «Jamais», dit-il.'
    assert inner(text) == ["We will win", "no", "Jamais"]


def test_a_quotation_left_open_closes_at_the_end_of_its_paragraph() -> None:
    text = '"We will not reopen it until the engineers say so\nThe mayor left.'
    [q] = scan_quotations(text)
    assert not q.closed and text[q.inner : q.inner_end] == "We will not reopen it until the engineers say so"


def test_where_a_quotation_stands_in_its_sentence() -> None:
    text = 'He said: "The deal is dead." Paul suggested that Rubio was "weak" on trade.'
    first, second = scan_quotations(text)
    assert opens_clause(text, first) and completes_sentence(text, first)
    assert not opens_clause(text, second) and not completes_sentence(text, second)


def test_quoted_spans_of_one_sentence_run_to_its_end_when_unclosed() -> None:
    sentence = 'He said: "We will meet today with the team'
    [(start, end)] = quoted_spans(sentence)
    assert sentence[start:end] == '"We will meet today with the team'
    assert quoted_spans("No quotation here.") == []
