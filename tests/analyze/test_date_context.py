"""What each date dates (the words around it), and the dates that are not the happening's."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from newsprism.analyze.pipeline import analyze_doc
from newsprism.model import Article, DateRef


def dates(nlp: Language, text: str) -> list[DateRef]:
    return analyze_doc(nlp(text), Article(id="t", text=text, published=date(2025, 5, 14).isoformat())).dates


def test_a_date_keeps_the_words_on_each_side_as_written(nlp: Language) -> None:
    [friday] = dates(nlp, "The talks will open on Friday in Istanbul, officials said.")
    assert friday.words_before == ["The", "talks", "will", "open", "on"]
    assert friday.words_after == ["in", "Istanbul,", "officials", "said."]
    assert (friday.anaphoric, friday.quoted, friday.dateline) == (False, False, False)


def test_quoted_anaphoric_and_publication_dates_are_marked(nlp: Language) -> None:
    [today] = dates(nlp, 'He said: "We will meet today with the whole team."')
    assert today.quoted
    assert any(d.anaphoric for d in dates(nlp, "He apologised the next day in a statement."))
    assert all(d.dateline for d in dates(nlp, "Posted on Friday, November 11, 2011 by the news desk."))
